# The asyncio book's CPU-bound pitfall: counting in a while loop.
import time


def work():
    counter = 0
    while counter < 3_000_000:
        counter = counter + 1
    return counter


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
