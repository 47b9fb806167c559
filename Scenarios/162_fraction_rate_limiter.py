# A token-bucket rate limiter kept in exact Fractions: tokens refill at 5/3 per second of
# the loop's clock, so no float drift creeps in over many refills. Clients await tokens;
# the limiter reports how long each waited, as fractions and as floats.
import asyncio
import math
from fractions import Fraction


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = Fraction(rate)
        self.capacity = Fraction(capacity)
        self.tokens = self.capacity
        self.stamp = None

    def _refill(self, now):
        if self.stamp is not None:
            elapsed = Fraction(now) - self.stamp
            self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.stamp = Fraction(now)

    async def take(self, cost=1):
        loop = asyncio.get_running_loop()
        while True:
            self._refill(Fraction(round(loop.time() * 1000), 1000))
            if self.tokens >= cost:
                self.tokens -= cost
                return self.tokens
            missing = cost - self.tokens
            wait = missing / self.rate
            await asyncio.sleep(math.ceil(wait * 1000) / 1000)


async def client(name, bucket, requests, cost, start):
    loop = asyncio.get_running_loop()
    waits = []
    for i in range(requests):
        before = loop.time()
        left = await bucket.take(cost)
        waited = Fraction(round((loop.time() - before) * 1000), 1000)
        waits.append(waited)
        print(f"t={loop.time() - start:.3f} {name}#{i} cost={cost} left={left} waited={waited}")
    return name, waits


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    bucket = TokenBucket(Fraction(5, 3), 3)
    print("rate", bucket.rate, repr(bucket.rate), float(bucket.rate), bucket.rate.limit_denominator(2))
    results = await asyncio.gather(
        client("a", bucket, 4, 1, start),
        client("b", bucket, 3, Fraction(3, 2), start),
        client("c", bucket, 2, Fraction("0.5"), start),
    )
    for name, waits in results:
        total = sum(waits, Fraction(0))
        print(name, "total wait", total, f"= {float(total):.4f}s", "mean", total / len(waits),
              "max", max(waits), "rounded", round(total, 1), math.floor(total), math.ceil(total))
    print("tokens left", bucket.tokens, bucket.tokens.as_integer_ratio(), bucket.tokens.numerator,
          bucket.tokens.denominator)
    thirds = [Fraction(1, 3)] * 3
    print(sum(thirds) == 1, sum([1 / 3] * 3) == 1, Fraction(0.1) == Fraction(1, 10), Fraction("0.1"))
    print(Fraction(7, 4) // 1, Fraction(7, 4) % 1, divmod(Fraction(7, 4), Fraction(1, 2)), -Fraction(7, 4),
          abs(Fraction(-7, 4)), Fraction(7, 4) ** 2, Fraction(9, 4) ** Fraction(1, 2), 2 * Fraction(3, 8))
    print({Fraction(1, 2): "half"}.get(0.5), Fraction(3, 4) < 0.8,
          sorted([Fraction(2, 3), 0.5, 1, Fraction(1, 3)]))
    try:
        Fraction(1, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


asyncio.run(main())
