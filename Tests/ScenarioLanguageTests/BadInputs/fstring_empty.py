# expect: 2:10: error: f-string: empty expression not allowed
x = f'{}'
