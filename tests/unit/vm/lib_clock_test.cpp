// The virtual clock (lib_state.hpp): time.* read it, time.sleep advances it, the hook sees sleeps.
// Loop Lab's own contract (DESIGN.md "Semantics"), so these expectations are not CPython's.
#include "engine/vm/lib_state.hpp"
#include "tests/unit/vm/lib_testing.hpp"

using namespace ll::vm;

TEST_CASE("time reads the virtual clock, which starts at 0.0 and only sleep advances") {
    VM vm;
    std::string out;
    vm.write_stdout = [&](std::string_view s) { out += s; };
    std::vector<double> sleeps;
    lib::lib_state(vm).on_blocking_sleep = [&](VM&, double s) {
        sleeps.push_back(s);
        return true;
    };
    Value m = vm.run_source(
        "import time\n"
        "print(time.time(), time.monotonic(), time.perf_counter())\n"
        "time.sleep(1.5)\n"
        "print(time.time(), time.monotonic())\n"
        "time.sleep(0)\n"
        "time.sleep(2)\n"
        "print(time.perf_counter(), time.time_ns())\n",
        "main.py");
    REQUIRE(m);
    CHECK(out == "0.0 0.0 0.0\n1.5 1.5\n3.5 3500000000\n");
    CHECK(virtual_clock(vm) == 3.5);
    REQUIRE(sleeps.size() == 3);
    CHECK(sleeps[0] == 1.5);
    CHECK(sleeps[2] == 2.0);
}

TEST_CASE("the clock is per VM and set from outside (the event loop advances it)") {
    VM a;
    virtual_clock(a) = 10.25;
    std::string out;
    a.write_stdout = [&](std::string_view s) { out += s; };
    REQUIRE(a.run_source("import time\nprint(time.monotonic())\n", "main.py"));
    CHECK(out == "10.25\n");
}

TEST_CASE("a fresh VM's clock is back at 0.0") {
    { VM first; virtual_clock(first) = 99.0; }
    VM second;
    CHECK(virtual_clock(second) == 0.0);
}
