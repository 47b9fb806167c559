# Function calls with arguments and a for loop over a range.
import time


def add(a, b):
    return a + b


def work():
    total = 0
    for i in range(1_000_000):
        total = add(total, i)
    return total


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
