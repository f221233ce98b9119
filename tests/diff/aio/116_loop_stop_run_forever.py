# run_forever with stop() from a callback; the batch finishes before stopping.
import asyncio

def say(msg, loop=None):
    print(msg)
    if loop:
        loop.stop()

loop = asyncio.new_event_loop()
loop.call_soon(say, "first")
loop.call_later(1, say, "stopping at 1", loop)
loop.call_later(1, say, "same batch")
loop.call_later(2, say, "later, after restart")
loop.run_forever()
print("run_forever returned at", loop.time())
loop.run_forever() if False else None
loop.call_later(1.5, loop.stop)
loop.run_forever()
print("second run stopped at", loop.time())
loop.close()
