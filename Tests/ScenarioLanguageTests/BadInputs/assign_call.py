# expect: 2:1: error: cannot assign to function call here. Maybe you meant '==' instead of '='?
f() = 3
