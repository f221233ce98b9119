// Compiler tests: code objects, exception tables, positions and compile-time SyntaxWarnings.
#include <doctest/doctest.h>

#include <string>

#include "engine/lang/compiler.hpp"

using namespace ll::lang;

namespace {

bool has_op(const CodeObject& co, Op op) {
    for (auto ins : co.code)
        if (ins.op() == op) return true;
    return false;
}

const CodeObject* nested(const CodeObject& co, const std::string& name) {
    for (auto& c : co.consts)
        if (c.kind == ConstValue::Kind::Code && c.code->name == name) return c.code.get();
    return nullptr;
}

}  // namespace

TEST_CASE("compiler: module code, functions and closures") {
    CompileResult r = compile_source("def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n        return n\n    return inner\n", "/t/x.py");
    REQUIRE(r.ok());
    CHECK(r.code->name == "<module>");
    const CodeObject* outer = nested(*r.code, "outer");
    REQUIRE(outer);
    CHECK(outer->cellvars == std::vector<std::string>{"n"});
    const CodeObject* inner = nested(*outer, "inner");
    REQUIRE(inner);
    CHECK(inner->qualname == "outer.<locals>.inner");
    CHECK(inner->freevars == std::vector<std::string>{"n"});
    CHECK(has_op(*inner, Op::LOAD_DEREF));
    CHECK(has_op(*inner, Op::STORE_DEREF));
    CHECK(has_op(*outer, Op::MAKE_FUNCTION));
}

// Inside a for loop's except handler the stack holds the iterator and the previous exception;
// `a[b] = c` pushes three more: 5. The pops that unwind a return, break or continue in that
// handler once lowered the count for the code after it, which then pushed past its frame.
TEST_CASE("compiler: return, break and continue in a handler leave the stack depth of the code after them") {
    for (const char* exit : {"return", "break", "continue"}) {
        CAPTURE(exit);
        std::string src = std::string("def f(xs, a, b, c):\n    for x in xs:\n        try:\n            pass\n") +
                          "        except ValueError:\n            if x:\n                " + exit +
                          "\n            a[b] = c\n";
        CompileResult r = compile_source(src, "/t/x.py");
        REQUIRE(r.ok());
        const CodeObject* f = nested(*r.code, "f");
        REQUIRE(f);
        CHECK(f->max_stack == 5);
    }
}

TEST_CASE("compiler: try/except builds an exception table; generators and coroutines are flagged") {
    CompileResult r = compile_source("def g():\n    try:\n        yield 1\n    except ValueError:\n        pass\nasync def c():\n    await g()\n", "/t/x.py");
    REQUIRE(r.ok());
    const CodeObject* g = nested(*r.code, "g");
    REQUIRE(g);
    CHECK((g->flags & kCoGenerator) != 0);
    CHECK_FALSE(g->exception_table.empty());
    CHECK(has_op(*g, Op::CHECK_EXC_MATCH));
    const CodeObject* c = nested(*r.code, "c");
    REQUIRE(c);
    CHECK((c->flags & kCoCoroutine) != 0);
    CHECK(has_op(*c, Op::SEND));
    CHECK(has_op(*c, Op::GET_AWAITABLE));
}

TEST_CASE("compiler: positions carry caret anchors for binary operators") {
    CompileResult r = compile_source("x = 1\ny = x + 2\n", "/t/x.py");
    REQUIRE(r.ok());
    bool found = false;
    for (std::size_t i = 0; i < r.code->code.size(); ++i) {
        if (r.code->code[i].op() != Op::BINARY_OP) continue;
        const Position& p = r.code->positions[i];
        CHECK(p.lineno == 2);
        CHECK(p.col == 4);
        CHECK(p.end_col == 9);
        CHECK((p.anchor_start & 0xffff) == 6);  // the '+'
        CHECK((p.anchor_end & 0xffff) == 7);
        found = true;
    }
    CHECK(found);
}

TEST_CASE("compiler: CPython's compile-time SyntaxWarnings") {
    // Messages as CPython 3.13 prints them for these lines.
    CompileResult r = compile_source("x = 5()\ny = x is 1\n", "/t/x.py");
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].message == "'int' object is not callable; perhaps you missed a comma?");
    CHECK(r.warnings[0].lineno == 1);
    CHECK(r.warnings[1].message == "\"is\" with 'int' literal. Did you mean \"==\"?");
}

TEST_CASE("compiler: syntax errors come back as errors, not code") {
    CompileResult r = compile_source("def f(:\n", "/t/x.py");
    CHECK_FALSE(r.ok());
    REQUIRE(r.error.has_value());
    CHECK(r.error->lineno == 1);
}
