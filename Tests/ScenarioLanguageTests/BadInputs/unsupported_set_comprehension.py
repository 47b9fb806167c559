# expect: 2:5: error: set comprehensions are not supported in scenarios
s = {x for x in range(3)}
