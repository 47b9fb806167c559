import Foundation
import Testing
import LoopSimulator
import TestSupport
@testable import LoopTrace

/// The reader decodes and packs blocks of lines in parallel, each against strings of its
/// own, and appends them in order: the store must be the one the events build appended one
/// by one (as the simulator feeds it), and a damaged trace must fail at the line, with the
/// message, that a line-by-line reader (`lineByLineError`) reports. `TraceFollower`
/// shares the reader's blocks, and must report the same.
@Suite struct BlockLoadingTests {
    /// Twenty tasks sleeping, yielding, burning CPU and printing: about 100,000 events, so
    /// several blocks and batches (one block is 16,384 lines).
    static func manyBlocks() -> TraceStore {
        TestSupport.record(source: """
        import asyncio
        from loopscope import cpu

        async def worker(k):
            for i in range(300):
                await asyncio.sleep(0.01 * (k + 1))
                if i % 7 == 0:
                    await asyncio.sleep(0)
                if i % 10 == 0:
                    cpu(0.002)
                if i % 25 == 0:
                    print(f"worker {k} round {i}")

        async def main():
            tasks = [asyncio.create_task(worker(k), name=f"w{k}") for k in range(20)]
            for t in tasks:
                await t

        asyncio.run(main())

        """, path: "many_blocks.py")
    }

    /// The events of `store` appended one by one into a new store.
    static func rebuilt(_ store: TraceStore) -> TraceStore {
        let copy = TraceStore(header: store.header)
        for e in store.events(in: 0..<store.eventCount) { copy.append(e) }
        return copy
    }

    static func expectSameStore(_ a: TraceStore, _ b: TraceStore, _ name: String) {
        #expect(a.eventCount == b.eventCount, "\(name)")
        #expect(a.strings.strings == b.strings.strings, "\(name): string tables differ")
        #expect(a.events.map(fields) == b.events.map(fields), "\(name): packed events differ")
        #expect(sameLane(a.loopLane, b.loopLane), "\(name): loop lane differs")
        #expect(a.taskRecords.count == b.taskRecords.count, "\(name)")
        for (x, y) in zip(a.taskRecords, b.taskRecords) {
            #expect(sameLane(x.lane, y.lane) && x.stepCount == y.stepCount, "\(name): task \(x.createdEvent)'s lane differs")
        }
        #expect(a.threadRecords.map(\.lane.pyramid.levels) == b.threadRecords.map(\.lane.pyramid.levels), "\(name)")
        #expect(a.slotCount == b.slotCount && a.iterations.count == b.iterations.count && a.timers.count == b.timers.count
                && a.steps.count == b.steps.count && a.callbacks.count == b.callbacks.count, "\(name)")
        #expect(a.printEvents == b.printEvents && a.skippedReady == b.skippedReady && a.handOffEvents == b.handOffEvents, "\(name)")
    }

    /// A packed event's stored values (its padding left out).
    static func fields(_ e: PackedEvent) -> [Int64] {
        [Int64(bitPattern: e.time.bitPattern), Int64(e.iteration), Int64(e.a), Int64(e.b), Int64(e.c), Int64(e.d), Int64(e.e),
         Int64(e.f), Int64(e.kind.rawValue), Int64(e.flags)]
    }

    static func sameLane(_ a: Lane, _ b: Lane) -> Bool {
        a.segments == b.segments && a.pyramid.levels == b.pyramid.levels && a.lines == b.lines && a.files == b.files
    }

    @Test func aLoadedTraceIsTheStoreItsEventsBuildOneByOne() throws {
        let big = Self.manyBlocks()
        var stores: [(String, TraceStore)] = [("many_blocks.py", big)]
        #expect(big.eventCount > 70_000)
        for path in try Fixtures.scenarioPaths() { stores.append((path, Fixtures.record(path))) }
        for (name, store) in stores {
            let loaded = try TraceReader.read(TraceWriter.encode(store), path: name).get()
            Self.expectSameStore(loaded, Self.rebuilt(store), name)
        }
    }

    /// The lines of the big trace, header first, without the end line (so that damage
    /// which changes the event count reads as damage, not as a wrong count).
    static func lines() -> [[UInt8]] {
        var lines = TraceWriter.encode(manyBlocks()).split(separator: 0x0a).map { Array($0) }
        lines.removeLast()
        return lines
    }

    /// What a line-by-line reader says of `bytes` (no end line): its error, or nil. Each
    /// line is parsed by the general JSON scanner, decoded, and checked as a `SimulationEvent`.
    static func lineByLineError(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var lineNumber = 0
            var consistency = TraceConsistency(fileCount: 0)
            var start = 0
            while let nl = buffer[start...].firstIndex(of: 0x0a) {
                lineNumber += 1
                defer { start = nl + 1 }
                do throws(TraceReadError) {
                    if lineNumber == 1 {
                        let header = try TraceReader.decodeHeaderLine(buffer, start..<nl, path: "damaged")
                        consistency = TraceConsistency(fileCount: header.files.count)
                        continue
                    }
                    var scanner = JSONScanner(buffer)
                    do throws(JSONSyntaxError) { try scanner.parseObject(start..<nl) } catch {
                        throw TraceReadError(path: "damaged", line: lineNumber, problem: .corrupt(column: error.column, error.message))
                    }
                    do throws(TraceReadError.Problem) {
                        let event = try TraceReader.decodeEvent(scanner)
                        if let why = consistency.check(event) { throw .inconsistent(why) }
                    } catch {
                        throw TraceReadError(path: "damaged", line: lineNumber, problem: error)
                    }
                } catch {
                    return "\(error)"
                }
            }
            return nil
        }
    }

    /// What `TraceFollower` says of `bytes`, polled to their end: its error, or nil.
    static func followerError(_ bytes: [UInt8]) throws -> String? {
        let path = NSTemporaryDirectory() + "blocks-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let follower = TraceFollower(path: path)
        do throws(TraceReadError) {
            while true {
                let before = follower.eventCount
                let batch = try follower.poll()
                if batch.header == nil, follower.eventCount == before { return nil }
            }
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: "damaged")
        }
    }

    @Test func aDamagedTraceFailsAtItsFirstBadLineWhateverBlockItIsIn() throws {
        let original = Self.lines()
        var rng = SplitMix64(seed: 15)
        // Damage that makes an event inconsistent with the ones before it, or wrong on its
        // own, or not JSON; one to three lines anywhere (often in different blocks).
        func damage(_ line: [UInt8]) -> [UInt8] {
            var text = String(decoding: line, as: UTF8.self)
            func replace(_ key: String, _ value: String) {
                guard let r = text.range(of: "\"\(key)\":") else { return }
                let end = text[r.upperBound...].firstIndex(where: { $0 == "," || $0 == "}" }) ?? text.endIndex
                text.replaceSubrange(r.upperBound..<end, with: value)
            }
            switch Int.random(in: 0...6, using: &rng) {
            case 0: replace("time", "-1")
            case 1: replace("iteration", "\(Int.random(in: 0...50, using: &rng))")
            case 2: replace("task", "\(Int.random(in: 0...30, using: &rng))")
            case 3: replace("handle", "99999999999")
            case 4: replace("time", "1e9")
            case 5: replace("iteration", "-9999999999")
            default: text.insert("x", at: text.index(text.startIndex, offsetBy: Int.random(in: 1..<text.count, using: &rng)))
            }
            return Array(text.utf8)
        }
        var failures = 0
        for round in 0..<16 {
            var lines = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let n = Int.random(in: 1..<lines.count, using: &rng)
                lines[n] = damage(lines[n])
            }
            let bytes = Array(lines.joined(separator: [0x0a])) + [0x0a]
            let expected = Self.lineByLineError(bytes)
            #expect(try Self.followerError(bytes) == expected, "round \(round): the follower")
            let found: String?
            switch TraceReader.read(bytes, path: "damaged") {
            case .success: found = nil
            case .failure(let error): found = "\(error)"
            }
            #expect(found == expected, "round \(round)")
            if found != nil { failures += 1 }
        }
        #expect(failures > 8)
    }
}
