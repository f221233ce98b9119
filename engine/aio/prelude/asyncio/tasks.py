"""Task: drives a coroutine one step at a time; plus sleep, gather, wait, shield, ...

A task never runs its coroutine by itself: each step is a callback in the
loop's ready queue. When the coroutine awaits a pending future, the task
registers a wake-up callback on that future and steps out of the way.
"""

__all__ = ("Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
           "wait", "wait_for", "as_completed", "sleep", "gather", "shield", "ensure_future",
           "run_coroutine_threadsafe", "current_task", "all_tasks",
           "create_eager_task_factory", "eager_task_factory",
           "_register_task", "_unregister_task", "_enter_task", "_leave_task")

import _looplab
from . import coroutines
from . import events
from . import exceptions
from . import format_helpers
from . import futures
from . import queues
from . import timeouts

_event = _looplab.event
_is_coroutine = _looplab.is_coroutine
_PENDING = futures._PENDING

# One counter for the whole process: a second asyncio.run() keeps counting.
_task_name_counter = 0


class Task(futures.Future):
    """A coroutine wrapped in a Future, stepped by the event loop."""

    __slots__ = ("_coro", "_name",
                 "_fut_waiter")             # the future we are suspended on

    # Rarely changed: class attributes, written only when they change (see Future's).
    _log_destroy_pending = True             # report "destroyed but pending" (not for internal tasks)
    _must_cancel = False                    # cancel() was asked while no future could carry it
    _num_cancels_requested = 0
    _context = None                         # as given to create_task (no contextvars here)

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        # Set before anything can fail: __del__ reads them.
        self._coro = None
        self._name = None
        if context is not None:
            self._context = context
        self._fut_waiter = None
        super().__init__(loop=loop)
        # No calls of coroutines.iscoroutine or _register_task here: as in
        # CPython's C Task, creating a task runs no Python helper (a frame each, per task).
        if not _is_coroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            # Just the number: "Task-N" is formatted when somebody asks (as CPython 3.13 does),
            # so a task that is never named costs no string.
            global _task_name_counter
            _task_name_counter += 1
            self._name = _task_name_counter
        else:
            self._name = str(name)
        self._coro = coro
        _event("task_created", self)
        if eager_start and self._loop.is_running():
            self._eager_start()
        else:
            self._loop.call_soon(self.__step, context=context)
            _event("task_state", self, "ready", "created")
            _all_tasks.add(self)

    def __repr__(self):
        info = futures._repr_info(self)
        if self._num_cancels_requested and not self.done():
            info[0] = "cancelling"
        info.insert(1, f"name={self.get_name()!r}")
        if self._fut_waiter is not None:
            info.insert(2, f"wait_for={self._fut_waiter!r}")
        if self._coro:
            info.insert(2, f"coro=<{_looplab.coro_repr(self._coro)}>")
        return f"<{self.__class__.__name__} {' '.join(info)}>"

    def __del__(self):
        try:
            pending = self._state == _PENDING and self._log_destroy_pending
        except AttributeError:   # a subclass whose __init__ never called ours
            return
        if pending:
            context = {"task": self, "message": "Task was destroyed but it is pending!"}
            if self._source_traceback:
                context["source_traceback"] = self._source_traceback
            self._loop.call_exception_handler(context)
        super().__del__()

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        name = self._name
        if type(name) is int:
            name = self._name = f"Task-{name}"
        return name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def get_stack(self, *, limit=None):
        return _task_get_stack(self, limit)

    def print_stack(self, *, limit=None, file=None):
        _task_print_stack(self, limit, file)

    def cancel(self, msg=None):
        """Ask the task to stop: a CancelledError will be thrown into its coroutine."""
        if self._log_traceback:
            self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            # Cancelling what we wait on wakes us up with CancelledError.
            if self._fut_waiter.cancel(msg=msg):
                return True
        # Otherwise the next step throws it in (the task is ready or about to run: the session
        # learns here who asked, as a woken task tells it when its waiter was cancelled).
        _event("cancel_requested", self)
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0:
                self._must_cancel = False
        return self._num_cancels_requested

    def _eager_start(self):
        # Run the first step right now, inside create_task().
        previous = _swap_current_task(self._loop, self)
        _event("task_state", self, "running", "eager start")
        try:
            self.__step_run_and_handle_result(None)
        finally:
            _swap_current_task(self._loop, previous)
            if self.done():
                self._coro = None
            else:
                _register_task(self)
            self = None

    def __step(self, exc=None):
        # The hottest path of every asyncio program: done(), _enter_task(), _leave_task() and
        # a step's common outcomes are written out inline (CPython's C Task calls none of them);
        # an ending coroutine and unusual yields go through __step_ended and __handle_yield.
        if self._state != _PENDING:
            raise exceptions.InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        if loop in _current_tasks:
            _enter_task(loop, self)   # raises: another task is running
        _current_tasks[loop] = self
        _event("task_state", self, "running", "step")
        try:
            try:
                if exc is None:
                    result = self._coro.send(None)
                else:
                    result = self._coro.throw(exc)
            except BaseException as error:
                self.__step_ended(error)
            else:
                if result is None:
                    # A bare yield (sleep(0)): let everybody else run once, then continue.
                    loop.call_soon(self.__step, context=self._context)
                    _event("task_state", self, "ready", "yielded")
                elif (getattr(result, "_asyncio_future_blocking", None) and result is not self and
                      result.get_loop() is loop):
                    # The coroutine awaits a pending future of our loop: sleep until it is done.
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup, context=self._context)
                    self._fut_waiter = result
                    _event("task_state", self, "pending", result)
                    if self._must_cancel:
                        # cancel() came while we were running: pass it on to the future.
                        if result.cancel(msg=self._cancel_message):
                            self._must_cancel = False
                else:
                    self.__handle_yield(result)   # the unusual yields, and their errors
        finally:
            if _current_tasks.get(loop) is self:
                del _current_tasks[loop]
            else:
                _leave_task(loop, self)   # raises: the current task changed under us
            self = None

    def __step_run_and_handle_result(self, exc):
        # One step for _eager_start (which does its own entering and leaving).
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except BaseException as error:
            self.__step_ended(error)
        else:
            self.__handle_yield(result)
        self = None

    def __step_ended(self, error):
        # The coroutine returned or raised (called while `error` is being handled).
        if isinstance(error, StopIteration):
            if self._must_cancel:
                # The task cancelled itself and then returned: it still ends cancelled.
                self._must_cancel = False
                futures.Future.cancel(self, msg=self._cancel_message)
            else:
                futures.Future.set_result(self, error.value)
            _event("task_state", self, "done", "returned")
        elif isinstance(error, exceptions.CancelledError):
            _looplab.forget_caller_frame(error)
            self._cancelled_exc = error   # re-raised as is by the first result()
            futures.Future.cancel(self)
            _event("task_state", self, "done", "cancelled")
        elif isinstance(error, (KeyboardInterrupt, SystemExit)):
            futures.Future.set_exception(self, error)
            _event("task_state", self, "done", "raised")
            raise error
        else:
            _looplab.forget_caller_frame(error)
            futures.Future.set_exception(self, error)
            _event("task_state", self, "done", "raised")

    def __handle_yield(self, result):
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            # The coroutine awaited a future that is not done yet.
            if result.get_loop() is not self._loop:
                self.__step_soon(RuntimeError(
                    f"Task {self!r} got Future {result!r} attached to a different loop"))
            elif blocking:
                if result is self:
                    self.__step_soon(RuntimeError(f"Task cannot await on itself: {self!r}"))
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup, context=self._context)
                    self._fut_waiter = result
                    _event("task_state", self, "pending", result)
                    if self._must_cancel:
                        # cancel() came while we were running: pass it on to the future.
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                self.__step_soon(RuntimeError(
                    f"yield was used instead of yield from in task {self!r} with {result!r}"))
        elif result is None:
            # A bare yield (sleep(0)): let everybody else run once, then continue.
            self._loop.call_soon(self.__step, context=self._context)
            _event("task_state", self, "ready", "yielded")
        else:
            self.__step_soon(RuntimeError(f"Task got bad yield: {result!r}"))

    def __step_soon(self, error):
        self._loop.call_soon(self.__step, error, context=self._context)
        _event("task_state", self, "ready", "error")

    def task_wakeup(self, future):
        """Done-callback of the awaited future: resume with its result or exception."""
        error = None
        try:
            future.result()
        except BaseException as exc:
            error = exc
        # Step outside the except block, so the coroutine does not see `error` as
        # an exception being handled.
        self.__step(error)
        self = None


# --- A task's stack (CPython's base_tasks): where its coroutine is suspended, or where it failed.

def _task_get_stack(task, limit):
    frames = []
    f = getattr(task._coro, "cr_frame", None)
    if f is not None:
        # A suspended coroutine's frame has no f_back: the stack is that one frame.
        while f is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(f)
            f = f.f_back
        frames.reverse()
    elif task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(tb.tb_frame)
            tb = tb.tb_next
    return frames


def _exception_only(exc):
    """traceback.format_exception_only's text for a task's exception."""
    cls = type(exc)
    name = cls.__qualname__
    if cls.__module__ not in ("__main__", "builtins"):
        name = cls.__module__ + "." + name
    text = str(exc)
    out = f"{name}: {text}\n" if text else f"{name}\n"
    for note in getattr(exc, "__notes__", None) or ():
        out += f"{note}\n"
    return out


def _task_print_stack(task, limit, file):
    lines = []
    for f in task.get_stack(limit=limit):
        lines.append(f'  File "{f.f_code.co_filename}", line {f.f_lineno}, in {f.f_code.co_name}\n')
        source = _looplab.frame_source(f).strip()
        if source:
            lines.append(f"    {source}\n")
    exc = task._exception
    if not lines:
        head = f"No stack for {task!r}\n"
    elif exc is not None:
        head = f"Traceback for {task!r} (most recent call last):\n"
    else:
        head = f"Stack for {task!r} (most recent call last):\n"
    tail = _exception_only(exc) if exc is not None else ""
    if file is not None:
        file.write(head + "".join(lines) + tail)
        return
    # CPython prints the heading and the exception with print(file=None), to stdout, and the
    # frames with traceback.print_list(file=None), to stderr.
    print(head, end="")
    if lines:
        _looplab.stderr("".join(lines))
    print(tail, end="")

# --- Which task is running, and which tasks exist.

_current_tasks = {}                 # loop -> the task running a step on it
_all_tasks = _looplab.WeakSet()     # weak: an unreferenced task may be garbage collected


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def _all_tasks_in_order(loop):
    # Creation order: CPython iterates a set here, whose order is not reproducible.
    return [t for t in _all_tasks if t._loop is loop and not t.done()]


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return set(_all_tasks_in_order(loop))


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current!r}.")
    del _current_tasks[loop]


def _swap_current_task(loop, task):
    previous = _current_tasks.get(loop)
    if task is None:
        del _current_tasks[loop]
    else:
        _current_tasks[loop] = task
    return previous


# --- Creating tasks.

def create_task(coro, *, name=None, context=None):
    """Schedule a coroutine as a Task on the running loop."""
    loop = events.get_running_loop()
    task = loop.create_task(coro, name=name, context=context)
    if loop._debug and isinstance(task, Task):
        # Debug reprs say where CPython's asyncio made the task.
        task._source_traceback = format_helpers.creation_stack(
            "tasks.py", 410 if context is None else 412, "create_task")
    return task


def ensure_future(coro_or_future, *, loop=None):
    """Return a future as is; wrap a coroutine (or other awaitable) in a Task."""
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError("The future belongs to a different loop than "
                             "the one specified as the loop argument")
        return coro_or_future
    should_close = True
    if not coroutines.iscoroutine(coro_or_future):
        if coroutines._is_awaitable(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)
            should_close = False
        else:
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = events.get_event_loop()
    try:
        task = loop.create_task(coro_or_future)
    except RuntimeError:
        if should_close:
            coro_or_future.close()
        raise
    if loop._debug and isinstance(task, Task):
        task._source_traceback = format_helpers.creation_stack("tasks.py", 748, "ensure_future")
    return task


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_eager_task_factory(custom_task_constructor):
    def factory(loop, coro, *, name=None, context=None):
        return custom_task_constructor(coro, loop=loop, name=name, context=context,
                                       eager_start=True)
    return factory


eager_task_factory = create_eager_task_factory(Task)


# --- sleep

# `await _SLEEP0` is one bare yield: the task goes to the back of the ready queue (CPython's
# __sleep0 generator, made natively by _looplab).
_SLEEP0 = _looplab.sleep0


async def sleep(delay, result=None):
    """Suspend the calling task for `delay` seconds of loop time."""
    if delay <= 0:
        await _SLEEP0
        return result
    if delay != delay:   # only NaN differs from itself
        raise ValueError("Invalid delay: NaN (not a number)")
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()   # if we were cancelled, the timer must not fire for nothing


# --- gather

class _GatheringFuture(futures.Future):
    """gather()'s outer future: cancelling it cancels the children instead."""

    __slots__ = ("_children", "_cancel_requested")

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        accepted = False
        for child in self._children:
            if child.cancel(msg=msg):
                accepted = True
        if accepted:
            # Remember it: once the children finish, we end with CancelledError.
            self._cancel_requested = True
        return accepted


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; the result is the list of their results, in order."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()   # mark it retrieved: nobody else will look
            return
        if not return_exceptions:
            # The first failure finishes the outer future; the other children keep running.
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res = exceptions.CancelledError("" if msg is None else msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    done_futs = []
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                fut._log_destroy_pending = False   # we made it; we own its fate
            nfuts += 1
            arg_to_fut[arg] = fut
            if fut.done():
                done_futs.append(fut)
            else:
                fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]   # the same awaitable twice shares one task
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    for fut in done_futs:
        _done_callback(fut)
    return outer


# --- shield

def shield(arg):
    """Await arg, but do not let a cancellation of the caller reach it."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# --- wait, wait_for

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for tasks/futures; return (done, pending) sets. Never raises TimeoutError."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = _unique(fs)
    for f in fs:
        if coroutines.iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _unique(items):
    # An ordered set: CPython uses set(), whose order we replace by first appearance.
    seen = {}
    for item in items:
        seen[item] = None
    return list(seen)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut):
    loop = events.get_running_loop()
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Await fut, but give up with TimeoutError after `timeout` seconds."""
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise TimeoutError from exc
    # Since 3.12 the awaitable runs inline, in the caller's task.
    async with timeouts.timeout(timeout):
        return await fut


# --- as_completed

class _AsCompletedIterator:
    """Both a plain iterator (of coroutines) and an async iterator (of futures)."""

    def __init__(self, aws, timeout):
        self._done = queues.Queue()
        self._timeout_handle = None
        loop = events.get_event_loop()
        todo = {}
        for aw in _unique(aws):
            todo[ensure_future(aw, loop=loop)] = None
        for f in todo:
            f.add_done_callback(self._handle_completion)
        if todo and timeout is not None:
            self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
        self._todo = todo
        self._todo_left = len(todo)

    def __aiter__(self):
        return self

    def __iter__(self):
        return self

    async def __anext__(self):
        if not self._todo_left:
            raise StopAsyncIteration
        self._todo_left -= 1
        return await self._wait_for_one()

    def __next__(self):
        if not self._todo_left:
            raise StopIteration
        self._todo_left -= 1
        return self._wait_for_one(resolve=True)

    def _handle_timeout(self):
        for f in self._todo:
            f.remove_done_callback(self._handle_completion)
            self._done.put_nowait(None)   # None tells a waiting consumer: timed out
        self._todo.clear()

    def _handle_completion(self, f):
        if not self._todo:
            return   # the timeout came first
        del self._todo[f]
        self._done.put_nowait(f)
        if not self._todo and self._timeout_handle is not None:
            self._timeout_handle.cancel()

    async def _wait_for_one(self, resolve=False):
        f = await self._done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result() if resolve else f


def as_completed(fs, *, timeout=None):
    """Iterate over awaitables in the order they finish."""
    if coroutines._is_awaitable(fs):
        raise TypeError(f"expects an iterable of awaitables, not {type(fs).__name__}")
    return _AsCompletedIterator(fs, timeout)


def run_coroutine_threadsafe(coro, loop):
    raise RuntimeError("run_coroutine_threadsafe() needs threads, which Loop Lab's loop does not have yet")
