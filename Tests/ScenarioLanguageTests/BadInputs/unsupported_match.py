# expect: 2:1: error: 'match' statements are not supported in scenarios
match command:
    case 'go':
        pass
