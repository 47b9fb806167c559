# expect: 2:8: error: '(' was never closed
x = foo(1,
  2
