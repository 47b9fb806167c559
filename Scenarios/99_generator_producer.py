# A generator-based producer: a plain generator makes job batches (with `yield from`,
# `send` to change the batch size, and a `finally` that reports how much was made),
# tasks drain a queue fed from it, and generator expressions total the results.
import asyncio

def jobs(total):
    made = 0
    size = 2
    try:
        while made < total:
            batch = list(range(made, min(made + size, total)))
            made += len(batch)
            new_size = yield batch
            if new_size is not None:
                size = new_size
    finally:
        print(f"producer made {made} jobs")

def labelled(prefix, batches):
    count = yield from ((f"{prefix}-{j}" for j in batch) for batch in batches)
    return count

def flatten(batches):
    for batch in batches:
        yield from batch
    return "flattened"

async def worker(name, queue, results):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.1 * (1 + job % 3))
        results.append((name, job, job * job))
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    producer = jobs(10)
    first = next(producer)
    print("first batch", first)
    second = producer.send(4)
    print("bigger batch", second)
    for job in flatten([first, second]):
        queue.put_nowait(job)
    for batch in producer:
        for job in batch:
            queue.put_nowait(job)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    print("jobs per worker", dict((name, sum(1 for n, _, _ in results if n == name)) for name in ["w0", "w1", "w2"]))
    print("sum of squares", sum(sq for _, _, sq in results))
    print("largest", max((sq, job) for _, job, sq in results))
    print("labels", [list(g) for g in labelled("job", [[1, 2], [3]])])
    print("time", asyncio.get_running_loop().time())

asyncio.run(main())
