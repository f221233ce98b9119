"""Future: a box for a result that arrives later, plus callbacks to run when it does."""

__all__ = ("Future", "isfuture", "wrap_future")

import _looplab
from . import events
from . import exceptions
from . import format_helpers

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"

_event = _looplab.event
_future_iter = _looplab.future_iter


def isfuture(obj):
    """True for our futures and for anything that advertises itself as one."""
    return (getattr(obj.__class__, "_asyncio_future_blocking", None) is not None and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(callbacks):
    def one(entry):
        return format_helpers.format_callback_source(entry[0], ())
    size = len(callbacks)
    if size == 1:
        text = one(callbacks[0])
    elif size == 2:
        text = one(callbacks[0]) + ", " + one(callbacks[1])
    else:
        # Long lists show only their ends.
        text = f"{one(callbacks[0])}, <{size - 2} more>, {one(callbacks[-1])}"
    return f"cb=[{text}]"


def _callback_entries(fut):
    """The (callback, context) pairs waiting on fut, in registration order."""
    entries = [] if fut._callback0 is None else [(fut._callback0, fut._context0)]
    if fut._callbacks:
        entries.extend(fut._callbacks)
    return entries


def _repr_info(fut):
    info = [fut._state.lower()]
    if fut._state == _FINISHED:
        if fut._exception is not None:
            info.append(f"exception={fut._exception!r}")
        else:
            info.append(f"result={format_helpers.short_repr(fut._result)}")
    callbacks = _callback_entries(fut)
    if callbacks:
        info.append(_format_callbacks(callbacks))
    if fut._source_traceback:
        info.append(format_helpers.created_at(fut._source_traceback))
    return info


class Future:
    """A result that is not there yet: pending, then finished or cancelled exactly once."""

    # The fields every future uses are slots, as in CPython's C Future: no per-future dict to
    # allocate and search. The first callback has fields of its own and the list exists only for
    # more (CPython's fut_callback0): most futures have exactly one, and then need no list and
    # no tuple.
    __slots__ = ("_state", "_result", "_loop", "_callback0",
                 # True while a Task is suspended on us; also how isfuture() recognises us.
                 "_asyncio_future_blocking",
                 "__dict__", "__weakref__")

    # The fields most futures never change are class attributes, as in CPython's futures.py:
    # a future that sets one gets an instance dict then. A hundred thousand waiting tasks each
    # hold a Task and a Future, and every slot costs 16 bytes in both; so the code below writes
    # these only when the value differs from the default.
    _exception = None
    _source_traceback = None
    _context0 = None                 # the first callback's context (Loop Lab has no contextvars)
    _callbacks = None                # the second and later callbacks: [(fn, context), ...]
    _cancel_message = None
    _cancelled_exc = None            # the CancelledError to re-raise first
    _log_traceback = False           # an exception was set and nobody looked at it yet

    def __init__(self, *args, loop=None):
        if args:   # CPython's message, not the one a plain keyword-only signature gives
            raise TypeError("Future() takes no positional arguments")
        self._state = _PENDING
        self._result = None
        self._loop = None
        self._callback0 = None
        self._asyncio_future_blocking = False
        if loop is None:
            loop = events.get_event_loop()
        self._loop = loop
        if loop._debug:
            self._source_traceback = format_helpers.creation_stack()

    def __repr__(self):
        return f"<{self.__class__.__name__} {' '.join(_repr_info(self))}>"

    def __del__(self):
        # CPython frees objects as soon as the last reference goes: a failed future
        # that nobody asked about is reported at that moment.
        try:
            if not self._log_traceback:
                return
        except AttributeError:   # a subclass whose __init__ never called ours
            return
        context = {
            "message": f"{self.__class__.__name__} exception was never retrieved",
            "exception": self._exception,
            "future": self,
        }
        if self._source_traceback:
            context["source_traceback"] = self._source_traceback
        self._loop.call_exception_handler(context)

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        # The first caller gets the stored error (message and chain intact);
        # later callers get a fresh one.
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule its callbacks; False if it was already done."""
        if self._log_traceback:
            self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        if msg is not None or self._cancel_message is not None:
            self._cancel_message = msg
        Future._schedule_callbacks(self)   # not an override: CPython's C Future calls none
        return True

    def _schedule_callbacks(self):
        # Callbacks never run inline: each one is queued, in registration order.
        callback = self._callback0
        if callback is not None:
            context = self._context0
            self._callback0 = None
            if context is not None:
                self._context0 = None
            self._schedule_callback(callback, context)
        callbacks = self._callbacks
        if callbacks:
            self._callbacks = None
            for callback, context in callbacks:
                self._schedule_callback(callback, context)

    def _schedule_callback(self, callback, context):
        self._loop.call_soon(callback, self, context=context)
        waiter = getattr(callback, "__self__", None)
        if waiter is not None and getattr(waiter, "_fut_waiter", None) is self:
            _event("task_state", waiter, "ready", self)   # a task waiting on us wakes up

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Result is not set.")
        if self._log_traceback:
            self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Exception is not set.")
        if self._log_traceback:
            self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        elif self._callback0 is None and self._callbacks is None:
            self._callback0 = fn
            if context is not self._context0:
                self._context0 = context
        else:
            if self._callbacks is None:
                self._callbacks = []
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Remove every registration of fn; return how many there were."""
        removed = 0
        if self._callback0 is not None and self._callback0 == fn:
            self._callback0 = None
            if self._context0 is not None:
                self._context0 = None
            removed = 1
        if self._callbacks:
            kept = [entry for entry in self._callbacks if entry[0] != fn]
            removed += len(self._callbacks) - len(kept)
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        Future._schedule_callbacks(self)   # not an override: CPython's C Future calls none

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            new_exc = RuntimeError("StopIteration interacts badly with generators "
                                   "and cannot be raised into a Future")
            new_exc.__cause__ = exception
            new_exc.__context__ = exception
            exception = new_exc
        self._exception = exception
        self._state = _FINISHED
        Future._schedule_callbacks(self)   # not an override: CPython's C Future calls none
        self._log_traceback = True

    def __await__(self):
        # A native iterator (CPython's FutureIter): while we are pending it hands us once to
        # the Task driving the coroutine, which sleeps until we are done; then it returns
        # our result. No generator frame stays alive while a task waits.
        return _future_iter(self)

    __iter__ = __await__



def _get_loop(fut):
    return fut.get_loop()


def _set_result_unless_cancelled(fut, result):
    """Used by sleep(): the timer fires, but the sleeper may have been cancelled meanwhile."""
    if fut.cancelled():
        return
    fut.set_result(result)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f"concurrent.futures.Future is expected, got {future!r}")
