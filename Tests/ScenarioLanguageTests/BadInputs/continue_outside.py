# expect: 2:1: error: 'continue' not properly in loop
continue
