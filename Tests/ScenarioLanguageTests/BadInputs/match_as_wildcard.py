# expect: 3:15: error: cannot use '_' as a target
match command:
    case x as _:
        pass
