# The program waits for non-daemon threads at exit; their output comes after the last line.
import threading

go = threading.Event()

def late():
    go.wait()
    print("the worker finishes after the main program's last line")

t = threading.Thread(target=late)
print("daemon?", t.daemon, threading.current_thread().daemon)
t.start()
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
print("main ends")
go.set()
