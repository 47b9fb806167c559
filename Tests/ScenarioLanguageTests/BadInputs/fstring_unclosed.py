# expect: 2:9: error: f-string: expecting '}'
x = f'{'
