# expect: 3:4: error: unexpected indent
x = 1
    y = 2
