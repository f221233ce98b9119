// Methods and attributes of int, float and range: bit_count, as_integer_ratio, real/imag,
// numerator/denominator, conjugate, float.hex, range.index/count.
#include <cmath>

#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

// int(self) for an int or bool value (a bool's real part is a plain int).
Value as_plain_int(VM& vm, const Value& v) {
    if (v.is_bool()) return Value::integer(v.as_int());
    if (is_exact_int(v)) return v;
    return new_int(vm, to_bigint(v));
}

Value int_bit_length(VM& vm, Args a) {
    if (!method_none(vm, a, "int.bit_length")) return {};
    return Value::integer(static_cast<std::int64_t>(to_bigint(a[0]).bit_length()));
}

Value int_bit_count(VM& vm, Args a) {
    if (!method_none(vm, a, "int.bit_count")) return {};
    if (a[0].is_int() || a[0].is_bool()) {
        std::int64_t x = a[0].as_int();
        std::uint64_t ux = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
        return Value::integer(__builtin_popcountll(ux));
    }
    return Value::integer(static_cast<std::int64_t>(to_bigint(a[0]).bit_count()));
}

Value int_conjugate(VM& vm, Args a) {
    if (!method_none(vm, a, "int.conjugate")) return {};
    return as_plain_int(vm, a[0]);
}

Value int_as_integer_ratio(VM& vm, Args a) {
    if (!method_none(vm, a, "int.as_integer_ratio")) return {};
    return tuple_of(vm, {as_plain_int(vm, a[0]), Value::integer(1)});
}

Value int_is_integer(VM& vm, Args a) {
    if (!method_none(vm, a, "int.is_integer")) return {};
    return Value::boolean(true);
}

Value int_real(VM& vm, const Value& self) { return as_plain_int(vm, self); }
Value int_imag(VM&, const Value&) { return Value::integer(0); }
Value int_denominator(VM&, const Value&) { return Value::integer(1); }

Value float_is_integer(VM& vm, Args a) {
    if (!method_none(vm, a, "float.is_integer")) return {};
    double x = a[0].as_float();
    return Value::boolean(std::isfinite(x) && std::floor(x) == x);
}

Value float_conjugate(VM& vm, Args a) {
    if (!method_none(vm, a, "float.conjugate")) return {};
    return Value::number(a[0].as_float());
}

Value float_as_integer_ratio(VM& vm, Args a) {
    if (!method_none(vm, a, "float.as_integer_ratio")) return {};
    double x = a[0].as_float();
    if (std::isinf(x)) return raise(vm, vm.exc.OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) return raise(vm, vm.exc.ValueError, "cannot convert NaN to integer ratio");
    int exp;
    double mant = std::frexp(x, &exp);
    // Scale the mantissa to an integer (at most 300 doublings, as CPython).
    for (int i = 0; i < 300 && mant != std::floor(mant); ++i) {
        mant *= 2.0;
        --exp;
    }
    base::BigInt num = *base::BigInt::from_double(mant);
    base::BigInt den(1);
    if (exp > 0) num = num << static_cast<std::uint64_t>(exp);
    else den = den << static_cast<std::uint64_t>(-exp);
    return tuple_of(vm, {new_int(vm, std::move(num)), new_int(vm, std::move(den))});
}

Value float_hex(VM& vm, Args a) {
    if (!method_none(vm, a, "float.hex")) return {};
    double x = a[0].as_float();
    if (std::isnan(x)) return new_str(vm, "nan");
    if (std::isinf(x)) return new_str(vm, x < 0 ? "-inf" : "inf");
    bool neg = std::signbit(x);
    x = std::fabs(x);
    if (x == 0.0) return new_str(vm, neg ? "-0x0.0p+0" : "0x0.0p+0");
    // 1 leading hex digit, 13 fractional hex digits (52 bits); subnormals keep exponent -1022.
    int exp;
    double m = std::frexp(x, &exp);  // x = m * 2**exp, m in [0.5, 1)
    int e = exp - 1;                  // x = (2m) * 2**e, 2m in [1, 2)
    double lead = 2.0 * m;
    if (e < -1022) {
        lead = std::ldexp(lead, e + 1022);
        e = -1022;
    }
    int first = static_cast<int>(lead);
    double frac = lead - first;
    std::string digits;
    for (int i = 0; i < 13; ++i) {
        frac *= 16.0;
        int d = static_cast<int>(frac);
        digits += "0123456789abcdef"[d];
        frac -= d;
    }
    return new_str(vm, fmt::format("{}0x{}.{}p{}{}", neg ? "-" : "", first, digits, e < 0 ? "-" : "+", std::abs(e)));
}

Value float_real(VM&, const Value& self) { return Value::number(self.as_float()); }
Value float_imag(VM&, const Value&) { return Value::number(0.0); }

// --- range -----------------------------------------------------------------------------------

// The position of int v in r, or -1.
std::int64_t range_position(const Range* r, std::int64_t v) {
    std::int64_t n = r->length();
    if (n == 0) return -1;
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return -1;
    std::int64_t diff = v - r->start;
    if (diff % r->step != 0) return -1;
    return diff / r->step;
}

Value range_index(VM& vm, Args a) {
    if (!method_one(vm, a, "range.index")) return {};
    const Range* r = a[0].as<Range>();
    std::int64_t v;
    if (is_int(a[1]) && to_int64(a[1], v)) {
        std::int64_t pos = range_position(r, v);
        if (pos >= 0) return Value::integer(pos);
    } else if (!is_int(a[1])) {
        // Non-int items compare by == against each element.
        for (std::int64_t i = 0, n = r->length(); i < n; ++i) {
            int eqr = eq(vm, Value::integer(r->start + i * r->step), a[1]);
            if (eqr < 0) return {};
            if (eqr) return Value::integer(i);
        }
    }
    Value rp = repr(vm, a[1]);
    if (!rp) return {};
    return raise_fmt(vm, vm.exc.ValueError, "{} is not in range", str_view(rp));
}

Value range_count(VM& vm, Args a) {
    if (!method_one(vm, a, "range.count")) return {};
    const Range* r = a[0].as<Range>();
    std::int64_t v;
    if (is_int(a[1])) {
        if (!to_int64(a[1], v)) return Value::integer(0);
        return Value::integer(range_position(r, v) >= 0 ? 1 : 0);
    }
    std::int64_t count = 0;
    for (std::int64_t i = 0, n = r->length(); i < n; ++i) {
        int eqr = eq(vm, Value::integer(r->start + i * r->step), a[1]);
        if (eqr < 0) return {};
        count += eqr;
    }
    return Value::integer(count);
}

}  // namespace

void init_number_methods(VM& vm) {
    Type* i = vm.types.int_;
    def_method(vm, i, "bit_length", int_bit_length);
    def_method(vm, i, "bit_count", int_bit_count);
    def_method(vm, i, "conjugate", int_conjugate);
    def_method(vm, i, "as_integer_ratio", int_as_integer_ratio);
    def_method(vm, i, "is_integer", int_is_integer);
    def_getset(vm, i, "real", int_real);
    def_getset(vm, i, "imag", int_imag);
    def_getset(vm, i, "numerator", int_real);
    def_getset(vm, i, "denominator", int_denominator);
    Type* f = vm.types.float_;
    def_method(vm, f, "is_integer", float_is_integer);
    def_method(vm, f, "conjugate", float_conjugate);
    def_method(vm, f, "as_integer_ratio", float_as_integer_ratio);
    def_method(vm, f, "hex", float_hex);
    def_getset(vm, f, "real", float_real);
    def_getset(vm, f, "imag", float_imag);
    Type* r = vm.types.range;
    def_method(vm, r, "index", range_index);
    def_method(vm, r, "count", range_count);
}

}  // namespace ll::vm::lib
