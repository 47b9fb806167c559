# expect: 4:8: error: the built-in type 'complex' is not supported in scenarios
# (loopscope has no complex numbers: check refuses the name, as run would not find it)

root = complex(-1, 0) ** 0.5
print(root)
