# expect: 4:5: error: 'return' with value in async generator
async def ticker():
    yield 1
    return 2
