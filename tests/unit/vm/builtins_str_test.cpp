// str methods: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("str methods match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = 'Hello, World'
show(lambda: s.split(', '))
show(lambda: 'a b  c'.split())
show(lambda: 'a b  c'.split(' '))
show(lambda: 'a,b,c'.split(',', 1))
show(lambda: 'a,b,c'.rsplit(',', 1))
show(lambda: 'a,b'.split(',', maxsplit=0))
show(lambda: 'a'.split(''))
show(lambda: 'a'.split(1))
show(lambda: 'l1\nl2\r\nl3'.splitlines())
show(lambda: 'l1\nl2\n'.splitlines(True))
show(lambda: '-'.join(['a', 'b', 'c']))
show(lambda: ''.join(str(i) for i in range(5)))
show(lambda: ', '.join([]))
show(lambda: ' '.join(['a', 2]))
show(lambda: ','.join(1))
show(lambda: '  x  '.strip())
show(lambda: 'xxhixx'.strip('x'))
show(lambda: '  x  '.lstrip() + '|')
show(lambda: '  x  '.rstrip() + '|')
show(lambda: 'x'.strip(1))
show(lambda: 'prefix_body'.removeprefix('prefix_'))
show(lambda: 'body.py'.removesuffix('.py'))
show(lambda: 'a=b=c'.partition('='))
show(lambda: 'a=b=c'.rpartition('='))
show(lambda: 'abc'.partition('x'))
show(lambda: s.find('o'))
show(lambda: s.rfind('o'))
show(lambda: s.find('o', 5))
show(lambda: s.find('zz'))
show(lambda: s.index('World'))
show(lambda: s.index('zz'))
show(lambda: 'Hello'.index('l', -2))
show(lambda: s.count('l'))
show(lambda: 'a'.count(''))
show(lambda: s.find(1))
show(lambda: s.startswith('Hell'))
show(lambda: s.startswith(('x', 'H')))
show(lambda: s.endswith('World', 0, 12))
show(lambda: s.startswith(1))
show(lambda: s.replace('l', 'L'))
show(lambda: s.replace('l', 'L', 2))
show(lambda: s.replace('l'))
show(lambda: s.upper())
show(lambda: s.lower())
show(lambda: 'hello world'.title())
show(lambda: 'hello World'.capitalize())
show(lambda: 'Hello'.swapcase())
show(lambda: 'ab'.center(6, '*'))
show(lambda: 'ab'.ljust(5) + '|')
show(lambda: 'ab'.rjust(5, '0'))
show(lambda: 'ab'.center(3, 'xy'))
show(lambda: '42'.zfill(5))
show(lambda: '-42'.zfill(5))
show(lambda: 'a\tb'.expandtabs(4))
show(lambda: ['123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), '  '.isspace(), 'ABC'.isupper(), 'abc'.islower(), 'Ab Cd'.istitle(), 'x_1'.isidentifier(), ''.isdigit()])
show(lambda: '{} and {}'.format('a', 'b'))
show(lambda: '{1}{0}'.format('a', 'b'))
show(lambda: '{name}: {value:.2f}'.format(name='pi', value=3.14159))
show(lambda: '{:>8}|{:<4}|{:^5}'.format('r', 'l', 'c'))
show(lambda: '{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}))
show(lambda: '{!r:>5}'.format('x'))
show(lambda: '{:{}}'.format(3, 5))
show(lambda: '{:,}'.format(1234567))
show(lambda: '{{literal}} {}'.format(1))
show(lambda: '{}'.format())
show(lambda: '{x}'.format())
show(lambda: '{'.format())
show(lambda: '{0.real}'.format(5))
show(lambda: '{x}-{y}'.format_map({'x': 1, 'y': 2}))
show(lambda: '{}'.format_map({}))
show(lambda: str.format('{}!', 'hi'))
show(lambda: 'abc'.upper(1))
)PY",
                  R"OUT(['Hello', 'World']
['a', 'b', 'c']
['a', 'b', '', 'c']
['a', 'b,c']
['a,b', 'c']
['a,b']
ValueError: empty separator
TypeError: must be str or None, not int
['l1', 'l2', 'l3']
['l1\n', 'l2\n']
'a-b-c'
'01234'
''
TypeError: sequence item 1: expected str instance, int found
TypeError: can only join an iterable
'x'
'hi'
'x  |'
'  x|'
TypeError: strip arg must be None or str
'body'
'body'
('a', '=', 'b=c')
('a=b', '=', 'c')
('abc', '', '')
4
8
8
-1
7
ValueError: substring not found
3
3
2
TypeError: find() argument 1 must be str, not int
True
True
True
TypeError: startswith first arg must be str or a tuple of str, not int
'HeLLo, WorLd'
'HeLLo, World'
TypeError: replace() takes at least 2 positional arguments (1 given)
'HELLO, WORLD'
'hello, world'
'Hello World'
'Hello world'
'hELLO'
'**ab**'
'ab   |'
'000ab'
TypeError: The fill character must be exactly one character long
'00042'
'-0042'
'a   b'
[True, True, True, True, True, True, True, True, False]
'a and b'
'ba'
'pi: 3.14'
'       r|l   |  c  '
'6 v'
"  'x'"
'    3'
'1,234,567'
'{literal} 1'
IndexError: Replacement index 0 out of range for positional args tuple
KeyError: 'x'
ValueError: Single '{' encountered in format string
'5'
'1-2'
ValueError: Format string contains positional fields
'hi!'
TypeError: str.upper() takes no arguments (1 given)
)OUT");
}
