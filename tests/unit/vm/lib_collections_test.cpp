// collections: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("collections match CPython 3.13") {
    check_program(R"PY(from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.index(7), d.count(2), 7 in d, 99 in d, list(reversed(d)))
d.remove(7); print(d)
d.insert(1, 'x'); print(d)
del d[1]; print(d)
d[0] = 'first'; print(d, bool(d), bool(deque()))
m = deque(range(5), maxlen=3); print(m, m.maxlen)
m.append(9); print(m)
m.appendleft(-9); print(m)
print(deque(), deque('ab') + deque('cd'), deque([1]) * 3, deque([1, 2]) == deque([1, 2]))
e = deque()
for bad in [e.pop, e.popleft, lambda: e[0], lambda: deque([1]).remove(5), lambda: deque([1]).index(5)]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
try:
    q = deque([1, 2])
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print('RuntimeError:', ex)
dd = defaultdict(list)
dd['a'].append(1); dd['a'].append(2); dd['b']
print(dd, dd['a'], len(dd), dict(dd))
print(defaultdict(), defaultdict(int, a=1), defaultdict(None, {'k': 1}))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, sorted(counts.items()))
try:
    defaultdict(1)
except TypeError as ex:
    print('TypeError:', ex)
try:
    defaultdict()['x']
except KeyError as ex:
    print('KeyError:', ex)
c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], c.total())
print(Counter(), Counter({'a': 2}), Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=1, b=2))
c.update('aa'); print(c['a'])
print(sorted(c.elements())[:6])
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, P, p.x, p.y, p[0], p._asdict(), p._replace(x=5), P._fields, P._make([3, 4]))
print(p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple), len(p))
x, y = p; print(x + y)
for args, kw in [((1, 2, 3), {}), ((1,), {}), ((), {}), ((1,), {'x': 2}), ((1, 2), {'z': 1})]:
    try:
        P(*args, **kw)
    except TypeError as ex:
        print('TypeError:', ex)
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0])
print(Q(1, 2), Q.__name__)
try:
    namedtuple('Bad', 'x _y')
except ValueError as ex:
    print('ValueError:', ex)
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end('a'); print(o)
o.move_to_end('c', last=False); print(o, o.popitem(), o.popitem(last=False), OrderedDict())
)PY",
                  R"OUT(deque([0, 1, 2, 3, 4]) 5 0 4
4 0 deque([1, 2, 3])
deque([-2, -1, 1, 2, 3, 7, 8])
deque([7, 8, -2, -1, 1, 2, 3])
deque([-1, 1, 2, 3, 7, 8, -2])
4 1 True False [-2, 8, 7, 3, 2, 1, -1]
deque([-1, 1, 2, 3, 8, -2])
deque([-1, 'x', 1, 2, 3, 8, -2])
deque([-1, 1, 2, 3, 8, -2])
deque(['first', 1, 2, 3, 8, -2]) True False
deque([2, 3, 4], maxlen=3) 3
deque([3, 4, 9], maxlen=3)
deque([-9, 3, 4], maxlen=3)
deque([]) deque(['a', 'b', 'c', 'd']) deque([1, 1, 1]) True
IndexError: pop from an empty deque
IndexError: pop from an empty deque
IndexError: deque index out of range
ValueError: 5 is not in deque
ValueError: 5 is not in deque
RuntimeError: deque mutated during iteration
defaultdict(<class 'list'>, {'a': [1, 2], 'b': []}) [1, 2] 2 {'a': [1, 2], 'b': []}
defaultdict(None, {}) defaultdict(<class 'int'>, {'a': 1}) defaultdict(None, {'k': 1})
defaultdict(<class 'int'>, {'m': 1, 'i': 4, 's': 4, 'p': 2}) [('i', 4), ('m', 1), ('p', 2), ('s', 4)]
TypeError: first argument must be callable or None
KeyError: 'x'
Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0 11
Counter() Counter({'a': 2}) Counter({'a': 4, 'c': 2, 'b': 1}) Counter({'a': 2})
7
['a', 'a', 'a', 'a', 'a', 'a']
P(x=1, y=2) <class '__main__.P'> 1 2 1 {'x': 1, 'y': 2} P(x=5, y=2) ('x', 'y') P(x=3, y=4)
True True True 2
3
TypeError: P.__new__() takes 3 positional arguments but 4 were given
TypeError: P.__new__() missing 1 required positional argument: 'y'
TypeError: P.__new__() missing 2 required positional arguments: 'x' and 'y'
TypeError: P.__new__() got multiple values for argument 'x'
TypeError: P.__new__() got an unexpected keyword argument 'z'
Q(a=1, b=2, c=0) Q
ValueError: Field names cannot start with an underscore: '_y'
OrderedDict({'b': 2, 'c': 3, 'a': 1})
OrderedDict({'b': 2}) ('a', 1) ('c', 3) OrderedDict()
)OUT");
}
