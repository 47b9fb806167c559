# A match-based message dispatcher: a worker task takes commands off a queue and picks
# its action with `match` (literal, capture, wildcard, value, sequence with *rest,
# mapping with **rest, class patterns through __match_args__ and keywords, or-patterns,
# `as` and guards). Notice that the first case that matches wins, that a guard is
# checked after the names are bound, and that a string never matches a sequence pattern.
import asyncio


class Color:
    RED = "red"
    GREEN = "green"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Resize:
    __match_args__ = ("width", "height")

    def __init__(self, width, height):
        self.width = width
        self.height = height


def describe(message):
    match message:
        case None:
            return "nothing"
        case True | False as flag:
            return f"flag {flag}"
        case 0 | 1 | 2:
            return "small number"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as number:
            return f"number {number}"
        case Color.RED:
            return "the colour red"
        case "quit" | "exit":
            return "stop"
        case str() as text if len(text) > 10:
            return f"long text ({len(text)} chars)"
        case str(text):
            return f"text {text!r}"
        case []:
            return "empty list"
        case ["move", x, y]:
            return f"move to {x},{y}"
        case ["say", *words]:
            return "say " + " ".join(words)
        case [first, *_, last]:
            return f"sequence from {first} to {last}"
        case {"action": "resize", "size": (w, h)}:
            return f"resize to {w}x{h}"
        case {"action": action, **rest}:
            return f"action {action} with {sorted(rest)}"
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal at {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Resize(width=w) if w > 1000:
            return "too wide"
        case Resize(w, h):
            return f"resize {w}x{h}"
        case _:
            return f"unknown {type(message).__name__}"


async def worker(queue, name):
    while True:
        message = await queue.get()
        await asyncio.sleep(0.01)
        print(f"{name}: {describe(message)}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    messages = [
        None, True, 2, -7, 3.5, 10**20, "red", "quit", "a rather long message", "hi", [], ["move", 3, 4],
        ["say", "hello", "world"], (1, 2, 3, 4), {"action": "resize", "size": (80, 24)},
        {"action": "ping", "id": 7, "ttl": 3}, Point(0, 0), Point(5, 0), Point(0, 9), Point(4, 4),
        Point(1, 2), Resize(2000, 10), Resize(640, 480), {1, 2}, range(3), "ab",
    ]
    for m in messages:
        queue.put_nowait(m)
    workers = [asyncio.create_task(worker(queue, f"w{i}")) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    match messages[11]:
        case [command, *arguments]:
            print("bound after the match:", command, arguments)
    try:
        match Point(1, 2):
            case Point(1, 2, 3):
                pass
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
