# Decorators with arguments and stateful decorators.
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper

@repeat(3)
def roll(x):
    return x * 2

@counted
def noop():
    return None

print(roll(4))
for _ in range(5):
    noop()
print("calls:", noop.calls)
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x): return x * x
print(sorted(registry), registry["sq"](9))
