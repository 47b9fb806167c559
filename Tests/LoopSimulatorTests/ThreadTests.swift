import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Simulated threads (`ThreadScheduler`): worker threads on the virtual clock, blocking
/// primitives, executors and their hand-off to the loop, and deadlocks among threads.
@Suite("Threads")
struct ThreadTests {
    @Test func sleepInAThreadBlocksOnlyThatThread() {
        let source = """
        import threading, time
        def work(n):
            time.sleep(n)
            print("thread", n, time.monotonic())
        ts = [threading.Thread(target=work, args=(n,)) for n in (0.5, 0.2)]
        for t in ts:
            t.start()
        print("main", time.monotonic(), [t.name for t in ts])
        time.sleep(0.3)
        print("main again", time.monotonic())
        for t in ts:
            t.join()
        print("joined", time.monotonic(), threading.active_count())
        """
        let r = simulate(source)
        #expect(r.status == 0)
        #expect(r.stdout == """
        main 0.0 ['Thread-1 (work)', 'Thread-2 (work)']
        thread 0.2 0.2
        main again 0.3
        thread 0.5 0.5
        joined 0.5 1

        """, "\(r)")
    }

    @Test func locksConditionsAndQueuesBlockAndHandOver() {
        let source = """
        import threading, time, queue
        q = queue.Queue()
        lock = threading.Lock()
        done = threading.Event()
        def consumer():
            while (item := q.get()) is not None:
                with lock:
                    print("got", item, time.monotonic())
            done.set()
        t = threading.Thread(target=consumer)
        t.start()
        with lock:
            q.put(1)
            time.sleep(0.1)
        q.put(2)
        time.sleep(0.1)
        q.put(None)
        print("waited", done.wait(), time.monotonic())
        print(lock.acquire(timeout=0.25), lock.acquire(timeout=0.25), time.monotonic())
        """
        let r = simulate(source)
        #expect(r.stdout == """
        got 1 0.1
        got 2 0.1
        waited True 0.2
        True False 0.45

        """, "\(r)")
    }

    @Test func toThreadAndRunInExecutorNameTheirWorkersAsCPython() {
        let source = """
        import asyncio, threading, time
        from concurrent.futures import ThreadPoolExecutor
        def name(x):
            time.sleep(x)
            return threading.current_thread().name
        async def main():
            loop = asyncio.get_running_loop()
            print(await asyncio.to_thread(name, 0.1), await loop.run_in_executor(None, name, 0.1))
            with ThreadPoolExecutor() as pool:
                print(pool._max_workers, await loop.run_in_executor(pool, name, 0.1))
            with ThreadPoolExecutor(thread_name_prefix="io") as pool:
                print(await loop.run_in_executor(pool, name, 0.1), loop.time())
        asyncio.run(main())
        print([t.name for t in threading.enumerate()])
        """
        let r = simulate(source)
        #expect(r.stdout == "asyncio_0 asyncio_0\n8 ThreadPoolExecutor-0_0\nio_0 0.4\n['MainThread']\n", "\(r)")
    }

    @Test func anExceptionInTheFunctionReachesTheAwaitingTask() {
        let source = """
        import asyncio
        def fail():
            raise ValueError("from the thread")
        async def main():
            try:
                await asyncio.to_thread(fail)
            except ValueError as e:
                print("caught", e)
        asyncio.run(main())
        """
        #expect(simulate(source).stdout == "caught from the thread\n")
    }

    @Test func aThreadWaitingForeverIsADeadlockWithItsLine() {
        let source = """
        import threading
        lock = threading.Lock()
        lock.acquire()
        def stuck():
            lock.acquire()
        t = threading.Thread(target=stuck)
        t.start()
        t.join()
        """
        let r = simulate(source)
        #expect(r.status == 3)
        #expect(r.stderr.contains("thread Thread-1 (stuck) is blocked at test.py:5"), "\(r)")
    }

    @Test func noThreadsNoChange() {
        // The scheduler exists once threading is imported, but runs nothing.
        let source = "import threading, time\ntime.sleep(1)\nprint(time.monotonic(), threading.current_thread().name)\n"
        #expect(simulate(source).stdout == "1.0 MainThread\n")
    }

    /// The same counting work four ways with the cost model on (milliseconds).
    static let whereTheTimeGoes = """
    import asyncio, time
    from concurrent.futures import ProcessPoolExecutor
    def count(limit):
        counter = 0
        while counter < limit:
            counter = counter + 1
        return counter
    async def count_in_loop(limit):
        return count(limit)
    async def timed(label, make):
        start = time.perf_counter()
        await asyncio.gather(*make())
        print(label, (time.perf_counter() - start) * 1000)
    async def ticker():
        late = 0
        for _ in range(20):
            t = time.perf_counter()
            await asyncio.sleep(0.001)
            late = max(late, time.perf_counter() - t - 0.001)
        return late
    async def main():
        loop = asyncio.get_running_loop()
        n = 300_000
        await timed("one", lambda: [count_in_loop(n)])
        await timed("loop", lambda: [count_in_loop(n), count_in_loop(n)])
        await timed("threads", lambda: [asyncio.to_thread(count, n), asyncio.to_thread(count, n)])
        with ProcessPoolExecutor(max_workers=2) as pool:
            await timed("processes", lambda: [loop.run_in_executor(pool, count, n), loop.run_in_executor(pool, count, n)])
        late, _ = await asyncio.gather(ticker(), asyncio.to_thread(count, n))
        print("late", late * 1000)
        alone = await ticker()
        print("alone", alone * 1000)
    asyncio.run(main())
    """

    @Test func theGILMakesThreadsNoFasterAndProcessesRunInParallel() throws {
        let r = simulate(Self.whereTheTimeGoes, options: SimulationOptions(cpuCost: .realistic))
        var ms: [String: Double] = [:]
        for line in r.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { ms[String(parts[0])] = v }
        }
        let one = try #require(ms["one"]), loop = try #require(ms["loop"]), threads = try #require(ms["threads"])
        let processes = try #require(ms["processes"]), late = try #require(ms["late"]), alone = try #require(ms["alone"])
        #expect(one > 2, "\(r)")
        // Two counts in the loop take twice one; in two threads no less (the GIL).
        #expect(abs(loop / one - 2) < 0.1)
        #expect(threads >= loop * 0.95)
        // In two processes, as long as one.
        #expect(abs(processes / one - 1) < 0.1)
        // The loop waits for the GIL: a timer is late by about the switch interval.
        #expect(late > 4 && late < 6, "late \(late) ms")
        #expect(alone < 0.5, "alone \(alone) ms")
    }

    @Test func withTheModelOffThreadCodeTakesNoTime() {
        let r = simulate(Self.whereTheTimeGoes)
        let values = r.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(values.count == 6 && values.allSatisfy { abs($0) < 1e-9 }, "\(r)")
    }

    @Test func cpuBurstsInThreadsTakeTurnsEveryFiveMilliseconds() {
        let source = """
        import threading, time
        from loopscope import cpu
        marks = []
        def burn(name):
            cpu(0.012)
            marks.append((name, round(time.monotonic(), 4)))
        ts = [threading.Thread(target=burn, args=(n,)) for n in "ab"]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(marks)
        """
        // a starts, holds the GIL 0-5 ms (main asked at 0: start() waits for it); main
        // starts b at 5; b runs 5-10 (main asked again at 5, after a's drop at 5); a (asked
        // at 5, first in line) runs 10-15, then again 15-17, done: main and b asked later
        // than a's turn began... main asked at 10, b at 15: main joins a, then blocks on b;
        // b runs alone 17-24.
        #expect(simulate(source).stdout == "[('a', 0.017), ('b', 0.024)]\n")
    }

    @Test func processPoolsNameTheirProcessesAndRunInParallel() {
        let source = """
        import asyncio, time
        from concurrent.futures import ProcessPoolExecutor
        def crunch(n):
            time.sleep(n)
            return n * 2
        async def main():
            loop = asyncio.get_running_loop()
            with ProcessPoolExecutor() as pool:
                print(pool._max_workers)
                rs = await asyncio.gather(*(loop.run_in_executor(pool, crunch, n) for n in (0.5, 0.3, 0.4, 0.2, 0.1)))
                print(rs, loop.time())
                print(list(pool.map(crunch, [0.1, 0.2])), loop.time())
        asyncio.run(main())
        """
        #expect(simulate(source).stdout == "4\n[1.0, 0.6, 0.8, 0.4, 0.2] 0.5\n[0.2, 0.4] 0.7\n")
    }

    @Test func runCoroutineThreadsafeHandsTheResultToTheBlockedThread() {
        let source = """
        import asyncio, time
        async def double(x):
            await asyncio.sleep(0.2)
            return x * 2
        def worker(loop):
            try:
                asyncio.run_coroutine_threadsafe(double, loop)
            except TypeError as e:
                print("TypeError:", e)
            f = asyncio.run_coroutine_threadsafe(double(21), loop)
            print("waiting", f.done())
            print("got", f.result(), time.monotonic())
            slow = asyncio.run_coroutine_threadsafe(asyncio.sleep(5, "late"), loop)
            try:
                slow.result(timeout=0.5)
            except TimeoutError:
                print("timed out at", time.monotonic(), slow.cancel())
        async def main():
            await asyncio.to_thread(worker, asyncio.get_running_loop())
            await asyncio.sleep(0)
            print("tasks left", len(asyncio.all_tasks()))
        asyncio.run(main())
        """
        let r = simulate(source)
        #expect(r.stdout == """
        TypeError: A coroutine object is required
        waiting False
        got 42 0.2
        timed out at 0.7 True
        tasks left 1

        """, "\(r)")
    }
}

