# expect: 5:15: error: imaginary number required in complex literal
match 1:
    case 1+2j | -1j:
        pass
    case -1 + 2:
        pass
