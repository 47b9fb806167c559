# expect: 2:7: error: invalid syntax
x = 1 $
