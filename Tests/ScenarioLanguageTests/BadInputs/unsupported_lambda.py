# expect: 2:5: error: 'lambda' expressions are not supported in scenarios
f = lambda x: x + 1
