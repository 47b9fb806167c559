# expect: 2:5: error: unterminated string literal (detected at line 2)
x = 'abc
