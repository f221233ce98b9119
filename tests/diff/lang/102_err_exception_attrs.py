# Exception objects: args, str, repr, type names, isinstance hierarchy.
errs = [ValueError("v"), KeyError("k"), IndexError(), TypeError("a", 1), ZeroDivisionError("z"), Exception()]
for e in errs:
    print(type(e).__name__, repr(e), str(e), e.args)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(StopIteration, Exception))
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
e = RuntimeError("r")
print(e.__traceback__ is None, e.__cause__, e.__context__)
