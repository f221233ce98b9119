# Virtual-clock harness that turns CPython 3.13 into Loop Lab's oracle (ASYNCIO-SEMANTICS.md §0).
#
# Python imports `sitecustomize` at start-up when it is on PYTHONPATH, so user programs run
# unchanged and their own frames stay first-class in tracebacks. What it does:
#   - time.time/monotonic/perf_counter (and the *_ns forms) read CLOCK, a float starting at 0.0;
#     time.sleep(x) advances CLOCK by x at once instead of waiting.
#   - every way of getting an event loop (asyncio.run, Runner, new_event_loop, get_event_loop)
#     builds a VirtualLoop, whose fake selector jumps CLOCK to the earliest timer exactly when
#     the loop is idle. A loop that would wait forever is reported as a deadlock.
# `random` is deliberately left alone: programs seed it themselves.

import math
import os
import sys
import threading  # imported before patching `time`, so its internals keep the real clock
import time

CLOCK = 0.0

_real_sleep = time.sleep


def _now():
    return CLOCK


def _now_ns():
    return int(CLOCK * 1e9)


def _virtual_sleep(secs):
    global CLOCK
    if isinstance(secs, float):
        if math.isnan(secs):
            raise ValueError("Invalid value NaN (not a number)")
    elif isinstance(secs, int):
        secs = float(secs)
    elif hasattr(type(secs), "__float__"):
        secs = float(secs)
    else:
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    CLOCK += secs


time.time = _now
time.monotonic = _now
time.perf_counter = _now
time.time_ns = _now_ns
time.monotonic_ns = _now_ns
time.perf_counter_ns = _now_ns
time.sleep = _virtual_sleep

# asyncio is imported here (not lazily) so that the patched loop factory is in place before any
# user code can ask for a loop. It reads the clock only through loop.time(), defined below.
import asyncio  # noqa: E402
import asyncio.base_events  # noqa: E402
import asyncio.events  # noqa: E402

# How long a loop with nothing to do waits for another thread to wake it, in real seconds.
_THREAD_GRACE = 10.0


def _report_deadlock():
    sys.stdout.flush()  # os._exit skips the normal flush, and piped stdout is block-buffered
    sys.stderr.write(
        "oracle: deadlock: the event loop is idle with no timers and nothing else can wake it\n")
    sys.stderr.flush()
    os._exit(3)


class _VirtualSelector:
    """Stands in for the selector: idle time passes here, and only here, on the virtual clock."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        global CLOCK
        loop = self._loop
        if loop._executor_jobs > 0:
            # Work is out on a thread: its completion is what the loop really waits for, so
            # do not let timers jump ahead of it (see §0 about shutdown_default_executor).
            if timeout != 0:
                loop._wakeup.wait()
            loop._wakeup.clear()
            return []
        if timeout is None:
            if threading.active_count() > 1 and loop._wakeup.wait(_THREAD_GRACE):
                loop._wakeup.clear()
                return []
            if loop._wakeup.is_set():
                loop._wakeup.clear()
                return []
            _report_deadlock()
        if timeout > 0 and loop._scheduled:
            # An exact jump to the earliest timer; `CLOCK + timeout` could be off by one ulp.
            CLOCK = loop._scheduled[0]._when
        loop._wakeup.clear()
        return []

    def close(self):
        pass


class VirtualLoop(asyncio.base_events.BaseEventLoop):
    """A BaseEventLoop whose time is CLOCK and whose I/O wait is the virtual selector."""

    def __init__(self):
        super().__init__()
        self._wakeup = threading.Event()
        self._executor_jobs = 0
        self._selector = _VirtualSelector(self)

    def time(self):
        return CLOCK

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        self._wakeup.set()

    def run_in_executor(self, executor, func, *args):
        # Counted until the result is delivered back on the loop (a done-callback runs there).
        fut = super().run_in_executor(executor, func, *args)
        self._executor_jobs += 1

        def _job_done(_):
            self._executor_jobs -= 1

        fut.add_done_callback(_job_done)
        return fut

    async def shutdown_default_executor(self, *args, **kwargs):
        # Joining the executor's threads happens on yet another thread; hold the clock still
        # until that join is reported, or the 300 s timeout would seem to expire at once.
        self._executor_jobs += 1
        try:
            await super().shutdown_default_executor(*args, **kwargs)
        finally:
            self._executor_jobs -= 1


def _new_event_loop():
    return VirtualLoop()


# One factory behind every entry point: the policy builds loops for new_event_loop(),
# get_event_loop() and Runner (asyncio.run), and the module-level names are rebound as well.
asyncio.events.BaseDefaultEventLoopPolicy._loop_factory = VirtualLoop
asyncio.DefaultEventLoopPolicy._loop_factory = VirtualLoop
asyncio.events.new_event_loop = _new_event_loop
asyncio.new_event_loop = _new_event_loop
