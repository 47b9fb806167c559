# expect: 3:5: error: unterminated string literal (detected at line 3)
x = = 1
y = 'ab
