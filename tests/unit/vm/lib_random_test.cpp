// random: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("random match CPython 3.13") {
    check_program(R"PY(import random
for seed in [0, 1, 42, 12345, 2**40 + 7, -3, 2**100]:
    random.seed(seed)
    print(seed, random.random(), random.randint(1, 10), random.getrandbits(40), random.randrange(0, 100, 7))
r = random.Random(7)
print([r.randint(1, 6) for _ in range(20)])
print([r.randrange(10) for _ in range(10)])
print(r.randrange(10**20), r.getrandbits(100), r.getrandbits(0), r.getrandbits(64), r.getrandbits(33))
print(r.choice('abcdef'), r.choice([10, 20, 30]))
l = list(range(10)); r.shuffle(l); print(l)
print(r.sample(range(100), 5), r.sample(['a', 'b', 'c'], 3))
print(r.sample(range(1000), 10))
print(r.choices('abc', k=5))
print(r.choices('abc', weights=[1, 0, 5], k=6))
print(r.choices('abc', cum_weights=[1, 2, 10], k=4))
print(r.uniform(1, 2), r.uniform(5, -5))
print(r.gauss(), r.gauss(10, 2), r.normalvariate(), r.expovariate(2.0), r.triangular(0, 10, 3))
r.seed('hello'); print(r.random())
r.seed(3.5); print(r.random())
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
print(random.Random(5).random() == random.Random(5).random())
for bad in [lambda: r.randrange(0), lambda: r.randrange(5, 5), lambda: r.randrange(5, 1, 2),
            lambda: r.randrange(1, 5, 0), lambda: r.randrange(1.0), lambda: r.randint(3, 1),
            lambda: r.choice([]), lambda: r.sample([1, 2], 3), lambda: r.sample({1, 2}, 1),
            lambda: r.choices([1, 2], 2), lambda: r.choices([1, 2], [0, 0]), lambda: r.getrandbits(-1),
            lambda: r.seed([1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
)PY",
                  R"OUT(0 0.8444218515250481 7 283641720628 56
1 0.13436424411240122 2 129944532028 49
42 0.6394267984578837 1 303832645883 21
12345 0.41661987254534116 1 909760723052 84
1099511627783 0.6137037779936511 10 522721549699 28
-3 0.23796462709189137 9 404287087465 98
1267650600228229401496703205376 0.7586581712996778 4 1074094164553 56
[3, 2, 4, 6, 1, 1, 5, 1, 3, 5, 1, 5, 2, 1, 1, 4, 4, 1, 2, 1]
[8, 6, 0, 9, 1, 3, 9, 0, 9, 9]
74646275075622883728 498314186849581176734555084491 0 9973894190648387236 4800881088
c 30
[8, 7, 6, 5, 4, 0, 9, 3, 1, 2]
[79, 26, 63, 87, 68] ['b', 'c', 'a']
[599, 945, 464, 370, 306, 254, 813, 184, 715, 798]
['a', 'b', 'b', 'c', 'c']
['c', 'c', 'a', 'c', 'c', 'a']
['c', 'a', 'c', 'c']
1.5730259402773838 -3.7547781183088826
-0.6011275453067301 12.839345308678435 0.3853660954791695 0.30459177531129006 6.653022951360123
0.3537754404730722
0.3039190124834461
True
True
ValueError: empty range for randrange()
ValueError: empty range in randrange(5, 5)
ValueError: empty range in randrange(5, 1, 2)
ValueError: zero step for randrange()
TypeError: 'float' object cannot be interpreted as an integer
ValueError: empty range in randrange(3, 2)
IndexError: Cannot choose from an empty sequence
ValueError: Sample larger than population or is negative
TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
TypeError: The number of choices must be a keyword argument: k=2
ValueError: Total of weights must be greater than zero
ValueError: number of bits must be non-negative
TypeError: The only supported seed types are:
None, int, float, str, bytes, and bytearray.
)OUT");
}
