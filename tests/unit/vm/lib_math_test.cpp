// math: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("math match CPython 3.13") {
    check_program(R"PY(import math
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
for f in [lambda: math.sqrt(2), lambda: math.sqrt(-1), lambda: math.sqrt('a'), lambda: math.floor(2.5),
          lambda: math.floor(-2.5), lambda: math.ceil(2.1), lambda: math.ceil(5), lambda: math.floor(10**20),
          lambda: math.floor(float('inf')), lambda: math.floor(float('nan')), lambda: math.trunc(-2.7),
          lambda: math.log(0), lambda: math.log(8, 2), lambda: math.log(100, 10), lambda: math.log10(1000),
          lambda: math.log2(8), lambda: math.log(10**400), lambda: math.exp(1000), lambda: math.exp(2),
          lambda: math.pow(2, 0.5), lambda: math.pow(0, -1), lambda: math.fsum([0.1] * 10),
          lambda: math.fsum([1e100, 1.0, -1e100]), lambda: math.fsum([]), lambda: math.gcd(12, 18),
          lambda: math.gcd(), lambda: math.gcd(12, 18, 4), lambda: math.lcm(4, 6),
          lambda: math.isclose(1.0, 1.0000000001), lambda: math.isclose(1, 2, rel_tol=-1),
          lambda: math.isclose(0.1 + 0.2, 0.3), lambda: math.prod([1, 2, 3]), lambda: math.prod([]),
          lambda: math.prod([1.5, 2]), lambda: math.comb(5, 2), lambda: math.comb(5, 7), lambda: math.comb(-1, 2),
          lambda: math.comb(50, 25), lambda: math.perm(5, 2), lambda: math.perm(4), lambda: math.factorial(20),
          lambda: math.factorial(25), lambda: math.factorial(-1), lambda: math.factorial(2.0), lambda: math.fabs(-3),
          lambda: math.isqrt(17), lambda: math.isqrt(10**30), lambda: math.hypot(3, 4), lambda: math.atan2(1, 1),
          lambda: math.sin(0), lambda: math.cos(math.pi), lambda: math.degrees(math.pi), lambda: math.radians(180),
          lambda: math.copysign(1, -0.0), lambda: math.fmod(7, 3), lambda: math.modf(2.5),
          lambda: math.dist([0, 0], [3, 4]), lambda: math.isinf(1e308 * 10), lambda: math.isnan(math.nan),
          lambda: math.isfinite(1.0), lambda: math.sumprod([1, 2], [3, 4])]:
    show(f)
)PY",
                  R"OUT(3.141592653589793 2.718281828459045 6.283185307179586 inf nan -inf
1.4142135623730951
ValueError: math domain error
TypeError: must be real number, not str
2
-3
3
5
100000000000000000000
OverflowError: cannot convert float infinity to integer
ValueError: cannot convert float NaN to integer
-2
ValueError: math domain error
3.0
2.0
3.0
3.0
921.0340371976182
OverflowError: math range error
7.38905609893065
1.4142135623730951
ValueError: math domain error
1.0
1.0
0.0
6
0
2
12
True
ValueError: tolerances must be non-negative
True
6
1
3.0
10
0
ValueError: n must be a non-negative integer
126410606437752
20
24
2432902008176640000
15511210043330985984000000
ValueError: factorial() not defined for negative values
TypeError: 'float' object cannot be interpreted as an integer
3.0
4
1000000000000000
5.0
0.7853981633974483
0.0
-1.0
180.0
3.141592653589793
-1.0
1.0
(0.5, 2.0)
5.0
True
True
True
11
)OUT");
}
