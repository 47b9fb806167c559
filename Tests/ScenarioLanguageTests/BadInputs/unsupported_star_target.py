# expect: 2:4: error: starred assignment targets ('a, *b = ...') are not supported in scenarios
a, *b = [1, 2, 3]
