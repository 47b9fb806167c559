# expect: 2:5: error: cannot assign to literal
for 1 in x:
    pass
