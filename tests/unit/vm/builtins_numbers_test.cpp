// int, float and range methods; dunders of built-in types: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("int, float and range methods; dunders of built-in types match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for f in [lambda: (5).bit_count(), lambda: (-5).bit_length(), lambda: (2**100).bit_length(), lambda: (5).real,
          lambda: (5).imag, lambda: True.real, lambda: (5).numerator, lambda: (5).denominator,
          lambda: (5).conjugate(), lambda: (5).as_integer_ratio(), lambda: (5).is_integer(), lambda: 1.5.real,
          lambda: 1.5.imag, lambda: 1.5.conjugate(), lambda: 0.1.as_integer_ratio(),
          lambda: (-2.5).as_integer_ratio(), lambda: float('inf').as_integer_ratio(),
          lambda: float('nan').as_integer_ratio(), lambda: 1.0.hex(), lambda: 0.1.hex(), lambda: (-0.0).hex(),
          lambda: float('inf').hex(), lambda: 1e-320.hex(), lambda: 1e300.hex(), lambda: 2.5.is_integer(),
          lambda: 3.0.is_integer(), lambda: range(0, 10, 2).index(4), lambda: range(10).index(10),
          lambda: range(10, 0, -3).index(4), lambda: range(10).count(3), lambda: range(10).count('a'),
          lambda: range(0, 10, 3).start, lambda: range(0, 10, 3).step,
          lambda: (3).__index__(), lambda: int.__add__(1, 'a'), lambda: (1).__add__(2), lambda: [1, 2].__len__(),
          lambda: list.__len__([1]), lambda: 'ab'.__contains__('a'), lambda: (2.0).__mul__(3),
          lambda: (5).__radd__(1), lambda: {'a': 1}.__getitem__('a'), lambda: (1).__lt__(2),
          lambda: (1).__eq__('a'), lambda: tuple.__new__(tuple, [1, 2]), lambda: 'a'.__add__('b'),
          lambda: [1].__add__([2]), lambda: {1}.__or__({2}), lambda: (7).__floordiv__(2), lambda: (-3).__neg__(),
          lambda: (-3).__abs__(), lambda: (3).__float__(), lambda: (2.7).__int__(), lambda: (0).__bool__()]:
    show(f)

class Err(Exception):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code
e = Err(7)
print(e, e.code, e.args)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = D()
d['a'] = 1
print(d)
)PY",
                  R"OUT(2
3
101
5
0
1
5
1
5
(5, 1)
True
1.5
0.0
1.5
(3602879701896397, 36028797018963968)
(-5, 2)
OverflowError: cannot convert Infinity to integer ratio
ValueError: cannot convert NaN to integer ratio
'0x1.0000000000000p+0'
'0x1.999999999999ap-4'
'-0x0.0p+0'
'inf'
'0x0.00000000007e8p-1022'
'0x1.7e43c8800759cp+996'
False
True
2
ValueError: 10 is not in range
2
1
0
0
3
3
NotImplemented
3
2
1
True
6.0
6
1
True
NotImplemented
(1, 2)
'ab'
[1, 2]
{1, 2}
3
3
3
3.0
2
False
code 7 7 ('code 7',)
{'a': 2}
)OUT");
}
