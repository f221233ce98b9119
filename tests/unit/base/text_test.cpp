// str kernels against CPython 3.13 (text_cases.inc), plus slices, errors and UTF-8 helpers.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/text.hpp"

using namespace ll::base;

namespace {

using V = std::vector<std::string>;
constexpr int64_t NONE = INT64_MIN;
std::optional<int64_t> o(int64_t v) { return v == NONE ? std::nullopt : std::optional<int64_t>(v); }

struct SearchCase {
    const char *s, *sub;
    int64_t start, end, find, rfind, count;
    bool startswith, endswith;
};
struct SplitCase {
    const char *s, *sep;
    int64_t maxsplit;
    const char* split;
    std::size_t split_n;
    const char* rsplit;
    std::size_t rsplit_n;
};
struct StripCase {
    const char *s, *chars, *strip, *lstrip, *rstrip;
};
struct ReplaceCase {
    const char *s, *old_sub, *new_sub;
    int64_t count;
    const char* result;
};
struct PadCase {
    const char* s;
    int64_t width;
    char32_t fill;
    const char *center, *ljust, *rjust;
};

// Results of split() are stored joined with U+001F and counted.
V unjoin(const char* joined, std::size_t n) {
    V r;
    if (n == 0) return r;
    std::string_view rest = joined;
    while (true) {
        std::size_t p = rest.find('\x1f');
        r.emplace_back(rest.substr(0, p));
        if (p == std::string_view::npos) break;
        rest.remove_prefix(p + 1);
    }
    return r;
}

std::vector<std::string> part_(std::string_view s, std::string_view sep) {
    auto r = str_partition(s, sep);
    return {r->at(0), r->at(1), r->at(2)};
}
std::vector<std::string> rpart_(std::string_view s, std::string_view sep) {
    auto r = str_rpartition(s, sep);
    return {r->at(0), r->at(1), r->at(2)};
}
std::string slice_(std::string_view s, std::optional<int64_t> a, std::optional<int64_t> b, std::optional<int64_t> c) {
    auto sl = adjust_slice(static_cast<int64_t>(cp_length(s)), a, b, c);
    return str_slice(s, *sl);
}
std::optional<std::string> item_(std::string_view s, int64_t i) {
    auto r = str_getitem(s, i);
    if (!r.ok()) return std::nullopt;
    return *r;
}

// One generated call: `fn` applied to `s` (and `arg`), its result rendered as text (lists
// joined with U+001F, booleans as True/False, IndexError for a failed s[i]).
struct CallCase {
    const char *fn, *s, *arg, *result;
};

#include "text_cases.inc"

std::string joined(const std::vector<std::string>& parts) {
    std::string r;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) r += '\x1f';
        r += parts[i];
    }
    return r;
}

std::string yes_no(bool b) { return b ? "True" : "False"; }

std::optional<int64_t> slice_part(std::string_view& text) {
    std::size_t colon = text.find(':');
    std::string part(text.substr(0, colon));
    text.remove_prefix(colon == std::string_view::npos ? text.size() : colon + 1);
    if (part == "NONE") return std::nullopt;
    return std::stoll(part);
}

std::string call(const CallCase& c) {
    std::string_view fn = c.fn, s = c.s, arg = c.arg;
    if (fn == "splitlines") return joined(str_splitlines(s));
    if (fn == "splitlines_keep") return joined(str_splitlines(s, true));
    if (fn == "split") return joined(*str_split(s, std::nullopt));
    if (fn == "partition") return joined(part_(s, arg));
    if (fn == "rpartition") return joined(rpart_(s, arg));
    if (fn == "upper") return str_upper(s);
    if (fn == "lower") return str_lower(s);
    if (fn == "casefold") return str_casefold(s);
    if (fn == "swapcase") return str_swapcase(s);
    if (fn == "title") return str_title(s);
    if (fn == "capitalize") return str_capitalize(s);
    if (fn == "isdigit") return yes_no(str_isdigit(s));
    if (fn == "isdecimal") return yes_no(str_isdecimal(s));
    if (fn == "isnumeric") return yes_no(str_isnumeric(s));
    if (fn == "isalpha") return yes_no(str_isalpha(s));
    if (fn == "isalnum") return yes_no(str_isalnum(s));
    if (fn == "isspace") return yes_no(str_isspace(s));
    if (fn == "isupper") return yes_no(str_isupper(s));
    if (fn == "islower") return yes_no(str_islower(s));
    if (fn == "istitle") return yes_no(str_istitle(s));
    if (fn == "isidentifier") return yes_no(str_isidentifier(s));
    if (fn == "isprintable") return yes_no(str_isprintable(s));
    if (fn == "isascii") return yes_no(str_isascii(s));
    if (fn == "zfill") return str_zfill(s, std::stoll(std::string(arg)));
    if (fn == "expandtabs") return str_expandtabs(s, std::stoll(std::string(arg)));
    if (fn == "repr") return str_repr(s);
    if (fn == "ascii") return str_ascii(s);
    if (fn == "len") return std::to_string(cp_length(s));
    if (fn == "slice") {
        auto a = slice_part(arg);
        auto b = slice_part(arg);
        auto st = slice_part(arg);
        return slice_(s, a, b, st);
    }
    if (fn == "item") {
        auto r = item_(s, std::stoll(std::string(arg)));
        return r ? *r : "IndexError";
    }
    return "unknown function " + std::string(fn);
}

}  // namespace

TEST_CASE("str methods match CPython") {
    for (const auto& c : kCalls) {
        CAPTURE(std::string(c.fn));
        CAPTURE(std::string(c.s));
        CAPTURE(std::string(c.arg));
        CHECK(call(c) == c.result);
    }
}

TEST_CASE("strings with NUL and empty-line splits") {
    using namespace std::string_literals;
    CHECK(str_repr("a\0"s) == "'a\\x00'");
    CHECK_FALSE(str_isprintable("a\0"s));
    CHECK_FALSE(str_isalpha("a\0"s));
    CHECK(str_splitlines("\n") == V{""});
    CHECK(str_splitlines("") == V{});
    CHECK(str_splitlines("a\n\nb") == V{"a", "", "b"});
    CHECK(*str_split("", std::string_view(",")) == V{""});
    CHECK(*str_split("", std::nullopt) == V{});
}

TEST_CASE("find/rfind/count/startswith/endswith match CPython") {
    for (const auto& c : kSearch) {
        CAPTURE(std::string(c.s));
        CAPTURE(std::string(c.sub));
        CAPTURE(c.start);
        CAPTURE(c.end);
        CHECK(str_find(c.s, c.sub, o(c.start), o(c.end)) == c.find);
        CHECK(str_rfind(c.s, c.sub, o(c.start), o(c.end)) == c.rfind);
        CHECK(str_count(c.s, c.sub, o(c.start), o(c.end)) == c.count);
        CHECK(str_startswith(c.s, c.sub, o(c.start), o(c.end)) == c.startswith);
        CHECK(str_endswith(c.s, c.sub, o(c.start), o(c.end)) == c.endswith);
    }
}

TEST_CASE("split/rsplit match CPython") {
    for (const auto& c : kSplit) {
        CAPTURE(std::string(c.s));
        CAPTURE(c.maxsplit);
        std::optional<std::string_view> sep;
        if (c.sep) sep = c.sep;
        CHECK(*str_split(c.s, sep, c.maxsplit) == unjoin(c.split, c.split_n));
        CHECK(*str_rsplit(c.s, sep, c.maxsplit) == unjoin(c.rsplit, c.rsplit_n));
    }
}

TEST_CASE("strip/lstrip/rstrip match CPython") {
    for (const auto& c : kStrip) {
        CAPTURE(std::string(c.s));
        std::optional<std::string_view> chars;
        if (c.chars) chars = c.chars;
        CHECK(str_strip(c.s, chars) == c.strip);
        CHECK(str_lstrip(c.s, chars) == c.lstrip);
        CHECK(str_rstrip(c.s, chars) == c.rstrip);
    }
}

TEST_CASE("replace matches CPython") {
    for (const auto& c : kReplace) {
        CAPTURE(std::string(c.s));
        CAPTURE(std::string(c.old_sub));
        CAPTURE(c.count);
        CHECK(str_replace(c.s, c.old_sub, c.new_sub, c.count) == c.result);
    }
}

TEST_CASE("center/ljust/rjust match CPython") {
    for (const auto& c : kPad) {
        CAPTURE(std::string(c.s));
        CAPTURE(c.width);
        CHECK(str_center(c.s, c.width, c.fill) == c.center);
        CHECK(str_ljust(c.s, c.width, c.fill) == c.ljust);
        CHECK(str_rjust(c.s, c.width, c.fill) == c.rjust);
    }
}

TEST_CASE("str errors carry CPython's messages") {
    auto e = str_split("a", std::string_view(""));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().type == "ValueError");
    CHECK(e.error().message == "empty separator");
    CHECK(str_rsplit("a", std::string_view("")).error().message == "empty separator");
    CHECK(str_partition("ab", "").error().message == "empty separator");
    CHECK(str_rpartition("ab", "").error().message == "empty separator");
    CHECK(str_index("abc", "d").error().message == "substring not found");
    CHECK(str_rindex("abc", "d").error().message == "substring not found");
    CHECK(*str_index("abcb", "b") == 1);
    CHECK(*str_rindex("abcb", "b") == 3);
    CHECK(*str_index("日本語日本語", "語", 3) == 5);
    auto g = str_getitem("abc", 5);
    REQUIRE_FALSE(g.ok());
    CHECK(g.error().type == "IndexError");
    CHECK(g.error().message == "string index out of range");
    CHECK(adjust_slice(3, 0, 1, 0).error().message == "slice step cannot be zero");
}

TEST_CASE("join, repeat, removeprefix/removesuffix, contains") {
    CHECK(str_join(", ", {"a", "b", "c"}) == "a, b, c");
    CHECK(str_join("", {}) == "");
    CHECK(str_join("-", {"x"}) == "x");
    CHECK(str_repeat("ab", 3) == "ababab");
    CHECK(str_repeat("ab", 0) == "");
    CHECK(str_repeat("ab", -1) == "");
    CHECK(str_removeprefix("prefix_rest", "prefix_") == "rest");
    CHECK(str_removeprefix("rest", "x") == "rest");
    CHECK(str_removesuffix("file.py", ".py") == "file");
    CHECK(str_removesuffix("file.py", "") == "file.py");
    CHECK(str_contains("hello", "ell"));
    CHECK(str_contains("hello", ""));
    CHECK_FALSE(str_contains("hello", "xyz"));
}

TEST_CASE("adjust_slice follows PySlice_AdjustIndices") {
    auto s = *adjust_slice(10, std::nullopt, std::nullopt, -1);
    CHECK(s.start == 9);
    CHECK(s.stop == -1);
    CHECK(s.length == 10);
    s = *adjust_slice(10, -3, std::nullopt, std::nullopt);
    CHECK(s.start == 7);
    CHECK(s.length == 3);
    s = *adjust_slice(10, INT64_MIN, INT64_MAX, 3);
    CHECK(s.start == 0);
    CHECK(s.stop == 10);
    CHECK(s.length == 4);
    s = *adjust_slice(10, 8, 2, -2);
    CHECK(s.length == 3);
    s = *adjust_slice(0, std::nullopt, std::nullopt, INT64_MIN);
    CHECK(s.step == -INT64_MAX);
    CHECK(s.length == 0);
    CHECK(normalize_index(-1, 3) == 2);
    CHECK_FALSE(normalize_index(3, 3).has_value());
    CHECK_FALSE(normalize_index(-4, 3).has_value());
}

TEST_CASE("UTF-8 helpers") {
    CHECK(is_ascii("plain text, long enough to use the 8-byte loop"));
    CHECK_FALSE(is_ascii("plain text, long enough to use the 8-byte loop é"));
    CHECK(cp_length("x😀é") == 3);
    CHECK(cp_offset("x😀é", 2) == 5);
    CHECK(cp_offset("x😀é", 10) == 7);
    CHECK(cp_at("x😀é", 1) == "😀");
    CHECK(single_code_point("é") == U'é');
    CHECK_FALSE(single_code_point("ab").has_value());
    CHECK_FALSE(single_code_point("").has_value());
    CHECK(encode_utf8(0x1F600) == "😀");
    CHECK(is_valid_utf8("héllo 😀"));
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
    std::size_t pos = 7;
    CHECK(decode_utf8_back("x😀é", pos) == U'é');
    CHECK(pos == 5);
}
