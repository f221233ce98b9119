# A custom exception hierarchy and handler ordering.
class AppError(Exception): pass
class NetError(AppError): pass
class TimeoutErr(NetError):
    def __str__(self): return f"timed out after {self.args[0]}s"
def action(kind):
    if kind == 1: raise TimeoutErr(5)
    if kind == 2: raise NetError("refused")
    if kind == 3: raise AppError("generic")
    if kind == 4: raise KeyError(kind)
    return "fine"
for k in range(5):
    try:
        print(action(k))
    except TimeoutErr as e:
        print("timeout:", e, repr(e))
    except NetError as e:
        print("net:", e)
    except AppError as e:
        print("app:", e, isinstance(e, Exception))
    except Exception as e:
        print("other:", type(e).__name__, e)
print([c.__name__ for c in TimeoutErr.__mro__])
