# expect: 3:12: error: asynchronous comprehension outside of an asynchronous function
def f():
    return [await x for x in y]
