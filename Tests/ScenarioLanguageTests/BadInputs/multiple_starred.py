# expect: 2:1: error: multiple starred expressions in assignment
a, *b, *c = d
