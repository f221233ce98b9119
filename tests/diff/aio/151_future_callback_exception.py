# A done-callback that raises is reported by the loop and does not stop it.
import asyncio

def bad_cb(fut):
    raise RuntimeError("in callback")

def good_cb(fut):
    print("good callback ran with", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(bad_cb)
    f.add_done_callback(good_cb)
    f.set_result(5)
    await asyncio.sleep(0)
    print("main still running")

asyncio.run(main())
