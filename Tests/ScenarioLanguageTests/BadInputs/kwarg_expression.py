# expect: 2:3: error: expression cannot contain assignment, perhaps you meant "=="?
f(1=2)
