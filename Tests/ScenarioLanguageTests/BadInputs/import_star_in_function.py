# expect: 5:34: error: import * only allowed at module level
import asyncio

async def main():
    if True: from asyncio import *
