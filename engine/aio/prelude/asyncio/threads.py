"""asyncio.to_thread(): the seam for Loop Lab's simulated threads (another part of the engine)."""

__all__ = ("to_thread",)

from . import events


async def to_thread(func, *args, **kwargs):
    loop = events.get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
