// Object model tests: tagged values and refcounts, dict insertion order, set order as CPython,
// int/float semantics, and teardown of reference cycles.
#include <doctest/doctest.h>

#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

using namespace ll::vm;

TEST_CASE("values: inline scalars and refcounted objects") {
    VM vm;
    Value a = Value::integer(5);
    CHECK(a.is_int());
    CHECK(type_of(a) == vm.types.int_);
    Value s = new_str(vm, "abc");
    CHECK(s.obj()->refcount == 1);
    {
        Value t = s;
        CHECK(s.obj()->refcount == 2);
    }
    CHECK(s.obj()->refcount == 1);
    CHECK(type_name(Value::none()) == "NoneType");
    CHECK(type_name(Value::boolean(true)) == "bool");
}

TEST_CASE("dict keeps insertion order across deletes; 1, 1.0 and True are the same key") {
    VM vm;
    Value d = new_dict(vm);
    Dict* dd = d.as<Dict>();
    dd->set(vm, Value::integer(3), Value::integer(30));
    dd->set(vm, Value::integer(1), Value::integer(10));
    dd->set(vm, Value::integer(2), Value::integer(20));
    CHECK(dd->del(vm, Value::integer(1)) == 1);
    dd->set(vm, Value::number(1.0), Value::integer(11));
    dd->set(vm, Value::boolean(true), Value::integer(12));
    Value r = repr(vm, d);
    CHECK(r.as<Str>()->text == "{3: 30, 2: 20, 1.0: 12}");  // CPython 3.13 prints this
}

TEST_CASE("set iteration order matches CPython for ints") {
    VM vm;
    Value s = new_set(vm);
    for (int v : {5, 3, 1, 100, 64, 9}) s.as<Set>()->add(vm, Value::integer(v));
    CHECK(repr(vm, s).as<Str>()->text == "{64, 1, 3, 100, 5, 9}");  // as CPython 3.13
}

TEST_CASE("int and float arithmetic and comparisons follow Python") {
    VM vm;
    Value big = binary_op(vm, BinOp::Pow, Value::integer(2), Value::integer(100));
    CHECK(repr(vm, big).as<Str>()->text == "1267650600228229401496703205376");
    CHECK(repr(vm, binary_op(vm, BinOp::FloorDiv, Value::integer(-7), Value::integer(2))).as<Str>()->text == "-4");
    CHECK(repr(vm, binary_op(vm, BinOp::TrueDiv, Value::integer(1), Value::integer(3))).as<Str>()->text == "0.3333333333333333");
    CHECK(eq(vm, Value::integer(1), Value::number(1.0)) == 1);
    std::int64_t h1, h2;
    CHECK(hash(vm, Value::integer(1), h1));
    CHECK(hash(vm, Value::number(1.0), h2));
    CHECK(h1 == h2);
    CHECK(binary_op(vm, BinOp::Add, Value::integer(1), new_str(vm, "a")).is_null());
    Value e = take_error(vm);
    CHECK(repr(vm, e).as<Str>()->text == "TypeError(\"unsupported operand type(s) for +: 'int' and 'str'\")");
}

TEST_CASE("teardown frees reference cycles") {
    VM vm;
    std::size_t before = vm.heap.live_objects();
    {
        Value a = new_list(vm);
        Value b = new_list(vm);
        a.as<List>()->items.push_back(b);
        b.as<List>()->items.push_back(a);
    }
    CHECK(vm.heap.live_objects() == before + 2);  // the cycle lives until the VM goes
}

TEST_CASE("line-step mode stops when the running line changes") {
    VM vm;
    Value m = vm.run_source("def f():\n    a = 1\n    b = 2\n    return a + b\n", "/t/s.py");
    REQUIRE(m);
    Value fn = m.as<Module>()->globals()->get("f");
    Value gen_mod = vm.run_source("def g():\n    a = 1\n    b = 2\n    yield a + b\n", "/t/g.py");
    Value gen = call(vm, gen_mod.as<Module>()->globals()->get("g"), {});
    Budget step;
    step.stop_on_line_change = true;
    Value result;
    Exit e = gen_send(vm, gen.as<Generator>(), Value::none(), step, result);
    int stops = 0;
    std::vector<int> lines;
    while (e == Exit::OutOfBudget && stops < 20) {
        lines.push_back(gen.as<Generator>()->frame_obj()->line());
        ++stops;
        e = gen_resume(vm, gen.as<Generator>(), step, result);
    }
    CHECK(e == Exit::Yielded);
    CHECK(result.as_int() == 3);
    std::string seen;
    for (int l : lines) seen += std::to_string(l) + " ";
    INFO("lines: " << seen);
    // Each step runs the current line and stops before the next one starts.
    CHECK(lines == std::vector<int>{3, 4});
    (void)fn;
}
