# Uncaught error raised inside asyncio's own code (Lock.release on an unlocked lock):
# the traceback's last frames are asyncio's; loopscope must not show prelude lines.
import asyncio


async def main():
    lock = asyncio.Lock()
    print("releasing an unlocked lock")
    lock.release()


asyncio.run(main())
