"""asyncio's bridges to threads (Loop Lab's simulated threads, engine/sim): to_thread,
run_coroutine_threadsafe, and wrap_future, which chains a concurrent.futures.Future to an
asyncio Future through call_soon_threadsafe."""

__all__ = ("to_thread", "run_coroutine_threadsafe", "wrap_future")

import functools

from . import coroutines
from . import events
from . import futures
from . import tasks


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in the loop's default executor and await its result."""
    loop = events.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)


def _is_concurrent_future(fut):
    return not futures.isfuture(fut) and hasattr(fut, "set_running_or_notify_cancel")


def _copy_to_asyncio(dest, source):
    # `source` is done (a concurrent future, on any thread); `dest` belongs to its loop.
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    _copy_outcome(dest, source)


def _copy_to_concurrent(dest, source):
    # `source` is a done asyncio future; `dest` a concurrent one.
    if source.cancelled():
        dest.cancel()
    if not dest.set_running_or_notify_cancel():
        return
    _copy_outcome(dest, source)


def _copy_outcome(dest, source):
    # `source` is done and not cancelled: its result or exception becomes `dest`'s.
    exc = source.exception()
    if exc is not None:
        dest.set_exception(exc)
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """When `source` is done, `destination` gets its outcome; cancelling `destination` cancels
    `source`. Each side is touched only from its own loop's thread."""
    source_loop = source.get_loop() if futures.isfuture(source) else None
    dest_loop = destination.get_loop() if futures.isfuture(destination) else None

    def _set_state(future, other):
        if futures.isfuture(future):
            _copy_to_asyncio(future, other)
        else:
            _copy_to_concurrent(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """An asyncio Future that follows a concurrent.futures.Future."""
    if futures.isfuture(future):
        return future
    if not _is_concurrent_future(future):
        raise TypeError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


def run_coroutine_threadsafe(coro, loop):
    """From another thread: run `coro` on `loop`; return a concurrent.futures.Future."""
    if not coroutines.iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import concurrent.futures
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(tasks.ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future
