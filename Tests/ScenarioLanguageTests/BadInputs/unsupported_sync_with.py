# expect: 2:1: error: 'with' statements are not supported in scenarios (only 'async with' is)
with open('f') as f:
    pass
