# expect: 2:5: error: set displays are not supported in scenarios
s = {1, 2}
