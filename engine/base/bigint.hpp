// BigInt: arbitrary-precision signed integers with Python int semantics (floor division,
// infinite two's-complement bit operations, correctly rounded conversion to float).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/int64_ops.hpp"
#include "engine/base/result.hpp"

namespace ll::base {

// CPython's default sys.get_int_max_str_digits(): int<->str conversions in non-power-of-two
// bases beyond this many digits raise ValueError. BigInt itself does not enforce it; the VM does,
// with CPython's messages (see int_max_str_digits_error_* below).
inline constexpr std::size_t kIntMaxStrDigits = 4300;

class BigInt {
public:
    BigInt() = default;  // zero
    BigInt(int64_t v);   // NOLINT: implicit so `BigInt x = 5;` and mixed arithmetic read naturally
    static BigInt from_u64(uint64_t v);
    // int(x) for a float: truncates toward zero. nullopt for inf ("cannot convert float infinity
    // to integer", OverflowError) and nan ("cannot convert float NaN to integer", ValueError).
    static std::optional<BigInt> from_double(double x);
    // int(text, base) with base 0 or 2..36: surrounding whitespace, one sign, a base prefix
    // (0x/0o/0b, required to match when base is 16/8/2, detected when base is 0), underscores
    // between digits. nullopt means "invalid literal for int() with base N: <repr(text)>"
    // (see int_parse_error). The caller checks the base range and the digit limit.
    static std::optional<BigInt> parse(std::string_view text, int base);

    // --- inspection
    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return neg_; }
    int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
    bool is_odd() const { return !mag_.empty() && (mag_[0] & 1u); }
    bool fits_int64() const;
    int64_t to_int64() const;  // precondition: fits_int64()
    std::optional<int64_t> try_int64() const;
    // Correctly rounded (half to even). nullopt: OverflowError "int too large to convert to float".
    std::optional<double> to_double() const;
    uint64_t bit_length() const;  // of abs(self), like int.bit_length()
    uint64_t bit_count() const;   // popcount of abs(self), like int.bit_count()

    // --- text
    std::string to_string() const;                // str(): decimal
    std::string to_string_base(int base) const;   // 2..36, lowercase digits, '-' sign, no prefix
    std::string to_hex() const;                   // hex():  '-0x1f'
    std::string to_oct() const;                   // oct():  '0o17'
    std::string to_bin() const;                   // bin():  '-0b101'
    // Number of decimal digits of abs(self) (exact), for the int_max_str_digits check.
    std::size_t decimal_digits() const;

    // --- arithmetic
    BigInt operator-() const;
    BigInt abs() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    BigInt& operator+=(const BigInt& b);
    BigInt& operator-=(const BigInt& b);
    BigInt& operator*=(const BigInt& b);
    // Python // and % (floor semantics). false when b == 0: ZeroDivisionError
    // "integer division or modulo by zero" (// and divmod) or "integer modulo by zero" (%).
    static bool divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
    static std::optional<BigInt> floor_div(const BigInt& a, const BigInt& b);
    static std::optional<BigInt> mod(const BigInt& a, const BigInt& b);
    // Truncating division of magnitudes with sign rules of C (used by the helpers above).
    static bool divmod_trunc(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
    static BigInt pow(const BigInt& base, uint64_t exp);  // caller bounds exp for memory
    // pow(base, exp, mod): exp < 0 means the modular inverse raised to -exp. Errors:
    // ValueError "pow() 3rd argument cannot be 0", ValueError "base is not invertible for the given modulus".
    static Result<BigInt> pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);
    static BigInt gcd(const BigInt& a, const BigInt& b);  // math.gcd: non-negative
    // round(x, ndigits) for an int: unchanged for ndigits >= 0, else rounded to a multiple of
    // 10**-ndigits with ties to even (round(25, -1) == 20). Caller bounds -ndigits for memory.
    static BigInt round_digits(const BigInt& x, int64_t ndigits);

    // --- bit operations: infinite two's complement, as Python defines them for negatives
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt operator~() const;               // -(x + 1)
    BigInt operator<<(uint64_t n) const;    // caller rejects negative counts ("negative shift count")
    BigInt operator>>(uint64_t n) const;    // floors: -1 >> 5 == -1

    // --- comparison
    friend bool operator==(const BigInt& a, const BigInt& b) = default;
    friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);

    // Limbs of abs(self), least significant first, no trailing zeros (for hashing/serialising).
    const std::vector<uint32_t>& limbs() const { return mag_; }

private:
    static BigInt from_limbs(std::vector<uint32_t> mag, bool neg);
    void trim();

    std::vector<uint32_t> mag_;  // magnitude, little-endian base 2^32, empty for zero
    bool neg_ = false;           // never true for zero
};

// Python's exact int <=> float comparison (2**53 + 1 != 2.0**53). Unordered when x is nan.
std::partial_ordering compare_int_double(const BigInt& a, double x);

// int / int as Python computes it: correctly rounded. Errors: ZeroDivisionError "division by
// zero", OverflowError "integer division result too large for a float".
Result<double> int_true_divide(const BigInt& a, const BigInt& b);
Result<double> int_true_divide(int64_t a, int64_t b);

// hash() of an int and of a float exactly as CPython computes them on 64-bit builds
// (modulus 2**61 - 1), so that hash(1) == hash(1.0) and set/dict order can match CPython.
int64_t py_hash_int(const BigInt& a);
int64_t py_hash_int(int64_t a);
int64_t py_hash_double(double x);  // nan hashes by identity in CPython: caller handles nan

// CPython's messages for the conversions above.
std::string int_parse_error(std::string_view text, int base);  // "invalid literal for int() ..."
std::string int_max_str_digits_error_parse(std::size_t digits);  // str -> int beyond the limit
std::string int_max_str_digits_error_print(std::size_t digits);  // int -> str beyond the limit

}  // namespace ll::base
