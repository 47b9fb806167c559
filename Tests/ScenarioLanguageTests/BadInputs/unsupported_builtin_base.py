# expect: 4:13: error: subclasses of 'asyncio.Task' (a native type in loopscope) are not supported in scenarios
import asyncio
@decorators_are_fine
class Stack(asyncio.Task):
    pass
