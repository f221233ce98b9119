// Lexer: token streams compared with CPython 3.13's tokenize module (cpython_tokens.cpp), plus
// indentation, string, f-string and number details.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "engine/lang/lexer.hpp"
#include "tests/unit/lang/cpython_cases.hpp"

using namespace ll::lang;

namespace {

// The tokenize module's name for a token.
const char* type_name(Tok k) {
    switch (k) {
        case Tok::EndMarker: return "ENDMARKER";
        case Tok::Newline: return "NEWLINE";
        case Tok::Indent: return "INDENT";
        case Tok::Dedent: return "DEDENT";
        case Tok::Number: return "NUMBER";
        case Tok::String: return "STRING";
        case Tok::FStringStart: return "FSTRING_START";
        case Tok::FStringMiddle: return "FSTRING_MIDDLE";
        case Tok::FStringEnd: return "FSTRING_END";
        default: break;
    }
    if (k == Tok::Name || k >= Tok::KwFalse) return k == Tok::Unknown ? "OP" : "NAME";
    return "OP";
}

std::vector<std::string> render(std::string_view src, const LexResult& r) {
    std::vector<std::string> out;
    for (const Token& t : r.tokens) {
        std::string text(token_text(src, t));
        std::string shown;
        for (char c : text) shown += c == '\n' ? std::string("\\n") : std::string(1, c);
        int col = t.col;
        if (t.kind == Tok::Newline) {
            // Ours starts at a trailing comment (as CPython's C tokenizer does); the tokenize
            // module reports the comment separately and the NEWLINE at the newline character.
            shown = t.end > t.start ? "\\n" : "";
            col = t.end_col - 1;
        }
        out.push_back(fmt::format("{} {} {},{}-{},{}", type_name(t.kind), shown, t.lineno, col, t.end_lineno, t.end_col));
    }
    return out;
}

std::vector<Tok> kinds(std::string_view src) {
    std::vector<Tok> out;
    for (const Token& t : tokenize(src).tokens) out.push_back(t.kind);
    return out;
}

}  // namespace

TEST_CASE("token streams match CPython's tokenize") {
    for (const auto& c : test::cpython_token_cases()) {
        INFO("source: " << c.source);
        LexResult r = tokenize(c.source);
        REQUIRE_FALSE(r.error.has_value());
        CHECK(render(c.source, r) == c.tokens);
    }
}

TEST_CASE("indentation") {
    using K = Tok;
    CHECK(kinds("if x:\n    y\nz\n") == std::vector<Tok>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name,
                                                           K::Newline, K::Dedent, K::Name, K::Newline, K::EndMarker});
    // Blank and comment-only lines never produce NEWLINE/INDENT/DEDENT.
    CHECK(kinds("if x:\n\n  # c\n    y\n") == std::vector<Tok>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name,
                                                                K::Newline, K::Dedent, K::EndMarker});
    // Brackets join lines; so does a backslash.
    CHECK(kinds("x = (1,\n  2)\ny = 1 + \\\n 2\n").size() == 15);
    // Dedent of several levels at once, and at end of input without a newline.
    CHECK(kinds("if a:\n  if b:\n    c\nd") == std::vector<Tok>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::KwIf,
                                                                 K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                                                 K::Dedent, K::Dedent, K::Name, K::Newline, K::EndMarker});
    // A tab counts to the next multiple of 8; mixing inconsistently is a TabError.
    LexResult tab = tokenize("if x:\n\ty\n        z\n");
    REQUIRE(tab.error.has_value());
    CHECK(tab.error->kind == SyntaxErrorKind::TabError);
    LexResult ok = tokenize("if x:\n\ty\n\tz\n");
    CHECK_FALSE(ok.error.has_value());
    LexResult bad = tokenize("if x:\n    y\n  z\n");
    REQUIRE(bad.error.has_value());
    CHECK(bad.error->kind == SyntaxErrorKind::IndentationError);
    CHECK(bad.error->message == "unindent does not match any outer indentation level");
}

TEST_CASE("strings and f-strings") {
    CHECK(kinds("'a' \"b\" '''c''' r'\\d' b'e' Rb'f' u'g'\n") ==
          std::vector<Tok>{Tok::String, Tok::String, Tok::String, Tok::String, Tok::String, Tok::String, Tok::String,
                           Tok::Newline, Tok::EndMarker});
    // A backslash-newline continues a single-quoted string.
    CHECK(kinds("'a\\\nb'\n") == std::vector<Tok>{Tok::String, Tok::Newline, Tok::EndMarker});
    // bu'' is not a string prefix: a name followed by a string.
    CHECK(kinds("bu'x'\n")[0] == Tok::Name);
    // Doubled braces stay inside FSTRING_MIDDLE; nested quotes of the same kind are fine (3.12+).
    CHECK(kinds("f'{{a}}'\n") == std::vector<Tok>{Tok::FStringStart, Tok::FStringMiddle, Tok::FStringEnd, Tok::Newline,
                                                   Tok::EndMarker});
    CHECK(kinds("f'{'x'}'\n") == std::vector<Tok>{Tok::FStringStart, Tok::LBrace, Tok::String, Tok::RBrace,
                                                  Tok::FStringEnd, Tok::Newline, Tok::EndMarker});
    // ':' inside brackets of a replacement field is not a format spec.
    CHECK(kinds("f'{d[1:2]:>3}'\n") ==
          std::vector<Tok>{Tok::FStringStart, Tok::LBrace, Tok::Name, Tok::LSqb, Tok::Number, Tok::Colon, Tok::Number,
                           Tok::RSqb, Tok::Colon, Tok::FStringMiddle, Tok::RBrace, Tok::FStringEnd, Tok::Newline,
                           Tok::EndMarker});
    LexResult unterminated = tokenize("x = 'abc\n");
    REQUIRE(unterminated.error.has_value());
    CHECK(unterminated.error->message == "unterminated string literal (detected at line 1)");
    CHECK(unterminated.error->offset == 5);
}

TEST_CASE("numbers") {
    for (const char* n : {"0", "00", "123", "1_000", "0x_fF", "0o17", "0b1_0", "1.5", "1.", ".5", "1e10", "1E-5",
                          "1_000.5", "1.5e+3", "0.0"}) {
        INFO(n);
        LexResult r = tokenize(std::string(n) + "\n");
        REQUIRE_FALSE(r.error.has_value());
        CHECK(r.tokens[0].kind == Tok::Number);
        CHECK(token_text(std::string(n) + "\n", r.tokens[0]) == n);
    }
    struct Bad {
        const char* src;
        const char* message;
    };
    for (Bad b : {Bad{"1abc", "invalid decimal literal"}, Bad{"0x", "invalid hexadecimal literal"},
                  Bad{"0b2", "invalid digit '2' in binary literal"}, Bad{"0o9", "invalid digit '9' in octal literal"},
                  Bad{"1__0", "invalid decimal literal"}, Bad{"012", "leading zeros in decimal integer literals are not "
                                                                      "permitted; use an 0o prefix for octal integers"}}) {
        INFO(b.src);
        LexResult r = tokenize(std::string(b.src) + "\n");
        REQUIRE(r.error.has_value());
        CHECK(r.error->message == b.message);
    }
    // A number directly followed by a keyword is allowed (CPython only warns).
    CHECK_FALSE(tokenize("1if x else 2\n").error.has_value());
}

TEST_CASE("brackets") {
    LexResult r = tokenize("x = (1,\n  [2\n");
    CHECK_FALSE(r.error.has_value());
    REQUIRE(r.open_brackets.size() == 2);
    CHECK(r.open_brackets[0].ch == '(');
    CHECK(r.open_brackets[1].lineno == 2);
    LexResult m = tokenize("x = (1]\n");
    REQUIRE(m.error.has_value());
    CHECK(m.error->message == "closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(tokenize("x = 1)\n").error->message == "unmatched ')'");
}
