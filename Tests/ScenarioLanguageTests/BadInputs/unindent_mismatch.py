# expect: 4:10: error: unindent does not match any outer indentation level
if x:
        a = 1
    b = 2
