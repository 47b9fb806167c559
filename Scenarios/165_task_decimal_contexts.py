# Each asyncio task runs in its own copy of the contextvars context, so a request id set
# in one handler is not seen by another, and a decimal context a task changes (its
# precision, its rounding, localcontext blocks across awaits) stays that task's own.
import asyncio
import contextvars
import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_DOWN, ROUND_UP

request_id = contextvars.ContextVar("request_id", default="-")
getcontext().prec = 12  # set before any task: every task's copy shares this Context


def log(message):
    print(f"[{request_id.get()}] {message}")


async def convert(amount, rate, digits, rounding):
    request_id.set(f"conv-{digits}")
    ctx = decimal.Context(prec=digits, rounding=rounding)
    decimal.setcontext(ctx)  # this task's context only
    await asyncio.sleep(0.01)
    result = Decimal(amount) * Decimal(rate)
    log(f"{amount} x {rate} = {result} (prec {getcontext().prec}, {getcontext().rounding})")
    return result


async def with_local(amount):
    request_id.set("local")
    with localcontext() as ctx:
        ctx.prec = 3
        await asyncio.sleep(0.005)
        inside = Decimal(amount) / 7
        log(f"inside localcontext: {inside}")
        await asyncio.sleep(0.01)
    outside = Decimal(amount) / 7
    log(f"after localcontext: {outside}")
    return inside, outside


async def watcher():
    for _ in range(3):
        log(f"watcher sees prec {getcontext().prec}: {Decimal(1) / 3}")
        await asyncio.sleep(0.006)


async def main():
    token = request_id.set("main")
    log("start")
    results = await asyncio.gather(
        convert("19.99", "0.913456789", 4, ROUND_DOWN),
        convert("19.99", "0.913456789", 6, ROUND_UP),
        with_local("100"),
        watcher(),
    )
    log(f"results {results[:3]}")
    log(f"main still has prec {getcontext().prec}")
    ctx = contextvars.copy_context()
    print(ctx[request_id], ctx.run(request_id.get), request_id in ctx)
    request_id.reset(token)
    log("after reset")
    task = asyncio.create_task(watcher(), context=contextvars.Context())
    await task


asyncio.run(main())
