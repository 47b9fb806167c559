# expect: 3:23: error: 'async for' in comprehensions is not supported in scenarios
async def main():
    xs = [x async for x in source()]
