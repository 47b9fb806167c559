# expect: 6:13: error: subclasses of 'asyncio.Future' (a native type in loopscope) are not supported in scenarios
# (collections.deque may be derived from: Ring below is fine.)
import asyncio
import collections

class Reply(asyncio.Future):
    pass

class Ring(collections.deque):
    pass

class Gate(asyncio.Event):
    pass
