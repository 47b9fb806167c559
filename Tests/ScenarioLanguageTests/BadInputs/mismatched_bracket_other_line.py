# expect: 3:7: error: closing parenthesis ']' does not match opening parenthesis '(' on line 2
x = (1,
     2]
