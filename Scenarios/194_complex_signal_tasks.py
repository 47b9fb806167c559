# Worker tasks computing with complex numbers: a discrete Fourier transform split across
# tasks through a queue, AC circuit impedances with a complex subclass, Mandelbrot rows,
# and the roots of quadratics (a negative number to a fractional power is complex).
import asyncio
import math


def dft_bin(signal, k):
    n = len(signal)
    total = 0j
    for t, x in enumerate(signal):
        angle = -2 * math.pi * k * t / n
        total += x * complex(math.cos(angle), math.sin(angle))
    return total


async def dft_worker(name, signal, jobs, results):
    while True:
        k = await jobs.get()
        await asyncio.sleep(0.01 * (k % 3))
        results[k] = dft_bin(signal, k)
        print(f"{name} bin {k}: {results[k]:.3f}  |X|={abs(results[k]):.4f}")
        jobs.task_done()


class Impedance(complex):
    """A complex with an engineer's repr."""

    def __repr__(self):
        return f"Z({self.real:.2f} {'+' if self.imag >= 0 else '-'} j{abs(self.imag):.2f} ohm)"

    def parallel(self, other):
        return Impedance(1 / (1 / self + 1 / other))


async def circuit(freq):
    await asyncio.sleep(0.02)
    w = 2 * math.pi * freq
    resistor = Impedance(100)
    inductor = Impedance(0, w * 0.5)
    capacitor = Impedance(0, -1 / (w * 10e-6))
    series = Impedance(resistor + inductor + capacitor)
    both = inductor.parallel(capacitor)
    print(f"f={freq:>5} Hz series={series!r} parallel={both!r}")
    print(f"       |Z|={abs(series):10.3f}  phase={math.degrees(math.atan2(series.imag, series.real)):8.3f} deg")
    return series


def mandelbrot_row(y, width=32, limit=30):
    row = []
    for i in range(width):
        c = complex(-2.2 + 3.0 * i / width, y)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < limit:
            z = z * z + c
            n += 1
        row.append(" .:-=+*#%@"[min(n // 3, 9)])
    return "".join(row)


async def mandelbrot(rows):
    async def one(y):
        await asyncio.sleep(abs(y) / 10)
        return y, mandelbrot_row(y)
    tasks = [asyncio.create_task(one(-1.2 + 2.4 * r / (rows - 1))) for r in range(rows)]
    for y, text in sorted(await asyncio.gather(*tasks)):
        print(f"{y:+.2f} |{text}|")


def quadratic_roots(a, b, c):
    disc = b * b - 4 * a * c
    root = disc ** 0.5  # complex when disc < 0
    return (-b + root) / (2 * a), (-b - root) / (2 * a)


async def main():
    signal = [math.sin(2 * math.pi * 2 * t / 8) + 0.5 * (t % 2) for t in range(8)]
    jobs = asyncio.Queue()
    results = {}
    for k in range(8):
        jobs.put_nowait(k)
    workers = [asyncio.create_task(dft_worker(f"w{i}", signal, jobs, results)) for i in range(3)]
    await jobs.join()
    for w in workers:
        w.cancel()
    energy = sum(abs(x) ** 2 for x in results.values()) / len(signal)
    print(f"Parseval: {energy:.6f} == {sum(x * x for x in signal):.6f}")
    print("conjugate symmetry:", all(abs(results[k] - results[8 - k].conjugate()) < 1e-9 for k in range(1, 8)))

    series = await asyncio.gather(*(circuit(f) for f in (50, 225, 1000)))
    print("resonance nearest:", min(zip(series, (50, 225, 1000)), key=lambda p: abs(p[0].imag))[1], "Hz")

    await mandelbrot(7)

    for a, b, c in [(1, -3, 2), (1, 2, 5), (2, 0, 8), (1, -2, 1)]:
        r1, r2 = quadratic_roots(a, b, c)
        print(f"{a}x^2{b:+}x{c:+}: {r1!r} {r2!r}", "real" if isinstance(r1, float) else type(r1).__name__)

    z = 3 + 4j
    print(z, -z, z.conjugate(), z * 1j, z / 2, z ** 2, z ** -1, 1j ** 1j, (-1) ** 0.5)
    print(z == 3 + 4j, complex(3, 0) == 3, {7: "seven"}[complex(7, 0)], {2 + 0j: "two"}[2])
    print(complex("1.5-2.5j"), complex(" (1e3+0j) "), repr(complex(-0.0, -0.0)), complex(float("inf"), float("nan")))
    for bad in ("1+2", "3k", "1__0j"):
        try:
            complex(bad)
        except ValueError as e:
            print("ValueError:", e)
    for op in (lambda: z < z, lambda: z // 2, lambda: z % 2, lambda: z / 0, lambda: 0j ** -2, lambda: round(z)):
        try:
            op()
        except (TypeError, ZeroDivisionError) as e:
            print(type(e).__name__ + ":", e)


asyncio.run(main())
