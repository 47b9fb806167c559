import ScenarioLanguage
import Testing

@Suite("What-if parameters and settings")
struct WhatIfParameterTests {
    static let source = """
    import asyncio
    import time
    from loopscope import cpu
    LIMIT = 3
    NAME = "x"

    async def worker(q):
        await asyncio.sleep(0.25)
        cpu(0.1)
        time.sleep(-1)
        asyncio.get_running_loop().call_later(2, print, "late")
        await asyncio.wait_for(q.get(), timeout=1.5)
        await asyncio.wait_for(q.get(), 7)
        await asyncio.sleep(LIMIT * 0.5)

    async def main():
        q = asyncio.Queue(maxsize=4)
        sem = asyncio.Semaphore(2)
        async with asyncio.timeout(9):
            await worker(q)

    asyncio.run(main())
    """

    @Test func findsEveryLiteralThatShapesTheSchedule() throws {
        let found = try #require(WhatIfParameters.find(inSource: Self.source))
        let listed = found.map { "\($0.location) \($0.text) \($0.label)" }
        #expect(listed == [
            "4:9 3 LIMIT",
            "8:25 0.25 asyncio.sleep(delay)",
            "9:9 0.1 cpu(seconds)",
            "10:16 -1 time.sleep(delay)",
            "11:43 2 asyncio.get_running_loop().call_later(delay)",
            "12:45 1.5 asyncio.wait_for(timeout)",
            "13:37 7 asyncio.wait_for(timeout)",
            "17:31 4 asyncio.Queue(maxsize)",
            "18:29 2 asyncio.Semaphore(value)",
            "19:32 9 asyncio.timeout(delay)",
        ])
    }

    @Test func settingsRewriteOnlyTheirLiteral() throws {
        let settings = [
            try WhatIfSetting.parse("8:25=1e-3").get(),
            try WhatIfSetting.parse("LIMIT=10").get(),
            try WhatIfSetting.parse(" 12:45 = 0.5").get(),
        ]
        let edited = try WhatIfSetting.apply(settings, to: Self.source).get()
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3] == "LIMIT = 10")
        #expect(lines[7] == "    await asyncio.sleep(1e-3)")
        #expect(lines[11] == "    await asyncio.wait_for(q.get(), timeout=0.5)")
        #expect(edited.count == Self.source.count + 1)
    }

    @Test func aPlaceThatIsNoParameterIsALocatedError() throws {
        let missing = try WhatIfSetting.parse("8:24=1").get()
        guard case .failure(let e) = WhatIfSetting.apply([missing], to: Self.source) else {
            Issue.record("8:24 is the '(' before the literal, not a parameter")
            return
        }
        #expect(e.diagnostic?.range.start == SourceLocation(line: 8, column: 24))
        #expect(e.diagnostic?.message.contains("parameters on this line start at 8:25") == true)
        // A string constant is not a numeric parameter.
        let named = try WhatIfSetting.parse("NAME=1").get()
        guard case .failure(let e2) = WhatIfSetting.apply([named], to: Self.source) else {
            Issue.record("NAME is a string constant")
            return
        }
        #expect(e2.message.contains("LIMIT"))
    }

    @Test func malformedSettingsAreRejected() {
        for bad in ["8:25", "8:25=abc", "8:25=inf", "0:3=1", "x y=1", "8:25=1+", "=2"] {
            if case .success = WhatIfSetting.parse(bad) { Issue.record("\(bad) should not parse") }
        }
    }
}
