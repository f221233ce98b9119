# RLock re-entry, a Condition producer/consumer, and a Semaphore limiting entries.
import threading

r = threading.RLock()
with r:
    with r:
        print("re-entered")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

items = []
cond = threading.Condition()

def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) == 3)
        out.append(list(items))

got = []
t = threading.Thread(target=consumer, args=(got,))
t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
t.join()
print(got)

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
