"""Handles (a callback waiting in the loop's queues) and the 'which loop is running' state."""

__all__ = ("AbstractEventLoopPolicy", "AbstractEventLoop", "Handle", "TimerHandle",
           "get_event_loop_policy", "set_event_loop_policy", "get_event_loop",
           "set_event_loop", "new_event_loop", "get_running_loop", "_get_running_loop",
           "_set_running_loop")

import _looplab
from . import format_helpers

_event = _looplab.event


class Handle:
    """A callback with its arguments, queued in the loop's ready queue."""

    # Every task switch makes a handle, and waking 100,000 tasks at once holds 100,000 of them:
    # what only debug mode or cancel() sets is a class attribute (an instance that sets it gets
    # a dict).
    __slots__ = ("_callback", "_args", "_loop", "__dict__", "__weakref__")
    _cancelled = False
    _source_traceback = None
    _repr = None
    _context = None   # no contextvars in Loop Lab: a context given is kept only to hand back

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        if context is not None:
            self._context = context
        if loop._debug:
            self._source_traceback = format_helpers.creation_stack()

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append("cancelled")
        if self._callback is not None:
            info.append(format_helpers.format_callback_source(
                self._callback, self._args, self._loop._debug))
        if self._source_traceback:
            info.append(format_helpers.created_at(self._source_traceback))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return "<" + " ".join(self._repr_info()) + ">"

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            if self._loop._debug:
                # Keep the repr: the callback is about to be dropped.
                self._repr = repr(self)
            self._callback = None
            self._args = None
            _event("handle_cancelled", self)

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            # A failing callback must not stop the loop: report it and go on.
            cb = format_helpers.format_callback_source(self._callback, self._args, self._loop._debug)
            context = {"message": f"Exception in callback {cb}", "exception": exc, "handle": self}
            if self._source_traceback:
                context["source_traceback"] = self._source_traceback
            self._loop.call_exception_handler(context)
        self = None   # drop our reference before the loop moves on


class TimerHandle(Handle):
    """A Handle that waits in the timer heap until the clock reaches `when`."""

    __slots__ = ("_scheduled", "_when")

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False   # True while it sits in the loop's heap

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f"when={self._when}")
        return info

    def __hash__(self):
        return hash(self._when)

    # The heap compares deadlines only. Equal deadlines are "not less" either way,
    # so their order comes purely from the heapq algorithm.
    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


# The loop makes its handles natively outside debug mode, storing what the __init__s above store,
# and the timer heap compares them natively (TimerHandle.__lt__ above says how).
_looplab.native_handles(Handle, TimerHandle)


class AbstractEventLoop:
    """The loop interface; BaseEventLoop is the one implementation."""


class AbstractEventLoopPolicy:
    """Policies decide which loop get_event_loop() hands out."""


# --- The running loop. Loop Lab has one thread, so a module global is enough.

_running_loop = None


def get_running_loop():
    """Return the running event loop, or raise RuntimeError."""
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            # 3.12 and 3.13 still create a loop here, with a warning.
            _looplab.warn("There is no current event loop", DeprecationWarning)
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        self._loop = loop

    def new_event_loop(self):
        from . import base_events
        return base_events.VirtualLoop()


_policy = None


def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    _policy = policy


def get_event_loop():
    """The running loop inside a coroutine or callback; otherwise the policy's loop."""
    if _running_loop is not None:
        return _running_loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
