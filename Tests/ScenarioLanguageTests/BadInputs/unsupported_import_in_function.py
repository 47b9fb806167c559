# expect: 3:5: error: imports are only supported at module level in scenarios
async def main():
    import asyncio
