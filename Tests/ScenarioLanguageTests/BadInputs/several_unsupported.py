# expect: 4:11: error: subclasses of the built-in type 'memoryview' are not supported in scenarios
# expect: 8:9: error: the '@' operator is not supported in scenarios

class Job(memoryview):
    pass

async def main():
    f = 1 @ 2
