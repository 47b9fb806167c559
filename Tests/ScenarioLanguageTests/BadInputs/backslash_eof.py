# expect: 2:10: error: unexpected EOF while parsing
x = 1 + \
