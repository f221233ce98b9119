// Syntax errors: message, class and location of every case CPython 3.13 reports
// (cpython_syntax_errors.cpp), and the exact text `python3 file.py` prints for them.
#include <doctest/doctest.h>

#include "engine/lang/scope.hpp"
#include "tests/unit/lang/cpython_cases.hpp"

using namespace ll::lang;

namespace {

std::string describe(const SyntaxError& e) {
    return std::string(e.type_name()) + ": " + e.message + " @" + std::to_string(e.lineno) + ":" +
           std::to_string(e.offset) + "-" + std::to_string(e.end_lineno) + ":" + std::to_string(e.end_offset);
}

}  // namespace

TEST_CASE("syntax errors match CPython 3.13 (type, message, line, columns)") {
    int checked = 0;
    for (const auto& c : test::cpython_error_cases()) {
        INFO("source: " << c.source);
        auto r = parse_and_analyze(c.source, "x.py");
        REQUIRE_MESSAGE(r.error.has_value(), "accepted a program CPython rejects");
        const SyntaxError& e = *r.error;
        std::string expected = c.type + ": " + c.message + " @" + std::to_string(c.lineno) + ":" +
                               std::to_string(c.offset) + "-" + std::to_string(c.end_lineno) + ":" +
                               std::to_string(c.end_offset);
        if (c.type == "MemoryError") expected = c.type + ": " + c.message + " @0:0-0:0";
        CHECK(describe(e) == expected);
        ++checked;
    }
    CHECK(checked > 180);
}

TEST_CASE("format_syntax_error prints what python3 FILE.py prints") {
    // Expected texts captured from `PYENV_VERSION=3.13.0 python3 /tmp/t.py`.
    struct Case {
        const char* source;
        const char* printed;
    };
    const Case cases[] = {
        {"if x\n  pass\n", "  File \"/tmp/t.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"},
        {"def f():\n\tx = (1,\n\t  2 3)\n",
         "  File \"/tmp/t.py\", line 3\n    \t  2 3)\n    \t  ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
        {"x = 1\n    y = 2\n", "  File \"/tmp/t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"},
        {"x = \"h\xc3\xa9llo\" 3\nprint(x y)\n",
         "  File \"/tmp/t.py\", line 1\n    x = \"h\xc3\xa9llo\" 3\n                ^\nSyntaxError: invalid syntax\n"},
        {"def f():\n    return [\n        1,\n        2 3\n    ]\n",
         "  File \"/tmp/t.py\", line 4\n    2 3\n    ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
        {"x = (1 +\n     2\n", "  File \"/tmp/t.py\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n"},
        {"async def f():\n    yield 1\n    return 2\n",
         "  File \"/tmp/t.py\", line 3\n    return 2\n    ^^^^^^^^\nSyntaxError: 'return' with value in async generator\n"},
        {"  \f  x = (1 2)\n", "  File \"/tmp/t.py\", line 1\n    x = (1 2)\nIndentationError: unexpected indent\n"},
        {"s = \"\"\"abc\ndef\n",
         "  File \"/tmp/t.py\", line 1\n    s = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 2)\n"},
        {"def f(x, x):\n    pass\n",
         "  File \"/tmp/t.py\", line 1\n    def f(x, x):\n             ^\nSyntaxError: duplicate argument 'x' in function definition\n"},
    };
    for (const Case& c : cases) {
        INFO("source: " << c.source);
        auto r = parse_and_analyze(c.source, "/tmp/t.py");
        REQUIRE(r.error.has_value());
        CHECK(format_syntax_error(*r.error, "/tmp/t.py") == c.printed);
    }
}

TEST_CASE("format_syntax_error layout rules") {
    SyntaxError e;
    e.message = "invalid syntax";
    e.lineno = e.end_lineno = 2;
    e.text = "    foo bar\n";
    e.offset = 9;
    e.end_offset = 12;
    CHECK(format_syntax_error(e, "a.py") == "  File \"a.py\", line 2\n    foo bar\n        ^^^\nSyntaxError: invalid syntax\n");
    e.end_offset = 0;  // no end: one caret
    CHECK(format_syntax_error(e, "a.py") == "  File \"a.py\", line 2\n    foo bar\n        ^\nSyntaxError: invalid syntax\n");
    e.end_lineno = 3;  // spans lines: carets to the end of the line
    e.end_offset = 2;
    CHECK(format_syntax_error(e, "a.py") == "  File \"a.py\", line 2\n    foo bar\n        ^^^\nSyntaxError: invalid syntax\n");
    e.text.clear();
    CHECK(format_syntax_error(e, "") == "  File \"<string>\", line 2\nSyntaxError: invalid syntax\n");
}

TEST_CASE("the match statement is rejected with a clear message") {
    auto r = parse_and_analyze("match x:\n    case 1:\n        pass\n", "t.py");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "the match statement is not supported in Loop Lab");
    CHECK(r.error->lineno == 1);
    // `match` stays an ordinary name elsewhere.
    CHECK(parse_and_analyze("match = 1\nmatch.x = match(2)\nprint(match)\n", "t.py").ok());
}

TEST_CASE("unsupported literals are rejected") {
    auto r = parse_and_analyze("x = 1j\n", "t.py");
    REQUIRE(r.error.has_value());
    CHECK(r.error->message == "complex numbers are not supported in Loop Lab");
}
