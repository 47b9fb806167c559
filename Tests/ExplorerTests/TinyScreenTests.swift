import Testing
import Explorer
import LoopTrace
import Timeline

/// The screen lays out at any size the terminal may have, legend shown or not, without
/// trapping (a 50x8 terminal with the legend used to make an inverted range).
@Suite struct TinyScreenTests {
    @Test("every size lays out", arguments: [(1, 1), (10, 5), (20, 8), (30, 10), (50, 8), (50, 6), (80, 7)])
    func tinySizes(_ width: Int, _ height: Int) {
        let trace = Fixtures.recorded(DemoScenario.source, path: "demo.py")
        for legend in [true, false] {
            var s = ExplorerState.opening(trace, mode: "replay", width: width, height: height)
            s.press("nnn", trace)
            var model = s.model(trace)
            model.legend = legend
            let screen = Screen.render(trace.store, stories: trace.stories, model: model, glyphs: Glyphs(ascii: true))
            #expect(screen.grid.height >= 1)
        }
    }
}
