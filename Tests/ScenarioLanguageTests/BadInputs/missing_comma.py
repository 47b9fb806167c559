# expect: 2:7: error: invalid syntax. Perhaps you forgot a comma?
print(a b)
