# `from __future__ import annotations` at the top of a typed asyncio program: every
# annotation is kept as its source text (never evaluated, so forward references to
# classes defined later need no quotes), dataclasses still recognise ClassVar and
# InitVar written as strings, and typing.get_type_hints turns the strings back into
# types. A small fetch pipeline: workers take Request objects from a queue, fetch on the
# virtual clock, and collect Response objects.
from __future__ import annotations

import asyncio
import dataclasses
import typing
from dataclasses import dataclass, field, InitVar
from typing import ClassVar, Optional


@dataclass(order=True)
class Request:
    priority: int
    url: str = field(compare=False)
    retries: int = field(default=0, compare=False)
    created: ClassVar[int] = 0
    delay_ms: InitVar[Optional[int]] = None
    delay: float = field(default=0.0, compare=False)

    def __post_init__(self, delay_ms: Optional[int]) -> None:
        Request.created += 1
        if delay_ms is not None:
            self.delay = delay_ms / 1000


@dataclass
class Response:
    request: Request
    status: int
    body: bytes | None = None
    redirect: Optional[Response] = None


async def fetch(req: Request, *, timeout: float = 1.0) -> Response:
    await asyncio.sleep(req.delay)
    if req.delay > timeout:
        raise asyncio.TimeoutError(req.url)
    return Response(req, 200, req.url.encode())


async def worker(name: str, queue: asyncio.Queue[Request], results: list[Response],
                 failures: dict[str, BaseException]) -> None:
    while True:
        req = await queue.get()
        try:
            resp = await fetch(req, timeout=0.25)
        except asyncio.TimeoutError as exc:
            failures[req.url] = exc
            print(f"{asyncio.get_running_loop().time():.2f} {name} timeout {req.url}")
        else:
            results.append(resp)
            print(f"{asyncio.get_running_loop().time():.2f} {name} {resp.status} {req.url}")
        finally:
            queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[Request] = asyncio.Queue()
    results: list[Response] = []
    failures: dict[str, BaseException] = {}
    requests = [
        Request(2, "/slow", delay_ms=300),
        Request(1, "/index", delay_ms=100),
        Request(3, "/img", delay_ms=50),
        Request(1, "/api", delay_ms=200),
    ]
    for req in sorted(requests):
        queue.put_nowait(req)
    workers = [asyncio.create_task(worker(f"w{i}", queue, results, failures)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

    print("created:", Request.created)
    print("fields:", [f.name for f in dataclasses.fields(Request)])
    print("Request annotations:", Request.__annotations__)
    print("fetch annotations:", fetch.__annotations__)
    print("worker queue:", worker.__annotations__["queue"])
    hints = typing.get_type_hints(Response)
    print("Response hints:", hints)
    print("origin/args:", typing.get_origin(hints["redirect"]), typing.get_args(hints["redirect"]))
    print("fetch hints:", typing.get_type_hints(fetch))
    print("ok:", sorted(r.request.url for r in results), "failed:", sorted(failures))
    print(Request(5, "/x", delay_ms=1500))


asyncio.run(main())
