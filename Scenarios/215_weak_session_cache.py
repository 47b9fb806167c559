# A cache that does not keep its entries alive: sessions are shared through a
# weakref.WeakValueDictionary, so a task that asks for a session another task still holds
# gets the same object, and once the last task lets go the entry disappears (a
# weakref.finalize logs the close). A WeakSet tracks the live sessions, a
# WeakKeyDictionary holds per-session statistics, and a weak reference's callback tells
# when the last session is gone; atexit prints the summary when the program ends.
import asyncio
import atexit
import weakref


class Session:
    opened = 0

    def __init__(self, user):
        Session.opened += 1
        self.user = user
        self.requests = 0

    def __repr__(self):
        return f'Session({self.user!r})'


cache = weakref.WeakValueDictionary()
live = weakref.WeakSet()
stats = weakref.WeakKeyDictionary()
closed = []


def get_session(user):
    session = cache.get(user)
    if session is None:
        session = Session(user)
        cache[user] = session
        live.add(session)
        stats[session] = 0
        weakref.finalize(session, closed.append, user)
        weakref.finalize(session, print, f'  closed session of {user}')
    return session


async def request(user, delay, calls):
    session = get_session(user)
    for _ in range(calls):
        await asyncio.sleep(delay)
        session.requests += 1
        stats[session] += 1
    print(f'{user} done after {session.requests} requests (live: {sorted(s.user for s in live)})')


async def main():
    last = get_session('zoe')
    watcher = weakref.ref(last, lambda r: print('  the last session is gone'))
    await asyncio.gather(
        request('ann', 0.1, 3),
        request('bob', 0.25, 2),
        request('ann', 0.15, 1),
        request('zoe', 0.2, 1),
    )
    print('cached:', sorted(cache), 'stats:', sorted((s.user, n) for s, n in stats.items()))
    print('zoe alive:', watcher() is last, 'refs to zoe:', weakref.getweakrefcount(last))
    del last
    print('after del: cached', sorted(cache), 'watcher', watcher())


atexit.register(lambda: print(f'opened {Session.opened}, closed {sorted(closed)}'))
asyncio.run(main())
print('main returned')
