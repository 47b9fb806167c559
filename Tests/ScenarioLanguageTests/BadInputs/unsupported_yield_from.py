# expect: 3:5: error: 'yield from' is not supported in scenarios (generators are not supported)
def gen():
    yield from other()
