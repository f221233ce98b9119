// Magnitude arithmetic for BigInt: little-endian base-2**32 limb vectors, schoolbook and
// Karatsuba multiplication, Knuth's division, shifts.
#include "engine/base/bigint_limbs.hpp"

#include <algorithm>
#include <bit>

namespace ll::base::limbs {


void trim_limbs(Limbs& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
}

int cmp_mag(const Limbs& a, const Limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Limbs add_mag(const Limbs& a, const Limbs& b) {
    const Limbs& big = a.size() >= b.size() ? a : b;
    const Limbs& small = a.size() >= b.size() ? b : a;
    Limbs r(big.size() + 1);
    uint64_t carry = 0;
    for (std::size_t i = 0; i < big.size(); ++i) {
        uint64_t t = uint64_t{big[i]} + (i < small.size() ? small[i] : 0u) + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    r[big.size()] = static_cast<uint32_t>(carry);
    trim_limbs(r);
    return r;
}

// a - b, requires a >= b.
Limbs sub_mag(const Limbs& a, const Limbs& b) {
    Limbs r(a.size());
    int64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        int64_t t = int64_t{a[i]} - (i < b.size() ? int64_t{b[i]} : 0) - borrow;
        borrow = t < 0 ? 1 : 0;
        r[i] = static_cast<uint32_t>(t + (borrow << 32));
    }
    trim_limbs(r);
    return r;
}

namespace {

void mul_school(const uint32_t* a, std::size_t na, const uint32_t* b, std::size_t nb, uint32_t* r) {
    // r must hold na + nb zeroed limbs.
    for (std::size_t i = 0; i < na; ++i) {
        uint64_t carry = 0;
        uint64_t ai = a[i];
        if (ai == 0) continue;
        for (std::size_t j = 0; j < nb; ++j) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        r[i + nb] = static_cast<uint32_t>(carry);
    }
}

constexpr std::size_t kKaratsubaCutoff = 48;

// r += x (x has nx limbs), at limb offset; r is big enough that the carry never runs out.
void add_into(uint32_t* r, std::size_t nr, const uint32_t* x, std::size_t nx) {
    uint64_t carry = 0;
    std::size_t i = 0;
    for (; i < nx; ++i) {
        uint64_t t = uint64_t{r[i]} + x[i] + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    for (; carry && i < nr; ++i) {
        uint64_t t = uint64_t{r[i]} + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
}

// Karatsuba on balanced operands; falls back to schoolbook below the cutoff or when lopsided.
Limbs karatsuba(const Limbs& a, const Limbs& b) {
    std::size_t half = std::max(a.size(), b.size()) / 2;
    auto lo = [&](const Limbs& x) {
        Limbs r(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(std::min(half, x.size())));
        trim_limbs(r);
        return r;
    };
    auto hi = [&](const Limbs& x) {
        if (x.size() <= half) return Limbs{};
        return Limbs(x.begin() + static_cast<std::ptrdiff_t>(half), x.end());
    };
    Limbs a0 = lo(a), a1 = hi(a), b0 = lo(b), b1 = hi(b);
    Limbs z0 = mul_mag(a0, b0);
    Limbs z2 = mul_mag(a1, b1);
    Limbs z1 = mul_mag(add_mag(a0, a1), add_mag(b0, b1));
    z1 = sub_mag(sub_mag(z1, z0), z2);
    Limbs r(a.size() + b.size() + 1, 0);
    add_into(r.data(), r.size(), z0.data(), z0.size());
    add_into(r.data() + half, r.size() - half, z1.data(), z1.size());
    add_into(r.data() + 2 * half, r.size() - 2 * half, z2.data(), z2.size());
    trim_limbs(r);
    return r;
}

}  // namespace

Limbs mul_mag(const Limbs& a, const Limbs& b) {
    if (a.empty() || b.empty()) return {};
    std::size_t small = std::min(a.size(), b.size());
    std::size_t big = std::max(a.size(), b.size());
    if (small >= kKaratsubaCutoff && 2 * small > big) return karatsuba(a, b);
    Limbs r(a.size() + b.size(), 0);
    mul_school(a.data(), a.size(), b.data(), b.size(), r.data());
    trim_limbs(r);
    return r;
}

// a = a * m + add, in place.
void mul_small_add(Limbs& a, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (auto& limb : a) {
        uint64_t t = uint64_t{limb} * m + carry;
        limb = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) a.push_back(static_cast<uint32_t>(carry));
}

// a /= d in place, returns the remainder.
uint32_t div_small(Limbs& a, uint32_t d) {
    uint64_t rem = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    trim_limbs(a);
    return static_cast<uint32_t>(rem);
}

// Knuth's algorithm D (TAOCP 4.3.1) on magnitudes; requires b non-empty.
void divmod_mag(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r) {
    if (cmp_mag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        uint32_t rem = div_small(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    const std::size_t n = b.size();
    const std::size_t m = a.size() - n;
    const int s = std::countl_zero(b.back());
    Limbs vn(n), un(a.size() + 1);
    for (std::size_t i = n; i-- > 1;) {
        vn[i] = s ? (b[i] << s) | (b[i - 1] >> (32 - s)) : b[i];
    }
    vn[0] = b[0] << s;
    un[a.size()] = s ? a.back() >> (32 - s) : 0;
    for (std::size_t i = a.size(); i-- > 1;) {
        un[i] = s ? (a[i] << s) | (a[i - 1] >> (32 - s)) : a[i];
    }
    un[0] = a[0] << s;
    q.assign(m + 1, 0);
    constexpr uint64_t kBase = uint64_t{1} << 32;
    for (std::size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t{un[j + n]} << 32) | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1];
        uint64_t rhat = num % vn[n - 1];
        while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
            --qhat;
            rhat += vn[n - 1];
            if (rhat >= kBase) break;
        }
        int64_t k = 0;
        int64_t t = 0;
        for (std::size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * vn[i];
            t = int64_t{un[i + j]} - k - static_cast<int64_t>(p & 0xFFFFFFFFu);
            un[i + j] = static_cast<uint32_t>(t);
            k = static_cast<int64_t>(p >> 32) - (t >> 32);
        }
        t = int64_t{un[j + n]} - k;
        un[j + n] = static_cast<uint32_t>(t);
        if (t < 0) {
            // qhat was one too large: add the divisor back.
            --qhat;
            uint64_t carry = 0;
            for (std::size_t i = 0; i < n; ++i) {
                uint64_t sum = uint64_t{un[i + j]} + vn[i] + carry;
                un[i + j] = static_cast<uint32_t>(sum);
                carry = sum >> 32;
            }
            un[j + n] = static_cast<uint32_t>(un[j + n] + carry);
        }
        q[j] = static_cast<uint32_t>(qhat);
    }
    trim_limbs(q);
    r.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        r[i] = s ? (un[i] >> s) | static_cast<uint32_t>(uint64_t{un[i + 1]} << (32 - s)) : un[i];
    }
    trim_limbs(r);
}

Limbs shl_mag(const Limbs& a, uint64_t n) {
    if (a.empty()) return {};
    std::size_t limbs = static_cast<std::size_t>(n / 32);
    unsigned bits = static_cast<unsigned>(n % 32);
    Limbs r(a.size() + limbs + 1, 0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        uint64_t v = uint64_t{a[i]} << bits;
        r[i + limbs] |= static_cast<uint32_t>(v);
        r[i + limbs + 1] |= static_cast<uint32_t>(v >> 32);
    }
    trim_limbs(r);
    return r;
}

Limbs shr_mag(const Limbs& a, uint64_t n) {
    if (n / 32 >= a.size()) return {};
    std::size_t limbs = static_cast<std::size_t>(n / 32);
    unsigned bits = static_cast<unsigned>(n % 32);
    Limbs r(a.size() - limbs);
    for (std::size_t i = 0; i < r.size(); ++i) {
        uint64_t v = a[i + limbs];
        if (i + limbs + 1 < a.size()) v |= uint64_t{a[i + limbs + 1]} << 32;
        r[i] = static_cast<uint32_t>(v >> bits);
    }
    trim_limbs(r);
    return r;
}

// True when any of the lowest n bits of a is set.
bool low_bits_nonzero(const Limbs& a, uint64_t n) {
    std::size_t full = static_cast<std::size_t>(std::min<uint64_t>(n / 32, a.size()));
    for (std::size_t i = 0; i < full; ++i) {
        if (a[i]) return true;
    }
    unsigned bits = static_cast<unsigned>(n % 32);
    if (bits && full < a.size()) return (a[full] & ((uint32_t{1} << bits) - 1)) != 0;
    return false;
}

uint64_t bit_length_mag(const Limbs& a) {
    if (a.empty()) return 0;
    return (a.size() - 1) * uint64_t{32} + static_cast<uint64_t>(32 - std::countl_zero(a.back()));
}

uint64_t to_u64(const Limbs& a) {
    uint64_t v = 0;
    if (!a.empty()) v = a[0];
    if (a.size() > 1) v |= uint64_t{a[1]} << 32;
    return v;
}

Limbs from_u64_limbs(uint64_t v) {
    Limbs r;
    if (v) r.push_back(static_cast<uint32_t>(v));
    if (v >> 32) r.push_back(static_cast<uint32_t>(v >> 32));
    return r;
}

}  // namespace ll::base::limbs
