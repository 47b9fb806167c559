# A pipeline that passes JSON messages between tasks: json.dumps with indent, sort_keys,
# separators, ensure_ascii and default; json.loads with hooks and CPython's error
# messages (JSONDecodeError with line and column); copy.copy and copy.deepcopy keep
# each task's snapshot of a shared state apart (a memo keeps shared and cyclic
# references, __copy__/__deepcopy__ and __getstate__/__setstate__ are honoured).
import asyncio
import copy
import json
from collections import deque, defaultdict


class Order:
    def __init__(self, ident, items):
        self.ident = ident
        self.items = items

    def __repr__(self):
        return f"Order({self.ident}, {self.items})"


class Session:
    def __init__(self, user):
        self.user = user
        self.token = "secret"

    def __getstate__(self):
        return {"user": self.user}

    def __setstate__(self, state):
        self.user = state["user"]
        self.token = None


def encode(obj):
    if isinstance(obj, Order):
        return {"order": obj.ident, "items": obj.items}
    raise TypeError(f"cannot encode {type(obj).__name__}")


async def producer(queue, orders):
    for order in orders:
        message = json.dumps({"kind": "order", "body": order, "note": "café ☕"}, default=encode, sort_keys=True)
        print("sent", message)
        await queue.put(message)
        await asyncio.sleep(0.1)
    await queue.put(json.dumps(None))


async def consumer(queue, totals):
    while True:
        message = await queue.get()
        data = json.loads(message, object_hook=lambda d: {k.upper(): v for k, v in d.items()})
        if data is None:
            return totals
        body = data["BODY"]
        totals[body["ORDER"]] = sum(body["ITEMS"])
        print("received", data["NOTE"], body, asyncio.get_running_loop().time())


async def main():
    state = {"orders": [Order(1, [3, 4]), Order(2, [10])], "seen": deque([0], maxlen=3),
             "by_user": defaultdict(list, {"ada": [1]})}
    state["self"] = state
    snapshot = copy.deepcopy(state)
    shallow = copy.copy(state)
    state["orders"][0].items.append(5)
    print(snapshot["orders"], snapshot["self"] is snapshot, shallow["orders"] is state["orders"])
    print(snapshot["seen"], snapshot["by_user"], snapshot["by_user"]["nobody"])
    session = copy.deepcopy(Session("ada"))
    print(session.user, session.token)

    queue = asyncio.Queue()
    totals = await asyncio.gather(producer(queue, state["orders"]), consumer(queue, {}))
    print(json.dumps(totals[1], indent=2))
    print(json.dumps(totals, separators=(",", ":")), json.dumps({"é": [1.5, None, True]}, ensure_ascii=False))


asyncio.run(main())

for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', '[\n  1,\n  oops\n]', '"unterminated', '[1] extra']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{bad!r}: {e} (line {e.lineno}, column {e.colno})")
print(json.loads('{"b": 2, "a": [1.0, -2e3, null]}', object_pairs_hook=list))
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
