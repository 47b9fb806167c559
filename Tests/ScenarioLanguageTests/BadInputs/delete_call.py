# expect: 2:5: error: cannot delete function call
del f()
