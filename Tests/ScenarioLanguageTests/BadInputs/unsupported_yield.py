# expect: 3:5: error: 'yield' is not supported in scenarios (generators are not supported)
def gen():
    yield 1
