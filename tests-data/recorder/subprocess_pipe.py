# asyncio.subprocess: run a child Python, read its output through a pipe, wait for it.
import asyncio
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; print('from child'); sys.exit(4)",
        stdout=asyncio.subprocess.PIPE)
    out, _ = await asyncio.wait_for(proc.communicate(), 10)
    print(out.decode().strip(), proc.returncode)


asyncio.run(main())
