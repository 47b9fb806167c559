# expect: 2:5: error: assignment expressions (':=') are not supported in scenarios
if (n := 10) > 5:
    pass
