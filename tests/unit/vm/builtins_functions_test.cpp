// builtins: abs, round, divmod, pow, sum, min/max, sorted, chr/ord, format, ascii, input: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("builtins: abs, round, divmod, pow, sum, min/max, sorted, chr/ord, format, ascii, input match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: abs(-5))
show(lambda: abs(-2.5))
show(lambda: abs(-2**70))
show(lambda: abs('a'))
show(lambda: abs())
show(lambda: round(2.675, 2))
show(lambda: round(0.5))
show(lambda: round(1.5))
show(lambda: round(-2.5))
show(lambda: round(12345, -2))
show(lambda: round(12350, -2))
show(lambda: round(2.5, 0))
show(lambda: round(7, 1))
show(lambda: round('a'))
show(lambda: divmod(7, 2))
show(lambda: divmod(-7, 2))
show(lambda: divmod(7.5, 2))
show(lambda: divmod(1, 0))
show(lambda: divmod('a', 1))
show(lambda: divmod(1))
show(lambda: pow(2, 10))
show(lambda: pow(2, -1))
show(lambda: pow(3, 4, 5))
show(lambda: pow(2, -1, 5))
show(lambda: pow(2.0, 3, 4))
show(lambda: pow(2))
show(lambda: any([0, '', None]))
show(lambda: any(x > 2 for x in range(5)))
show(lambda: all([]))
show(lambda: all([1, 0]))
show(lambda: all(1))
show(lambda: sum([1, 2, 3]))
show(lambda: sum([0.1] * 10))
show(lambda: sum([1e100, 1.0, -1e100, 1.0]))
show(lambda: sum([1, 2.5, 3]))
show(lambda: sum([[1], [2]], []))
show(lambda: sum(range(101), start=10))
show(lambda: sum(['a'], ''))
show(lambda: sum(['a']))
show(lambda: sum([2**62, 2**62, 2**62]))
show(lambda: sum([0.1, 0.2, 0.3]))
show(lambda: min([3, 1, 2]))
show(lambda: max(3, 1, 2))
show(lambda: max([1, 2], key=lambda x: -x))
show(lambda: max((1, 'a'), (1, 'b')))
show(lambda: min([], default='none'))
show(lambda: min([]))
show(lambda: max(''))
show(lambda: min())
show(lambda: max(1, 2, default=3))
show(lambda: max([1, 'a']))
show(lambda: max([(2, 'x'), (2, 'y'), (1, 'z')], key=lambda t: t[0]))
show(lambda: sorted([3, 1, 2]))
show(lambda: sorted([3, 1, 2], reverse=True))
show(lambda: sorted(['b', 'A', 'c'], key=str.lower))
show(lambda: sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=lambda t: t[0], reverse=True))
show(lambda: sorted({3: 1, 1: 2}))
show(lambda: sorted([1, 'a']))
show(lambda: sorted([2.5, 1, 3]))
show(lambda: sorted())
show(lambda: sorted('hello'))
show(lambda: chr(65))
show(lambda: chr(0x1F600))
show(lambda: chr(-1))
show(lambda: ord('a'))
show(lambda: ord('é'))
show(lambda: ord('ab'))
show(lambda: ord(1))
show(lambda: hex(255))
show(lambda: hex(-255))
show(lambda: oct(8))
show(lambda: bin(-5))
show(lambda: bin(2**70))
show(lambda: hex(1.0))
show(lambda: callable(len))
show(lambda: callable(3))
show(lambda: hash(1) == hash(1.0))
show(lambda: hash(-1))
show(lambda: hash([]))
show(lambda: issubclass(bool, int))
show(lambda: issubclass(int, (str, object)))
show(lambda: issubclass(1, int))
show(lambda: format(3.14159, '.2f'))
show(lambda: format(255, 'x'))
show(lambda: format('x', '>3'))
show(lambda: format(1234567, ','))
show(lambda: input())
class A:
    def __init__(self):
        self.x = 1
a = A()
show(lambda: getattr(a, 'x'))
show(lambda: getattr(a, 'y', 'dflt'))
show(lambda: getattr(a, 'y'))
show(lambda: getattr(a, 2))
show(lambda: hasattr(a, 'x'))
show(lambda: hasattr(a, 'y'))
show(lambda: setattr(a, 'y', 5))
show(lambda: a.y)
show(lambda: delattr(a, 'y'))
show(lambda: hasattr(a, 'y'))
show(lambda: vars(a))
show(lambda: vars(1))
show(lambda: 'x' in dir(a))
show(lambda: id(a) == id(a))
show(lambda: id(1) == id(2))
show(lambda: ascii('é'))
show(lambda: ascii(['ü', 1, 'a\n']))
show(lambda: ascii('plain'))
show(lambda: ascii('\U0001f600\u20ac'))
show(lambda: '{!a}'.format('é'))
)PY",
                  R"OUT(5
2.5
1180591620717411303424
TypeError: bad operand type for abs(): 'str'
TypeError: abs() takes exactly one argument (0 given)
2.67
0
2
-2
12300
12400
2.0
7
TypeError: type str doesn't define __round__ method
(3, 1)
(-4, 1)
(3.0, 1.5)
ZeroDivisionError: integer division or modulo by zero
TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'
TypeError: divmod expected 2 arguments, got 1
1024
0.5
1
3
TypeError: pow() 3rd argument not allowed unless all arguments are integers
TypeError: pow() missing required argument 'exp' (pos 2)
False
True
True
False
TypeError: 'int' object is not iterable
6
1.0
2.0
6.5
[1, 2]
5060
TypeError: sum() can't sum strings [use ''.join(seq) instead]
TypeError: unsupported operand type(s) for +: 'int' and 'str'
13835058055282163712
0.6
1
3
1
(1, 'b')
'none'
ValueError: min() iterable argument is empty
ValueError: max() iterable argument is empty
TypeError: min expected at least 1 argument, got 0
TypeError: Cannot specify a default for max() with multiple positional arguments
TypeError: '>' not supported between instances of 'str' and 'int'
(2, 'x')
[1, 2, 3]
[3, 2, 1]
['A', 'b', 'c']
[(1, 'b'), (1, 'a'), (0, 'z')]
[1, 3]
TypeError: '<' not supported between instances of 'str' and 'int'
[1, 2.5, 3]
TypeError: sorted expected 1 argument, got 0
['e', 'h', 'l', 'l', 'o']
'A'
'😀'
ValueError: chr() arg not in range(0x110000)
97
233
TypeError: ord() expected a character, but string of length 2 found
TypeError: ord() expected string of length 1, but int found
'0xff'
'-0xff'
'0o10'
'-0b101'
'0b10000000000000000000000000000000000000000000000000000000000000000000000'
TypeError: 'float' object cannot be interpreted as an integer
True
False
True
-2
TypeError: unhashable type: 'list'
True
True
TypeError: issubclass() arg 1 must be a class
'3.14'
'ff'
'  x'
'1,234,567'
EOFError: EOF when reading a line
1
'dflt'
AttributeError: 'A' object has no attribute 'y'
TypeError: attribute name must be string, not 'int'
True
False
None
5
None
False
{'x': 1}
TypeError: vars() argument must have __dict__ attribute
True
True
False
"'\\xe9'"
"['\\xfc', 1, 'a\\n']"
"'plain'"
"'\\U0001f600\\u20ac'"
"'\\xe9'"
)OUT");
}
