# An asyncio shop prices orders in Decimal: each checkout task fetches its cart's prices
# (a simulated catalogue lookup), sums them exactly, applies a percentage discount and a
# sales tax, and rounds to cents with ROUND_HALF_UP; a summary reports the totals.
import asyncio
from decimal import Decimal, ROUND_HALF_UP, getcontext, localcontext, InvalidOperation

CENTS = Decimal("0.01")
TAX_RATE = Decimal("0.0825")

CATALOGUE = {
    "coffee": Decimal("4.35"),
    "bagel": Decimal("2.10"),
    "juice": Decimal("3.99"),
    "muffin": Decimal("2.75"),
    "tea": Decimal("1.80"),
}

CARTS = {
    "alice": (["coffee", "bagel", "juice"], Decimal("10")),
    "bob": (["tea", "tea", "muffin"], Decimal("0")),
    "carol": (["coffee"] * 4 + ["muffin"], Decimal("12.5")),
    "dave": (["juice", "bagel", "cake"], Decimal("5")),
}


async def lookup(item):
    await asyncio.sleep(0.01 * len(item))
    if item not in CATALOGUE:
        raise KeyError(item)
    return CATALOGUE[item]


async def checkout(customer, items, discount_pct):
    prices = await asyncio.gather(*(lookup(i) for i in items))
    subtotal = sum(prices, Decimal("0"))
    discount = (subtotal * discount_pct / 100).quantize(CENTS, rounding=ROUND_HALF_UP)
    taxed = (subtotal - discount) * (1 + TAX_RATE)
    total = taxed.quantize(CENTS, rounding=ROUND_HALF_UP)
    print(f"{customer:>6}: {len(items)} items, subtotal {subtotal}, discount {discount}, "
          f"total {total} (unrounded {taxed})")
    return total


async def main():
    print(getcontext().prec, getcontext().rounding)
    tasks = {name: asyncio.create_task(checkout(name, items, pct))
             for name, (items, pct) in CARTS.items()}
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    paid = {}
    for name, result in zip(tasks, results):
        if isinstance(result, Exception):
            print(f"{name}: failed with {type(result).__name__} {result}")
        else:
            paid[name] = result
    revenue = sum(paid.values())
    print("revenue", revenue, repr(revenue), f"{revenue:,.2f}", "%s" % revenue)
    print("average", (revenue / len(paid)).quantize(CENTS, rounding=ROUND_HALF_UP))
    print("largest", max(paid, key=paid.get), max(paid.values()))
    print("split three ways", revenue / 3)
    with localcontext() as ctx:
        ctx.prec = 5
        print("5 digits", revenue / 3, +Decimal("123.456789"))
    print("back to", getcontext().prec, "digits:", Decimal(1) / 7)
    print(Decimal("1.10") + Decimal("2.20"), 1.10 + 2.20, Decimal(1.1))
    print(Decimal("19.999").quantize(CENTS), round(Decimal("2.675"), 2), round(Decimal("7.5")),
          int(Decimal("-3.99")), float(Decimal("0.30")))
    print(sorted(paid.values()), Decimal("3.50") == Decimal("3.5"), {Decimal("2.5"): "found"}.get(2.5))
    try:
        Decimal("12,50")
    except InvalidOperation as e:
        print("InvalidOperation", e)
    print(getcontext())


asyncio.run(main())
