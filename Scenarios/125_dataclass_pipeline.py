# A dataclass pipeline: orders are dataclasses (defaults, field(default_factory=...),
# field(repr=False), init=False fields set in __post_init__, InitVar, ClassVar, KW_ONLY),
# frozen and ordered ones are hashable and sort, asdict/astuple/replace/fields, match
# statements use the generated __match_args__, make_dataclass, and the errors CPython
# raises for a frozen assignment, a missing argument and a mutable default.
import asyncio
from dataclasses import (FrozenInstanceError, InitVar, KW_ONLY, asdict, astuple, dataclass,
                         field, fields, is_dataclass, make_dataclass, replace)
from typing import ClassVar, List


@dataclass(frozen=True, order=True)
class Priority:
    level: int
    name: str = "normal"


@dataclass
class Order:
    ident: int
    items: List[str] = field(default_factory=list)
    priority: Priority = Priority(1)
    note: str = field(default="", repr=False)
    discount: InitVar[float] = 0.0
    total: float = field(init=False, default=0.0)
    created: ClassVar[int] = 0

    def __post_init__(self, discount):
        Order.created += 1
        self.total = round(len(self.items) * 9.99 * (1 - discount), 2)


@dataclass
class Shipment:
    order: Order
    _: KW_ONLY
    carrier: str = "post"
    days: int = 2


async def ship(order, queue):
    await asyncio.sleep(order.priority.level * 0.1)
    shipment = Shipment(order, carrier="courier" if order.priority.level == 0 else "post")
    await queue.put(shipment)


async def main():
    orders = [Order(1, ["pen", "ink"]), Order(2, ["desk"], Priority(0, "urgent"), discount=0.5),
              Order(3, priority=Priority(2, "low"), note="gift")]
    queue = asyncio.Queue()
    await asyncio.gather(*(ship(o, queue) for o in orders))
    while not queue.empty():
        shipment = await queue.get()
        match shipment:
            case Shipment(Order(ident, items, Priority(0, _)), carrier=carrier):
                print("urgent", ident, items, carrier)
            case Shipment(order=Order(ident=ident, total=total)):
                print("regular", ident, total, shipment.days)
    print(orders[1], Order.created)
    print(sorted(o.priority for o in orders), Priority(1) in {Priority(1): "x"})
    print(asdict(orders[0]), astuple(Priority(3, "x")))
    print(replace(orders[2], items=["card"]), [f.name for f in fields(Order)])
    print(is_dataclass(orders[0]), is_dataclass(Order), is_dataclass(3), Shipment.__match_args__)
    print(Priority.__doc__, Shipment.__doc__)


asyncio.run(main())

try:
    Priority(1).level = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    Shipment()
except TypeError as e:
    print("TypeError:", e)
try:
    Shipment(Order(9), "van")
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        tags: list = []
except ValueError as e:
    print("ValueError:", e)
Point = make_dataclass("Point", ["x", ("y", int, field(default=0))], frozen=True)
print(Point(1), Point(1, 2) == Point(1, 2), len({Point(1): "a", Point(1, 0): "b", Point(2): "c"}))
