# Builtins a retry-with-backoff client reaches for: format, ascii, pow with a modulus,
# divmod, zip(strict=True), slice objects, issubclass, %-formatting, and the OSError family
# (ConnectionResetError with errno and strerror) and warnings classes. Operator and
# formatting errors use CPython's words.
import asyncio

ERRORS = [ConnectionResetError(104, "Connection reset by peer"), TimeoutError("slow"),
          BrokenPipeError(32, "Broken pipe"), FileNotFoundError(2, "No such file", "cfg.toml")]


async def attempt(n):
    await asyncio.sleep(0.1 * 2 ** n)
    if n < len(ERRORS):
        raise ERRORS[n]
    return f"ok after {n} retries"


async def main():
    for n in range(5):
        try:
            print(await attempt(n))
            break
        except ConnectionError as e:
            print(f"retry {n}: {type(e).__name__} errno={e.errno} {e.strerror!r} -> {e}")
        except OSError as e:
            print(f"retry {n}: {type(e).__name__} {e} (errno {e.errno}, file {e.filename})")
    loop = asyncio.get_running_loop()
    print(format(loop.time(), ".2f"), format(1234567.891, ",.2f"), format(42), ascii("héllo"))
    print(pow(3, 4, 5), pow(2, -1, 7), pow(7, 2, -5), divmod(7.5, 2), divmod(-7, 2))
    print(list(zip([1, 2], "ab", strict=True)), [0, 1, 2, 3, 4, 5][slice(1, None, 2)], slice(3))
    print(issubclass(ConnectionResetError, OSError), issubclass(bool, (str, int)), issubclass(DeprecationWarning, Warning))
    print("%5.2f|%-4d|%x|%r|%%|%c" % (3.14159, 7, 255, "q", 65))
    print("%(host)s:%(port)04d" % {"host": "db", "port": 80}, int("0x1f", 16), int("12", base=8), {1: 2, 3: 4}.popitem())
    print(EnvironmentError is OSError, IOError.__name__, [c.__name__ for c in (UserWarning, ResourceWarning, EOFError, StopAsyncIteration)])
    bad = [lambda: "a" + 1, lambda: [1] + (2,), lambda: [1] * 1.5, lambda: "ab" * 2.0, lambda: "%d" % "x",
           lambda: "%s and %s" % (1,), lambda: "%s" % (1, 2), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5),
           lambda: list(zip([1], [2, 3], strict=True)), lambda: list(zip([1, 2], [3], [4, 5], strict=True)),
           lambda: issubclass(1, int), lambda: "%x" % 1.5, lambda: {}.popitem()]
    for f in bad:
        try:
            f()
        except (TypeError, ValueError, KeyError) as e:
            print(f"{type(e).__name__}: {e}")


asyncio.run(main())
