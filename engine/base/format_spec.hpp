// Python's format-spec mini-language ("[[fill]align][sign][z][#][0][width][grouping][.precision][type]")
// and its application to int, float and str, as format(), f-strings and str.format use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/bigint.hpp"
#include "engine/base/float_format.hpp"
#include "engine/base/result.hpp"

namespace ll::base {

struct FormatSpec {
    std::string fill = " ";    // one code point, UTF-8
    char align = 0;            // '<' '>' '^' '=' or 0 (type default)
    char sign = 0;             // '+' '-' ' ' or 0
    bool no_neg_zero = false;  // 'z'
    bool alternate = false;    // '#'
    bool fill_specified = false;
    int64_t width = -1;        // -1: not given
    char grouping = 0;         // ',' or '_' or 0
    int64_t precision = -1;    // -1: not given
    char32_t type = 0;         // presentation type, 0 when absent
};

// Parses `spec` the way CPython does before dispatching on the type. The defaults (type and
// alignment) are str's when type_name is "str", float's when it is "float", else int's; the
// name also appears in error messages. Errors are ValueErrors with CPython's texts
// ("Invalid format specifier '...' for object of type 'int'", "Format specifier missing
// precision", "Cannot specify ',' with 's'.", ...). format_* below parse for themselves.
Result<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name);

// format(value, spec). An empty spec gives str(value). `type_name` is used in messages, so a
// bool formatted with 'd' can pass "bool" (format(True, '') is 'True': the VM handles that).
// format_int does not apply the 4300-digit int_max_str_digits limit; the VM checks it first.
Result<std::string> format_int(int64_t value, std::string_view spec, std::string_view type_name = "int");
Result<std::string> format_int(const BigInt& value, std::string_view spec, std::string_view type_name = "int");
Result<std::string> format_float(double value, std::string_view spec, std::string_view type_name = "float");
Result<std::string> format_str(std::string_view value, std::string_view spec, std::string_view type_name = "str");

}  // namespace ll::base
