import Testing
import Explorer
import LoopTrace
import Timeline

/// At 80 columns the header and the key hints are laid out for the width rather than
/// clipped: the header drops the brand and "paused" to keep the axis scale, the hints keep
/// whole words, and a long source line says it is cut.
@Suite struct NarrowScreenTests {
    static let longLine = """
        import asyncio

        async def main():
            await asyncio.sleep(0.1); message = "a line far longer than any source panel at eighty columns wide"
            print(message)

        asyncio.run(main())

        """

    func screen(width: Int) -> [String] {
        let trace = Fixtures.recorded(Self.longLine, path: "long_line.py")
        var s = ExplorerState.opening(trace, mode: "replay", width: width, height: 24)
        s.press("nn", trace)
        let screen = Screen.render(trace.store, stories: trace.stories, model: s.model(trace), glyphs: Glyphs(ascii: false))
        return (0..<screen.grid.height).map { screen.grid.text(row: $0) }
    }

    @Test func headerKeepsTheScaleAt80Columns() {
        let header = screen(width: 80)[0]
        #expect(header.contains("it 2 of"))
        #expect(header.contains("step"), "the axis scale is shown: \(header)")
        #expect(!header.hasPrefix("loopscope "))
        let wide = screen(width: 200)[0]
        #expect(wide.hasPrefix("loopscope ") && wide.contains("iteration 2 of") && wide.contains("paused"))
    }

    @Test func keyHintsAreWholeWords() {
        let bottom = screen(width: 80).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(bottom.contains("q quit"))
        // Every hint on the line ends with its word, none is cut ("t t" for "t table").
        let last = bottom.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? ""
        #expect(["next", "prev", "play", "axis", "task", "to", "help", "quit", "if", "filter", "table", "sort", "group"].contains(last),
                "last word: \(last)")
    }

    @Test func aCutSourceLineIsMarked() {
        let rows = screen(width: 80)
        #expect(rows.contains { $0.contains("await asyncio.sleep(0.1); message") && $0.contains("›") })
        #expect(rows.contains { $0.contains("long lines cut: > scrolls") })
    }
}
