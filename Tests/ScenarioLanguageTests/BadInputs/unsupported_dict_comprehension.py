# expect: 2:5: error: dict comprehensions are not supported in scenarios
d = {x: x for x in range(3)}
