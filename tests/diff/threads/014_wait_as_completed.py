# concurrent.futures.wait and as_completed over futures that all finish; daemon threads never block exit.
import threading
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, ALL_COMPLETED, FIRST_COMPLETED

def double(n):
    return n * 2

with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(double, n) for n in range(5)]
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(sorted(f.result() for f in done), len(not_done))
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs, timeout=1, return_when=FIRST_COMPLETED)
    print(len(done) >= 1, type(done).__name__)
    r = wait(fs)
    print(type(r).__name__, sorted(r._fields))

stop = threading.Event()
d = threading.Thread(target=stop.wait, daemon=True, name="sleeper")
d.start()
print(d.daemon, d.is_alive(), "exiting with a daemon thread still blocked")
