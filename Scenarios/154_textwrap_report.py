# A report formatter: tasks check services concurrently, and the summary is laid out with
# textwrap (fill, wrap with indents, shorten, dedent/indent, a TextWrapper that keeps
# long URLs whole), as a status page or a CLI tool would print it.
import asyncio
import textwrap

SERVICES = {
    "billing": (0.30, "Invoices are generated nightly; the last run reconciled 1,204 "
                      "accounts and flagged 3 for manual review by the finance team."),
    "search": (0.10, "Index rebuild finished. Query latency p99 is back under the "
                     "service-level objective after the cache warm-up completed."),
    "auth": (0.20, "Token refresh errors spiked at 02:14 UTC while the upstream identity "
                   "provider rotated its signing keys: see https://status.example.com/"
                   "incidents/2026-11-30-identity-provider-key-rotation for details."),
}


async def check(name, delay, note):
    await asyncio.sleep(delay)
    return name, delay, note


async def main():
    results = await asyncio.gather(*(check(n, d, note) for n, (d, note) in SERVICES.items()))
    header = textwrap.dedent("""\
        Service report
        ==============
          (checked concurrently; slowest first)
        """)
    print(header, end="")
    wrapper = textwrap.TextWrapper(width=48, initial_indent="  * ", subsequent_indent="    ",
                                   break_long_words=False, break_on_hyphens=False)
    for name, delay, note in sorted(results, key=lambda r: -r[1]):
        print(f"{name} ({delay * 1000:.0f} ms)")
        print(wrapper.fill(note))
    print()
    print("One-line summaries:")
    for name, _, note in results:
        print(f"  {name:8} {textwrap.shorten(note, width=40, placeholder=' [...]')}")
    print()
    lines = textwrap.wrap("all checks finished within the budget of half a second", width=20)
    print(lines)
    print(textwrap.indent("\n".join(lines), "> ", lambda line: "budget" not in line))
    print(textwrap.fill("a-very-long-hyphenated-identifier-that-must-break somewhere", width=15))
    print(repr(textwrap.dedent("    x\n\n      y\n")))


asyncio.run(main())
