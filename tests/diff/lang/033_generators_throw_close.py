# throw() and close() on generators; finally blocks run.
def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker(); next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed")
w.close()
def simple():
    yield 1
s = simple()
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
