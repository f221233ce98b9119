// `_looplab` natives seen from Python: the clock, WeakSet lifetime, coroutine reprs,
// introspection helpers. Expected values follow tests/aio_prelude/shim/_looplab.py on CPython.
#include <doctest/doctest.h>

#include <string>

#include "engine/aio/aio.hpp"
#include "engine/vm/lib_state.hpp"
#include "engine/vm/vm.hpp"

namespace {

// Runs `source` in a fresh VM with the prelude installed; returns stdout (+ stderr after "|").
std::string run(const std::string& source) {
    ll::vm::VM vm;
    ll::aio::install(vm);
    std::string out, err;
    vm.write_stdout = [&](std::string_view s) { out.append(s); };
    vm.write_stderr = [&](std::string_view s) { err.append(s); };
    ll::vm::Value m = vm.run_source(source, "/t.py");
    if (!m) ll::vm::print_exception(vm, ll::vm::take_error(vm));
    return err.empty() ? out : out + "|" + err;
}

struct Recorder : ll::aio::EventSink {
    std::vector<std::string> events;
    void on_event(ll::vm::VM&, std::string_view kind, ll::vm::Args d) override {
        events.push_back(std::string(kind) + "/" + std::to_string(d.size()));
    }
    void on_clock(ll::vm::VM&, double a, double b, bool blocking) override {
        events.push_back("clock " + std::to_string(a) + " " + std::to_string(b) + (blocking ? " blocking" : ""));
    }
};

}  // namespace

TEST_CASE("the clock starts at 0.0, only moves forward, and is time.time()'s clock") {
    CHECK(run("import _looplab, time\n"
              "print(_looplab.clock())\n"
              "_looplab.advance_to(2.5)\n"
              "_looplab.advance_to(1.0)\n"
              "print(_looplab.clock(), time.time(), time.monotonic())\n"
              "time.sleep(0.5)\n"
              "print(_looplab.clock())\n") == "0.0\n2.5 2.5 2.5\n3.0\n");
}

TEST_CASE("clock moves and events reach the sink") {
    ll::vm::VM vm;
    ll::aio::install(vm);
    Recorder rec;
    ll::aio::set_event_sink(vm, &rec);
    ll::vm::Value m = vm.run_source("import _looplab, time\n_looplab.event('iteration_start', 1)\n"
                                    "_looplab.advance_to(1.5)\ntime.sleep(2)\n", "/t.py");
    CHECK(m);
    CHECK(rec.events == std::vector<std::string>{"iteration_start/1", "clock 0.000000 1.500000",
                                                  "clock 1.500000 3.500000 blocking"});
}

TEST_CASE("WeakSet members die with their last outside reference") {
    CHECK(run("import _looplab\n"
              "class A:\n"
              "    def __init__(self, n): self.n = n\n"
              "    def __del__(self): print('del', self.n)\n"
              "s = _looplab.WeakSet()\n"
              "a, b = A(1), A(2)\n"
              "s.add(a); s.add(b); s.add(a)\n"
              "print(len(s), [x.n for x in s])\n"
              "del a\n"
              "print(len(s))\n"
              "s.discard(b)\n"
              "del b\n"
              "print(len(s))\n") == "2 [1, 2]\ndel 1\n1\ndel 2\n0\n");
}

TEST_CASE("coroutine reprs, coroutine checks and function sources") {
    CHECK(run("import _looplab\n"
              "async def main():\n"
              "    pass\n"
              "def plain(): pass\n"
              "c = main()\n"
              "print(_looplab.coro_repr(c))\n"
              "print(_looplab.is_coroutine(c), _looplab.is_coroutine(plain), _looplab.is_coroutine_function(main))\n"
              "print(_looplab.function_source(plain), _looplab.function_source(len))\n"
              "try:\n"
              "    c.send(None)\n"
              "except StopIteration:\n"
              "    pass\n"
              "print(_looplab.coro_repr(c))\n") ==
          "main() running at /t.py:2\nTrue False True\n('/t.py', 4, False) None\nmain() done, defined at /t.py:2\n");
}

TEST_CASE("forget_caller_frame drops the outermost traceback entry") {
    CHECK(run("import _looplab\n"
              "def inner(): raise ValueError('x')\n"
              "def outer(): inner()\n"
              "try:\n"
              "    outer()\n"
              "except ValueError as e:\n"
              "    err = e\n"
              "_looplab.forget_caller_frame(err)\n"
              "print(_looplab.format_exception(err), end='')\n") ==
          "Traceback (most recent call last):\n"
          "  File \"/t.py\", line 3, in outer\n"
          "    def outer(): inner()\n"
          "                 ~~~~~^^\n"
          "  File \"/t.py\", line 2, in inner\n"
          "    def inner(): raise ValueError('x')\n"
          "                 ^^^^^^^^^^^^^^^^^^^^^\n"
          "ValueError: x\n");
}
