"""Is this a coroutine? The VM knows; we ask it."""

__all__ = ("iscoroutinefunction", "iscoroutine")

import _looplab


def iscoroutine(obj):
    """True for the object an `async def` call returns (or a registered Coroutine)."""
    return _looplab.is_coroutine(obj)


def iscoroutinefunction(func):
    """True for an `async def` function (or a callable marked as one)."""
    return _looplab.is_coroutine_function(func)


def _is_awaitable(obj):
    # What `await obj` accepts: coroutines, and objects whose class has __await__.
    return _looplab.is_coroutine(obj) or hasattr(type(obj), "__await__")
