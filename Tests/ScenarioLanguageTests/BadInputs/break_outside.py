# expect: 2:1: error: 'break' outside loop
break
