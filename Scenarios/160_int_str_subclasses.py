# int and str subclasses flowing through tasks: Money(int) keeps cents and prints as
# dollars, Sku(str) carries a category; both stay ints and strs for sums, sorting, dict
# keys, f-string specs, % formatting, json and str methods, as in CPython.
import asyncio
import json


class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))

    def __add__(self, other):
        return Money(int(self) + int(other))

    __radd__ = __add__

    def __repr__(self):
        return f"Money({int(self)})"

    def __str__(self):
        return f"${int(self) // 100}.{int(self) % 100:02d}"


class Sku(str):
    def __new__(cls, code, category="misc"):
        self = super().__new__(cls, code.upper())
        self.category = category
        return self


async def shop(name, items, ledger):
    total = Money(0)
    for sku, price in items:
        await asyncio.sleep(0.1 * len(sku))
        total += price
        ledger.setdefault(sku, []).append((name, price))
    return total


async def main():
    ledger = {}
    carts = {
        "ana": [(Sku("ab", "toys"), Money(250)), (Sku("cde", "food"), Money(199))],
        "bo": [(Sku("cde", "food"), Money(199.4)), (Sku("f"), Money(5))],
    }
    totals = await asyncio.gather(*(shop(n, c, ledger) for n, c in carts.items()))
    print(totals, [str(t) for t in totals], sum(totals), type(sum(totals)).__name__)
    print(f"{totals[0]} | {totals[0]!r} | {totals[0]:>8} | {int(totals[0]):,}")
    print("%d cents, %s, %5.1f" % (totals[1], totals[1], totals[1]))
    grand = totals[0] + totals[1]
    print(grand, grand * 2, grand // 3, -grand, grand > 600, type(grand * 2).__name__)
    for sku in sorted(ledger):
        print(sku, sku.category, sku.lower(), len(sku), sku == sku.upper(), ledger[sku])
    print(ledger["CDE"] is ledger[Sku("cde")], "AB" in ledger, Sku("x") + "y", "-".join(ledger))
    print(json.dumps({"ana": totals[0], "sku": Sku("zz")}), isinstance(grand, int), isinstance(Sku("q"), str))
    print(sorted([Money(3), Money(1), 2]), max(totals), min(Sku("b"), Sku("a")), hex(Money(255)))


asyncio.run(main())
