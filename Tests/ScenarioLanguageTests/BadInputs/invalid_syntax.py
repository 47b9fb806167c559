# expect: 2:5: error: invalid syntax
x = = 2
