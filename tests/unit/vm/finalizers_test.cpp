// __del__ finalizers, default class __doc__ and coroutine __await__ wrappers, checked against
// CPython 3.13's output for the same programs.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::run_out_err;

TEST_CASE("__del__ runs when the last reference goes") {
    CHECK(run_out_err("class C:\n"
              "    def __init__(self, n): self.n = n\n"
              "    def __del__(self): print('del', self.n)\n"
              "def f():\n"
              "    c = C(2)\n"
              "    print('in f')\n"
              "a = C(1)\n"
              "a = None\n"
              "f()\n") == "del 1\nin f\ndel 2\n");
}

TEST_CASE("__del__ may resurrect its object") {
    CHECK(run_out_err("class R:\n"
              "    def __del__(self):\n"
              "        global saved\n"
              "        saved = self\n"
              "        print('resurrect')\n"
              "R()\n"
              "print(type(saved).__name__)\n") == "resurrect\nR\n");
}

TEST_CASE("an exception in __del__ is reported as ignored, and the program goes on") {
    std::string r = run_out_err("class D:\n"
                        "    def __del__(self):\n"
                        "        x = 1 // 0\n"
                        "D()\n"
                        "print('next')\n");
    CHECK(r.rfind("next\n|Exception ignored in: <function D.__del__ at 0x", 0) == 0);
    CHECK(r.find("ZeroDivisionError: integer division or modulo by zero\n") != std::string::npos);
}

TEST_CASE("classes have a __doc__ of None without a docstring") {
    CHECK(run_out_err("class K: pass\nprint(K.__doc__, K().__doc__)\n") == "None None\n");
}

TEST_CASE("coroutine.__await__() is a coroutine_wrapper iterator") {
    CHECK(run_out_err("async def inner():\n"
              "    return 7\n"
              "w = inner().__await__()\n"
              "print(type(w).__name__, iter(w) is w)\n"
              "try:\n"
              "    next(w)\n"
              "except StopIteration as e:\n"
              "    print('stop', e.value)\n") == "coroutine_wrapper True\nstop 7\n");
}
