# Lists, dicts and strings: appends, lookups, f-strings and a comprehension.
import time


def work():
    counts = {}
    words = []
    for i in range(300_000):
        key = i % 100
        counts[key] = counts.get(key, 0) + 1
        if i % 3 == 0:
            words.append(f"w{key}")
    return len([w for w in words if len(w) > 2]) + len(counts)


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
