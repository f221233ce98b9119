# Plain decorators wrapping functions.
def shout(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return result.upper() + "!"
    return wrapper

def log_calls(fn):
    def wrapper(*args):
        print(f"calling {fn.__name__}{args}")
        r = fn(*args)
        print(f"{fn.__name__} returned {r!r}")
        return r
    return wrapper

@shout
def greet(name):
    return f"hello {name}"

@log_calls
@shout
def farewell(name):
    return "bye " + name

print(greet("ann"))
print(farewell("bob"))
print(greet.__name__)
