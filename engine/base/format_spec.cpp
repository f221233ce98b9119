// The format-spec mini-language: parsing with CPython's checks and messages, and rendering of
// int, float and str values (sign, prefix, grouping, '=' padding, fill and alignment).
#include "engine/base/format_spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/base/utf8.hpp"

namespace ll::base {

namespace {

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string code_text(char32_t type) {
    if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
    return buf;
}

Error unknown_code(char32_t type, std::string_view type_name) {
    return value_error("Unknown format code '" + code_text(type) + "' for object of type '" + std::string(type_name) +
                       "'");
}

// Reads decimal digits; false on overflow ("Too many decimal digits in format string").
bool read_integer(std::string_view s, std::size_t& pos, int64_t& value, bool& any) {
    value = 0;
    any = false;
    while (pos < s.size()) {
        std::size_t p = pos;
        char32_t c = decode_utf8(s, p);
        int d = (c >= '0' && c <= '9') ? static_cast<int>(c - '0') : -1;
        if (d < 0) break;
        if (value > (std::numeric_limits<int64_t>::max() - d) / 10) return false;
        value = value * 10 + d;
        any = true;
        pos = p;
    }
    return true;
}

Result<FormatSpec> parse_with_defaults(std::string_view spec, std::string_view type_name, char32_t default_type,
                                       char default_align) {
    FormatSpec f;
    f.type = default_type;
    f.align = default_align;
    bool align_specified = false;
    std::size_t pos = 0;
    // [[fill]align]: the fill is any one code point.
    {
        std::size_t p1 = 0;
        char32_t c0 = spec.empty() ? 0 : decode_utf8(spec, p1);
        std::size_t p2 = p1;
        char32_t c1 = p1 < spec.size() ? decode_utf8(spec, p2) : 0;
        if (p1 < spec.size() && is_align(c1)) {
            f.fill = std::string(spec.substr(0, p1));
            f.align = static_cast<char>(c1);
            f.fill_specified = align_specified = true;
            pos = p2;
        } else if (!spec.empty() && is_align(c0)) {
            f.align = static_cast<char>(c0);
            align_specified = true;
            pos = p1;
        }
    }
    auto peek = [&]() -> char { return pos < spec.size() ? spec[pos] : '\0'; };
    if (peek() == '+' || peek() == '-' || peek() == ' ') f.sign = spec[pos++];
    if (peek() == 'z') {
        f.no_neg_zero = true;
        ++pos;
    }
    if (peek() == '#') {
        f.alternate = true;
        ++pos;
    }
    if (!f.fill_specified && peek() == '0') {
        f.fill = "0";
        if (!align_specified && default_align == '>') f.align = '=';
        ++pos;
    }
    bool any = false;
    int64_t width = 0;
    if (!read_integer(spec, pos, width, any)) return value_error("Too many decimal digits in format string");
    f.width = any ? width : -1;
    if (peek() == ',') {
        f.grouping = ',';
        ++pos;
    }
    if (peek() == '_') {
        if (f.grouping) return value_error("Cannot specify both ',' and '_'.");
        f.grouping = '_';
        ++pos;
    }
    if (peek() == ',' && f.grouping == '_') return value_error("Cannot specify both ',' and '_'.");
    if (peek() == '.') {
        ++pos;
        int64_t precision = 0;
        if (!read_integer(spec, pos, precision, any)) return value_error("Too many decimal digits in format string");
        if (!any) return value_error("Format specifier missing precision");
        f.precision = precision;
    }
    if (pos < spec.size()) {
        std::size_t p = pos;
        char32_t t = decode_utf8(spec, p);
        if (p != spec.size()) {
            return value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                               std::string(type_name) + "'");
        }
        f.type = t;
    }
    if (f.grouping) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f.grouping == '_') break;
            [[fallthrough]];
        default:
            return value_error(std::string("Cannot specify '") + f.grouping + "' with '" + code_text(f.type) + "'.");
        }
    }
    return f;
}

std::size_t fill_width(const FormatSpec& f) { return f.fill.size(); }

void append_fill(std::string& out, const FormatSpec& f, int64_t n) {
    if (n <= 0) return;
    if (fill_width(f) == 1) {
        out.append(static_cast<std::size_t>(n), f.fill[0]);
        return;
    }
    for (int64_t i = 0; i < n; ++i) out += f.fill;
}

// Digits with separators every `group` digits, padded with zeros to at least min_width characters
// (CPython's _PyUnicode_InsertThousandsGrouping, for the fixed "3" / "4" / none groupings).
std::string group_digits(std::string_view digits, int group, char sep, int64_t min_width) {
    int64_t remaining = static_cast<int64_t>(digits.size());
    std::string rev;  // built from the right
    if (group == 0) {
        int64_t len = std::max<int64_t>({remaining, min_width, 1});
        std::string r(static_cast<std::size_t>(len - remaining), '0');
        r += digits;
        return r;
    }
    bool use_sep = false;
    std::size_t take_from = digits.size();
    while (true) {
        int64_t len = std::min<int64_t>(group, std::max<int64_t>({remaining, min_width, 1}));
        int64_t zeros = std::max<int64_t>(0, len - remaining);
        int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
        if (use_sep) rev.push_back(sep);
        for (int64_t k = 0; k < chars; ++k) rev.push_back(digits[--take_from]);
        rev.append(static_cast<std::size_t>(zeros), '0');
        remaining -= chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
        use_sep = true;
    }
    return std::string(rev.rbegin(), rev.rend());
}

// Lays out sign, prefix, grouped integer digits and the rest ('.', fraction, exponent, '%')
// inside the requested width (calc_number_widths + fill_number).
std::string render_number(const FormatSpec& f, bool negative, std::string_view prefix, std::string_view int_digits,
                          std::string_view remainder, bool upper_digits) {
    char sign_char = 0;
    if (negative) sign_char = '-';
    else if (f.sign == '+') sign_char = '+';
    else if (f.sign == ' ') sign_char = ' ';
    int64_t n_sign = sign_char ? 1 : 0;
    int64_t n_non_digit = n_sign + static_cast<int64_t>(prefix.size() + cp_length(remainder));
    int64_t min_width = (f.fill == "0" && f.align == '=') ? f.width - n_non_digit : 0;
    std::string grouped;
    if (!int_digits.empty()) {
        int group = 0;
        if (f.grouping == ',' || (f.grouping == '_' && f.type != 'b' && f.type != 'o' && f.type != 'x' && f.type != 'X')) {
            group = 3;
        } else if (f.grouping == '_') {
            group = 4;
        }
        grouped = group_digits(int_digits, group, f.grouping, min_width);
        if (upper_digits) {
            for (auto& c : grouped) {
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            }
        }
    }
    int64_t content = n_non_digit + static_cast<int64_t>(grouped.size());
    int64_t padding = f.width - content;
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f.align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(content + std::max<int64_t>(padding, 0)));
    append_fill(out, f, lpad);
    if (sign_char) out.push_back(sign_char);
    out += prefix;
    append_fill(out, f, spad);
    out += grouped;
    out += remainder;
    append_fill(out, f, rpad);
    return out;
}

Result<std::string> format_float_parsed(double value, const FormatSpec& f) {
    if (f.precision > std::numeric_limits<int>::max()) return value_error("precision too big");
    int precision = static_cast<int>(f.precision);
    char32_t type = f.type;
    bool add_dot_0 = false;
    int default_precision = 6;
    if (type == 0) {
        add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        add_pct = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    std::string text = double_to_string(value, static_cast<char>(type), precision, false, add_dot_0, f.alternate);
    if (add_pct) text.push_back('%');
    bool negative = !text.empty() && text[0] == '-';
    std::string_view body = text;
    if (negative) body.remove_prefix(1);
    if (negative && f.no_neg_zero) {
        // 'z': a value that rounded to zero loses its minus sign.
        bool all_zero = true;
        for (char c : body) {
            if (c == 'e' || c == 'E' || c == '%') break;
            if ((c >= '1' && c <= '9') || c == 'i' || c == 'n' || c == 'I' || c == 'N') {
                all_zero = false;
                break;
            }
        }
        if (all_zero) negative = false;
    }
    std::size_t ndig = 0;
    while (ndig < body.size() && body[ndig] >= '0' && body[ndig] <= '9') ++ndig;
    return render_number(f, negative, "", body.substr(0, ndig), body.substr(ndig), false);
}

Result<std::string> format_int_parsed(const BigInt* big, int64_t small, const FormatSpec& f, std::string_view type_name) {
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (big) {
            auto v = big->to_double();
            if (!v) return overflow_error("int too large to convert to float");
            d = *v;
        } else {
            d = static_cast<double>(small);
        }
        return format_float_parsed(d, f);
    }
    default:
        return unknown_code(f.type, type_name);
    }
    if (f.precision != -1) return value_error("Precision not allowed in integer format specifier");
    if (f.no_neg_zero) return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    bool negative = big ? big->is_negative() : small < 0;
    if (f.type == 'c') {
        if (f.sign) return value_error("Sign not allowed with integer format specifier 'c'");
        if (f.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        std::optional<int64_t> v = big ? big->try_int64() : std::optional<int64_t>(small);
        if (!v) return overflow_error("Python int too large to convert to C long");
        if (*v < 0 || *v > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
        std::string ch = encode_utf8(static_cast<char32_t>(*v));
        return render_number(f, false, "", "", ch, false);
    }
    int base = 10;
    const char* prefix = "";
    switch (f.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    std::string digits;
    if (big) {
        digits = big->abs().to_string_base(base);
    } else {
        uint64_t mag = small < 0 ? uint64_t{0} - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
        digits = BigInt::from_u64(mag).to_string_base(base);
    }
    return render_number(f, negative, f.alternate ? prefix : "", digits, "", f.type == 'X');
}

}  // namespace

Result<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name) {
    // The defaults depend on the type; callers that only validate use int's.
    if (type_name == "str") return parse_with_defaults(spec, type_name, 's', '<');
    if (type_name == "float") return parse_with_defaults(spec, type_name, 0, '>');
    return parse_with_defaults(spec, type_name, 'd', '>');
}

Result<std::string> format_int(const BigInt& value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return value.to_string();
    auto f = parse_with_defaults(spec, type_name, 'd', '>');
    if (!f) return f.error();
    return format_int_parsed(&value, 0, *f, type_name);
}

Result<std::string> format_int(int64_t value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return std::to_string(value);
    auto f = parse_with_defaults(spec, type_name, 'd', '>');
    if (!f) return f.error();
    return format_int_parsed(nullptr, value, *f, type_name);
}

Result<std::string> format_float(double value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return float_repr(value);
    auto f = parse_with_defaults(spec, type_name, 0, '>');
    if (!f) return f.error();
    switch (f->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_parsed(value, *f);
    default:
        return unknown_code(f->type, type_name);
    }
}

Result<std::string> format_str(std::string_view value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return std::string(value);
    auto parsed = parse_with_defaults(spec, type_name, 's', '<');
    if (!parsed) return parsed.error();
    const FormatSpec& f = *parsed;
    if (f.type != 's') return unknown_code(f.type, type_name);
    if (f.sign == ' ') return value_error("Space not allowed in string format specifier");
    if (f.sign) return value_error("Sign not allowed in string format specifier");
    if (f.no_neg_zero) return value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') return value_error("'=' alignment not allowed in string format specifier");
    int64_t len = static_cast<int64_t>(cp_length(value));
    std::string_view text = value;
    if (f.precision >= 0 && len > f.precision) {
        text = value.substr(0, cp_offset(value, static_cast<std::size_t>(f.precision)));
        len = f.precision;
    }
    int64_t padding = f.width > len ? f.width - len : 0;
    int64_t lpad = 0;
    if (f.align == '>') lpad = padding;
    else if (f.align == '^') lpad = padding / 2;
    std::string out;
    append_fill(out, f, lpad);
    out += text;
    append_fill(out, f, padding - lpad);
    return out;
}

}  // namespace ll::base
