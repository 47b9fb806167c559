# expect: 2:5: error: expected 'else' after 'if' expression
x = 1 if 2
