// list, tuple and dict methods: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("list, tuple and dict methods match CPython 3.13") {
    check_program(R"PY(def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

l = [3, 1, 2]
l.append(4); print(l)
l.extend((5, 6)); print(l)
l.extend(x for x in 'ab'); print(l)
l.insert(0, 'first'); print(l)
l.insert(-1, 'pen'); print(l)
l.insert(100, 'end'); print(l)
print(l.pop(), l.pop(0), l)
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: [].pop(1, 2))
l.remove('pen'); print(l)
show(lambda: l.remove('zz'))
show(lambda: [1, 2, 3, 2].index(2))
show(lambda: [1, 2, 3, 2].index(2, 2))
show(lambda: [1, 2].index('a'))
show(lambda: [1, 2, 2].count(2))
show(lambda: [].count())
show(lambda: [].append())
show(lambda: [].insert(1))
m = [5, 2, 8, 1]
m.sort(); print(m)
m.sort(reverse=True); print(m)
words = ['bb', 'a', 'ccc', 'dd']
words.sort(key=len); print(words)
words.sort(key=len, reverse=True); print(words)
show(lambda: [1, 'a'].sort())
show(lambda: [].sort(1))
show(lambda: [].sort(key=1, x=2))
m.reverse(); print(m)
c = m.copy(); c.append(0); print(m, c)
c.clear(); print(c)
ll = [1, 2]; ll.extend(ll); print(ll)
print((1, 2, 3, 2).index(2), (1, 2, 2).count(2))
show(lambda: (1,).index(2))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'K({self.v})'
print(sorted([K(3), K(1), K(2)]))
pairs = [(1, 'x'), (0, 'y'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([0.5, -1.5, 2.25]), sorted(['b', 'é', 'a']))
d = {'a': 1}
show(lambda: d.get('a'))
show(lambda: d.get('z'))
show(lambda: d.get('z', 0))
show(lambda: d.get())
show(lambda: d.setdefault('b', []))
print(d)
show(lambda: d.pop('b'))
show(lambda: d.pop('zz'))
show(lambda: d.pop('zz', 'dflt'))
show(lambda: {}.popitem())
show(lambda: {1: 2, 3: 4}.popitem())
e = {'x': 1, 'y': 2}
print(e.keys(), e.values(), e.items())
print(list(e.items()), 'x' in e.keys())
e.update({'z': 3}, w=4); print(e)
print(e | {'a': 0}, dict.fromkeys('ab', 0))
e |= {'q': 9}; print(e)
f = e.copy(); f.clear(); print(f, len(e))
g = {1: 'a', 2: 'b', 3: 'c'}
h = {2: 'x', 4: 'y'}
print(g.keys() & h.keys(), g.keys() | h, g.keys() - {1}, g.keys() ^ h.keys(), {1, 9} & g.keys())
print(g.items() & {(1, 'a'), (2, 'z')}, g.keys() == {1, 2, 3}, {1, 2, 3} == g.keys(), g.keys() <= {1, 2, 3, 4})
print(g.keys().isdisjoint([7]), g.items().isdisjoint([(1, 'a')]), g.values() == g.values())
show(lambda: g.keys() & 1)
show(lambda: g.values() & 1)
)PY",
                  R"OUT([3, 1, 2, 4]
[3, 1, 2, 4, 5, 6]
[3, 1, 2, 4, 5, 6, 'a', 'b']
['first', 3, 1, 2, 4, 5, 6, 'a', 'b']
['first', 3, 1, 2, 4, 5, 6, 'a', 'pen', 'b']
['first', 3, 1, 2, 4, 5, 6, 'a', 'pen', 'b', 'end']
end first [3, 1, 2, 4, 5, 6, 'a', 'pen', 'b']
IndexError: pop from empty list
IndexError: pop index out of range
TypeError: pop expected at most 1 argument, got 2
[3, 1, 2, 4, 5, 6, 'a', 'b']
ValueError: list.remove(x): x not in list
1
3
ValueError: 'a' is not in list
2
TypeError: list.count() takes exactly one argument (0 given)
TypeError: list.append() takes exactly one argument (0 given)
TypeError: insert expected 2 arguments, got 1
[1, 2, 5, 8]
[8, 5, 2, 1]
['a', 'bb', 'dd', 'ccc']
['ccc', 'bb', 'dd', 'a']
TypeError: '<' not supported between instances of 'str' and 'int'
TypeError: sort() takes no positional arguments
TypeError: sort() got an unexpected keyword argument 'x'
[1, 2, 5, 8]
[1, 2, 5, 8] [1, 2, 5, 8, 0]
[]
[1, 2, 1, 2]
1 2
ValueError: tuple.index(x): x not in tuple
[K(1), K(2), K(3)]
[(0, 'y'), (0, 'b'), (1, 'x'), (1, 'a')]
[(1, 'x'), (1, 'a'), (0, 'y'), (0, 'b')]
[-1.5, 0.5, 2.25] ['a', 'b', 'é']
1
None
0
TypeError: get expected at least 1 argument, got 0
[]
{'a': 1, 'b': []}
[]
KeyError: 'zz'
'dflt'
KeyError: 'popitem(): dictionary is empty'
(3, 4)
dict_keys(['x', 'y']) dict_values([1, 2]) dict_items([('x', 1), ('y', 2)])
[('x', 1), ('y', 2)] True
{'x': 1, 'y': 2, 'z': 3, 'w': 4}
{'x': 1, 'y': 2, 'z': 3, 'w': 4, 'a': 0} {'a': 0, 'b': 0}
{'x': 1, 'y': 2, 'z': 3, 'w': 4, 'q': 9}
{} 5
{2} {1, 2, 3, 4} {2, 3} {1, 3, 4} {1}
{(1, 'a')} True True True
True False False
TypeError: 'int' object is not iterable
TypeError: unsupported operand type(s) for &: 'dict_values' and 'int'
)OUT");
}
