# A nested uncaught ExceptionGroup.
def a():
    raise KeyError("inner key")

try:
    a()
except KeyError as e:
    inner = ExceptionGroup("inner", [e, TypeError("t")])
print("raising")
raise ExceptionGroup("outer", [inner, ZeroDivisionError("zero")])
