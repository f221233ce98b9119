// builtins: enumerate, zip, map, filter, reversed: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("builtins: enumerate, zip, map, filter, reversed match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: list(enumerate('abc')))
show(lambda: list(enumerate('ab', 5)))
show(lambda: list(enumerate('ab', start=-1)))
show(lambda: list(enumerate([], 2**64)))
show(lambda: list(enumerate('a', 2**64)))
show(lambda: enumerate(1))
show(lambda: enumerate())
show(lambda: enumerate([1], start='a'))
show(lambda: list(zip([1, 2, 3], 'ab')))
show(lambda: list(zip()))
show(lambda: list(zip([1], [1, 2], strict=True)))
show(lambda: list(zip([1, 2], [1], strict=True)))
show(lambda: list(zip([1], [2], [1, 2], strict=True)))
show(lambda: list(zip([1, 2], [1, 2], strict=True)))
show(lambda: zip(1))
show(lambda: zip([1], x=1))
show(lambda: list(map(str, [1, 2])))
show(lambda: list(map(lambda x, y: x + y, [1, 2], [10, 20, 30])))
show(lambda: map(1))
show(lambda: list(filter(None, [0, 1, '', 'a'])))
show(lambda: list(filter(lambda x: x % 2, range(7))))
show(lambda: filter(1))
show(lambda: list(reversed([1, 2, 3])))
show(lambda: list(reversed((1, 2, 3))))
show(lambda: list(reversed('abc')))
show(lambda: list(reversed(range(4))))
show(lambda: list(reversed({'a': 1, 'b': 2})))
show(lambda: reversed(1))
show(lambda: reversed({1, 2}))
it = enumerate('xy')
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
z = zip('ab', 'cd')
print(iter(z) is z)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())))
class R:
    def __reversed__(self):
        return iter([9, 8])
print(list(reversed(R())))
)PY",
                  R"OUT([(0, 'a'), (1, 'b'), (2, 'c')]
[(5, 'a'), (6, 'b')]
[(-1, 'a'), (0, 'b')]
[]
[(18446744073709551616, 'a')]
TypeError: 'int' object is not iterable
TypeError: enumerate() missing required argument 'iterable'
TypeError: 'str' object cannot be interpreted as an integer
[(1, 'a'), (2, 'b')]
[]
ValueError: zip() argument 2 is longer than argument 1
ValueError: zip() argument 2 is shorter than argument 1
ValueError: zip() argument 3 is longer than arguments 1-2
[(1, 1), (2, 2)]
TypeError: 'int' object is not iterable
TypeError: zip() got an unexpected keyword argument 'x'
['1', '2']
[11, 22]
TypeError: map() must have at least two arguments.
[1, 'a']
[1, 3, 5]
TypeError: filter expected 2 arguments, got 1
[3, 2, 1]
[3, 2, 1]
['c', 'b', 'a']
[3, 2, 1, 0]
['b', 'a']
TypeError: 'int' object is not reversible
TypeError: 'set' object is not reversible
(0, 'x') (1, 'y')
StopIteration
True
[20, 10, 0]
[9, 8]
)OUT");
}
