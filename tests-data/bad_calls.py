# Calls with wrong arguments, each caught and its error printed: CPython's exact
# TypeError messages for asyncio's C and Python methods, module functions, builtins
# and the methods of str, list, dict and set.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    t = asyncio.create_task(asyncio.sleep(0))
    h = loop.call_later(1, print)
    l = [1, 2]
    d = {1: 2}
    s = 'a b'
    st = set()
    try:
        f.set_result()
        print('no error:', 'f.set_result()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.set_result(1, 2)
        print('no error:', 'f.set_result(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.set_result(result=1)
        print('no error:', 'f.set_result(result=1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.result(1)
        print('no error:', 'f.result(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.done(1)
        print('no error:', 'f.done(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.exception(1)
        print('no error:', 'f.exception(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.add_done_callback()
        print('no error:', 'f.add_done_callback()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.add_done_callback(print, 2)
        print('no error:', 'f.add_done_callback(print, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.add_done_callback(print, context=None, x=2)
        print('no error:', 'f.add_done_callback(print, context=None, x=2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.remove_done_callback()
        print('no error:', 'f.remove_done_callback()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.get_loop(x=1)
        print('no error:', 'f.get_loop(x=1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.cancel(1, 2)
        print('no error:', 'f.cancel(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.cancel(msg=1, x=2)
        print('no error:', 'f.cancel(msg=1, x=2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.cancel(x=1)
        print('no error:', 'f.cancel(x=1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        t.get_name(1)
        print('no error:', 't.get_name(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        t.set_name()
        print('no error:', 't.set_name()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        t.cancelling(1)
        print('no error:', 't.cancelling(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        t.set_result(1)
        print('no error:', 't.set_result(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        h.cancel(1)
        print('no error:', 'h.cancel(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        h.cancelled(1)
        print('no error:', 'h.cancelled(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.create_future(1)
        print('no error:', 'loop.create_future(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.call_soon()
        print('no error:', 'loop.call_soon()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.call_later(1)
        print('no error:', 'loop.call_later(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.call_soon(print, 1, context=None, y=3)
        print('no error:', 'loop.call_soon(print, 1, context=None, y=3)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.set_debug(1, 2)
        print('no error:', 'loop.set_debug(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        loop.create_task()
        print('no error:', 'loop.create_task()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.sleep()
        print('no error:', 'asyncio.sleep()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.sleep(1, 2, 3)
        print('no error:', 'asyncio.sleep(1, 2, 3)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.create_task()
        print('no error:', 'asyncio.create_task()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.gather(x=1)
        print('no error:', 'asyncio.gather(x=1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.current_task(1, 2)
        print('no error:', 'asyncio.current_task(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.get_running_loop(1)
        print('no error:', 'asyncio.get_running_loop(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.shield()
        print('no error:', 'asyncio.shield()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.ensure_future()
        print('no error:', 'asyncio.ensure_future()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.all_tasks(1, 2)
        print('no error:', 'asyncio.all_tasks(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.wait_for()
        print('no error:', 'asyncio.wait_for()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.run()
        print('no error:', 'asyncio.run()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.Event(1)
        print('no error:', 'asyncio.Event(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.Lock().acquire(1)
        print('no error:', 'asyncio.Lock().acquire(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        asyncio.Queue(1, 2)
        print('no error:', 'asyncio.Queue(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.append()
        print('no error:', 'l.append()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.pop(1, 2)
        print('no error:', 'l.pop(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.insert(1)
        print('no error:', 'l.insert(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.index()
        print('no error:', 'l.index()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.count()
        print('no error:', 'l.count()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.sort(1)
        print('no error:', 'l.sort(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.reverse(1)
        print('no error:', 'l.reverse(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        l.extend()
        print('no error:', 'l.extend()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        d.get()
        print('no error:', 'd.get()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        d.get(1, 2, 3)
        print('no error:', 'd.get(1, 2, 3)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        d.keys(1)
        print('no error:', 'd.keys(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        d.setdefault()
        print('no error:', 'd.setdefault()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        d.update(1, 2)
        print('no error:', 'd.update(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        s.join()
        print('no error:', 's.join()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        s.upper(1)
        print('no error:', 's.upper(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        s.strip(1, 2)
        print('no error:', 's.strip(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        s.find()
        print('no error:', 's.find()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        s.startswith()
        print('no error:', 's.startswith()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        st.add()
        print('no error:', 'st.add()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        len()
        print('no error:', 'len()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        max()
        print('no error:', 'max()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        min()
        print('no error:', 'min()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        sum()
        print('no error:', 'sum()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        sorted()
        print('no error:', 'sorted()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        range()
        print('no error:', 'range()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        range(1, 2, 3, 4)
        print('no error:', 'range(1, 2, 3, 4)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        int(1, 2, 3)
        print('no error:', 'int(1, 2, 3)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        str(1, 2, 3, 4)
        print('no error:', 'str(1, 2, 3, 4)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(sep=1)
        print('no error:', 'print(sep=1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        isinstance(1)
        print('no error:', 'isinstance(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        enumerate()
        print('no error:', 'enumerate()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        list(1, 2)
        print('no error:', 'list(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        dict(1, 2)
        print('no error:', 'dict(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        set(1, 2)
        print('no error:', 'set(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        float(1, 2)
        print('no error:', 'float(1, 2)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        type()
        print('no error:', 'type()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        hasattr(1)
        print('no error:', 'hasattr(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        getattr(1)
        print('no error:', 'getattr(1)')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        reversed()
        print('no error:', 'reversed()')
    except Exception as e:
        print(type(e).__name__, e)
    try:
        id()
        print('no error:', 'id()')
    except Exception as e:
        print(type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
