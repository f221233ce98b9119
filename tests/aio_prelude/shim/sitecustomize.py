# Puts CPython on the prelude's virtual clock: time.time/monotonic/perf_counter read _looplab's
# clock and time.sleep advances it, as tests/diff/oracle/sitecustomize.py does for the oracle.

import time

import _looplab


def _now():
    return _looplab.clock()


def _now_ns():
    return int(_looplab.clock() * 1e9)


time.time = _now
time.monotonic = _now
time.perf_counter = _now
time.time_ns = _now_ns
time.monotonic_ns = _now_ns
time.perf_counter_ns = _now_ns
time.sleep = _looplab.sleep
