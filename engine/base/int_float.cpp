// int <-> float: correctly rounded int -> float and int / int, int(float), exact int/float
// comparison, and CPython's numeric hash (modulus 2**61 - 1) shared by int and float.
#include "engine/base/bigint.hpp"

#include <bit>
#include <cmath>

#include "engine/base/bigint_limbs.hpp"

namespace ll::base {

using namespace limbs;

namespace {

// value = (m + epsilon) * 2**e with epsilon in (0, 1) when `sticky`, rounded half-to-even to a
// double (subnormals included). Callers pass m with at least 55 bits whenever sticky is set, so
// the sticky bit lies below the rounding position. nullopt on overflow.
std::optional<double> compose_double(uint64_t m, bool sticky, int64_t e) {
    if (m == 0) return 0.0;
    const int64_t bits = 64 - std::countl_zero(m);
    const int64_t top = bits + e;  // value < 2**top
    if (top > 1024) return std::nullopt;
    int64_t keep = 53;
    if (top - 53 < -1074) keep = top + 1074;
    if (keep < 0) return 0.0;
    int64_t drop = bits - keep;
    if (drop > 0) {
        uint64_t q = drop >= 64 ? 0 : m >> drop;
        uint64_t rem = drop >= 64 ? m : m & ((uint64_t{1} << drop) - 1);
        uint64_t half = uint64_t{1} << (drop - 1);
        bool up = rem > half || (rem == half && (sticky || (q & 1)));
        m = q + (up ? 1 : 0);
        e += drop;
    }
    double r = std::ldexp(static_cast<double>(m), static_cast<int>(e));
    if (std::isinf(r)) return std::nullopt;
    return r;
}

}  // namespace

std::optional<BigInt> BigInt::from_double(double x) {
    if (!std::isfinite(x)) return std::nullopt;
    double t = std::trunc(x);
    if (std::fabs(t) < 9.2e18) return BigInt(static_cast<int64_t>(t));
    int exp = 0;
    double frac = std::frexp(std::fabs(t), &exp);  // |t| = frac * 2**exp, frac in [0.5, 1)
    uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
    BigInt r = from_u64(mant) << static_cast<uint64_t>(exp - 53);
    return t < 0 ? -r : r;
}
std::optional<double> BigInt::to_double() const {
    uint64_t n = bit_length();
    std::optional<double> r;
    if (n <= 64) {
        r = compose_double(to_u64(mag_), false, 0);
    } else {
        uint64_t top = to_u64(shr_mag(mag_, n - 64));
        bool sticky = low_bits_nonzero(mag_, n - 64);
        if (n > 1100) return std::nullopt;
        r = compose_double(top, sticky, static_cast<int64_t>(n - 64));
    }
    if (!r) return std::nullopt;
    return neg_ ? -*r : *r;
}
std::partial_ordering compare_int_double(const BigInt& a, double x) {
    if (std::isnan(x)) return std::partial_ordering::unordered;
    if (std::isinf(x)) return x > 0 ? std::partial_ordering::less : std::partial_ordering::greater;
    double t = std::trunc(x);
    BigInt ti = *BigInt::from_double(t);
    auto c = a <=> ti;
    if (c != 0) return c;
    double frac = x - t;
    if (frac > 0) return std::partial_ordering::less;
    if (frac < 0) return std::partial_ordering::greater;
    return std::partial_ordering::equivalent;
}
// [SECTION] true division -------------------------------------------------------------------------------
Result<double> int_true_divide(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return zero_division_error("division by zero");
    bool neg = a.is_negative() != b.is_negative();
    if (a.is_zero()) return neg ? -0.0 : 0.0;
    constexpr uint64_t kExact = uint64_t{1} << 53;
    uint64_t na = a.bit_length(), nb = b.bit_length();
    if (na <= 53 && nb <= 53) {
        // Both exact as doubles: one IEEE division is correctly rounded.
        (void)kExact;
        return static_cast<double>(a.to_int64()) / static_cast<double>(b.to_int64());
    }
    int64_t diff = static_cast<int64_t>(na) - static_cast<int64_t>(nb);
    if (diff > 1025) return overflow_error("integer division result too large for a float");
    if (diff < -1080) return neg ? -0.0 : 0.0;
    // Scale so the integer quotient has 55 or 56 bits, then round it once with a sticky bit.
    int64_t shift = 55 - diff;
    BigInt x = a.abs(), y = b.abs();
    if (shift > 0) x = x << static_cast<uint64_t>(shift);
    else if (shift < 0) y = y << static_cast<uint64_t>(-shift);
    BigInt q, r;
    BigInt::divmod_trunc(x, y, q, r);
    std::optional<double> v = compose_double(static_cast<uint64_t>(q.to_int64()), !r.is_zero(), -shift);
    if (!v) return overflow_error("integer division result too large for a float");
    return neg ? -*v : *v;
}

Result<double> int_true_divide(int64_t a, int64_t b) {
    if (b == 0) return zero_division_error("division by zero");
    constexpr int64_t kLimit = int64_t{1} << 53;
    if (a >= -kLimit && a <= kLimit && b >= -kLimit && b <= kLimit) {
        return static_cast<double>(a) / static_cast<double>(b);
    }
    return int_true_divide(BigInt(a), BigInt(b));
}
// [SECTION] hashing ----------------------------------------------------------------------------------------
namespace {
constexpr uint64_t kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;

// x * 2**e mod (2**61 - 1) for x < modulus, 0 <= e < 61: a rotation within 61 bits.
uint64_t hash_rotate(uint64_t x, uint64_t e) {
    if (e == 0) return x;
    return ((x << e) & kHashModulus) | (x >> (kHashBits - e));
}

int64_t finish_hash(uint64_t x, bool neg) {
    int64_t h = static_cast<int64_t>(x);
    if (neg) h = -h;
    return h == -1 ? -2 : h;
}
}  // namespace

int64_t py_hash_int(const BigInt& a) {
    uint64_t x = 0;
    const auto& limbs = a.limbs();
    for (std::size_t i = limbs.size(); i-- > 0;) {
        x = hash_rotate(x, 32) + limbs[i];
        if (x >= kHashModulus) x -= kHashModulus;
    }
    return finish_hash(x, a.is_negative());
}

int64_t py_hash_int(int64_t a) {
    uint64_t m = a < 0 ? uint64_t{0} - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    return finish_hash(m % kHashModulus, a < 0);
}

int64_t py_hash_double(double v) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    bool neg = m < 0;
    if (neg) m = -m;
    // Consume the mantissa 28 bits at a time: x accumulates m * 2**k mod P.
    uint64_t x = 0;
    while (m != 0.0) {
        x = hash_rotate(x, 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    // Multiply by 2**e mod P; 2**61 == 1 mod P so only e mod 61 matters.
    uint64_t ue = e >= 0 ? static_cast<uint64_t>(e) % kHashBits
                         : kHashBits - 1 - (static_cast<uint64_t>(-1 - e) % kHashBits);
    x = hash_rotate(x, ue);
    return finish_hash(x, neg);
}

}  // namespace ll::base
