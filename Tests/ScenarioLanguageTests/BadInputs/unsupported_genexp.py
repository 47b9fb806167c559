# expect: 2:13: error: generator expressions are not supported in scenarios (use a list comprehension)
total = sum(x * x for x in range(3))
