# CancelledError and TimeoutError class details.
import asyncio

async def main():
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    print(asyncio.CancelledError.__module__, asyncio.CancelledError.__name__)
    print(repr(asyncio.CancelledError("m")), str(asyncio.CancelledError("m")))
    print(issubclass(asyncio.TimeoutError, OSError), asyncio.TimeoutError.__name__)
    print(issubclass(asyncio.InvalidStateError, Exception), asyncio.InvalidStateError.__module__)
    try:
        raise asyncio.CancelledError("explicit")
    except asyncio.CancelledError as e:
        print("caught", e.args)

asyncio.run(main())
