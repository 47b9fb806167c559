# expect: 3:5: error: 'yield from' inside async function
async def gen():
    yield from [1, 2]
