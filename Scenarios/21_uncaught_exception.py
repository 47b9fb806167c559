# An uncaught exception in main. asyncio.run() re-raises it, so the program ends
# with a traceback on stderr and exit status 1. Notice the prints before the error
# still appear on stdout.
import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def main():
    print("parsing '42'")
    print(await parse("42"))
    print("parsing 'forty-two'")
    print(await parse("forty-two"))
    print("never printed")


asyncio.run(main())
