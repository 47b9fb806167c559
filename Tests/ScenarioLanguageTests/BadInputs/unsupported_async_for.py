# expect: 3:5: error: 'async for' is not supported in scenarios
async def main():
    async for x in source():
        print(x)
