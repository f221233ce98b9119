// Python float <-> text: repr/str (shortest round-trip digits), float(str) parsing, round().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/base/result.hpp"

namespace ll::base {

// repr(x) == str(x) for a Python float: '0.1', '100.0', '1e+16', '1e-05', '-0.0', 'inf', 'nan'.
std::string float_repr(double x);
void append_float_repr(std::string& out, double x);  // same, appended (no temporary string)

// The shortest digits that round-trip, as the 'r' mode of CPython's dtoa gives them:
// x == 0.<digits> * 10**decimal_point (digits has no trailing zeros; "0" for zero).
// For finite x only; `negative` is the sign bit (so -0.0 is negative).
struct ShortestDigits {
    std::string digits;
    int decimal_point = 0;
    bool negative = false;
};
ShortestDigits shortest_digits(double x);

// float(text): surrounding whitespace, sign, decimal/exponent forms, underscores between digits,
// 'inf'/'infinity'/'nan' in any case. nullopt means ValueError
// "could not convert string to float: <repr(text)>" (see float_parse_error).
std::optional<double> parse_float(std::string_view text);
std::string float_parse_error(std::string_view text);

// PyOS_double_to_string: code 'e' 'E' 'f' 'F' 'g' 'G' with a precision, or 'r' (repr; precision
// ignored). Flags: sign ('+' before non-negatives), add_dot_0 (integral-looking results without
// exponent get ".0"), alternate ('#': keep the point and, for 'g', trailing zeros).
// The building block of format() and %-formatting.
std::string double_to_string(double x, char code, int precision, bool sign, bool add_dot_0, bool alternate);

// round(x) (ndigits absent) returns the nearest integral double, ties to even; the caller turns
// it into an int (BigInt::from_double), which raises for inf/nan.
// round(x, n) returns a float exactly as CPython does (round(2.675, 2) == 2.67), errors:
// OverflowError "rounded value too large to represent".
Result<double> py_round(double x, std::optional<long long> ndigits);

}  // namespace ll::base
