# Future's methods at their edges (native in Loop Lab, C in CPython): callbacks on a done future, their
# order, results and errors, a subclass overriding _schedule_callbacks (which set_result does not call).
# Their argument errors, in CPython's C words, are in 198.
import asyncio


class Loud(asyncio.Future):
    def _schedule_callbacks(self):
        print("Loud._schedule_callbacks")
        super()._schedule_callbacks()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("first", f.result()))
    fut.add_done_callback(lambda f: print("second", f.done()), context=None)
    fut.add_done_callback(lambda f: print("third", f.cancelled()))
    print(fut.done(), fut.cancelled(), fut.get_loop() is loop)
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.set_result(42)
    try:
        fut.set_result(43)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(lambda f: print("late", f.result()))
    print("no callback has run yet: they wait for the loop")
    await asyncio.sleep(0)

    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    try:
        failed.result()
    except KeyError as e:
        print("raised", repr(e))
    del failed   # retrieved: no "exception was never retrieved"

    cancelled = loop.create_future()
    cancelled.cancel("why")
    try:
        cancelled.result()
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)

    loud = Loud()
    loud.add_done_callback(lambda f: print("loud done", f.result()))
    loud.set_result("x")
    await asyncio.sleep(0)

asyncio.run(main())
