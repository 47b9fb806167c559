# expect: 5:1: error: expected an indented block after 'except' statement on line 4
try:
    pass
except ValueError:
pass
