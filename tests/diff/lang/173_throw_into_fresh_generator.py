# throw() into a generator that has not started: raised at its def line (the first decorator's), never caught inside.
def passthrough(f):
    return f

@passthrough
def counter():
    try:
        yield 1
    except ValueError:
        print("never: the try has not been entered")

class Box:
    @staticmethod
    @passthrough
    def items():
        yield from range(3)

print(counter.__code__.co_firstlineno, Box.items.__code__.co_firstlineno)
g = counter()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("propagated", repr(e))
print(list(g))
g = Box.items()
print(next(g))
g = counter()
g.throw(KeyError("fresh"))
