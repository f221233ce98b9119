"""Queue, PriorityQueue, LifoQueue: hand items between tasks, waiting when empty or full."""

__all__ = ("Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty", "QueueShutDown")

import heapq
from collections import deque

from . import locks
from . import mixins


class QueueEmpty(Exception):
    """get_nowait() on an empty queue."""


class QueueFull(Exception):
    """put_nowait() on a full queue."""


class QueueShutDown(Exception):
    """put or get on a queue that was shut down."""


class Queue(mixins._LoopBoundMixin):
    """A FIFO queue. maxsize <= 0 means unbounded."""

    # True while full(), empty() and qsize() are the ones below and maxsize is an int: put and
    # get then test the size inline, as those would. A subclass overriding one of them is
    # called exactly as CPython calls it.
    _inline_size = True
    # True while, in addition, put_nowait, get_nowait, _put, _get and _init are the ones below:
    # put and get then move the item themselves once there is room or an item. A queue moving
    # an item made some thirteen Python calls; now only put and get remain. A put that raises
    # (after shutdown()) still goes through put_nowait, as CPython's does.
    _inline_items = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if any(name in cls.__dict__ for name in ("full", "empty", "qsize")):
            cls._inline_size = False
            cls._inline_items = False
        if any(name in cls.__dict__ for name in ("put_nowait", "get_nowait", "_put", "_get", "_init")):
            cls._inline_items = False

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        if type(maxsize) is not int:
            self._inline_size = False   # full() may raise, and its frame is in the traceback
            self._inline_items = False
        self._getters = deque()   # futures of tasks waiting for an item
        self._putters = deque()   # futures of tasks waiting for room
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)
        self._is_shutdown = False

    def _init(self, maxsize):
        self._queue = deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake the first waiter that is still waiting.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f"<{type(self).__name__} at {hex(id(self))} {self._format()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._format()}>"

    def _format(self):
        result = f"maxsize={self._maxsize!r}"
        if getattr(self, "_queue", None):
            result += f" _queue={list(self._queue)!r}"
        if self._getters:
            result += f" _getters[{len(self._getters)}]"
        if self._putters:
            result += f" _putters[{len(self._putters)}]"
        if self._unfinished_tasks:
            result += f" tasks={self._unfinished_tasks}"
        if self._is_shutdown:
            result += " shutdown"
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while (len(self._queue) >= self._maxsize > 0) if self._inline_size else self.full():
            if self._is_shutdown:
                raise QueueShutDown
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    # We were woken but are leaving: wake the next putter instead.
                    self._wakeup_next(self._putters)
                raise
        if self._inline_items and not self._is_shutdown:
            # put_nowait() and _put(): the loop above found room.
            self._queue.append(item)
            self._unfinished_tasks += 1
            self._finished._value = False   # Event.clear()
            if self._getters:
                self._wakeup_next(self._getters)
            return None
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self._is_shutdown:
            raise QueueShutDown
        if (len(self._queue) >= self._maxsize > 0) if self._inline_size else self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished._value = False   # Event.clear()
        if self._getters:
            self._wakeup_next(self._getters)

    async def get(self):
        while (not self._queue) if self._inline_size else self.empty():
            if self._is_shutdown and self.empty():
                raise QueueShutDown
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        if self._inline_items:
            # get_nowait() and _get(): the loop above found an item.
            item = self._queue.popleft()
            if self._putters:
                self._wakeup_next(self._putters)
            return item
        return self.get_nowait()

    def get_nowait(self):
        if (not self._queue) if self._inline_size else self.empty():
            if self._is_shutdown:
                raise QueueShutDown
            raise QueueEmpty
        item = self._get()
        if self._putters:
            self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()

    def shutdown(self, immediate=False):
        """Refuse new puts; with immediate=True also drop what is queued. Wakes every waiter."""
        self._is_shutdown = True
        if immediate:
            while not self.empty():
                self._get()
                if self._unfinished_tasks > 0:
                    self._unfinished_tasks -= 1
            if self._unfinished_tasks == 0:
                self._finished.set()
        while self._getters:
            getter = self._getters.popleft()
            if not getter.done():
                getter.set_result(None)
        while self._putters:
            putter = self._putters.popleft()
            if not putter.done():
                putter.set_result(None)


class PriorityQueue(Queue):
    """Smallest item first (a heapq heap)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Last in, first out."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
