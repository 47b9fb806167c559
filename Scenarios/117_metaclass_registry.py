# A metaclass registry of message handlers: each subclass of `Handler` registers itself
# under the `kind=` of its class statement, and the registry is the class itself:
# `list(Handler)`, `len(Handler)` and `Handler["ping"]` run the metaclass's methods.
# `Registry.__call__` keeps one instance per class, `__init_subclass__` gets the other
# class keywords, and a descriptor learns its name from `__set_name__`. Each message runs
# as a task; handlers sleep for their cost, so replies come back cheapest first.
import asyncio


class Registry(type):
    handlers = {}

    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        # The namespace starts with a counter every handler can read in its body.
        return {"created": len(mcls.handlers)}

    def __new__(mcls, name, bases, namespace, kind=None, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if kind is not None:
            mcls.handlers[kind] = cls
        cls.kind = kind
        return cls

    def __call__(cls, *args, **kwargs):
        # One instance per class: the second call returns the first instance.
        if "_instance" not in cls.__dict__:
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance

    def __iter__(cls):
        return iter(sorted(cls.handlers))

    def __len__(cls):
        return len(cls.handlers)

    def __getitem__(cls, kind):
        return cls.handlers[kind]

    def __repr__(cls):
        return f"<handler {cls.__name__} for {cls.kind!r}>"


class Counted:
    def __set_name__(self, owner, name):
        self.attribute = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.attribute, 0)

    def __set__(self, obj, value):
        setattr(obj, self.attribute, value)


class Handler(metaclass=Registry):
    served = Counted()

    def __init_subclass__(cls, cost=0.1, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.cost = cost

    async def handle(self, payload):
        await asyncio.sleep(self.cost)
        self.served += 1
        return f"{self.kind}:{self.reply(payload)}"


class Ping(Handler, kind="ping", cost=0.05):
    def reply(self, payload):
        return "pong"


class Echo(Handler, kind="echo"):
    def reply(self, payload):
        return payload.upper()


class Sum(Handler, kind="sum", cost=0.2):
    order = created

    def reply(self, payload):
        return str(sum(payload))


async def dispatch(kind, payload):
    handler = Handler[kind]()
    return await handler.handle(payload)


async def main():
    print("registered:", list(Handler), len(Handler))
    print(Handler["echo"], type(Ping).__name__, isinstance(Sum, Registry), Sum.order)
    messages = [("sum", [1, 2, 3]), ("echo", "hi"), ("ping", None), ("ping", None), ("echo", "yo")]
    tasks = [asyncio.create_task(dispatch(k, p)) for k, p in messages]
    for done in asyncio.as_completed(tasks):
        print(await done)
    print("same instance:", Ping() is Ping(), "served:", Ping().served, Echo().served, Sum().served)
    try:
        Handler["nope"]
    except KeyError as e:
        print("no handler", e)


asyncio.run(main())
