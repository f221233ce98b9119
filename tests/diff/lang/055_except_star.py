# except* matches leaves of exception groups, in handler order.
def risky():
    raise ExceptionGroup("batch", [ValueError("a"), TypeError("b"), ValueError("c"), OSError("d")])

try:
    risky()
except* ValueError as eg:
    print("values:", repr(eg))
except* TypeError as eg:
    print("types:", eg.exceptions)
except* OSError:
    print("os error handled")
print("after")
try:
    try:
        raise ValueError("plain")
    except* ValueError as eg:
        print("plain wrapped:", repr(eg))
except Exception as e:
    print("unexpected", e)
try:
    try:
        risky()
    except* ValueError:
        print("only values handled")
except ExceptionGroup as rest:
    print("rest:", repr(rest))
