# expect: 3:21: error: f-string expression part cannot include '#'
n = 3
print(f'{n # count}', f'{"#"}')
