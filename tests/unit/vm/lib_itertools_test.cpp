// itertools: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("itertools match CPython 3.13") {
    check_program(R"PY(from itertools import *
import itertools as _it
print(list(islice(count(), 5)), list(islice(count(10, 2.5), 3)))
print(list(islice(cycle('ab'), 5)), list(cycle([])))
print(list(repeat('x', 3)), list(islice(repeat(7), 2)), list(repeat(1, 0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(filterfalse(None, [0, 1, 0, 2])))
print(list(starmap(pow, [(2, 3), (3, 2)])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)), list(islice('abc', 5, 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 1, 6, 2)), next(it))
for bad in [lambda: islice('a', -1), lambda: islice('a', 'x'), lambda: islice('a', 0, 2, 0), lambda: islice('a', -1, 2), lambda: islice(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(list(zip_longest('abc', [1])), list(zip_longest('a', 'bc', fillvalue='-')), list(zip_longest()))
print(list(product('ab', [1, 2])), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations('abc', 2)), len(list(permutations(range(4)))), list(permutations([], 0)))
print(list(combinations('abcd', 2)), list(combinations('ab', 3)), list(combinations_with_replacement('ab', 2)))
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = groupby('aabbb')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(pairwise('abcd')), list(pairwise('a')), list(_it.batched('abcdefg', 3)))
a, b = tee([1, 2, 3])
print(list(a), list(b))
)PY",
                  R"OUT([0, 1, 2, 3, 4] [10, 12.5, 15.0]
['a', 'b', 'a', 'b', 'a'] []
['x', 'x', 'x'] [7, 7] []
[1, 3, 6, 10] [1, 2, 6] [10, 11, 13] []
['a', 'b', 1, 2] ['x', 'y', 'z'] []
['a', 'c', 'e', 'f']
[3, 1] [1, 2]
[0, 2, 4] [0, 0]
[8, 9]
['a', 'b'] ['c', 'd'] ['c', 'd', 'e', 'f', 'g'] ['a', 'c', 'e', 'g'] []
[0, 1, 2] 3
[1, 3, 5] 6
ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
ValueError: Step for islice() must be a positive integer or None.
ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
TypeError: 'int' object is not iterable
[('a', 1), ('b', None), ('c', None)] [('a', 'b'), ('-', 'c')] []
[('a', 1), ('a', 2), ('b', 1), ('b', 2)] [(0, 0), (0, 1), (1, 0), (1, 1)] [()]
[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] 24 [()]
[('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [] [('a', 'a'), ('a', 'b'), ('b', 'b')]
[('a', ['a', 'a', 'a']), ('b', ['b', 'b']), ('c', ['c']), ('a', ['a', 'a'])]
[(1, 2), (0, 2), (1, 1)]
a [] b ['b', 'b', 'b']
[('a', 'b'), ('b', 'c'), ('c', 'd')] [] [('a', 'b', 'c'), ('d', 'e', 'f'), ('g',)]
[1, 2, 3] [1, 2, 3]
)OUT");
}
