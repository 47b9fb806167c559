# A generator pipeline consumed by sum().
import time


def numbers(n):
    for i in range(n):
        yield i


def work():
    return sum(x * x for x in numbers(1_000_000) if x % 2)


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
