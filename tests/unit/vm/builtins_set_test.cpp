// set and frozenset methods: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("set and frozenset methods match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = {1, 2, 3}
fs = frozenset([1, 2])
for f in [lambda: s.add(), lambda: s.add([]), lambda: s.remove(9), lambda: s.discard(9), lambda: set().pop(),
          lambda: s.union(1), lambda: s.union([4], (5,)), lambda: fs.union([3]), lambda: s.intersection([2, 3, 4], {3}),
          lambda: s.difference([1], [2]), lambda: s.symmetric_difference([3, 4]), lambda: s.symmetric_difference(),
          lambda: s.issubset([1, 2, 3, 4]), lambda: s.issuperset([1]), lambda: s.isdisjoint([7]), lambda: s.issubset(1),
          lambda: s.copy(), lambda: fs.copy() is fs, lambda: s.update([9], [10]), lambda: s,
          lambda: s.intersection_update([1, 9, 10]), lambda: s, lambda: s.difference_update([9], [77]), lambda: s,
          lambda: s.symmetric_difference_update({1, 5}), lambda: s, lambda: s.difference_update(1),
          lambda: s.issubset(), lambda: s.union(), lambda: s.intersection(), lambda: frozenset().union([1]),
          lambda: type(fs.union([1])).__name__, lambda: {1, 2} <= {1, 2, 3}, lambda: {1, 2} | {5},
          lambda: {1, 2, 3} - {2}, lambda: {1, 2} ^ {2, 3}, lambda: {1, 2} & {2, 3}, lambda: sorted({3, 1, 2}),
          lambda: s.pop(), lambda: s, lambda: s.clear(), lambda: s]:
    show(f)
)PY",
                  R"OUT(TypeError: set.add() takes exactly one argument (0 given)
TypeError: unhashable type: 'list'
KeyError: 9
None
KeyError: 'pop from an empty set'
TypeError: 'int' object is not iterable
{1, 2, 3, 4, 5}
frozenset({1, 2, 3})
{3}
{3}
{1, 2, 4}
TypeError: set.symmetric_difference() takes exactly one argument (0 given)
True
True
True
TypeError: 'int' object is not iterable
{1, 2, 3}
True
None
{1, 2, 3, 9, 10}
None
{1, 10, 9}
None
{1, 10}
None
{10, 5}
TypeError: 'int' object is not iterable
TypeError: set.issubset() takes exactly one argument (0 given)
{10, 5}
{10, 5}
frozenset({1})
'frozenset'
True
{1, 2, 5}
{1, 3}
{1, 3}
{2}
[1, 2, 3]
10
{5}
None
set()
)OUT");
}
