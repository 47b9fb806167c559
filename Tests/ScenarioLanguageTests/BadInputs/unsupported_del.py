# expect: 3:1: error: 'del' statements are not supported in scenarios
xs = [1, 2]
del xs[0]
