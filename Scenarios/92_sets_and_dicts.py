# Sets and frozensets as a scheduler's bookkeeping uses them: which workers finished,
# which are still busy, set algebra with operators and methods, subset tests, frozenset
# keys, and CPython's iteration order for sets of numbers. Errors keep CPython's words:
# unhashable members, operators between a set and a list, pop from an empty set.
import asyncio


async def worker(n, done):
    await asyncio.sleep(0.1 * (n % 4))
    done.add(n)
    return n


async def main():
    done = set()
    everyone = set(range(12))
    tasks = [asyncio.create_task(worker(n, done)) for n in [9, 3, 33, 1, 100, 5, 17]]
    await asyncio.sleep(0.15)
    print("after 0.15s:", done, sorted(done), len(done))
    await asyncio.gather(*tasks)
    print("all done:", done, {5, 3, 9, 1, 100, 33, 17} == done, set([1, 2, 3]) == set([3, 2, 1]))
    busy = everyone - done
    print(busy, everyone & done, done | {0}, done ^ {1, 2}, {-1, -2, 7, 8})
    print(done.union([7], (8,)), done.intersection(range(10)), done.difference({1, 3}))
    print(done.symmetric_difference([3, 4]), {1, 3} <= done, done < done, done >= {1}, {1} < {1, 2})
    print(done.issubset(range(200)), done.issuperset([1, 5]), done.isdisjoint({2, 4}))
    s = {1, 2}
    s |= {3}
    s &= {1, 3, 4}
    s -= {4}
    s ^= {9}
    print(s, [s.pop(), s.pop()], s)
    pending = set(range(10))
    pending.discard(100)
    pending.remove(0)
    pending.update([1, 42], {43})
    pending.difference_update({1, 2})
    pending.intersection_update(range(40))
    print(pending, 42 in pending, 3 in pending)
    key = frozenset([3, 1, 2])
    seen = {key: "first", frozenset({7}): "second"}
    print(key, frozenset(), set(), key | {9}, {9} | key, key == {1, 2, 3}, seen[frozenset({1, 2, 3})])
    print({(1, 2), (3, 4)}, {1.5, 2.5, 0.1}, {True, 1, 1.0}, {x % 5 for x in range(100, 120)})
    print(set({3: 1, 1: 2}), set("aaa"), {frozenset([1]), frozenset([2])}, set(range(20)) - {3, 5})
    for bad in [lambda: {1} | [2], lambda: s.add([]), lambda: [] in s, lambda: {1} < [1],
                lambda: key.add, lambda: set().pop(), lambda: pending.remove(1000)]:
        try:
            bad()
        except (TypeError, AttributeError, KeyError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
