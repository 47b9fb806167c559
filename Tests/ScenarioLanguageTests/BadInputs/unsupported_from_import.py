# expect: 2:1: error: 'from asyncio import sleep' is not supported in scenarios (allowed: 'import asyncio', 'import time', 'from loopscope import cpu')
from asyncio import sleep
