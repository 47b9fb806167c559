# random seeded with strings, as CPython 3.11 seeds them (version 2: the UTF-8 bytes
# followed by their SHA-512 digest, read as one big int), so each named worker draws
# CPython's numbers: its own Random("name") for the jitter of its retries. Also seeds
# that are floats (by their hash), negative and huge ints, version 1 string seeding,
# and getrandbits past 64 bits.
import asyncio
import random


async def worker(name, failures):
    rng = random.Random(f"worker-{name}")
    for attempt in range(1, 5):
        delay = round(0.1 * 2 ** attempt + rng.uniform(0, 0.1), 4)
        if attempt > failures:
            print(f"{name}: attempt {attempt} succeeds at {asyncio.get_running_loop().time():.4f}")
            return name, attempt
        print(f"{name}: attempt {attempt} fails, retrying in {delay}")
        await asyncio.sleep(delay)
    return name, None


async def main():
    results = await asyncio.gather(worker("ada", 2), worker("bob", 0), worker("cy", 3), worker("ünï", 1))
    print(results)


asyncio.run(main())

for seed in ["", "a string", "naïve ✓", 3.5, -3.0, -7, 2 ** 100, -(2 ** 70), True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(10 ** 20), random.getrandbits(90))
random.seed("legacy", version=1)
print(random.choice("abcdefgh"), random.sample(range(1000), 4))
try:
    random.seed(["unhashable"])
except TypeError as e:
    print("TypeError:", e)
