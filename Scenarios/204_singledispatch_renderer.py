# A report renderer built on functools.singledispatch (CPython 3.11's functools.py): handlers
# registered by class, by annotation, by a Union or an X | Y annotation, for ABCs (Mapping) that dicts
# reach through _compose_mro; dispatch() and registry; singledispatchmethod on a class whose events
# arrive from tasks, including a classmethod dispatcher; register() refusing a non-class.
import asyncio
from functools import singledispatch, singledispatchmethod
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Union

@singledispatch
def render(value, indent=0):
    return " " * indent + repr(value)

@render.register
def _(value: int, indent=0):
    return " " * indent + f"int:{value}"

@render.register(float)
@render.register(Decimal)
def _(value, indent=0):
    return " " * indent + f"num:{value:.2f}"

@render.register
def _(value: Mapping, indent=0):
    return "\n".join(f"{' ' * indent}{k}:\n{render(v, indent + 2)}" for k, v in value.items())

@render.register(list)
def _(value, indent=0):
    return "\n".join(render(v, indent) for v in value)

@render.register
def _(value: Union[bytes, bytearray], indent=0):
    return " " * indent + f"bytes[{len(value)}]"

class Event:
    @singledispatchmethod
    def handle(self, arg):
        return f"unknown {type(arg).__name__}"
    @handle.register
    def _(self, arg: int):
        return f"tick {arg}"
    @handle.register
    def _(self, arg: str):
        return f"msg {arg!r}"
    @handle.register
    def _(self, arg: tuple | frozenset):
        return f"batch of {len(arg)}"
    @singledispatchmethod
    @classmethod
    def make(cls, arg):
        return cls()

async def main():
    doc = {"a": 1, "b": [2.5, Decimal("3.14159"), "x"], "c": {"d": True, "e": b"xyz"}}
    print(render(doc))
    print(render.dispatch(bool).__name__, render.dispatch(dict) is render.registry[Mapping], sorted(t.__name__ for t in render.registry))
    e = Event()
    for item in [1, "hi", 2.0, None, (1, 2), frozenset({3})]:
        await asyncio.sleep(0.1)
        print(e.handle(item))
    print(type(Event.make(1)).__name__)
    print(render.dispatch(bytearray).__name__, render.dispatch(type(None)) is render.registry[object])
    try:
        render.register(3)
    except TypeError as err:
        print(err)

asyncio.run(main())
