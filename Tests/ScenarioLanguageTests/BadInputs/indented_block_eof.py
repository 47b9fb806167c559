# expect: 2:12: error: expected an indented block after 'while' statement on line 2
while True:
