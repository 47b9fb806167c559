# Big-int CPU work spread over tasks: Python ints grow past 64 bits as needed (factorials,
# Fibonacci numbers, modular exponentiation for a toy RSA round trip), and the results are
# formatted, hashed and compared like any int. Notice that each task yields between chunks
# of work, so their output interleaves; and that the toy RSA keys are derived, not random.
import asyncio
import math


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


async def factorials(upto):
    product = 1
    for k in range(1, upto + 1):
        product *= k
        if k % 10 == 0:
            print(f"{k}! has {len(str(product))} digits, ends {product % 10**6:06d}")
            await asyncio.sleep(0.01)
    return product


async def fibonacci(count):
    for n in (90, 93, 94, 200, count):
        value = fib(n)
        print(f"fib({n}) = {value:,}" if n < 100 else f"fib({n}) bits={value.bit_length()} hex={hex(value)[:12]}...")
        await asyncio.sleep(0.015)
    return fib(count)


async def rsa_round_trip():
    p = 2**89 - 1  # Mersenne primes
    q = 2**107 - 1
    n = p * q
    phi = (p - 1) * (q - 1)
    e = 65537
    d = pow(e, -1, phi)
    message = int("loopscope", 36)  # the text as a base-36 number
    cipher = pow(message, e, n)
    await asyncio.sleep(0.02)
    plain = pow(cipher, d, n)
    print("n has", n.bit_length(), "bits; d mod 1000 =", d % 1000)
    print("round trip ok:", plain == message, "cipher > 2**63:", cipher > 2**63)
    return n


async def main():
    fact, fibs, n = await asyncio.gather(factorials(40), fibonacci(300), rsa_round_trip())
    print("40! =", fact)
    print("40! // 39! =", fact // math.factorial(39), "| gcd with 2**64:", math.gcd(fact, 2**64))
    print("as float:", float(fact), "| 40!/2**100 =", fact / 2**100)
    print("dict keyed by 2**64, read with 2.0**64:", {2**64: "found"}[2.0**64], "| 2**64 in {2.0**64}:", 2**64 in {2.0**64})
    print("sorted:", sorted([fibs % 1000, -2**70, 2**64, 3.5]))
    print(f"{n:_x}"[:20], f"{-fact:>60,}"[-20:], f"{2**70:.3e}")
    print("isqrt(n) squared <= n:", math.isqrt(n) ** 2 <= n, "| n >> 100 =", n >> 100, "| ~n & 0xff =", ~n & 0xFF)
    try:
        float(10**400)
    except OverflowError as exc:
        print("OverflowError:", exc)


asyncio.run(main())
