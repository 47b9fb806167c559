# A custom exception hierarchy for a service client: extra fields, `args`, `__str__` and
# `__repr__` overrides, `super().__init__`, isinstance/issubclass with tuples, chaining
# with `raise ... from`, and an uncaught one ending the run with its traceback.
import asyncio


class ServiceError(Exception):
    """Base of the client's errors."""

    def __init__(self, service, message):
        super().__init__(message)
        self.service = service


class RetryableError(ServiceError):
    retry_after = 0.1


class RateLimited(RetryableError):
    def __init__(self, service, limit):
        super().__init__(service, f"more than {limit} calls")
        self.limit = limit

    def __str__(self):
        return f"{self.service}: rate limited ({self.args[0]})"


class Unavailable(RetryableError, ConnectionError):
    retry_after = 0.3


class BadRequest(ServiceError):
    def __repr__(self):
        return f"BadRequest<{self.service}>"


class Quiet(Exception):
    pass


async def call(service, n):
    await asyncio.sleep(0.05)
    if n == 0:
        raise RateLimited(service, 10)
    if n == 1:
        raise Unavailable(service, "no route to host")
    if n == 2:
        raise BadRequest(service, "missing field 'id'")
    if n == 3:
        raise Quiet
    return f"{service} ok"


async def with_retry(service, n):
    for attempt in range(2):
        try:
            return await call(service, n + attempt * 10)
        except RetryableError as e:
            print(f"retry {service} in {e.retry_after}s after {type(e).__name__}: {e}")
            await asyncio.sleep(e.retry_after)


async def main():
    print(Unavailable.__mro__)
    print(issubclass(Unavailable, (OSError, ValueError)), issubclass(RateLimited, BadRequest))
    for n in range(4):
        try:
            print(await with_retry(f"svc{n}", n))
        except (BadRequest, Quiet) as e:
            print("gave up:", repr(e), e.args, str(e) == "" or str(e))
            print("  is ServiceError:", isinstance(e, ServiceError), type(e).__doc__)
    e = RateLimited("db", 5)
    e.args = ("changed",)
    print(e, e.args, e.limit, e.service)
    try:
        try:
            await call("auth", 1)
        except ConnectionError as inner:
            raise ServiceError("auth", "login failed") from inner
    except ServiceError as outer:
        print(repr(outer), "caused by", repr(outer.__cause__), outer.__cause__.service)
    tasks = [asyncio.create_task(call(f"t{i}", i)) for i in range(3)]
    done, _ = await asyncio.wait(tasks)
    for t in tasks:
        print(t.get_name(), type(t.exception()).__name__, t.exception())
    await call("final", 0)


asyncio.run(main())
