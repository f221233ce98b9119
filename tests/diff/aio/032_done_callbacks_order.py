# Done callbacks run in registration order; remove_done_callback counts removals.
import asyncio

def cb(name):
    return lambda fut: print(name, "saw", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    a, b = cb("a"), cb("b")
    f.add_done_callback(a); f.add_done_callback(b); f.add_done_callback(a)
    f.add_done_callback(cb("c"))
    print("removed", f.remove_done_callback(a))
    f.set_result("value")
    print("result set")
    await asyncio.sleep(0)
    f.add_done_callback(cb("late"))
    print("late added")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
