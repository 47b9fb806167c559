# expect: 3:28: error: f-string expression part cannot include a backslash
words = ["a", "b"]
print(f'{"\n".join(words)}')
