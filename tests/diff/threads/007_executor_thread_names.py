# Worker threads get CPython's names: ThreadPoolExecutor-N_M or PREFIX_M.
import threading
from concurrent.futures import ThreadPoolExecutor

def name():
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetcher") as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(name).result())
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
