# expect: 2:1: error: 'return' outside function
return 1
