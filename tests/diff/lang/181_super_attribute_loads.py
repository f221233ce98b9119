# super().name and super().name(...) (LOAD_SUPER_ATTR): methods, classmethods, properties, errors, a rebound global super.
class B:
    def m(self, x=1): return ("B.m", x)
    @classmethod
    def cm(cls): return ("B.cm", cls.__name__)
    @staticmethod
    def sm(): return "B.sm"
    @property
    def p(self): return "B.p"
    val = 5
class C(B):
    def m(self, x=2): return ("C", super().m(x), super().m)
    @classmethod
    def cm(cls): return ("C.cm", super().cm(), super().cm)
    def others(self):
        return super().sm(), super().p, super().val, super().__class__, super().__init__
    def missing(self): return super().nope
    def missing_call(self): return super().nope()
print(C().m()[:2], type(C().m()[2]).__name__)
print(C.cm()[:2], C().cm()[:2])
print(C().others()[:4])
for f in [lambda: C().missing(), lambda: C().missing_call()]:
    try: f()
    except AttributeError as e: print("AttributeError:", e)
def outside():
    return super().m()
try: outside()
except RuntimeError as e: print("RuntimeError:", e)
class D(B):
    def noargs():
        return super().m()
try: D.noargs()
except RuntimeError as e: print("RuntimeError:", e)
class E(B):
    def m(self):
        def inner():
            return super().m()
        return inner
try: E().m()()
except (RuntimeError, TypeError) as e: print(type(e).__name__, e)
class F(B):
    def m(*args): return super().m()
try: print(F().m())
except RuntimeError as e: print('RuntimeError:', e)
class G(B):
    def m(self):
        del self
        return super().m()
try: G().m()
except RuntimeError as e: print("RuntimeError:", e)
class H(B):
    def m(self):
        super = lambda: "local super"
        return super()
print(H().m())
import builtins
class I(B):
    def m(self):
        return super().m()
real = builtins.super
class FakeSuper:
    def __init__(self): print("fake super called")
    def m(self): return "fake m"
super = FakeSuper
print(I().m())
del super
print(I().m())
