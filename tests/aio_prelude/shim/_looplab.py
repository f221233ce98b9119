# CPython stand-in for Loop Lab's native `_looplab` module, so the prelude can be tested on CPython.
#
# Every name here is specified in engine/aio/prelude/README.md; the VM implements the same in C++.
# This file is test tooling: it may use sys, traceback, weakref and friends, the prelude may not.

import collections.abc
import functools
import inspect
import linecache
import os
import sys
import traceback
import types
import warnings
import weakref

_HERE = os.path.dirname(os.path.abspath(__file__))
_PRELUDE = os.path.normpath(os.path.join(_HERE, "..", "..", "..", "engine", "aio", "prelude"))
_HIDDEN = (_PRELUDE + os.sep, _HERE + os.sep)

# CPython's stdlib directory: reprs that point into asyncio ("created at <LIB>/asyncio/tasks.py:410")
# must print the oracle's real path.
LIB = os.path.dirname(os.__file__)

_stderr = sys.stderr

# --- The virtual clock --------------------------------------------------------------------------

_clock = 0.0


def clock():
    return _clock


def advance_to(when):
    global _clock
    if when > _clock:
        _clock = when


def sleep(secs):
    """time.sleep on the virtual clock (installed by sitecustomize): the loop is frozen meanwhile."""
    global _clock
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
    elif isinstance(secs, int):
        secs = float(secs)
    elif hasattr(type(secs), "__float__"):
        secs = float(secs)
    else:
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    _clock += secs


def deadlock(loop):
    # Same words and status as the oracle harness (tests/diff/oracle/sitecustomize.py).
    _stderr.write("oracle: deadlock: the event loop is idle with no timers and nothing else can wake it\n")
    _stderr.flush()
    sys.stdout.flush()
    os._exit(3)


# --- Trace hook -----------------------------------------------------------------------------------

_trace_file = None
if os.environ.get("LOOPLAB_TRACE"):
    _trace_file = open(os.environ["LOOPLAB_TRACE"], "w")


def _describe(x):
    if isinstance(x, (int, float, str)) or x is None:
        return repr(x)
    name = getattr(x, "get_name", None)
    if name is not None and callable(name):
        return f"<{type(x).__name__} {name()}>"
    return f"<{type(x).__name__}>"


def event(kind, *details):
    # Never keep a reference to the details: finalizer timing must not change.
    if _trace_file is not None:
        _trace_file.write(f"{_clock!r} {kind} {' '.join(_describe(d) for d in details)}\n")


# --- Output ---------------------------------------------------------------------------------------

def stderr(text):
    sys.stdout.flush()
    _stderr.write(text)
    _stderr.flush()


def format_exception(exc):
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def warn(message, category):
    frame = _user_frame()
    if frame is None:
        warnings.warn(message, category)
        return
    module_globals = frame.f_globals
    registry = module_globals.setdefault("__warningregistry__", {})
    warnings.warn_explicit(message, category, frame.f_code.co_filename, frame.f_lineno,
                           module_globals.get("__name__"), registry, module_globals)


# --- Introspection --------------------------------------------------------------------------------

def _user_frame():
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_HIDDEN):
        frame = frame.f_back
    return frame


def extract_stack():
    frames = []
    frame = _user_frame()
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith(_HIDDEN):
            line = linecache.getline(filename, frame.f_lineno).strip() or None
            frames.append((filename, frame.f_lineno, frame.f_code.co_name, line))
        frame = frame.f_back
    frames.reverse()
    return frames


def frame_source(frame):
    return linecache.getline(frame.f_code.co_filename, frame.f_lineno)


def is_coroutine(obj):
    return isinstance(obj, (types.CoroutineType, collections.abc.Coroutine))


def is_coroutine_function(func):
    return inspect.iscoroutinefunction(func)


def is_partial(func):
    return isinstance(func, functools.partial)


def function_source(func):
    func = inspect.unwrap(func)
    if not inspect.isfunction(func):
        return None
    code = func.__code__
    return (code.co_filename, code.co_firstlineno, code.co_filename.startswith(_HIDDEN))


def coro_repr(coro):
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None)
    if not name:
        name = f"<{type(coro).__name__} without __name__>"
    name += "()"
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    if not code:
        running = getattr(coro, "cr_running", None) or getattr(coro, "gi_running", False)
        return f"{name} running" if running else name
    frame = getattr(coro, "gi_frame", None) or getattr(coro, "cr_frame", None)
    filename = code.co_filename or "<empty co_filename>"
    if frame is not None:
        return f"{name} running at {filename}:{frame.f_lineno}"
    return f"{name} done, defined at {filename}:{code.co_firstlineno}"


def forget_caller_frame(exc):
    tb = exc.__traceback__
    if tb is not None:
        exc.__traceback__ = tb.tb_next


def debug_default():
    return bool(sys.flags.dev_mode or
                (not sys.flags.ignore_environment and os.environ.get("PYTHONASYNCIODEBUG")))


# --- Async generator hooks ------------------------------------------------------------------------

def get_asyncgen_hooks():
    hooks = sys.get_asyncgen_hooks()
    return (hooks.firstiter, hooks.finalizer)


def set_asyncgen_hooks(firstiter, finalizer):
    sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)


# --- A weak set that iterates in insertion order -------------------------------------------------

class WeakSet:
    def __init__(self):
        self._refs = {}   # id(obj) -> weakref, in insertion order

    def add(self, obj):
        key = id(obj)
        if key in self._refs and self._refs[key]() is obj:
            return
        refs = self._refs

        def gone(_ref, key=key):
            if refs.get(key) is _ref:
                del refs[key]
        self._refs[key] = weakref.ref(obj, gone)

    def discard(self, obj):
        ref = self._refs.get(id(obj))
        if ref is not None and ref() is obj:
            del self._refs[id(obj)]

    def clear(self):
        self._refs.clear()

    def __len__(self):
        return sum(1 for _ in self)

    def __iter__(self):
        for ref in list(self._refs.values()):
            obj = ref()
            if obj is not None:
                yield obj


# --- Warnings raised while prelude code runs ------------------------------------------------------
# In CPython, a coroutine dropped during a task step is dropped inside Handle._run (the step itself
# is C code), so "coroutine ... was never awaited" points at <LIB>/asyncio/events.py:89. The VM
# attributes such warnings the same way; here we rewrite the location before it is shown.

_show = warnings._showwarnmsg


def _show_from_prelude(msg):
    if msg.filename.startswith(_HIDDEN):
        msg.filename = os.path.join(LIB, "asyncio", "events.py")
        msg.lineno = 89
        msg.line = None
    _show(msg)


warnings._showwarnmsg = _show_from_prelude


# --- Debug mode: where was a never-awaited coroutine created? ---------------------------------------
# CPython keeps 10 frames, counting its asyncio frames; ours add two more frames (the task's step
# is Python here), so 12 frames reach as far up the user's code as CPython's 10 do.

_saved_depth = 0


def set_coroutine_origin_tracking(enabled):
    global _saved_depth
    if enabled:
        _saved_depth = sys.get_coroutine_origin_tracking_depth()
        sys.set_coroutine_origin_tracking_depth(12)
    else:
        sys.set_coroutine_origin_tracking_depth(_saved_depth)


# --- await on a future --------------------------------------------------------------------------

class FutureIter:
    """CPython's C FutureIter, in Python: hands a pending future to its task once, then returns
    its result (the VM's native future_iter does the same without a generator frame)."""

    def __init__(self, fut):
        self._fut = fut

    def __iter__(self):
        return self

    def __next__(self):
        fut = self._fut
        if fut is None:
            raise StopIteration
        if fut._state == "PENDING":
            if fut._asyncio_future_blocking:
                raise RuntimeError("await wasn't used with future")
            fut._asyncio_future_blocking = True
            return fut
        self._fut = None
        raise StopIteration(fut.result())

    def send(self, value):
        return self.__next__()

    def close(self):
        self._fut = None


def native_futures(future_cls, invalid_state_error, loop_cls):
    """The VM replaces Future's hot methods and the loop's call_soon with native ones doing the
    same; here the Python ones stay."""


def future_iter(fut):
    return FutureIter(fut)


# --- await asyncio.sleep(0) ---------------------------------------------------------------------

class _Sleep0:
    """The object `await asyncio.sleep(0)` awaits: one bare yield (CPython's __sleep0)."""

    def __await__(self):
        yield


sleep0 = _Sleep0()


# --- The loop's handles -------------------------------------------------------------------------

_handle_classes = None


def native_handles(handle_cls, timer_handle_cls):
    """The VM makes handles without running their __init__, and gives timer_handle_cls a native
    __lt__; here the __init__s run, and the Python __lt__ already does the same."""
    global _handle_classes
    _handle_classes = (handle_cls, timer_handle_cls)


def handle(callback, args, loop, context):
    return _handle_classes[0](callback, args, loop, context)


def timer_handle(when, callback, args, loop, context):
    return _handle_classes[1](when, callback, args, loop, context)
