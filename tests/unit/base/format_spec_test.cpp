// format(value, spec) for int, float and str against CPython 3.13 results (format_spec_cases.inc).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "engine/base/format_spec.hpp"

namespace {

const double NAN_VALUE = std::nan("");

struct IntFormatCase {
    const char *value, *spec, *error_type, *text;  // error_type "": text is the result
};
struct FloatFormatCase {
    double value;
    const char *spec, *error_type, *text;
};
struct StrFormatCase {
    const char *value, *spec, *error_type, *text;
};

#include "format_spec_cases.inc"

template <class R>
void check_result(const R& r, const char* error_type, const char* text) {
    if (std::string(error_type).empty()) {
        REQUIRE(r.ok());
        CHECK(*r == std::string(text));
    } else {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().type == error_type);
        CHECK(r.error().message == std::string(text));
    }
}

}  // namespace

TEST_CASE("format(int, spec) matches CPython") {
    for (const auto& c : kIntFormat) {
        CAPTURE(c.value);
        std::string spec = c.spec;
        CAPTURE(spec);
        ll::base::BigInt v = *ll::base::BigInt::parse(c.value, 10);
        check_result(ll::base::format_int(v, c.spec), c.error_type, c.text);
        if (v.fits_int64()) check_result(ll::base::format_int(v.to_int64(), c.spec), c.error_type, c.text);
    }
}

TEST_CASE("format(float, spec) matches CPython") {
    for (const auto& c : kFloatFormat) {
        CAPTURE(c.value);
        std::string spec = c.spec;
        CAPTURE(spec);
        check_result(ll::base::format_float(c.value, c.spec), c.error_type, c.text);
    }
}

TEST_CASE("format(str, spec) matches CPython") {
    for (const auto& c : kStrFormat) {
        CAPTURE(c.value);
        std::string spec = c.spec;
        CAPTURE(spec);
        check_result(ll::base::format_str(c.value, c.spec), c.error_type, c.text);
    }
}

TEST_CASE("parse_format_spec fields") {
    auto f = ll::base::parse_format_spec("*^+z#012_.3f", "float");
    REQUIRE(f.ok());
    CHECK(f->fill == "*");
    CHECK(f->align == '^');
    CHECK(f->sign == '+');
    CHECK(f->no_neg_zero);
    CHECK(f->alternate);
    CHECK(f->width == 12);
    CHECK(f->grouping == '_');
    CHECK(f->precision == 3);
    CHECK(f->type == U'f');
    auto bad = ll::base::parse_format_spec("abc", "MyType");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "Invalid format specifier 'abc' for object of type 'MyType'");
    CHECK(ll::base::format_int(int64_t{1}, "q", "bool").error().message ==
          "Unknown format code 'q' for object of type 'bool'");
}

TEST_CASE("double_to_string, the PyOS_double_to_string building block") {
    CHECK(ll::base::double_to_string(1.5, 'r', 0, false, true, false) == "1.5");
    CHECK(ll::base::double_to_string(2.0, 'r', 0, true, true, false) == "+2.0");
    CHECK(ll::base::double_to_string(2.0, 'g', 3, false, false, true) == "2.00");
    CHECK(ll::base::double_to_string(0.5, 'E', 2, false, false, false) == "5.00E-01");
}

TEST_CASE("format(0, 'c') produces a NUL character") {
    // Results with embedded NULs cannot live in the C-string table above.
    CHECK(*ll::base::format_int(int64_t{0}, "c") == std::string(1, '\0'));
    CHECK(*ll::base::format_int(int64_t{0}, "=5c") == std::string("    ") + '\0');
    CHECK(*ll::base::format_str("abc", "\x01^7") == "\x01\x01" "abc\x01\x01");
}
