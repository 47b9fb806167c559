# expect: 2:17: error: expected ':'
async def main()
    pass
