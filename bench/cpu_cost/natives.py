# Native work that grows with its input: sorting floats and joining strings.
import random
import time


def work():
    rng = random.Random(1)
    values = [rng.random() for _ in range(100_000)]
    ordered = sorted(values)
    text = ",".join([str(i) for i in range(100_000)])
    return ordered[0], len(text)


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
