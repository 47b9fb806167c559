import Foundation
import LoopSimulator
import PythonRuntime
@testable import LoopTrace
import Testing

/// A trace read while it is written (`OUT.part`): each poll takes the whole lines appended
/// since the last one, a line cut in the middle waits for its end, and the end line ends it.
@Suite struct TraceFollowerTests {
    /// A finished trace's bytes, split after its header, in the middle of an event line,
    /// and before the end line.
    private func pieces() -> (header: [UInt8], events: [[UInt8]], end: [UInt8], store: TraceStore) {
        let store = Fixtures.record("Scenarios/01_hello.py")
        let bytes = TraceWriter.encode(store)
        var lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map { Array($0) + [0x0a] }
        lines.removeLast()  // after the final newline
        let end = lines.removeLast()
        return (lines[0], Array(lines.dropFirst()), end, store)
    }

    @Test func pollsTakeWholeLinesAsTheyAreAppended() throws {
        let (header, events, end, store) = pieces()
        let path = NSTemporaryDirectory() + "follower-\(UUID().uuidString).jsonl.part"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let follower = TraceFollower(path: path)
        // Before the file exists: nothing, no error.
        #expect(try follower.poll().eventCount == 0)
        FileManager.default.createFile(atPath: path, contents: Data(header))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        let first = try follower.poll()
        #expect(first.header?.path == store.header.path)
        #expect(first.eventCount == 0)

        let half = events.count / 2
        let cut = events[half]
        try handle.write(contentsOf: Data(events[..<half].joined() + cut.prefix(cut.count / 2)))
        let second = try follower.poll()
        #expect(second.eventCount == half, "the cut line waits for its end")
        try handle.write(contentsOf: Data(Array(cut.dropFirst(cut.count / 2)) + events[(half + 1)...].joined()))
        let third = try follower.poll()
        #expect(third.eventCount == events.count - half)
        #expect(!follower.ended)
        try handle.write(contentsOf: Data(end))
        _ = try follower.poll()
        #expect(follower.ended)
        #expect(follower.eventCount == store.eventCount)
        try handle.close()
    }

    @Test func aBadLineIsReportedAtItsLineNumber() throws {
        let (header, events, _, _) = pieces()
        let path = NSTemporaryDirectory() + "follower-\(UUID().uuidString).jsonl.part"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = Array("{\"kind\":\"nonsense\",\"time\":0}\n".utf8)
        FileManager.default.createFile(atPath: path, contents: Data(header + events[0] + events[1] + bad))
        let follower = TraceFollower(path: path)
        do {
            _ = try follower.poll()
            Issue.record("an unknown kind was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.problem == .unknownKind("nonsense"))
        }
    }

    @Test func theLiveHeaderNamesItsWriter() throws {
        let path = NSTemporaryDirectory() + "follower-\(UUID().uuidString).jsonl.part"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var header = TraceWriter.encodeHeader(Fixtures.record("Scenarios/01_hello.py").header)
        // The recorder's writer adds `"live":{"pid":N}` last; this process stands in for it.
        header.removeLast(2)  // "}\n"
        header += Array(",\"live\":{\"pid\":\(getpid())}}\n".utf8)
        FileManager.default.createFile(atPath: path, contents: Data(header))
        let follower = TraceFollower(path: path)
        #expect(try follower.poll().header?.writerPID == Int(getpid()))
        #expect(follower.writerIsAlive)
    }

    /// Polls of a big trace (small polls here, so that lines are cut between them and
    /// blocks hold a part of a poll) build the store the reader builds from the file.
    @Test func aFollowedTraceIsTheStoreTheReaderBuilds() throws {
        let bytes = TraceWriter.encode(BlockLoadingTests.manyBlocks())
        let path = NSTemporaryDirectory() + "follower-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let follower = TraceFollower(path: path, chunkSize: 1 << 20)
        var store: TraceStore?
        var behindPolls = 0
        while !follower.ended {
            let batch = try follower.poll()
            if let header = batch.header { store = TraceStore(header: header) }
            if follower.isBehind { behindPolls += 1 }
            if let store { follower.append(batch, to: store) }
        }
        let read = try TraceReader.read(bytes, path: path).get()
        BlockLoadingTests.expectSameStore(try #require(store), read, "followed")
        #expect(behindPolls > 2, "a poll that fills its chunk says more is there")
    }
}
