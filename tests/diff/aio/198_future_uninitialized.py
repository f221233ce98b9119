# What CPython's C Future (and Loop Lab's native methods) say when called wrongly: a Future subclass
# whose __init__ never calls Future's answers done() and cancelled() as pending and refuses the
# rest; bad arguments get the C messages. (The prelude's Python Future cannot say these.)
import asyncio
class NoInit(asyncio.Future):
    def __init__(self):
        pass
for name, call in (("done", lambda f: f.done()), ("cancelled", lambda f: f.cancelled()), ("get_loop", lambda f: f.get_loop()),
                   ("result", lambda f: f.result()), ("add", lambda f: f.add_done_callback(print)), ("set", lambda f: f.set_result(1)),
                   ("await", lambda f: f.__await__()), ("get_loop2", lambda f: asyncio.Future.get_loop(3)), ("done2", lambda f: f.done(1)), ("add3", lambda f: f.add_done_callback(1, 2))):
    try:
        print(name, call(NoInit()))
    except Exception as e:
        print(name, type(e).__name__ + ":", e)


async def main():
    fut = asyncio.get_running_loop().create_future()
    for call in (lambda: asyncio.Future.done(5), lambda: fut.set_result(), lambda: fut.set_result(1, 2),
                 lambda: fut.__await__(1), lambda: fut.add_done_callback(print, ctx=1),
                 lambda: fut.add_done_callback(), lambda: fut.result(1), lambda: fut.cancelled(None)):
        try:
            call()
        except Exception as e:
            print(type(e).__name__ + ":", e)

asyncio.run(main())
