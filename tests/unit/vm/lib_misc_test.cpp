// sys, string and time: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("sys, string and time match CPython 3.13") {
    check_program(R"PY(import sys, string, time
print(sys.maxsize, sys.version_info >= (3, 13), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info)
print(sys.getrecursionlimit(), sys.getswitchinterval())
sys.setrecursionlimit(500); print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
n = sys.stdout.write('written\n'); print(n)
sys.stdout.flush()
print('to stderr?', file=sys.stdout)
try:
    sys.exit(3)
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    raise ValueError('boom')
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1], sys.exception())
print(sys.exc_info(), sys.exception())
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.ascii_uppercase)
print(string.capwords('hello   big world'))
t0 = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - t0 >= 0.01, time.time() >= 0, time.perf_counter() >= t0)
for bad in [lambda: time.sleep(-1), lambda: time.sleep('a')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
)PY",
                  R"OUT(9223372036854775807 True (3, 13) 3 13
sys.version_info(major=3, minor=13, micro=0, releaselevel='final', serial=0)
1000 0.005
500
ValueError: recursion limit must be greater or equal than 1
written
8
to stderr?
SystemExit 3 (3,)
SystemExit None ()
ValueError boom boom
(None, None, None) None
abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ 0123456789abcdefABCDEF ABCDEFGHIJKLMNOPQRSTUVWXYZ
Hello Big World
True True True
ValueError: sleep length must be non-negative
TypeError: 'str' object cannot be interpreted as an integer
)OUT");
}
