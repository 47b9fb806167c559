import Foundation
import Testing
@testable import LoopTrace

@Suite struct ChromeExportTests {
    static let scenarios = ["Scenarios/03_create_task_order.py", "Scenarios/04_cancel_sleeping.py", "Scenarios/06_cpu_burst.py",
                            "Scenarios/07_blocking_sleep.py", "Scenarios/05_wait_for_timeout.py", "Scenarios/08_debug_mode.py",
                            "Scenarios/119_call_soon_threadsafe_handoff.py", "Scenarios/120_cpu_bound_threads_processes.py"]

    func export(_ path: String) throws -> [[String: Any]] {
        let data = Data(ChromeTraceExporter.export(Fixtures.record(path)))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["traceEvents"] as? [[String: Any]])
    }

    @Test("slices on one track nest", arguments: scenarios)
    func slicesNest(_ path: String) throws {
        let events = try export(path)
        var byTrack: [Int: [(Double, Double)]] = [:]
        for e in events where e["ph"] as? String == "X" {
            let ts = try #require(e["ts"] as? Double), dur = try #require(e["dur"] as? Double)
            #expect(dur >= 0)
            byTrack[try #require(e["tid"] as? Int), default: []].append((ts, ts + dur))
        }
        #expect(!byTrack.isEmpty)
        for (_, slices) in byTrack {
            // Sorted by start, longest first: each slice must end inside its open parent.
            let sorted = slices.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
            var stack: [Double] = []
            for (start, end) in sorted {
                while let top = stack.last, top <= start, !(top == start && end == start) { stack.removeLast() }
                if let top = stack.last { #expect(end <= top, "slice [\(start), \(end)] overlaps its parent ending at \(top)") }
                stack.append(end)
            }
        }
    }

    @Test("flow events come in start/finish pairs", arguments: scenarios)
    func flowsPair(_ path: String) throws {
        let events = try export(path)
        let starts = events.filter { $0["ph"] as? String == "s" }.compactMap { $0["id"] as? Int }
        let finishes = events.filter { $0["ph"] as? String == "f" }.compactMap { $0["id"] as? Int }
        #expect(Set(starts) == Set(finishes))
        #expect(starts.count == Set(starts).count)
    }

    @Test func tracksAreNamedByTask() throws {
        let events = try export("Scenarios/03_create_task_order.py")
        let names = events.filter { $0["name"] as? String == "thread_name" }.compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        #expect(names.prefix(3) == ["LOOP", "Task-1 (main)", "Task-2 (worker)"])
        #expect(events.contains { $0["ph"] as? String == "s" })
    }

    @Test func burstsAndInstantsAreExported() throws {
        let cpu = try export("Scenarios/06_cpu_burst.py")
        #expect(cpu.contains { $0["cat"] as? String == "cpu" && ($0["dur"] as? Double ?? 0) > 0 })
        let cancel = try export("Scenarios/04_cancel_sleeping.py")
        #expect(cancel.contains { $0["ph"] as? String == "i" && ($0["name"] as? String ?? "").hasPrefix("cancel") })
    }

    /// One track per thread, named after it and sorted right after LOOP; its slices say
    /// what it did, and hand-offs to the loop are instants on it.
    @Test func threadsGetTracks() throws {
        let events = try export("Scenarios/119_call_soon_threadsafe_handoff.py")
        let names = Dictionary(events.filter { $0["name"] as? String == "thread_name" }.compactMap { e -> (Int, String)? in
            guard let tid = e["tid"] as? Int, let args = e["args"] as? [String: Any], let name = args["name"] as? String else { return nil }
            return (tid, name)
        }, uniquingKeysWith: { a, _ in a })
        let producer = try #require(names.first { $0.value.hasPrefix("thread Thread-1 (producer)") }?.key)
        #expect(names.values.contains("thread ThreadPoolExecutor-0_0 square_root"))
        let slices = events.filter { $0["tid"] as? Int == producer && $0["ph"] as? String == "X" }.compactMap { $0["name"] as? String }
        #expect(slices.contains("time.sleep") && slices.contains("running producer"))
        let instants = events.filter { $0["tid"] as? Int == producer && $0["ph"] as? String == "i" }
        #expect(instants.count == 4, "three readings and the end marker handed to the loop")
    }
}

