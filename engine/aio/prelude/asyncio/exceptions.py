"""The exceptions asyncio raises."""

__all__ = ("BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError",
           "IncompleteReadError", "LimitOverrunError", "SendfileNotAvailableError")


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    # A BaseException, so that a plain `except Exception` cannot swallow a cancellation.


# Since Python 3.11 asyncio's TimeoutError is simply the builtin one.
TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""


class IncompleteReadError(EOFError):
    """Incomplete read error."""

    def __init__(self, partial, expected):
        expected_text = "undefined" if expected is None else repr(expected)
        super().__init__(f"{len(partial)} bytes read on a total of {expected_text} expected bytes")
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""
