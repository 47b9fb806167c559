# An Enum state machine driven by tasks: connections move IDLE -> CONNECTING -> READY ->
# CLOSED on the event loop, with an IntEnum priority, a StrEnum event kind, a Flag of
# capabilities, members as dict keys and in match statements, and the functional API.
import asyncio
from enum import Enum, IntEnum, StrEnum, Flag, auto, unique


@unique
class State(Enum):
    IDLE = auto()
    CONNECTING = auto()
    READY = auto()
    CLOSED = auto()

    @property
    def is_open(self):
        return self in (State.CONNECTING, State.READY)


class Priority(IntEnum):
    LOW = 1
    NORMAL = 5
    URGENT = 9


class Event(StrEnum):
    DIAL = auto()
    ESTABLISHED = auto()
    HANGUP = auto()


class Caps(Flag):
    READ = auto()
    WRITE = auto()
    PUSH = auto()
    DUPLEX = READ | WRITE


Lane = Enum("Lane", "EAST WEST")

TRANSITIONS = {
    (State.IDLE, Event.DIAL): State.CONNECTING,
    (State.CONNECTING, Event.ESTABLISHED): State.READY,
    (State.READY, Event.HANGUP): State.CLOSED,
    (State.CONNECTING, Event.HANGUP): State.CLOSED,
}


class Connection:
    def __init__(self, name, priority, caps, lane):
        self.name, self.priority, self.caps, self.lane = name, priority, caps, lane
        self.state = State.IDLE
        self.history = [self.state]

    def fire(self, event):
        try:
            self.state = TRANSITIONS[self.state, Event(event)]
        except KeyError:
            print(f"  {self.name}: {event!r} ignored in {self.state.name}")
            return
        self.history.append(self.state)
        now = asyncio.get_running_loop().time()
        print(f"  t={now:.1f} {self.name:<5} {event:<11} -> {self.state}")


async def drive(conn, delays):
    conn.fire("dial")
    for event, delay in delays:
        await asyncio.sleep(delay / conn.priority)
        conn.fire(event)
    match conn.state:
        case State.CLOSED if conn.caps & Caps.PUSH:
            return "closed, pushed"
        case State.CLOSED:
            return "closed"
        case State.READY | State.CONNECTING:
            return "still open"


async def main():
    conns = [
        Connection("alpha", Priority.URGENT, Caps.DUPLEX, Lane.EAST),
        Connection("beta", Priority.LOW, Caps.READ | Caps.PUSH, Lane.WEST),
        Connection("gamma", Priority.NORMAL, Caps.WRITE, Lane(1)),
    ]
    plans = [
        [(Event.ESTABLISHED, 2.7), (Event.HANGUP, 4.5)],
        [(Event.ESTABLISHED, 0.5), (Event.DIAL, 0.2), (Event.HANGUP, 0.8)],
        [(Event.HANGUP, 3.0)],
    ]
    results = await asyncio.gather(*(drive(c, p) for c, p in zip(conns, plans)))
    for c, r in zip(conns, results):
        print(c.name, r, [s.name for s in c.history], repr(c.caps), c.lane, c.state.is_open)
    by_state = {}
    for c in sorted(conns, key=lambda c: c.priority, reverse=True):
        by_state.setdefault(c.state, []).append(f"{c.name}:{c.priority:d}")
    print(by_state)
    print(list(State), State(2), State["READY"], Priority(5), Priority.URGENT > 3, max(Priority))
    print(f"{Priority.NORMAL}|{Priority.NORMAL!r}|{Event.DIAL}|{Event.DIAL!r}", Event.HANGUP.upper())
    print(Caps.READ in Caps.DUPLEX, ~Caps.PUSH, list(Caps.DUPLEX), Caps(0), len(Caps))
    try:
        State(9)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
