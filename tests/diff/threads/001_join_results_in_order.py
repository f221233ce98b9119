# Threads write results into their own slots; join makes the order of the output fixed.
import threading

results = [None] * 4

def square(i):
    results[i] = i * i

threads = [threading.Thread(target=square, args=(i,)) for i in range(4)]
print([t.name for t in threads])
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print([t.is_alive() for t in threads])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
