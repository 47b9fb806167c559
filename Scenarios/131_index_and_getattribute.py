# Objects that stand for integers (`__index__`) and proxies that see every attribute read
# (`__getattribute__`): a slot number indexes lists, slices and ranges and prints in hex,
# while a traced proxy logs each attribute its users read, as a task pool uses it.
import asyncio


class Slot:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Traced:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_reads", [])

    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        self._reads.append(name)
        return getattr(self._target, name)

    def __getattr__(self, name):
        return f"<no {name}>"


class Worker:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    async def run(self):
        await asyncio.sleep(self.delay)
        return self.name.upper()


async def main():
    names = ["ann", "bob", "cy", "dee"]
    two = Slot(2)
    print(names[two], names[Slot(-1)], names[Slot(1):Slot(3)], list(range(Slot(4)))[::two])
    print(hex(Slot(255)), bin(Slot(5)), oct(Slot(8)), range(10)[two])
    workers = [Traced(Worker(n, 0.1 * (i % 2 + 1))) for i, n in enumerate(names)]
    print(await asyncio.gather(*(w.run() for w in workers)))
    print(workers[0]._reads, workers[1].missing, workers[1]._reads)
    try:
        names[Slot("x")]
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
