# An exception in a thread is printed by threading.excepthook; the main thread goes on.
import threading

def boom(x):
    raise ValueError(f"bad value {x}")

t = threading.Thread(target=boom, args=(7,))
t.start()
t.join()
print("main goes on; alive:", t.is_alive())

def quiet():
    raise SystemExit(3)

t2 = threading.Thread(target=quiet, name="quiet")
t2.start()
t2.join()
print("SystemExit in a thread is silent")
