# InvalidStateError messages of Future.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for call in (f.result, f.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    f.set_result(1)
    for call in (lambda: f.set_result(2), lambda: f.set_exception(ValueError())):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    c = loop.create_future(); c.cancel()
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("CancelledError", repr(e))
    print(issubclass(asyncio.InvalidStateError, Exception))

asyncio.run(main())
