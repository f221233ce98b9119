"""The event loop: a ready queue, a timer heap and a virtual clock.

One pass of the loop (_run_once) moves due timers into the ready queue and
then runs exactly the callbacks that were ready when the pass began.
Idle time passes only in _idle(): the clock jumps to the next timer.
"""

__all__ = ("BaseEventLoop", "VirtualLoop")

import heapq
from collections import deque

import _looplab
try:
    import _looplab_threads as _threads   # engine/sim: simulated threads (absent in bare VMs)
except ImportError:
    _threads = None
from . import coroutines
from . import events
from . import exceptions
from . import format_helpers
from . import futures
from . import tasks

_event = _looplab.event
_new_handle = _looplab.handle            # Handle(callback, args, loop, context), natively
_new_timer_handle = _looplab.timer_handle

# The longest the loop would sleep in one go (CPython's selector limit).
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

# Purge cancelled timers in one sweep once there are this many and they are the majority.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # Those escape from run_forever() by themselves.
            return
    fut.get_loop().stop()


def _set_exception_unless_cancelled(fut, exc):
    if not fut.cancelled():
        fut.set_exception(exc)


def _format_handle(handle):
    # A task's step is best shown as the task itself.
    owner = getattr(handle._callback, "__self__", None)
    if isinstance(owner, tasks.Task):
        return repr(owner)
    return str(handle)


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._running = False
        self._ready = deque()      # handles to run, first in first out
        self._scheduled = []       # a heapq heap of TimerHandles, earliest first
        self._default_executor = None
        self._wakeup = None        # a simulated lock: what a real loop's self-pipe is
        self._exception_handler = None
        self._task_factory = None
        self._clock_resolution = 1e-09
        self._asyncgens = _looplab.WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self._old_agen_hooks = None
        self._iteration = 0
        self._current_handle = None
        self._debug = False
        self._coroutine_origin_tracking_enabled = False
        self.set_debug(_looplab.debug_default())
        # A callback that takes at least this long is reported in debug mode.
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return (f"<{self.__class__.__name__} running={self.is_running()} "
                f"closed={self.is_closed()} debug={self.get_debug()}>")

    # --- Time

    def time(self):
        return _looplab.clock()

    # --- Futures and tasks

    def create_future(self):
        fut = futures.Future(loop=self)
        if self._debug:
            fut._source_traceback = format_helpers.creation_stack("base_events.py", 460, "create_future")
        return fut

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            # 3.13.0 renames unconditionally, so an unnamed task is called 'None'.
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # --- Scheduling callbacks

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            self._check_closed()   # raises
        if self._debug:
            self._check_callback(callback, "call_soon")
            handle = events.Handle(callback, args, self, context)   # records where it was made
        else:
            handle = _new_handle(callback, args, self, context)
        self._ready.append(handle)
        _event("handle_scheduled", handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_soon_threadsafe")
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        _event("handle_scheduled", handle)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        # Wake the loop if it is idle, waiting for another thread (see _idle).
        if self._wakeup is not None and _threads.locked(self._wakeup):
            _threads.release(self._wakeup)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        # A plain float add: 0.1 + 0.2 really is 0.30000000000000004 here.
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_callback(callback, "call_at")
            timer = events.TimerHandle(when, callback, args, self, context)
        else:
            timer = _new_timer_handle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        _event("timer_set", timer, when)
        return timer

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f"a callable object was expected by {method}(), got {callback!r}")

    def _timer_handle_cancelled(self, handle):
        # Cancelled timers stay in the heap; we only count them (see _run_once).
        if handle._scheduled:
            self._timer_cancelled_count += 1

    # --- Running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if events._get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def run_forever(self):
        """Run passes of the loop until stop() is called."""
        self._check_closed()
        self._check_running()
        self._set_coroutine_origin_tracking(self._debug)
        self._old_agen_hooks = _looplab.get_asyncgen_hooks()
        self._running = True
        _looplab.set_asyncgen_hooks(self._asyncgen_firstiter_hook, self._asyncgen_finalizer_hook)
        events._set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)
            self._set_coroutine_origin_tracking(False)
            hooks = self._old_agen_hooks
            _looplab.set_asyncgen_hooks(hooks[0], hooks[1])

    def run_until_complete(self, future):
        """Run until the future (or the task made from a coroutine) is done; return its result."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # We made this task: nobody else can be blamed if it is left pending.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()   # it will be re-raised here; do not also log it
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        # Takes effect after the current pass has run its whole batch.
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def _run_once(self):
        """One pass: purge cancelled timers, idle until something is due, run the batch."""
        self._iteration += 1
        _event("iteration_start", self._iteration)
        scheduled = self._scheduled
        count = len(scheduled)
        if (count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            # Mostly dead timers: rebuild the heap from the live ones, in array order.
            live = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    live.append(handle)
            heapq.heapify(live)
            self._scheduled = scheduled = live
            self._timer_cancelled_count = 0
        else:
            # Drop cancelled timers from the top of the heap.
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = min(max(0, scheduled[0]._when - self.time()), MAXIMUM_SELECT_TIMEOUT)
        self._idle(timeout)

        # Everything due by now (within the clock's resolution) joins the END of the queue.
        end_time = self.time() + self._clock_resolution
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            _event("timer_fired", handle)

        # Run only what is ready now; whatever these callbacks schedule waits for the next pass.
        ready = self._ready
        ntodo = len(ready)
        for _ in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            _event("handle_run", handle)
            if self._debug:
                self._run_timed(handle)
            else:
                handle._run()
            _event("handle_done", handle)
        handle = None   # drop the last one now: finalizers run at CPython's moment
        _event("iteration_end", self._iteration)

    def _run_timed(self, handle):
        try:
            self._current_handle = handle
            t0 = self.time()
            handle._run()
            dt = self.time() - t0
            if dt >= self.slow_callback_duration:
                _looplab.stderr(f"Executing {_format_handle(handle)} took {dt:.3f} seconds\n")
        finally:
            self._current_handle = None

    def _idle(self, timeout):
        """Where a real loop would block in select(): here the clock jumps instead."""
        if _threads is not None and (self._wakeup is not None or _threads.others_alive()):
            # Other threads exist: the loop's thread blocks (releasing the GIL) until the
            # next timer or until call_soon_threadsafe wakes it; they run meanwhile.
            if self._wakeup is None:
                self._wakeup = _threads.allocate_lock()
                _threads.acquire(self._wakeup, True, -1)
            if timeout == 0:
                return
            deadline = None if timeout is None else self._scheduled[0]._when
            _threads.acquire_until(self._wakeup, deadline)
            return
        if timeout is None:
            # Nothing ready, no timers: nothing can ever wake us.
            _looplab.deadlock(self)
        elif timeout > 0:
            # Jump exactly to the deadline; adding the timeout could be one ulp off.
            _looplab.advance_to(self._scheduled[0]._when)

    # --- Debug mode

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled
        if self.is_running():
            # Takes effect at the next pass, as in CPython (a real thread-safe call there).
            self.call_soon_threadsafe(self._set_coroutine_origin_tracking, enabled)

    def _set_coroutine_origin_tracking(self, enabled):
        # Debug mode: "never awaited" warnings say where the coroutine was created.
        if bool(enabled) == bool(self._coroutine_origin_tracking_enabled):
            return
        _looplab.set_coroutine_origin_tracking(bool(enabled))
        self._coroutine_origin_tracking_enabled = enabled

    # --- Errors

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the context to stderr the way CPython's logging does it."""
        message = context.get("message")
        if not message:
            message = "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            value = context[key]
            if key in ("source_traceback", "handle_traceback"):
                value = format_helpers.format_stack(value)
            else:
                value = repr(value)
            lines.append(f"{key}: {value}")
        text = "\n".join(lines) + "\n"
        if exception is not None:
            text += _looplab.format_exception(exception)
        _event("exception_logged", message)
        _looplab.stderr(text)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                _looplab.stderr("Exception in default exception handler\n")
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                _looplab.stderr("Exception in default exception handler\n")

    # --- Async generators

    def _asyncgen_firstiter_hook(self, agen):
        # Remember every started async generator, weakly, so shutdown can close it.
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # A started generator lost its last reference: close it in a task of its own.
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Close every async generator still alive (used by asyncio.run at the end)."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": f"an error occurred during closing of "
                               f"asynchronous generator {agen!r}",
                    "exception": result,
                    "asyncgen": agen,
                })

    # --- Executors: work run on simulated threads (engine/sim)

    async def shutdown_default_executor(self, timeout=None):
        """Wait (at most `timeout` seconds) for the default executor's threads to finish."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        from . import timeouts
        try:
            async with timeouts.timeout(timeout):
                await future
        except TimeoutError:
            _looplab.warn("The executor did not finishing joining its threads "
                          f"within {timeout} seconds.", RuntimeWarning)
            self._default_executor.shutdown(wait=False)
        else:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(futures._set_result_unless_cancelled, future, None)
        except Exception as ex:
            if not self.is_closed() and not future.cancelled():
                self.call_soon_threadsafe(future.set_exception, ex)

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError("Executor shutdown has been called")

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) on a worker thread; return an asyncio Future for its result."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        from . import threads
        return threads.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor")
        self._default_executor = executor


# Future's hot methods and our call_soon, natively (CPython's Future is C code too): a task switch
# calls about ten of them, and a Python method costs a frame and some 20 bytecodes per call. The
# Python versions above and in futures.py say what the native ones do.
_looplab.native_futures(futures.Future, exceptions.InvalidStateError, BaseEventLoop)


class VirtualLoop(BaseEventLoop):
    """The loop asyncio.run() builds. Named like the CPython oracle's loop class,
    so that printing a loop gives the same text on both sides."""
