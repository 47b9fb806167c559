# expect: 4:11: error: subclasses of 'asyncio.Task' (a native type in loopscope) are not supported in scenarios
# expect: 8:9: error: the '@' operator is not supported in scenarios

class Job(asyncio.Task):
    pass

async def main():
    f = 1 @ 2
