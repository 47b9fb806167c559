# Retries with exponential backoff and random jitter, seeded: `random.seed(7)` makes
# the Mersenne Twister draw exactly CPython's numbers, so the delays, the order in which
# the flaky calls succeed and the final clock all repeat run after run.
import asyncio
import random
from random import uniform, choice

random.seed(7)


async def flaky_call(name, attempt):
    await asyncio.sleep(random.random() / 10)
    if random.random() < 0.6:
        raise ConnectionError(f"{name} failed on attempt {attempt}")
    return f"{name} ok after {attempt} attempt(s)"


async def with_retries(name, attempts=5, base=0.1):
    for attempt in range(1, attempts + 1):
        try:
            return await flaky_call(name, attempt)
        except ConnectionError as e:
            delay = base * 2 ** (attempt - 1) + uniform(0, base)
            print(f"{e}; retrying in {delay:.3f}s")
            await asyncio.sleep(delay)
    return f"{name} gave up"


async def main():
    loop = asyncio.get_running_loop()
    names = [choice(["db", "cache", "api"]) + str(i) for i in range(4)]
    print(names, random.randint(1, 6), random.randrange(0, 100, 5))
    results = await asyncio.gather(*[with_retries(n) for n in names])
    for r in results:
        print(r)
    deck = list(range(8))
    random.shuffle(deck)
    print(deck, random.sample(deck, 3), random.choices("abc", k=4))
    print(round(random.gauss(10, 2), 6), round(random.expovariate(2.0), 6), random.getrandbits(20))
    print(f"done at t={loop.time():.3f}")


asyncio.run(main())
