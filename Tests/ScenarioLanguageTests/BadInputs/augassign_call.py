# expect: 2:1: error: 'function call' is an illegal expression for augmented assignment
f() += 3
