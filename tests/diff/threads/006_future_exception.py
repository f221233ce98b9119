# A failing call: result() re-raises it in the caller, exception() returns it.
from concurrent.futures import ThreadPoolExecutor

def fail(n):
    if n > 1:
        raise KeyError(n)
    return n

with ThreadPoolExecutor(2) as ex:
    ok = ex.submit(fail, 1)
    bad = ex.submit(fail, 5)
    print(ok.result())
    print(repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("caught KeyError", e)
    try:
        list(ex.map(fail, [0, 1, 2, 3]))
    except KeyError as e:
        print("map raised KeyError", e)
