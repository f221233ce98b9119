# send() into a generator: a running average.
def averager():
    total = 0.0; count = 0; avg = None
    while True:
        value = yield avg
        total += value; count += 1
        avg = total / count

a = averager()
print(next(a))
for v in (10, 20, 30, 5):
    print("avg", a.send(v))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo(); print(next(e)); print(e.send("x")); print(e.send(42))
try:
    g = averager(); g.send(1)
except TypeError as err:
    print("TypeError:", err)
