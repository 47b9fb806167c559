# expect: 3:18: error: 'yield' inside generator expression
def gen():
    return list((yield x) for x in range(3))
