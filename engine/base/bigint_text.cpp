// BigInt <-> text: int(str, base) parsing, decimal and power-of-two radix output, and CPython's
// conversion error messages.
#include "engine/base/bigint.hpp"

#include <algorithm>
#include <bit>

#include "engine/base/bigint_limbs.hpp"
#include "engine/base/text.hpp"
#include "engine/base/unicode.hpp"

namespace ll::base {

using namespace limbs;

// [SECTION] text ---------------------------------------------------------------------------------
namespace {

constexpr uint32_t kDecimalChunk = 1000000000u;  // 10**9: nine decimal digits per limb

int digit_value(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a') + 10;
    if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A') + 10;
    if (c >= 0x80) return uni_decimal_value(c);
    return -1;
}

}  // namespace

std::optional<BigInt> BigInt::parse(std::string_view text, int base) {
    if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
    // Strip whitespace (Unicode whitespace too, as CPython does).
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
    std::size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        ++i;
    }
    auto has_prefix = [&](char lower) {
        return i + 1 < s.size() && s[i] == '0' && (s[i + 1] == lower || s[i + 1] == lower - 32);
    };
    bool prefixed = false;
    if (base == 0) {
        if (has_prefix('x')) base = 16;
        else if (has_prefix('o')) base = 8;
        else if (has_prefix('b')) base = 2;
        if (base != 0) {
            prefixed = true;
        } else {
            base = 10;
            // A nonzero decimal literal cannot start with 0 ("010" is invalid for base 0).
            if (i < s.size() && s[i] == '0') {
                for (std::size_t k = i; k < s.size(); ++k) {
                    if (s[k] != '0' && s[k] != '_') return std::nullopt;
                }
            }
        }
    } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) || (base == 2 && has_prefix('b'))) {
        prefixed = true;
    }
    if (prefixed) {
        i += 2;
        if (i < s.size() && s[i] == '_') ++i;  // "0x_1f" is allowed
    }
    // Collect digit values, checking underscore placement.
    std::vector<uint8_t> digits;
    digits.reserve(s.size() - i);
    bool last_underscore = false;
    while (i < s.size()) {
        std::size_t p = i;
        char32_t c = decode_utf8(s, p);
        i = p;
        if (c == '_') {
            if (digits.empty() || last_underscore) return std::nullopt;
            last_underscore = true;
            continue;
        }
        int d = digit_value(c);
        if (d < 0 || d >= base) return std::nullopt;
        digits.push_back(static_cast<uint8_t>(d));
        last_underscore = false;
    }
    if (digits.empty() || last_underscore) return std::nullopt;
    // Accumulate in chunks of as many digits as fit in a limb multiplier.
    uint32_t chunk_mul = static_cast<uint32_t>(base);
    std::size_t chunk_len = 1;
    while (uint64_t{chunk_mul} * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
        chunk_mul *= static_cast<uint32_t>(base);
        ++chunk_len;
    }
    Limbs mag;
    mag.reserve(digits.size() / (chunk_len) + 2);
    std::size_t first = digits.size() % chunk_len;
    std::size_t pos = 0;
    auto take = [&](std::size_t count) {
        uint32_t v = 0, mul = 1;
        for (std::size_t k = 0; k < count; ++k) {
            v = v * static_cast<uint32_t>(base) + digits[pos++];
            mul *= static_cast<uint32_t>(base);
        }
        mul_small_add(mag, mul, v);
    };
    if (first) take(first);
    while (pos < digits.size()) take(chunk_len);
    return from_limbs(std::move(mag), neg);
}

std::string BigInt::to_string() const {
    if (mag_.empty()) return "0";
    if (mag_.size() <= 2) {
        std::string r = std::to_string(to_u64(mag_));
        return neg_ ? "-" + r : r;
    }
    // Convert base 2**32 to base 10**9, most significant limb first (CPython's approach).
    std::vector<uint32_t> out;
    out.reserve(mag_.size() * 32 / 29 + 2);
    for (std::size_t i = mag_.size(); i-- > 0;) {
        uint64_t hi = mag_[i];
        for (auto& d : out) {
            uint64_t z = (uint64_t{d} << 32) | hi;
            hi = z / kDecimalChunk;
            d = static_cast<uint32_t>(z - hi * kDecimalChunk);
        }
        while (hi) {
            out.push_back(static_cast<uint32_t>(hi % kDecimalChunk));
            hi /= kDecimalChunk;
        }
    }
    std::string r;
    r.reserve(out.size() * 9 + 1);
    if (neg_) r.push_back('-');
    r += std::to_string(out.back());
    char buf[9];
    for (std::size_t i = out.size() - 1; i-- > 0;) {
        uint32_t v = out[i];
        for (int k = 8; k >= 0; --k) {
            buf[k] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        r.append(buf, 9);
    }
    return r;
}

std::string BigInt::to_string_base(int base) const {
    if (base == 10) return to_string();
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    if (mag_.empty()) return "0";
    std::string r;
    if (std::has_single_bit(static_cast<unsigned>(base))) {
        int shift = std::countr_zero(static_cast<unsigned>(base));
        uint64_t nbits = bit_length();
        uint64_t ndigits = (nbits + static_cast<uint64_t>(shift) - 1) / static_cast<uint64_t>(shift);
        r.reserve(ndigits + 1);
        for (uint64_t d = ndigits; d-- > 0;) {
            uint64_t bit = d * static_cast<uint64_t>(shift);
            std::size_t limb = static_cast<std::size_t>(bit / 32);
            unsigned off = static_cast<unsigned>(bit % 32);
            uint64_t v = mag_[limb];
            if (limb + 1 < mag_.size()) v |= uint64_t{mag_[limb + 1]} << 32;
            r.push_back(kDigits[(v >> off) & static_cast<uint64_t>(base - 1)]);
        }
    } else {
        uint32_t chunk = static_cast<uint32_t>(base);
        int per = 1;
        while (uint64_t{chunk} * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
            chunk *= static_cast<uint32_t>(base);
            ++per;
        }
        Limbs m = mag_;
        while (!m.empty()) {
            uint32_t rem = div_small(m, chunk);
            for (int k = 0; k < per && (rem || !m.empty()); ++k) {
                r.push_back(kDigits[rem % static_cast<uint32_t>(base)]);
                rem /= static_cast<uint32_t>(base);
            }
        }
        std::reverse(r.begin(), r.end());
    }
    if (neg_) r.insert(r.begin(), '-');
    return r;
}

namespace {
std::string prefixed(const BigInt& v, int base, const char* prefix) {
    std::string digits = v.abs().to_string_base(base);
    std::string r = v.is_negative() ? "-" : "";
    r += prefix;
    r += digits;
    return r;
}
}  // namespace

std::string BigInt::to_hex() const { return prefixed(*this, 16, "0x"); }
std::string BigInt::to_oct() const { return prefixed(*this, 8, "0o"); }
std::string BigInt::to_bin() const { return prefixed(*this, 2, "0b"); }

std::size_t BigInt::decimal_digits() const {
    std::string s = to_string();
    return s.size() - (neg_ ? 1 : 0);
}

// [SECTION] messages -----------------------------------------------------------------------------------------
std::string int_parse_error(std::string_view text, int base) {
    return "invalid literal for int() with base " + std::to_string(base) + ": " + str_repr(text);
}

std::string int_max_str_digits_error_parse(std::size_t digits) {
    return "Exceeds the limit (" + std::to_string(kIntMaxStrDigits) +
           " digits) for integer string conversion: value has " + std::to_string(digits) +
           " digits; use sys.set_int_max_str_digits() to increase the limit";
}

std::string int_max_str_digits_error_print(std::size_t) {
    return "Exceeds the limit (" + std::to_string(kIntMaxStrDigits) +
           " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

}  // namespace ll::base
