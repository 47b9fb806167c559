# expect: 2:2: error: decorators are not supported in scenarios
@cache
def f():
    return 1
