# Nested plain functions inside async def, capturing variables: closures see the
# variable, not a copy, so later rebinding in the enclosing function is visible;
# mutation through a captured list works; closures outlive their coroutine. Notice
# the late-binding result for functions built in a loop and the default-arg fix.
import asyncio


def make_counter(start):
    box = [start]

    def step(by=1):
        box[0] += by
        return box[0]
    return step


async def main():
    loop = asyncio.get_running_loop()
    label = "before"

    def show(x):
        return f"{label}:{x}"
    print(f"{loop.time():.2f} {show(1)}")
    label = "after"
    print(f"{loop.time():.2f} {show(2)}")
    late = []
    early = []
    for i in range(3):
        def f():
            return i * 10
        def g(i=i):
            return i * 10
        late.append(f)
        early.append(g)
    print(f"{loop.time():.2f} late binding {[h() for h in late]}, defaults {[h() for h in early]}")
    c = make_counter(5)
    print(f"{loop.time():.2f} counter {c()} {c()} {c(by=10)}")
    log = []

    def record(fut):
        log.append(f"{loop.time():.2f} {fut.result()}")

    async def job(n):
        await asyncio.sleep(0.1 * n)
        return f"job{n}"
    tasks = []
    for n in [2, 1, 3]:
        t = asyncio.create_task(job(n))
        t.add_done_callback(record)
        tasks.append(t)
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    for line in log:
        print(line)


asyncio.run(main())
