# expect: 4:1: error: 'import os' is not supported in scenarios (allowed: 'import asyncio', 'import time', 'from loopscope import cpu')
# expect: 6:1: error: 'class' definitions are not supported in scenarios
# expect: 10:9: error: 'lambda' expressions are not supported in scenarios
import os

class Job:
    pass

async def main():
    f = lambda: 1
