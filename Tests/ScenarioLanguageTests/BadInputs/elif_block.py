# expect: 5:1: error: expected an indented block after 'elif' statement on line 4
if x:
    pass
elif y:
pass
