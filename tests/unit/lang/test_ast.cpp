// Parser: trees and spans compared with CPython 3.13's ast.dump(include_attributes=True)
// (cpython_ast.cpp), and the parser's guarantees (no crash, bounded depth, speed).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "engine/lang/parser.hpp"
#include "tests/unit/lang/cpython_cases.hpp"

using namespace ll::lang;

TEST_CASE("ASTs and spans match CPython 3.13") {
    int checked = 0;
    for (const auto& c : test::cpython_ast_cases()) {
        INFO("source: " << c.source);
        auto r = parse_module(c.source, "t.py");
        REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->message : std::string()));
        CHECK(dump(*r.module, true) == c.dump);
        ++checked;
    }
    CHECK(checked > 40);
}

TEST_CASE("integer literals keep exact decimal digits") {
    auto r = parse_module("a = 0xFFFFFFFFFFFFFFFF\nb = 9223372036854775807\nc = 0o777\nd = 000\n", "t.py");
    REQUIRE(r.ok());
    auto value = [&](int i) { return as<Constant>(as<Assign>(r.module->body[static_cast<std::size_t>(i)])->value); };
    CHECK(value(0)->int_digits == "18446744073709551615");
    CHECK_FALSE(value(0)->int_fits);
    CHECK(value(1)->int_fits);
    CHECK(value(1)->int_value == INT64_MAX);
    CHECK(value(2)->int_value == 511);
    CHECK(value(3)->int_digits == "0");
}

TEST_CASE("deep nesting is reported, never overflows the stack") {
    // 200 parentheses are fine, 201 hit CPython's tokenizer limit.
    std::string ok = "x = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n";
    CHECK(parse_module(ok, "t.py").ok());
    std::string too_many = "x = " + std::string(201, '(') + "1" + std::string(201, ')') + "\n";
    auto r = parse_module(too_many, "t.py");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "too many nested parentheses");
    // Hostile inputs without brackets: long unary chains, nested lambdas, long operator chains.
    for (std::string piece : {"-", "not ", "lambda: ", "await ", "x if y else "}) {
        std::string src = "x = ";
        for (int i = 0; i < 100000; ++i) src += piece;
        src += "1\n";
        auto deep = parse_module(src, "t.py");
        REQUIRE(deep.error.has_value());
    }
    std::string chain = "x = 1";
    for (int i = 0; i < 100000; ++i) chain += " + 1";
    auto rc = parse_module(chain + "\n", "t.py");
    REQUIRE(rc.error.has_value());
    CHECK(rc.error->kind == SyntaxErrorKind::MemoryError);
    std::string attrs = "x = a";
    for (int i = 0; i < 100000; ++i) attrs += ".b";
    CHECK(parse_module(attrs + "\n", "t.py").error.has_value());
    // Deep indentation: CPython's limit is 100 levels.
    std::string blocks;
    for (int i = 0; i < 120; ++i) blocks += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
    blocks += std::string(120, ' ') + "pass\n";
    auto rb = parse_module(blocks, "t.py");
    REQUIRE(rb.error.has_value());
    CHECK(rb.error->message == "too many levels of indentation");
}

TEST_CASE("garbage never crashes the parser") {
    const char* fragments[] = {"(", ")", "[", "]", "{", "}", "f'", "{x", "'", "\"\"\"", "\\", "\n", "  ", "\t",
                               "def", "async", "await", "lambda", ":", "=", "**", "*", ",", "x", "1", "0x", ".",
                               "if", "else", "for", "in", "yield", "from", "import", "@", "->", "#", "!", "\xc3\xa9", "\xff"};
    unsigned seed = 12345;
    for (int n = 0; n < 3000; ++n) {
        std::string src;
        int len = 1 + static_cast<int>(seed % 40);
        for (int i = 0; i < len; ++i) {
            seed = seed * 1103515245u + 12345u;
            src += fragments[(seed >> 16) % (sizeof fragments / sizeof fragments[0])];
            if ((seed >> 8) % 3 == 0) src += ' ';
        }
        auto r = parse_module(src, "t.py");
        if (!r.ok()) {
            CHECK(!r.error->message.empty());
            (void)format_syntax_error(*r.error, "t.py");
        }
    }
}

TEST_CASE("lexing and parsing 10k lines is fast") {
    std::string block =
        "async def worker(name, queue, delay=0.5):\n"
        "    while True:\n"
        "        item = await queue.get()\n"
        "        if item is None or item < 0:\n"
        "            break\n"
        "        print(f'{name} got {item!r:>10} at {time.monotonic():.2f}')\n"
        "        await asyncio.sleep(delay * (1 + item % 3))\n"
        "        results = [x * 2 for x in range(item) if x % 2 == 0]\n"
        "        queue.task_done()\n"
        "\n";
    std::string src;
    while (std::count(src.begin(), src.end(), '\n') < 10000) src += block;
    auto start = std::chrono::steady_clock::now();
    auto r = parse_module(src, "big.py");
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(r.ok());
    MESSAGE("parsed 10k lines in " << ms << " ms, " << r.module->node_count() << " nodes");
    CHECK(r.module->body.size() == 1000);
}
