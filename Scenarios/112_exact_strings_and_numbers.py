# Answers that must be exactly CPython's: strings are code points (not grapheme
# clusters), ints and floats compare exactly, and str.format / round report errors as
# CPython does. A log line formatter and a price checker exercise them between awaits.
import asyncio


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


async def code_points():
    await asyncio.sleep(0.01)
    attempt("len crlf", lambda: len("\r\n"))
    attempt("composed vs decomposed", lambda: "e\u0301" == "\u00e9")
    attempt("e in cafe\u0301", lambda: "e" in "cafe\u0301")
    attempt("index 4", lambda: "cafe\u0301"[4])
    attempt("slice", lambda: "cafe\u0301"[2:])
    attempt("iterate", lambda: list("a\r\nb"))
    attempt("splitlines", lambda: "a\r\nb\rc\n\x0bd\u2028e".splitlines())
    attempt("splitlines keepends", lambda: "a\r\nb\n".splitlines(keepends=True))
    attempt("find", lambda: "na\u0308ive na\u0308ive".find("ive", 4))
    attempt("dict keys", lambda: len({"e\u0301": 1, "\u00e9": 2}))
    attempt("sorted", lambda: sorted(["\u00e9", "e\u0301", "f"]))


async def numbers():
    await asyncio.sleep(0.02)
    big = 2 ** 53 + 1
    attempt("int == float", lambda: big == float(2 ** 53))
    attempt("int < float", lambda: big < float(2 ** 53))
    attempt("int > float", lambda: big > float(2 ** 53))
    attempt("sorted mixed", lambda: sorted([big, float(2 ** 53), 2 ** 53 - 1]))
    attempt("dict lookup", lambda: {big: "exact"}.get(float(2 ** 53), "missing"))
    attempt("set", lambda: len({big, float(2 ** 53)}))
    attempt("nan", lambda: (1 < float("nan"), 1 == float("nan")))
    attempt("inf", lambda: (2 ** 62 < float("inf"), -(2 ** 62) > float("-inf")))
    attempt("round overflow", lambda: round(1.7976931348623157e308, -308))
    attempt("round ndigits str", lambda: round(1.5, "x"))
    attempt("round bools", lambda: (round(True, 1), round(2.5, True)))
    attempt("number parts", lambda: ((7).numerator, (7).denominator, True.real, (2.5).imag, (2.0).is_integer()))


async def formats():
    await asyncio.sleep(0.03)
    row = {"name": "loop", "stats": [3, 0.25]}
    attempt("nested", lambda: "{0[name]:>{1}}|{0[stats][1]:.1%}".format(row, 8))
    attempt("attribute", lambda: "{0.__class__.__name__}".format(row))
    attempt("float attribute", lambda: "{0.real} {0.imag}".format(3.5))
    attempt("conversions", lambda: "{0!r} {0!s} {0!a}".format("h\u00e9"))
    for template in ["{", "{:", "{0", "}", "a}b", "{0!}", "{0!x}", "{0!r x}", "{}{1}", "{1}{}",
                     "{0[}", "{:{:{}}}", "{0:}}", "{0..x}", "{2}", "{zz}", "x{{y}}z"]:
        attempt(template, lambda: template.format(1, 2))


async def main():
    await asyncio.gather(code_points(), numbers(), formats())


asyncio.run(main())
