# expect: 5:9: error: 'nonlocal' statements are not supported in scenarios
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
