// End-to-end VM tests: compile and run small programs, compare printed output with what
// CPython 3.13 prints for the same program (expected values were produced by running CPython).
#include <doctest/doctest.h>

#include <string>

#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

namespace {

struct RunResult {
    std::string out, err;
    bool ok = false;
};

RunResult run_program(const std::string& source) {
    RunResult r;
    ll::vm::VM vm;
    vm.write_stdout = [&](std::string_view s) { r.out.append(s); };
    vm.write_stderr = [&](std::string_view s) { r.err.append(s); };
    ll::vm::Value m = vm.run_source(source, "/t/prog.py");
    r.ok = !m.is_null();
    if (!r.ok) {
        ll::vm::Value exc = ll::vm::take_error(vm);
        r.err += ll::vm::format_exception(vm, exc);
    }
    return r;
}

}  // namespace

TEST_CASE("vm runs: closures") {
    RunResult r = run_program(R"PY(
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c(), c.__name__, c.__qualname__)
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(3 inc counter.<locals>.inc
)PY");
}

TEST_CASE("vm runs: generators") {
    RunResult r = run_program(R"PY(
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it), it.send("a"))
it.close()
print(list(y * 2 for y in range(4)))
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(got a
1 2
cleanup
[0, 2, 4, 6]
)PY");
}

TEST_CASE("vm runs: exceptions_chain") {
    RunResult r = run_program(R"PY(
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(ValueError('bad') KeyError('k') True
)PY");
}

TEST_CASE("vm runs: classes") {
    RunResult r = run_program(R"PY(
class Base:
    def __init__(self, x):
        self.x = x
    def describe(self):
        return f"{type(self).__name__}({self.x})"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    @property
    def total(self):
        return self.x + self.y
c = Child(1, 2)
print(c.describe(), c.total, isinstance(c, Base))
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(Child(1) 3 True
)PY");
}

TEST_CASE("vm runs: unpacking") {
    RunResult r = run_program(R"PY(
a, *b, c = range(5)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z, [*b, *"hi"], {**{"a": 1}, "b": 2})
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(0 [1, 2, 3] 4
1 2 3 [1, 2, 3, 'h', 'i'] {'a': 1, 'b': 2}
)PY");
}

TEST_CASE("vm runs: coroutine_send") {
    RunResult r = run_program(R"PY(
async def inner():
    return 41
async def outer():
    v = await inner()
    return v + 1
co = outer()
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(result 42
)PY");
}

TEST_CASE("vm runs: sets_order") {
    RunResult r = run_program(R"PY(
print({5, 3, 1, 100, 64, 9}, sorted({3, 1, 2}), {1, 2} | {3}, {1, 2, 3} - {2})
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY({64, 1, 3, 100, 5, 9} [1, 2, 3] {1, 2, 3} {1, 3}
)PY");
}

TEST_CASE("vm runs: with_stmt") {
    RunResult r = run_program(R"PY(
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with CM() as m:
    raise RuntimeError("x")
print("after")
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(enter
exit RuntimeError
after
)PY");
}

TEST_CASE("vm runs: fstrings") {
    RunResult r = run_program(R"PY(
x = 3.14159
n = 1234567
print(f"{x:.2f}|{n:,}|{'ab':>5}|{x!r}|{n:08d}")
)PY");
    CHECK(r.err == "");
    CHECK(r.ok);
    CHECK(r.out == R"PY(3.14|1,234,567|   ab|3.14159|01234567
)PY");
}

TEST_CASE("vm traceback matches CPython 3.13 layout with carets") {
    RunResult r = run_program(R"PY(def f(x):
    return x[0] + g(x)
def g(x):
    return x[1] / 0
f([1, 2])
)PY");
    CHECK_FALSE(r.ok);
    CHECK(r.err == R"TB(Traceback (most recent call last):
  File "/t/prog.py", line 5, in <module>
    f([1, 2])
    ~^^^^^^^^
  File "/t/prog.py", line 2, in f
    return x[0] + g(x)
                  ~^^^
  File "/t/prog.py", line 4, in g
    return x[1] / 0
           ~~~~~^~~
ZeroDivisionError: division by zero
)TB");
}

TEST_CASE("vm recursion limit raises RecursionError and NameError has no carets on full expression") {
    RunResult r = run_program(R"PY(def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print(e)
x = undefined_name
)PY");
    CHECK(r.out == "maximum recursion depth exceeded\n");
    CHECK(r.err == R"TB(Traceback (most recent call last):
  File "/t/prog.py", line 7, in <module>
    x = undefined_name
        ^^^^^^^^^^^^^^
NameError: name 'undefined_name' is not defined
)TB");
}

TEST_CASE("budget stops a runaway loop and resumes exactly where it stopped") {
    ll::vm::VM vm;
    std::string out;
    vm.write_stdout = [&](std::string_view s) { out.append(s); };
    ll::vm::Value m = vm.run_source("def spin(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n", "/t/b.py");
    REQUIRE(m);
    ll::vm::Value spin = m.as<ll::vm::Module>()->globals()->get("spin");
    REQUIRE(spin);
    // Drive spin(100000) as a frame with a small budget: it must pause and resume.
    ll::vm::Value gen_src = vm.run_source("def g():\n    x = 0\n    while x < 50000:\n        x += 1\n    yield x\n", "/t/g.py");
    REQUIRE(gen_src);
    ll::vm::Value gfn = gen_src.as<ll::vm::Module>()->globals()->get("g");
    ll::vm::Value gen = ll::vm::call(vm, gfn, {});
    REQUIRE(gen);
    ll::vm::Budget budget;
    budget.remaining = 1000;
    ll::vm::Value result;
    ll::vm::Exit e = ll::vm::gen_send(vm, gen.as<ll::vm::Generator>(), ll::vm::Value::none(), budget, result);
    int pauses = 0;
    while (e == ll::vm::Exit::OutOfBudget && pauses < 1000) {
        ++pauses;
        budget.remaining = 1000;
        e = ll::vm::gen_resume(vm, gen.as<ll::vm::Generator>(), budget, result);
    }
    CHECK(pauses >= 49);
    CHECK(e == ll::vm::Exit::Yielded);
    CHECK(result.is_int());
    CHECK(result.as_int() == 50000);
}
