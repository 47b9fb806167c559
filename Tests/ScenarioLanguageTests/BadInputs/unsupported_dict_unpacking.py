# expect: 2:14: error: '**' dictionary unpacking is not supported in scenarios
d = {1: 2, **other}
