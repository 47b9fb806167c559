# expect: 2:7: error: invalid digit '9' in octal literal
x = 0o9
