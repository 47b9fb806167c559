# typing at run time, as CPython's Lib/typing.py does it: get_type_hints evaluates string
# annotations (forward references to classes defined later), @runtime_checkable Protocols
# answer isinstance() by the members an object has, and get_origin/get_args take aliases
# apart. A plugin registry checks handlers against a protocol before scheduling them.
import asyncio
from typing import (Any, Awaitable, Callable, ClassVar, Dict, List, Optional, Protocol,
                    Tuple, Union, get_args, get_origin, get_type_hints, runtime_checkable)


@runtime_checkable
class Handler(Protocol):
    name: str

    async def handle(self, payload: "Dict[str, Any]") -> "Optional[Result]":
        ...


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class NotRuntime(Protocol):
    def close(self) -> None:
        ...


class Result:
    count: ClassVar[int] = 0
    source: str
    value: "int | None"
    children: "List[Result]"

    def __init__(self, source: "str", value: int | None) -> None:
        Result.count += 1
        self.source = source
        self.value = value
        self.children = []

    def __repr__(self) -> str:
        return f"Result({self.source!r}, {self.value!r})"


class Doubler:
    name = "doubler"

    async def handle(self, payload: "Dict[str, Any]") -> "Optional[Result]":
        await asyncio.sleep(0.1)
        return Result(self.name, payload["n"] * 2)

    def close(self) -> None:
        print("doubler closed")


class Broken:
    name = "broken"
    handle = None


class Silent:
    async def handle(self, payload):
        return None


def schedule(handlers: List["Handler"], payload: "Dict[str, Any]") -> "List[Awaitable[Optional[Result]]]":
    return [asyncio.create_task(h.handle(payload)) for h in handlers]


def refused(action: Callable[[], Any]) -> None:
    try:
        action()
    except TypeError as e:
        print("TypeError:", e)


def describe(tp: Any) -> str:
    return f"{tp!r}: origin={get_origin(tp)!r} args={get_args(tp)!r}"


async def main() -> None:
    hints = get_type_hints(Result)
    for name, hint in hints.items():
        print("Result", name, hint)
    print(get_type_hints(Result.__init__))
    print(get_type_hints(Handler.handle))
    print(get_type_hints(schedule, globalns=globals()))
    print(Result.__annotations__["children"], Doubler.handle.__annotations__)

    candidates = [Doubler(), Broken(), Silent(), "text"]
    for c in candidates:
        print(type(c).__name__, isinstance(c, Handler), isinstance(c, Closable))
    print(issubclass(Doubler, Closable), issubclass(int, Closable))
    refused(lambda: isinstance(Doubler(), NotRuntime))
    refused(lambda: issubclass(Doubler, Handler))
    refused(Handler)

    handlers = [c for c in candidates if isinstance(c, Handler)]
    results = await asyncio.gather(*schedule(handlers, {"n": 21}))
    print([(r.source, r.value) if r else None for r in results], Result.count)
    for c in candidates:
        if isinstance(c, Closable):
            c.close()

    for tp in (Dict[str, int], Optional[Result], Union[int, str, None], Callable[[int, str], Awaitable[bool]],
               Tuple[int, ...], List[Optional["Result"]], int | None, list[int], Callable[..., None]):
        print(describe(tp))
    print(get_origin(int), get_args(int), get_origin(Union), get_origin(ClassVar[int]))


asyncio.run(main())
