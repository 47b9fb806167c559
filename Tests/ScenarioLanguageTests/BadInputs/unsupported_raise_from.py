# expect: 5:5: error: 'raise ... from' is not supported in scenarios
try:
    pass
except KeyError as e:
    raise ValueError('x') from e
