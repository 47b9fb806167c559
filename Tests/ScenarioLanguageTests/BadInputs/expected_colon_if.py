# expect: 2:5: error: expected ':'
if x
    pass
