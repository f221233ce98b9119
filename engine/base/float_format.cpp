// Float to text and back as CPython does it: shortest round-trip digits for repr, dtoa-style
// digit generation for fixed precisions, the layout rules of PyOS_double_to_string, float(str)
// parsing, and round(x, n).
#include "engine/base/float_format.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/base/text.hpp"
#include "engine/base/unicode.hpp"

namespace ll::base {

namespace {

// Turns a decimal rendering ("-12.340e+05", "0.001", "1e+16") into dtoa's form: significant
// digits without leading/trailing zeros and the decimal point position. All zeros give "0", 1.
void digits_from_text(std::string_view text, std::string& digits, int& decpt) {
    digits.clear();
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    int int_digits = -1;
    int count = 0;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            ++count;
        } else if (c == '.') {
            int_digits = count;
        } else {
            break;
        }
    }
    if (int_digits < 0) int_digits = count;
    int exp = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        // The text is not NUL-terminated: read the exponent within the view.
        ++i;
        bool exp_negative = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) exp = exp * 10 + (text[i] - '0');
        if (exp_negative) exp = -exp;
    }
    decpt = int_digits + exp;
    std::size_t lead = 0;
    while (lead < digits.size() && digits[lead] == '0') ++lead;
    if (lead == digits.size()) {
        digits = "0";
        decpt = 1;
        return;
    }
    digits.erase(0, lead);
    decpt -= static_cast<int>(lead);
    while (digits.back() == '0') digits.pop_back();
}

std::string printf_double(const char* fmt_str, int precision, double x) {
    char small[128];
    int n = std::snprintf(small, sizeof small, fmt_str, precision, x);
    if (n >= 0 && static_cast<std::size_t>(n) < sizeof small) return std::string(small, static_cast<std::size_t>(n));
    std::string big(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(big.data(), big.size(), fmt_str, precision, x);
    big.resize(static_cast<std::size_t>(n));
    return big;
}

// dtoa mode 2 (ndigits significant digits) and mode 3 (ndigits after the point), correctly
// rounded with ties to even: the C library's %e/%f are exact on glibc and musl.
void rounded_digits(double x, int mode, int ndigits, std::string& digits, int& decpt) {
    if (mode == 2) {
        digits_from_text(printf_double("%.*e", ndigits - 1, x), digits, decpt);
    } else {
        digits_from_text(printf_double("%.*f", ndigits, x), digits, decpt);
    }
}

// The layout half of CPython's format_float_short, in our own words: place the decimal point
// in the virtual digit string "...000<digits>000...", pad, and add the exponent.
void layout(std::string& out, const std::string& digits, int decpt, bool negative, char code, int precision,
            bool sign, bool add_dot_0, bool alternate, bool upper) {
    const int ndig = static_cast<int>(digits.size());
    int vd_end = ndig;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vd_end = precision;
        break;
    case 'f':
        vd_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (alternate) vd_end = precision;
        break;
    default:  // 'r': scientific below 1e-4 and from 1e16
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    int exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    const int vd_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) vd_end = std::max(vd_end, decpt + 1);
    else vd_end = std::max(vd_end, decpt);

    if (negative) out.push_back('-');
    else if (sign) out.push_back('+');
    if (decpt <= 0) {
        out.append(static_cast<std::size_t>(decpt - vd_start), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(-decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(-vd_start), '0');
    }
    if (decpt > 0 && decpt <= ndig) {
        out.append(digits, 0, static_cast<std::size_t>(decpt));
        out.push_back('.');
        out.append(digits, static_cast<std::size_t>(decpt));
    } else {
        out += digits;
    }
    if (ndig < decpt) {
        out.append(static_cast<std::size_t>(decpt - ndig), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(vd_end - decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(vd_end - ndig), '0');
    }
    if (out.back() == '.' && !alternate) out.pop_back();
    if (use_exp) {
        out.push_back(upper ? 'E' : 'e');
        out.push_back(exp < 0 ? '-' : '+');
        int a = exp < 0 ? -exp : exp;
        if (a < 10) out.push_back('0');
        out += std::to_string(a);
    }
}

}  // namespace

ShortestDigits shortest_digits(double x) {
    ShortestDigits r;
    r.negative = std::signbit(x);
    // {fmt} prints the shortest representation that round-trips (Dragonbox), which is exactly
    // the digit string of dtoa mode 0; only the layout differs, so re-read its digits.
    char buf[64];
    auto end = fmt::format_to(buf, "{}", x);
    digits_from_text(std::string_view(buf, static_cast<std::size_t>(end - buf)), r.digits, r.decimal_point);
    return r;
}

void append_float_repr(std::string& out, double x) {
    if (std::isnan(x)) {
        out += "nan";
        return;
    }
    if (std::isinf(x)) {
        out += x > 0 ? "inf" : "-inf";
        return;
    }
    // Fast path: integral values below 1e16 print as "<integer>.0".
    if (std::fabs(x) < 1e16 && x == std::trunc(x)) {
        if (x == 0) {
            out += std::signbit(x) ? "-0.0" : "0.0";
            return;
        }
        char buf[24];
        auto res = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(x));
        out.append(buf, res.ptr);
        out += ".0";
        return;
    }
    ShortestDigits d = shortest_digits(x);
    layout(out, d.digits, d.decimal_point, d.negative, 'r', 0, false, true, false, false);
}

std::string float_repr(double x) {
    std::string r;
    append_float_repr(r, x);
    return r;
}

std::string double_to_string(double x, char code, int precision, bool sign, bool add_dot_0, bool alternate) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lower = upper ? static_cast<char>(code + 32) : code;
    std::string out;
    if (!std::isfinite(x)) {
        if (std::isinf(x) && x < 0) out.push_back('-');
        else if (sign) out.push_back('+');
        out += std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return out;
    }
    std::string digits;
    int decpt = 0;
    bool negative = std::signbit(x);
    switch (lower) {
    case 'e':
        precision += 1;  // significant digits
        rounded_digits(x, 2, precision, digits, decpt);
        break;
    case 'f':
        rounded_digits(x, 3, precision, digits, decpt);
        break;
    case 'g':
        if (precision == 0) precision = 1;
        rounded_digits(x, 2, precision, digits, decpt);
        break;
    default: {
        ShortestDigits d = shortest_digits(x);
        digits = std::move(d.digits);
        decpt = d.decimal_point;
        lower = 'r';
        break;
    }
    }
    layout(out, digits, decpt, negative, lower, precision, sign, add_dot_0, alternate, upper);
    return out;
}

// float(str) --------------------------------------------------------------------------------------
std::optional<double> parse_float(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e) {
        std::size_t p = b;
        if (!uni_isspace(decode_utf8(text, p))) break;
        b = p;
    }
    while (e > b) {
        std::size_t p = e;
        if (!uni_isspace(decode_utf8_back(text, p))) break;
        e = p;
    }
    std::string_view s = text.substr(b, e - b);
    std::string clean;
    clean.reserve(s.size());
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        clean.push_back(s[i++]);
    }
    // inf / infinity / nan, any case.
    std::string word;
    for (std::size_t k = i; k < s.size() && word.size() < 9; ++k) {
        char c = s[k];
        word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    if (s.size() - i == word.size()) {
        if (word == "inf" || word == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
        if (word == "nan") return negative ? -std::nan("") : std::nan("");
    }
    // digits with single underscores between them (non-ASCII decimal digits are translated).
    auto digit_run = [&](bool& any) {
        bool prev_digit = false;
        while (i < s.size()) {
            std::size_t p = i;
            char32_t c = decode_utf8(s, p);
            int v = uni_decimal_value(c);
            if (v >= 0) {
                clean.push_back(static_cast<char>('0' + v));
                prev_digit = any = true;
                i = p;
            } else if (c == '_' && prev_digit && p < s.size() && uni_decimal_value(static_cast<unsigned char>(s[p])) >= 0) {
                prev_digit = false;
                i = p;
            } else if (c == '_') {
                return false;
            } else {
                break;
            }
        }
        return true;
    };
    bool int_digits = false, frac_digits = false;
    if (!digit_run(int_digits)) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        clean.push_back('.');
        ++i;
        if (!digit_run(frac_digits)) return std::nullopt;
    }
    if (!int_digits && !frac_digits) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean.push_back('e');
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
        bool exp_digits = false;
        if (!digit_run(exp_digits) || !exp_digits) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return std::strtod(clean.c_str(), nullptr);
}

std::string float_parse_error(std::string_view text) {
    return "could not convert string to float: " + str_repr(text);
}

// round() ---------------------------------------------------------------------------------------------
Result<double> py_round(double x, std::optional<long long> ndigits) {
    if (!ndigits) {
        double r = std::round(x);
        if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
        return r;
    }
    long long nd = *ndigits;
    if (!std::isfinite(x) || x == 0.0) return x;
    // Beyond these every double is unchanged / rounds to zero (CPython's NDIGITS_MAX/MIN).
    if (nd > 323) return x;
    if (nd < -308) return 0.0 * x;
    std::string text;
    if (nd >= 0) {
        text = printf_double("%.*f", static_cast<int>(nd), x);
    } else {
        // Round to a multiple of 10**k on the exact decimal expansion (its fraction has at most
        // 52 digits once |x| >= 1; smaller values round to zero anyway).
        double ax = std::fabs(x);
        std::size_t k = static_cast<std::size_t>(-nd);
        if (ax < 1.0) return std::copysign(0.0, x);
        std::string full = printf_double("%.*f", 60, ax);
        std::size_t point = full.find('.');
        std::string int_part = full.substr(0, point);
        std::string rest_frac = full.substr(point + 1);
        if (int_part.size() < k) return std::copysign(0.0, x);
        std::string kept = int_part.substr(0, int_part.size() - k);
        std::string dropped = int_part.substr(int_part.size() - k) + rest_frac;
        bool up;
        if (dropped[0] != '5') {
            up = dropped[0] > '5';
        } else {
            bool beyond = dropped.find_first_not_of('0', 1) != std::string::npos;
            int last = kept.empty() ? 0 : kept.back() - '0';
            up = beyond || (last & 1);
        }
        if (kept.empty()) kept = "0";
        if (up) {
            std::size_t p = kept.size();
            while (p > 0 && kept[p - 1] == '9') kept[--p] = '0';
            if (p == 0) kept.insert(kept.begin(), '1');
            else ++kept[p - 1];
        }
        text = (x < 0 ? "-" : "") + kept + std::string(k, '0');
    }
    errno = 0;
    double r = std::strtod(text.c_str(), nullptr);
    if (std::isinf(r)) return overflow_error("rounded value too large to represent");
    if (r == 0.0) r = std::copysign(0.0, x);
    return r;
}

}  // namespace ll::base
