# expect: 3:14: error: 'yield' inside list comprehension
def gen():
    return [(yield x) for x in range(3)]
