# expect: 2:7: error: closing parenthesis ']' does not match opening parenthesis '('
x = (1]
