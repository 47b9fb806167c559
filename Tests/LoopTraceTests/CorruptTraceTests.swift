import Foundation
import Testing
@testable import LoopTrace

/// Every file in CorruptTraces/ is refused with exactly this message.
@Suite struct CorruptTraceTests {
    static let expected: [String: String] = [
        "empty.jsonl": "empty.jsonl:1: error: missing header: the file is empty; a loopscope trace starts with a {\"format\":\"loopscope-trace\",\"version\":6,...} line",
        "missing-header.jsonl": "missing-header.jsonl:1: error: missing header: the first line has no \"format\":\"loopscope-trace\"; a loopscope trace starts with a {\"format\":\"loopscope-trace\",\"version\":6,...} line",
        "garbage-header.jsonl": "garbage-header.jsonl:1: error: missing header: the first line is not a JSON object (column 1: expected '{' at the start of the line); a loopscope trace starts with a {\"format\":\"loopscope-trace\",\"version\":6,...} line",
        "wrong-format.jsonl": "wrong-format.jsonl:1: error: missing header: the first line has no \"format\":\"loopscope-trace\"; a loopscope trace starts with a {\"format\":\"loopscope-trace\",\"version\":6,...} line",
        "newer-version.jsonl": "newer-version.jsonl:1: error: trace format version 7 is newer than this loopscope reads (version 6); use a newer loopscope",
        "older-version.jsonl": "older-version.jsonl:1: error: trace format version 1 was written by an older loopscope and is no longer read (this one reads versions 2 to 6); record the scenario again",
        "truncated.jsonl": "truncated.jsonl:3: error: truncated line: the file ends in the middle of an event (was the recording interrupted?)",
        "corrupt-line.jsonl": "corrupt-line.jsonl:3: error: corrupt line: column 37: expected ',' or '}'",
        "unknown-kind.jsonl": "unknown-kind.jsonl:2: error: unknown event kind 'taskTeleported'",
        "missing-field.jsonl": "missing-field.jsonl:2: error: event 'taskCreated' has no field 'name'",
        "wrong-type.jsonl": "wrong-type.jsonl:2: error: field 'task' of event 'taskCreated' must be an integer, not a string",
        "end-not-last.jsonl": "end-not-last.jsonl:2: error: the end line must be the trace's last line",
        "end-count.jsonl": "end-count.jsonl:3: error: the end line counts 2 events but the trace has 1 (lines were lost or added)",
        "time-backwards.jsonl": "time-backwards.jsonl:4: error: inconsistent event: its time 0.5 is before the previous event's (1.0): events out of order",
        "time-nan.jsonl": "time-nan.jsonl:3: error: inconsistent event: its time is nan, not a finite number of seconds",
        "time-huge-duration.jsonl": "time-huge-duration.jsonl:5: error: inconsistent event: duration inf is not a finite, non-negative number of seconds",
        "iteration-negative.jsonl": "iteration-negative.jsonl:3: error: inconsistent event: it says iteration -9999999999 during iteration 0",
        "iteration-repeated.jsonl": "iteration-repeated.jsonl:4: error: inconsistent event: iteration 1 starts after iteration 1 (expected 2): iterations out of order or repeated",
        "task-duplicate.jsonl": "task-duplicate.jsonl:3: error: inconsistent event: task 1 is created a second time",
        "task-unknown.jsonl": "task-unknown.jsonl:4: error: inconsistent event: task 7 was never created",
        "task-huge-id.jsonl": "task-huge-id.jsonl:2: error: inconsistent event: task id 2147483646 is out of range (ids count up from 1; 1 events so far)",
        "task-id-overflow.jsonl": "task-id-overflow.jsonl:2: error: inconsistent event: task 2147483647 is out of range",
        "step-overlap.jsonl": "step-overlap.jsonl:5: error: inconsistent event: task 1 starts a step while its previous step has not ended",
        "blank-line.jsonl": "blank-line.jsonl:3: error: corrupt line: column 1: expected '{' at the start of the line (the line ends here)",
    ]

    static let directory = Bundle.module.resourcePath! + "/CorruptTraces"

    @Test("each corrupt file gets its located message", arguments: expected.keys.sorted())
    func refused(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/" + name)))
        switch TraceReader.read(bytes, path: name) {
        case .success: Issue.record("\(name) was accepted")
        case .failure(let error): #expect(error.description == Self.expected[name])
        }
    }

    @Test func everyFileInTheCorpusHasAnExpectation() throws {
        let names = try FileList.names(in: Self.directory).filter { $0.hasSuffix(".jsonl") }
        #expect(Set(names) == Set(Self.expected.keys))
    }

    @Test func missingFileIsReported() {
        guard case .failure(let error) = TraceReader.load(path: "/nonexistent/t.jsonl") else { Issue.record("loaded"); return }
        #expect(error.description == "/nonexistent/t.jsonl: error: cannot read the trace: no such file")
    }

    @Test func everyPrefixOfAValidTraceIsRefusedOrComplete() throws {
        // Cutting a file anywhere must never crash and never load silently-shortened events
        // from a cut line.
        let bytes = TraceWriter.encode(Fixtures.record("Scenarios/04_cancel_sleeping.py"))
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            let prefix = Array(bytes[0..<cut])
            if case .success(let store) = TraceReader.read(prefix, path: "t") {
                // Only whole lines load: the cut fell after a line's newline or its closing brace.
                #expect(prefix.last == 0x0a || prefix.last == UInt8(ascii: "}"))
                // The end line is the last one: any cut before it reads as interrupted.
                let lines = prefix.split(separator: 0x0a).count
                #expect(store.interrupted)
                #expect(store.eventCount == lines - 1)
            }
        }
    }

    @Test func aCompleteTraceEndsWithItsEndLineAndLoadsAsComplete() throws {
        let bytes = TraceWriter.encode(Fixtures.record("Scenarios/04_cancel_sleeping.py"))
        let store = try TraceReader.read(bytes, path: "t").get()
        #expect(!store.interrupted)
        let last = bytes.split(separator: 0x0a).last.map { String(decoding: $0, as: UTF8.self) }
        #expect(last == "{\"kind\":\"end\",\"events\":\(store.eventCount)}")
        // Cut exactly at a line boundary before the end line: every event loads, as interrupted,
        // and writing it again gives no end line.
        let cut = Array(bytes.prefix(bytes.count - (last?.utf8.count ?? 0) - 1))
        let interrupted = try TraceReader.read(cut, path: "t").get()
        #expect(interrupted.interrupted)
        #expect(interrupted.eventCount == store.eventCount)
        #expect(TraceWriter.encode(interrupted) == cut)
    }
}
