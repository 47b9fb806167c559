# expect: 3:13: error: lambdas that use a comprehension's variable ('i') are not supported in scenarios
ok = [lambda x, i=i: x + i for i in range(3)]
late = [(1, lambda: i) for i in range(3)]
