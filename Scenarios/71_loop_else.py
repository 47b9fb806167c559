# while/else and for/else: the else branch runs when the loop ends without break,
# including a loop whose body never runs; break skips it. Used here for a polling
# loop that gives up after a few tries. Notice which "else" lines appear.
import asyncio


async def poll(ev, tries, delay):
    loop = asyncio.get_running_loop()
    n = 0
    while n < tries:
        n += 1
        if ev.is_set():
            print(f"{loop.time():.2f} poll: seen after {n} tries")
            break
        await asyncio.sleep(delay)
    else:
        print(f"{loop.time():.2f} poll: gave up after {n} tries")
        return False
    return True


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    loop.call_later(0.35, ev.set)
    r1 = await poll(ev, 3, 0.1)
    r2 = await poll(ev, 3, 0.1)
    print(f"{loop.time():.2f} results {r1} {r2}")
    for x in []:
        print("never")
    else:
        print("for over empty list: else ran")
    for x in [1, 3, 5, 6, 7]:
        if x % 2 == 0:
            print(f"first even {x}")
            break
    else:
        print("no even number")
    for x in [1, 3]:
        if x % 2 == 0:
            break
    else:
        print(f"no even number, x ends as {x}")
    while False:
        pass
    else:
        print("while False: else ran")
    for i in range(3):
        for j in range(3):
            if i * j == 2:
                break
        else:
            print(f"inner loop for i={i} completed")
            continue
        print(f"inner loop broke at i={i} j={j}")
        break


asyncio.run(main())
