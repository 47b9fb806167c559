# Concurrent money transfers on a Decimal ledger: tellers move amounts between accounts
# under an asyncio.Lock, a monthly interest job compounds balances in its own decimal
# Context, fees are split with Fraction shares, and the day closes with statistics.
import asyncio
import decimal
import statistics
from decimal import Decimal, Context, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_FLOOR
from fractions import Fraction

CENT = Decimal("0.01")
MONEY = Context(prec=18, rounding=ROUND_HALF_EVEN)


class InsufficientFunds(Exception):
    pass


class Ledger:
    def __init__(self, balances):
        self.balances = {name: Decimal(amount) for name, amount in balances.items()}
        self.lock = asyncio.Lock()
        self.journal = []

    async def transfer(self, teller, source, target, amount):
        amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
        async with self.lock:
            await asyncio.sleep(0.005)
            if self.balances[source] < amount:
                raise InsufficientFunds(f"{source} has {self.balances[source]}, needs {amount}")
            self.balances[source] -= amount
            self.balances[target] += amount
            self.journal.append((teller, source, target, amount))
            return amount


async def teller(name, ledger, orders):
    moved = []
    for source, target, amount in orders:
        try:
            done = await ledger.transfer(name, source, target, amount)
            moved.append(done)
            print(f"{name}: {source}->{target} {done} (asked {amount!r})")
        except InsufficientFunds as e:
            print(f"{name}: refused ({e})")
        await asyncio.sleep(0.01)
    return moved


async def interest(ledger, yearly_rate, months):
    monthly = MONEY.divide(Decimal(yearly_rate), 12)
    print("monthly rate", monthly)
    for month in range(1, months + 1):
        await asyncio.sleep(0.02)
        async with ledger.lock:
            for name, balance in ledger.balances.items():
                earned = MONEY.multiply(balance, monthly).quantize(CENT, rounding=ROUND_FLOOR)
                ledger.balances[name] = balance + earned
        print(f"month {month}:", {k: str(v) for k, v in ledger.balances.items()})


async def main():
    ledger = Ledger({"ops": "1200.00", "payroll": "350.50", "reserve": "10000"})
    results = await asyncio.gather(
        teller("t1", ledger, [("reserve", "ops", "250.255"), ("ops", "payroll", "99.999"), ("payroll", "ops", 1000)]),
        teller("t2", ledger, [("ops", "reserve", Decimal("12.345")), ("reserve", "payroll", "0.10")]),
        interest(ledger, "0.045", 3),
    )
    total = sum(ledger.balances.values())
    print("total", total, "accounts", sorted(ledger.balances.items()))
    moved = [amount for teller_moves in results[:2] for amount in teller_moves]
    print("moved", moved, "sum", sum(moved), "mean", statistics.mean(moved), "median", statistics.median(moved))
    fee = Decimal("100.00")
    shares = {"ops": Fraction(1, 2), "payroll": Fraction(1, 3), "reserve": Fraction(1, 6)}
    split = {k: (fee * share.numerator / share.denominator).quantize(CENT) for k, share in shares.items()}
    print("fee split", split, "sum", sum(split.values()), "shares add up", sum(shares.values()) == 1)
    print("journal", len(ledger.journal), ledger.journal[0])
    print(MONEY.flags[decimal.Inexact], MONEY.flags[decimal.Rounded], decimal.getcontext().prec)


asyncio.run(main())
