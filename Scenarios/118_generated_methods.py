# Methods written as text and compiled at run time, as dataclasses and namedtuple do it:
# a `record` decorator builds each class's __init__, __repr__ and __eq__ by exec() of
# generated source, with the defaults passed in as the locals of a factory function.
# The generated coroutine `fetch_<name>` is exec'd into a globals dict that names
# asyncio, so it sleeps on the loop like any other; eval() and compile() price orders.
import asyncio


def _create_fn(name, args, body, *, globals=None, locals=None):
    if locals is None:
        locals = {}
    args = ", ".join(args)
    body = "\n".join(f"  {line}" for line in body)
    text = f" def {name}({args}):\n{body}"
    local_vars = ", ".join(locals.keys())
    text = f"def __create_fn__({local_vars}):\n{text}\n return {name}"
    ns = {}
    exec(text, globals, ns)
    return ns["__create_fn__"](**locals)


def record(cls):
    fields = list(cls.__annotations__)
    defaults = {f: getattr(cls, f) for f in fields if hasattr(cls, f)}
    params = ["self"] + [f + (f"=_dflt_{f}" if f in defaults else "") for f in fields]
    init = _create_fn("__init__", params, [f"self.{f} = {f}" for f in fields],
                      globals={}, locals={f"_dflt_{f}": v for f, v in defaults.items()})
    shown = ", ".join(f"{f}={{self.{f}!r}}" for f in fields)
    rep = _create_fn("__repr__", ["self"], [f'return f"{cls.__name__}({shown})"'])
    own = "".join(f"self.{f}, " for f in fields)
    other = "".join(f"other.{f}, " for f in fields)
    eq = _create_fn("__eq__", ["self", "other"],
                    ["if other.__class__ is self.__class__:",
                     f"  return ({own}) == ({other})",
                     "return NotImplemented"])
    for fn in (init, rep, eq):
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
        setattr(cls, fn.__name__, fn)
    return cls


@record
class Order:
    item: str
    qty: int = 1
    price: float = 2.5


shared = {"asyncio": asyncio, "log": []}
for name, delay in [("stock", 0.2), ("price", 0.1)]:
    exec(f"async def fetch_{name}(order):\n"
         f"    await asyncio.sleep({delay})\n"
         f"    log.append(({name!r}, order.item))\n"
         f"    return order.item\n", shared)

total_of = compile("qty * price * (1 - discount)", "<pricing>", "eval")


async def main():
    orders = [Order("tea"), Order("cake", 3), Order("jam", 2, 4.0)]
    print(orders[1], orders[0] == Order("tea"), orders[0] == Order("tea", 2))
    print(Order.__init__.__qualname__, Order.__init__.__module__, type(total_of).__name__)
    for order in orders:
        await asyncio.gather(shared["fetch_stock"](order), shared["fetch_price"](order))
    print(shared["log"])
    for order in orders:
        print(order.item, eval(total_of, {"discount": 0.1}, vars(order)))
    print(eval("sum(o.qty for o in orders)", {}, {"orders": orders}))


asyncio.run(main())
