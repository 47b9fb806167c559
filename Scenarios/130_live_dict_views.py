# dict.keys(), .values() and .items() are live views, not copies: a view taken before
# the tasks start shows every session they open and close, and prints as
# `dict_keys([...])`. Keys and items views work as sets (`&`, `-`, `|`, comparisons
# with sets), so "who is still connected" is one expression; values views do not.
import asyncio

sessions = {}
open_now = sessions.keys()
durations = sessions.values()


async def client(name, start, length):
    await asyncio.sleep(start)
    sessions[name] = length
    print(f"{name} opens: {open_now}")
    await asyncio.sleep(length)
    del sessions[name]
    print(f"{name} closes: {sorted(open_now)} total {sum(durations)}")


async def main():
    expected = {"ann", "bob", "cy"}
    tasks = [asyncio.create_task(client(n, s, l)) for n, s, l in
             [("ann", 0.1, 0.3), ("bob", 0.2, 0.1), ("cy", 0.25, 0.4)]]
    await asyncio.sleep(0.27)
    print("view:", open_now, len(open_now), "bob" in open_now, 0.4 in durations)
    print("missing:", sorted(expected - open_now), "both:", sorted(open_now & {"ann", "zed"}))
    print("items:", sessions.items(), ("cy", 0.4) in sessions.items())
    print("subset:", open_now <= expected, open_now == {"ann", "cy"}, list(reversed(sessions.items())))
    await asyncio.gather(*tasks)
    print("end:", open_now, durations, sessions.items() == set())


asyncio.run(main())
