# expect: 2:1: error: 'import asyncio as aio' is not supported in scenarios (allowed: 'import asyncio', 'import time', 'from loopscope import cpu')
import asyncio as aio
