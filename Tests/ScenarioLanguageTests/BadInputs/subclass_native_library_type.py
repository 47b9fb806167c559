# expect: 6:11: error: subclasses of 'asyncio.Task' (a native type in loopscope) are not supported in scenarios
# (collections.deque and asyncio.Future may be derived from: Ring and Reply below are fine.)
import asyncio
import collections

class Job(asyncio.Task):
    pass

class Ring(collections.deque):
    pass

class Reply(asyncio.Future):
    pass

class Gate(asyncio.Event):
    pass
