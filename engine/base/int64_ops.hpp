// Checked int64 arithmetic with Python semantics: the VM's small-int fast path before it falls back to BigInt.
#pragma once

#include <cstdint>

namespace ll::base {

// Each returns false when the exact result does not fit in int64 (then `out` is unspecified and
// the caller redoes the operation with BigInt).
inline bool checked_add(int64_t a, int64_t b, int64_t& out) { return !__builtin_add_overflow(a, b, &out); }
inline bool checked_sub(int64_t a, int64_t b, int64_t& out) { return !__builtin_sub_overflow(a, b, &out); }
inline bool checked_mul(int64_t a, int64_t b, int64_t& out) { return !__builtin_mul_overflow(a, b, &out); }
inline bool checked_neg(int64_t a, int64_t& out) { return !__builtin_sub_overflow(int64_t{0}, a, &out); }

enum class DivStatus {
    Ok,
    ZeroDivision,  // "integer division or modulo by zero" (ZeroDivisionError); "integer modulo by zero" for %
    Overflow,      // only INT64_MIN // -1: redo with BigInt
};

// Python's floor division and modulo: the remainder takes the sign of the divisor.
inline DivStatus floor_divmod_i64(int64_t a, int64_t b, int64_t& q, int64_t& r) {
    if (b == 0) return DivStatus::ZeroDivision;
    if (b == -1) {
        r = 0;
        return checked_neg(a, q) ? DivStatus::Ok : DivStatus::Overflow;
    }
    q = a / b;
    r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
    return DivStatus::Ok;
}

inline DivStatus floor_div_i64(int64_t a, int64_t b, int64_t& q) {
    int64_t r;
    return floor_divmod_i64(a, b, q, r);
}

// Never overflows: INT64_MIN % -1 is 0.
inline DivStatus floor_mod_i64(int64_t a, int64_t b, int64_t& r) {
    if (b == 0) return DivStatus::ZeroDivision;
    if (b == -1) {
        r = 0;
        return DivStatus::Ok;
    }
    r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return DivStatus::Ok;
}

// Python's `a << n` when it fits (n >= 0 required; the caller raises "negative shift count").
inline bool checked_shl(int64_t a, uint64_t n, int64_t& out) {
    if (a == 0) {
        out = 0;
        return true;
    }
    if (n >= 64) return false;
    int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
    if ((shifted >> n) != a) return false;
    out = shifted;
    return true;
}

// Python's `a >> n` (arithmetic, floors toward negative infinity); never overflows.
inline int64_t shr_i64(int64_t a, uint64_t n) {
    if (n >= 64) return a < 0 ? -1 : 0;
    return a >> n;
}

}  // namespace ll::base
