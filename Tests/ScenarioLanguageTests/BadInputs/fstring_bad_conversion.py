# expect: 2:15: error: f-string: invalid conversion character: expected 's', 'r', or 'a'
print(f'{x!z}')
