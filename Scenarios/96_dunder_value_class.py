# A value class that behaves like a built-in: Money with arithmetic (and reflected and
# in-place forms), ordering, equality and hashing rules, formatting, truth, and a
# Ledger container with len/iter/contains/getitem/setitem/delitem, used by tasks.
import asyncio


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def _check(self, other):
        if not isinstance(other, Money):
            return False
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")
        return True

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other, self.currency)
        if not self._check(other):
            return NotImplemented
        return Money(self.cents + other.cents, self.currency)

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __sub__(self, other):
        if not self._check(other):
            return NotImplemented
        return Money(self.cents - other.cents, self.currency)

    def __mul__(self, k):
        if not isinstance(k, int):
            return NotImplemented
        return Money(self.cents * k, self.currency)

    __rmul__ = __mul__

    def __iadd__(self, other):
        print(f"  in-place add to {self}")
        self.cents += other.cents
        return self

    def __neg__(self):
        return Money(-self.cents, self.currency)

    def __abs__(self):
        return Money(abs(self.cents), self.currency)

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.cents, self.currency) == (other.cents, other.currency)

    def __lt__(self, other):
        if not self._check(other):
            return NotImplemented
        return self.cents < other.cents

    def __le__(self, other):
        return self == other or self < other

    def __bool__(self):
        return self.cents != 0

    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}"

    def __repr__(self):
        return f"Money({self.cents}, {self.currency!r})"

    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents / 100:g}{self.currency[0]}"
        return format(str(self), spec)


class Ledger:
    def __init__(self):
        self._entries = {}

    def __setitem__(self, key, amount):
        self._entries[key] = amount

    def __getitem__(self, key):
        if key not in self._entries:
            raise KeyError(key)
        return self._entries[key]

    def __delitem__(self, key):
        self._entries.pop(key)

    def __len__(self):
        return len(self._entries)

    def __iter__(self):
        return iter(sorted(self._entries))

    def __contains__(self, key):
        return key in self._entries

    def total(self):
        return sum([self[k] for k in self])


async def pay(ledger, name, amount, delay):
    await asyncio.sleep(delay)
    ledger[name] = ledger[name] + amount if name in ledger else amount
    print(f"t={asyncio.get_running_loop().time():.1f} {name} paid {amount:short} -> {ledger[name]}")


async def main():
    a, b = Money(1250), Money(199)
    print(a + b, a - b, 3 * b, b * 2, -a, abs(-a), a + 50)
    print(a == Money(1250), a != b, b < a, a <= a, a > b, a >= b, sorted([a, b, Money(5)]))
    print(bool(Money(0)), bool(a), a == 1250, f"[{a:>14}] [{b:short}]")
    try:
        a < Money(1, "USD")
    except ValueError as e:
        print("ValueError:", e)
    try:
        a < 3
    except TypeError as e:
        print("TypeError:", e)
    try:
        print({a: "x"})
    except TypeError as e:
        print("TypeError:", e)
    total = Money(0)
    total += a
    print(total, total is not a, total == a)

    ledger = Ledger()
    await asyncio.gather(pay(ledger, "ann", a, 0.2), pay(ledger, "bob", b, 0.1), pay(ledger, "ann", b, 0.3))
    print(len(ledger), list(ledger), "ann" in ledger, "zoe" in ledger, ledger.total())
    ledger.__delitem__("bob")
    print(len(ledger), [str(ledger[k]) for k in ledger])
    try:
        ledger["bob"]
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
