# expect: 2:15: error: keyword argument repeated: sep
print(sep='', sep='')
