# expect: 2:5: error: unterminated triple-quoted string literal (detected at line 4)
x = '''abc

y
