// The cycle collector: generators in cycles are closed, resurrected objects survive and are not
// finalized twice, counts follow CPython 3.13 (expected outputs from CPython running the same
// programs), and automatic collections follow gc.enable()/gc.disable().
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::run_out_err;

TEST_CASE("a suspended generator in a cycle is closed by gc.collect(), its finally runs then") {
    CHECK(run_out_err("import gc\n"
              "def gen():\n"
              "    try:\n"
              "        yield 1\n"
              "    finally:\n"
              "        print('gen finally')\n"
              "class Holder:\n"
              "    pass\n"
              "h = Holder()\n"
              "h.g = gen()\n"
              "h.me = h\n"
              "next(h.g)\n"
              "del h\n"
              "print('collect', gc.collect())\n"
              "print('after')\n") == "gen finally\ncollect 2\nafter\n");
}

TEST_CASE("an object its __del__ resurrects survives the collection and is finalized only once") {
    CHECK(run_out_err("import gc\n"
              "saved = []\n"
              "class Phoenix:\n"
              "    def __del__(self):\n"
              "        print('phoenix del')\n"
              "        saved.append(self)\n"
              "p = Phoenix()\n"
              "p.me = p\n"
              "del p\n"
              "print('collect', gc.collect())\n"
              "print(len(saved), saved[0].me is saved[0])\n"
              "saved.clear()\n"
              "print('collect again', gc.collect())\n") == "phoenix del\ncollect 0\n1 True\ncollect again 1\n");
}

TEST_CASE("objects reachable from a live frame's stack or locals are never collected") {
    CHECK(run_out_err("import gc\n"
              "def f():\n"
              "    a = []\n"
              "    a.append(a)\n"
              "    n = gc.collect()\n"
              "    return n, a[0] is a\n"
              "print(f())\n"
              "print(gc.collect())\n") == "(0, True)\n1\n");
}

TEST_CASE("automatic collections run as cycles pile up, unless gc.disable() was called") {
    const std::string body = "class C:\n"
                             "    def __del__(self):\n"
                             "        global freed\n"
                             "        freed += 1\n"
                             "freed = 0\n"
                             "def make():\n"
                             "    c = C()\n"
                             "    c.me = c\n"
                             "for i in range(60000):\n"
                             "    make()\n"
                             "print(freed > 0)\n"
                             "gc.collect()\n"
                             "print(freed)\n";
    CHECK(run_out_err("import gc\n" + body) == "True\n60000\n");
    CHECK(run_out_err("import gc\ngc.disable()\nprint(gc.isenabled())\n" + body) == "False\nFalse\n60000\n");
}
