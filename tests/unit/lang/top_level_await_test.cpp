// The compile mode of notebook cells: CPython's ast.PyCF_ALLOW_TOP_LEVEL_AWAIT (facts measured on
// CPython 3.13 with compile(src, "x.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)) and the
// value of a cell's last expression.
#include <doctest/doctest.h>

#include <string>

#include "engine/lang/compiler.hpp"

using namespace ll::lang;

namespace {

CompileOptions tla() {
    CompileOptions o;
    o.top_level_await = true;
    return o;
}

bool is_coroutine_module(const std::string& src) {
    CompileResult r = compile_source(src, "x.py", tla());
    REQUIRE_MESSAGE(r.ok(), src);
    return (r.code->flags & kCoCoroutine) != 0;
}

std::string error_of(const std::string& src, const CompileOptions& o, int* line = nullptr, int* offset = nullptr) {
    CompileResult r = compile_source(src, "x.py", o);
    if (r.ok()) return "ok";
    if (line) *line = r.error->lineno;
    if (offset) *offset = r.error->offset;
    return r.error->message;
}

}  // namespace

TEST_CASE("top-level await: module code using it becomes a coroutine, other code stays ordinary") {
    CHECK(is_coroutine_module("await x"));
    CHECK(is_coroutine_module("async for x in y: pass"));
    CHECK(is_coroutine_module("async with x: pass"));
    CHECK(is_coroutine_module("[await y for y in z]"));
    CHECK(is_coroutine_module("[y async for y in z]"));
    // CPython's compiler_comprehension: an async generator expression at top level counts too.
    CHECK(is_coroutine_module("(y async for y in z)"));
    CHECK(is_coroutine_module("(await y for y in z)"));
    CHECK(is_coroutine_module("if a:\n    x = await b\n"));
    CHECK_FALSE(is_coroutine_module("x = 1"));
    CHECK_FALSE(is_coroutine_module("async def f():\n    await g()\n"));
    CompileResult r = compile_source("await x", "x.py", tla());
    REQUIRE(r.ok());
    CHECK(r.code->name == "<module>");
    CHECK((r.code->flags & kCoOptimized) == 0);  // names bind in the module dict
}

TEST_CASE("top-level await: what stays a SyntaxError, and the plain mode is unchanged") {
    int line = 0, offset = 0;
    CHECK(error_of("class A:\n  x = await y", tla(), &line, &offset) == "'await' outside function");
    CHECK(line == 2);
    CHECK(offset == 7);
    CHECK(error_of("def f():\n  await y", tla(), &line, &offset) == "'await' outside async function");
    CHECK(line == 2);
    CHECK(offset == 3);
    CHECK(error_of("lambda: await y", tla(), &line, &offset) == "'await' outside async function");
    CHECK(offset == 9);
    CHECK(error_of("await x\nyield 1", tla(), &line, &offset) == "'yield' outside function");
    CHECK(line == 2);
    CHECK(error_of("return 1", tla()) == "'return' outside function");
    CHECK(error_of("await x", {}, &line, &offset) == "'await' outside function");
    CHECK(line == 1);
    CHECK(offset == 1);
    CHECK(error_of("async for x in y: pass", {}) == "'async for' outside async function");
    CHECK(error_of("async with x: pass", {}) == "'async with' outside async function");
    CHECK(error_of("[y async for y in z]", {}) == "asynchronous comprehension outside of an asynchronous function");
}

TEST_CASE("notebook cells: the last expression statement is the code's value") {
    CompileOptions o;
    o.value_of_last_expression = true;
    CompileResult r = compile_source("x = 1\nx + 1\n", "x.py", o);
    REQUIRE(r.ok());
    REQUIRE(r.code->code.size() >= 2);
    CHECK(r.code->code.back().op() == Op::RETURN_VALUE);
    CHECK(r.code->positions.back().lineno == 2);
    CompileResult plain = compile_source("x = 1\nx + 1\n", "x.py");
    REQUIRE(plain.ok());
    CHECK(plain.code->code.back().op() == Op::RETURN_CONST);
    CompileResult stmt_last = compile_source("x = 1\n", "x.py", o);
    REQUIRE(stmt_last.ok());
    CHECK(stmt_last.code->code.back().op() == Op::RETURN_CONST);
}
