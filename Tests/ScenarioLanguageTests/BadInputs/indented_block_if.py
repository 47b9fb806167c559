# expect: 3:1: error: expected an indented block after 'if' statement on line 2
if x:
pass
