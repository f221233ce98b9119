"""looplab: switches of the simulation that lessons use (not part of CPython).

    import looplab
    looplab.set_cpu_cost(1e-6)   # every step (a call or a loop iteration) takes 1 µs

With the CPU cost model on, computing takes virtual time: a loop of a million iterations takes
a second, threads take turns holding the GIL (switching every sys.getswitchinterval() seconds),
and a coroutine that computes holds up the whole event loop. It is off (0.0) by default, so
that programs print what CPython prints on a virtual clock, where computing takes no time.
"""

import _looplab_threads as _t

__all__ = ("set_cpu_cost", "cpu_cost")


def set_cpu_cost(seconds_per_step):
    """Turn the CPU cost model on (seconds per step > 0) or off (0)."""
    _t.set_cpu_cost(seconds_per_step)


def cpu_cost():
    """Virtual seconds one step costs now (0.0: the model is off)."""
    return _t.cpu_cost()
