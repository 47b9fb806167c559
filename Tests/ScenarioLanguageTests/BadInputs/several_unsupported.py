# expect: 4:1: error: 'class' definitions are not supported in scenarios
# expect: 8:9: error: the '@' operator is not supported in scenarios

class Job:
    pass

async def main():
    f = 1 @ 2
