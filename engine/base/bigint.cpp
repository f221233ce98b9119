// BigInt arithmetic with Python's rules: signs, floor division, powers, infinite two's-complement
// bit operations, comparison. Magnitudes live in bigint_limbs; text and float conversions in
// bigint_text.cpp and int_float.cpp.
#include "engine/base/bigint.hpp"

#include <algorithm>
#include <bit>

#include "engine/base/bigint_limbs.hpp"

namespace ll::base {

using namespace limbs;

// [SECTION] construction ------------------------------------------------------------------------
BigInt::BigInt(int64_t v) {
    if (v == 0) return;
    neg_ = v < 0;
    uint64_t mag = neg_ ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    mag_ = from_u64_limbs(mag);
}

BigInt BigInt::from_u64(uint64_t v) { return from_limbs(from_u64_limbs(v), false); }

BigInt BigInt::from_limbs(std::vector<uint32_t> mag, bool neg) {
    BigInt r;
    r.mag_ = std::move(mag);
    r.neg_ = neg;
    r.trim();
    return r;
}

void BigInt::trim() {
    trim_limbs(mag_);
    if (mag_.empty()) neg_ = false;
}

// [SECTION] inspection and conversion -------------------------------------------------------------
bool BigInt::fits_int64() const {
    if (mag_.size() > 2) return false;
    uint64_t m = to_u64(mag_);
    return neg_ ? m <= (uint64_t{1} << 63) : m < (uint64_t{1} << 63);
}

int64_t BigInt::to_int64() const {
    uint64_t m = to_u64(mag_);
    return neg_ ? static_cast<int64_t>(uint64_t{0} - m) : static_cast<int64_t>(m);
}

std::optional<int64_t> BigInt::try_int64() const {
    if (!fits_int64()) return std::nullopt;
    return to_int64();
}

uint64_t BigInt::bit_length() const { return bit_length_mag(mag_); }

uint64_t BigInt::bit_count() const {
    uint64_t n = 0;
    for (uint32_t limb : mag_) n += static_cast<uint64_t>(std::popcount(limb));
    return n;
}

// [SECTION] arithmetic ---------------------------------------------------------------------------
BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.mag_.empty()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

namespace {
// Signed addition of magnitudes: (an ? -a : a) + (bn ? -b : b).
BigInt signed_add(const Limbs& a, bool an, const Limbs& b, bool bn, BigInt (*make)(Limbs, bool)) {
    if (an == bn) return make(add_mag(a, b), an);
    int c = cmp_mag(a, b);
    if (c == 0) return make({}, false);
    if (c > 0) return make(sub_mag(a, b), an);
    return make(sub_mag(b, a), bn);
}
}  // namespace

BigInt operator+(const BigInt& a, const BigInt& b) {
    return signed_add(a.mag_, a.neg_, b.mag_, b.neg_, &BigInt::from_limbs);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    return signed_add(a.mag_, a.neg_, b.mag_, !b.neg_ && !b.mag_.empty(), &BigInt::from_limbs);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    return BigInt::from_limbs(mul_mag(a.mag_, b.mag_), a.neg_ != b.neg_);
}

BigInt& BigInt::operator+=(const BigInt& b) {
    if (b.mag_.empty()) return *this;
    if (mag_.empty() || neg_ != b.neg_) return *this = *this + b;
    // Same signs: add the magnitudes in place (the accumulator case, `total += x`).
    if (mag_.size() < b.mag_.size()) mag_.resize(b.mag_.size(), 0);
    uint64_t carry = 0;
    std::size_t i = 0;
    for (; i < b.mag_.size(); ++i) {
        uint64_t t = uint64_t{mag_[i]} + b.mag_[i] + carry;
        mag_[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    for (; carry && i < mag_.size(); ++i) {
        uint64_t t = uint64_t{mag_[i]} + carry;
        mag_[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) mag_.push_back(static_cast<uint32_t>(carry));
    return *this;
}
BigInt& BigInt::operator-=(const BigInt& b) { return *this = *this - b; }
BigInt& BigInt::operator*=(const BigInt& b) { return *this = *this * b; }

// [SECTION] division ------------------------------------------------------------------------------
bool BigInt::divmod_trunc(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    if (b.is_zero()) return false;
    Limbs qm, rm;
    divmod_mag(a.mag_, b.mag_, qm, rm);
    q = from_limbs(std::move(qm), a.neg_ != b.neg_);
    r = from_limbs(std::move(rm), a.neg_);
    return true;
}

bool BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    if (!divmod_trunc(a, b, q, r)) return false;
    // Floor semantics: a nonzero remainder must take the divisor's sign.
    if (!r.is_zero() && r.neg_ != b.neg_) {
        q -= BigInt(1);
        r += b;
    }
    return true;
}

std::optional<BigInt> BigInt::floor_div(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    if (!divmod(a, b, q, r)) return std::nullopt;
    return q;
}

std::optional<BigInt> BigInt::mod(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    if (!divmod(a, b, q, r)) return std::nullopt;
    return r;
}

// [SECTION] powers ----------------------------------------------------------------------------------
BigInt BigInt::pow(const BigInt& base, uint64_t exp) {
    BigInt result(1);
    BigInt b = base;
    while (exp) {
        if (exp & 1) result *= b;
        exp >>= 1;
        if (exp) b = b * b;
    }
    return result;
}

BigInt BigInt::gcd(const BigInt& a, const BigInt& b) {
    BigInt x = a.abs(), y = b.abs();
    while (!y.is_zero()) {
        BigInt q, r;
        divmod_trunc(x, y, q, r);
        x = std::move(y);
        y = std::move(r);
    }
    return x;
}

BigInt BigInt::round_digits(const BigInt& x, int64_t ndigits) {
    if (ndigits >= 0) return x;
    BigInt unit = pow(BigInt(10), static_cast<uint64_t>(-(ndigits + 1)) + 1);
    BigInt q, r;
    divmod(x, unit, q, r);  // floor: 0 <= r < unit
    // Round up when r > unit/2, or at exactly half when q is odd (ties to even).
    auto c = (r << 1) <=> unit;
    if (c > 0 || (c == 0 && q.is_odd())) q += BigInt(1);
    return q * unit;
}

Result<BigInt> BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
    if (mod.is_zero()) return value_error("pow() 3rd argument cannot be 0");
    BigInt m = mod.abs();
    BigInt b = *BigInt::mod(base, m);
    BigInt e = exp;
    if (e.is_negative()) {
        // Modular inverse by the extended Euclidean algorithm.
        BigInt r0 = m, r1 = b, t0(0), t1(1);
        while (!r1.is_zero()) {
            BigInt q, r;
            divmod(r0, r1, q, r);
            BigInt t2 = t0 - q * t1;
            r0 = std::move(r1);
            r1 = std::move(r);
            t0 = std::move(t1);
            t1 = std::move(t2);
        }
        if (r0 != BigInt(1)) return value_error("base is not invertible for the given modulus");
        b = *BigInt::mod(t0, m);
        e = -e;
    }
    BigInt result = *BigInt::mod(BigInt(1), m);
    uint64_t nbits = e.bit_length();
    for (uint64_t i = nbits; i-- > 0;) {
        result = *BigInt::mod(result * result, m);
        if ((e.mag_[static_cast<std::size_t>(i / 32)] >> (i % 32)) & 1u) result = *BigInt::mod(result * b, m);
    }
    if (mod.is_negative() && !result.is_zero()) result += mod;
    return result;
}

// [SECTION] bit operations ---------------------------------------------------------------------------
namespace {

// Two's complement of a signed magnitude over `n` limbs (n exceeds the magnitude's size).
Limbs to_twos(const Limbs& mag, bool neg, std::size_t n) {
    Limbs r(n, 0);
    std::copy(mag.begin(), mag.end(), r.begin());
    if (neg) {
        uint64_t carry = 1;
        for (auto& limb : r) {
            uint64_t t = uint64_t{static_cast<uint32_t>(~limb)} + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return r;
}

template <class Op>
BigInt bitwise(const Limbs& a, bool an, const Limbs& b, bool bn, Op op, BigInt (*make)(Limbs, bool)) {
    std::size_t n = std::max(a.size(), b.size()) + 1;
    Limbs x = to_twos(a, an, n), y = to_twos(b, bn, n);
    for (std::size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
    bool neg = (x.back() >> 31) != 0;
    if (neg) x = to_twos(x, true, n);  // negate back to a magnitude
    return make(std::move(x), neg);
}

}  // namespace

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x & y; }, &BigInt::from_limbs);
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x | y; }, &BigInt::from_limbs);
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x ^ y; }, &BigInt::from_limbs);
}

BigInt BigInt::operator~() const { return -(*this + BigInt(1)); }

BigInt BigInt::operator<<(uint64_t n) const { return from_limbs(shl_mag(mag_, n), neg_); }

BigInt BigInt::operator>>(uint64_t n) const {
    if (!neg_) return from_limbs(shr_mag(mag_, n), false);
    // Floor for negatives: x >> n == ~((~x) >> n), and ~x = |x| - 1 for x < 0.
    Limbs m = sub_mag(mag_, Limbs{1});
    Limbs s = shr_mag(m, n);
    return from_limbs(add_mag(s, Limbs{1}), true);
}

// [SECTION] comparison -------------------------------------------------------------------------------
std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
    if (a.neg_ != b.neg_) return a.neg_ ? std::strong_ordering::less : std::strong_ordering::greater;
    int c = cmp_mag(a.mag_, b.mag_);
    if (a.neg_) c = -c;
    return c < 0 ? std::strong_ordering::less : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace ll::base
