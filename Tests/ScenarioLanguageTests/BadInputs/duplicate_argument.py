# expect: 2:10: error: duplicate argument 'a' in function definition
def f(a, a):
    pass
