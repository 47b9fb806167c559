# expect: 2:5: error: can't use starred expression here
x = *a
