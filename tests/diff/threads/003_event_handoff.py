# A worker waits for an Event that the main thread sets; join orders the prints.
import threading

ready = threading.Event()
seen = []

def worker():
    ready.wait()
    seen.append("worker saw the event")

t = threading.Thread(target=worker, name="waiter")
t.start()
print("before set:", ready.is_set(), t.is_alive())
ready.set()
t.join()
print(seen, ready.is_set(), t.is_alive())
print(ready.wait(0.5), t.name)
ready.clear()
print(ready.is_set(), ready.wait(0))
