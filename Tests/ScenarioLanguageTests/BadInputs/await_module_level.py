# expect: 2:1: error: 'await' outside function
await x
