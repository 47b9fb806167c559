# expect: 2:9: error: f-string: single '}' is not allowed
x = f'}'
