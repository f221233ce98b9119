# Walking a traceback: tb_next, tb_lineno, tb_frame (and a generator thrown into before it started).
def inner():
    raise ValueError("x")

def outer():
    inner()

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_lasti >= 0, type(tb).__name__)
        tb = tb.tb_next
    print(e.with_traceback(None).__traceback__)

def gen():
    yield 1

try:
    gen().throw(KeyError("k"))
except KeyError as e:
    tb = e.__traceback__
    print([(t.tb_lineno, t.tb_frame.f_code.co_name) for t in (tb, tb.tb_next)], tb.tb_next.tb_next)
