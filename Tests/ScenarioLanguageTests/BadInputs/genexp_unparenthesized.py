# expect: 2:3: error: Generator expression must be parenthesized
f(x for x in y, 1)
