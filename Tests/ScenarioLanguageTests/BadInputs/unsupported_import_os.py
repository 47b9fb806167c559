# expect: 2:1: error: 'import os' is not supported in scenarios (allowed: 'import asyncio', 'import time', 'from loopscope import cpu')
import os
