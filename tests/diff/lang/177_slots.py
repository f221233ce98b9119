# __slots__: member descriptors, unset slots, no __dict__ unless asked, subclasses, bad declarations.
class A:
    __slots__ = ('x', 'y', '__z')
    def __init__(self):
        self.x = 1
        self.__z = 3
    def z(self):
        return self.__z
a = A()
print(a.x, a.z(), A.x, type(A.x).__name__, repr(A.x).startswith("<member 'x' of 'A' objects>"))
try:
    a.y
except AttributeError as e:
    print("get:", e)
try:
    a.w = 1
except AttributeError as e:
    print("set:", e)
try:
    del a.y
except AttributeError as e:
    print("del:", e)
del a.x
try:
    print(a.x)
except AttributeError as e:
    print("after del:", e)
print(hasattr(a, '__dict__'), A.__slots__)
class B(A):
    pass
b = B(); b.w = 5; print(b.__dict__, b.x)
class C(A):
    __slots__ = ['w']
c = C(); c.w = 2; c.x = 3; print(c.w, c.x, hasattr(c, '__dict__'))
class D:
    __slots__ = 'one'
d = D(); d.one = 1; print(d.one, D.__slots__)
class E:
    __slots__ = ('a', '__dict__')
e = E(); e.a = 1; e.b = 2; print(e.__dict__, e.a)
try:
    class F:
        __slots__ = ('a',)
        a = 1
except ValueError as ex:
    print("conflict:", ex)
try:
    class G:
        __slots__ = ('a', 'a')
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    class H:
        __slots__ = (1,)
except TypeError as ex:
    print("type:", ex)
try:
    class I:
        __slots__ = ('1a',)
except TypeError as ex:
    print("ident:", ex)
print(A.x.__name__, A.x.__objclass__ is A)
print(getattr(a, 'y', 'dflt'))
class J:
    __slots__ = ()
try:
    J().q = 1
except AttributeError as ex:
    print(ex)
print(A.x.__get__(a, A) if hasattr(a,'x') else 'unset')
a.x = 9; print(A.x.__get__(a, A)); A.x.__set__(a, 10); print(a.x)
print(A.x.__get__(None, A) is A.x)
try:
    A.x.__get__(1, int)
except TypeError as ex:
    print(ex)
try:
    A.x.__set__(1, 2)
except TypeError as ex:
    print(ex)
class K(Exception):
    __slots__ = ('code',)
k = K('m'); k.code = 4; print(k.code, k.args)
print(vars(b))
try:
    vars(a)
except TypeError as ex:
    print(ex)
import gc
class N:
    __slots__ = ('other',)
n1 = N(); n2 = N(); n1.other = n2; n2.other = n1; del n1, n2; print(gc.collect() >= 2)
