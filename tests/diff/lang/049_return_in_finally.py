# return in finally overrides; finally runs on break/continue.
def f():
    try:
        return "try"
    finally:
        print("finally runs")

def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "loop done"

print(f()); print(g()); print(h())
