# expect: 3:7: error: '__sizeof__' is not supported in scenarios: object sizes are CPython's memory layout, which loopscope does not model
items = [1, 2, 3]
print(items.__sizeof__())
