// functools and operator: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("functools and operator match CPython 3.13") {
    check_program(R"PY(import functools, operator
from functools import reduce, partial, wraps, lru_cache, total_ordering, cmp_to_key
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(operator.mul, [1, 2, 3], 10), reduce(max, [], 'empty'))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
print(square(5), partial(power, 2)(10), partial(partial(power, 3), 2)(), square.args, square.keywords, square.func is power)
def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs) * 2
    return wrapper
@deco
def double_me(x):
    "Doc."
    return x
print(double_me(21), double_me.__name__, double_me.__doc__, double_me.__wrapped__(1))
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
calls.clear()
sq(1); sq(2); sq(1); sq(3); sq(2)
print(calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def ident(x):
    return x
print(ident(3), ident(3), ident.cache_info().hits)
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(operator.add(1, 2), operator.mul(3, 4), operator.sub(5, 1), operator.neg(3), operator.not_(0), operator.truediv(1, 4))
print(operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(5), operator.methodcaller('upper')('x'))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=operator.itemgetter(1)))
print(operator.itemgetter(1), operator.attrgetter('a', 'b.c'), operator.lt(1, 2), operator.contains([1], 1), operator.abs(-2))
)PY",
                  R"OUT(10 60 empty
TypeError: reduce() of empty iterable with no initial value
25 1024 9 () {'exp': 2} True
42 double_me Doc. 1
832040 31 CacheInfo(hits=28, misses=31, maxsize=None, currsize=31)
[1, 2, 3, 2] CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)
3 3 1
True True False True
[3, 2, 1]
3 12 4 -3 True 0.25
b ('a', 'c') 5 X
[('c', 1), ('b', 2), ('a', 3)]
operator.itemgetter(1) operator.attrgetter('a', 'b.c') True True 2
)OUT");
}
