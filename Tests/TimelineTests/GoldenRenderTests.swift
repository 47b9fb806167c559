import Foundation
import Testing
import LoopTrace
@testable import Timeline

/// `render` output pinned in Tests/TimelineTests/Goldens. After an intended change, rewrite
/// them with `LOOPSCOPE_UPDATE_GOLDENS=1 swift test --filter GoldenRenderTests` and review
/// the diff.
@Suite struct GoldenRenderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var scenario: String
        var axis: Axis
        var width: Int
        var color = false
        var ascii = false

        var fileName: String {
            let name = scenario.split(separator: "/").last!.replacingOccurrences(of: ".py", with: "")
            return "\(name).\(axis.rawValue).w\(width)\(ascii ? ".ascii" : "")\(color ? ".ansi" : "").txt"
        }
        var testDescription: String { fileName }
    }

    static let cases: [Case] = {
        var all: [Case] = []
        for s in ["03_create_task_order", "04_cancel_sleeping", "06_cpu_burst", "07_blocking_sleep", "16_gather_exception"] {
            for axis in Axis.allCases {
                for width in [40, 200] { all.append(Case(scenario: "Scenarios/\(s).py", axis: axis, width: width)) }
            }
        }
        for s in ["03_create_task_order", "06_cpu_burst"] {
            for axis in Axis.allCases {
                all.append(Case(scenario: "Scenarios/\(s).py", axis: axis, width: 80, color: true))
                all.append(Case(scenario: "Scenarios/\(s).py", axis: axis, width: 80, ascii: true))
            }
        }
        all.append(Case(scenario: "Scenarios/05_wait_for_timeout.py", axis: .steps, width: 80, color: true, ascii: true))
        return all
    }()

    static func render(_ c: Case) -> String {
        let store = Fixtures.record(c.scenario)
        let grid = TimelineLayout.render(store, Viewport.fit(store, axis: c.axis, width: c.width), glyphs: Glyphs(ascii: c.ascii))
        return c.color ? GridText.ansi(grid) : GridText.plain(grid)
    }

    @Test("render matches its golden file", arguments: cases)
    func matchesGolden(_ c: Case) throws {
        let text = Self.render(c)
        let path = Fixtures.goldens + "/" + c.fileName
        if ProcessInfo.processInfo.environment["LOOPSCOPE_UPDATE_GOLDENS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "differs from \(c.fileName); regenerate with LOOPSCOPE_UPDATE_GOLDENS=1 if intended")
    }

    @Test func everyLineFitsTheWidth() {
        for c in Self.cases where !c.color {
            for line in Self.render(c).split(separator: "\n") { #expect(line.count <= c.width, "\(c.fileName)") }
        }
    }

    @Test func asciiOutputIsAscii() {
        for c in Self.cases where c.ascii {
            let text = Self.render(c)
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(c.fileName)")
        }
    }
}
