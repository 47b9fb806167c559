# expect: 2:13: error: positional argument follows keyword argument
print(a=1, 2)
