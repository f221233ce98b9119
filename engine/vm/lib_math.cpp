// The math module: constants, rounding, powers and logarithms, trigonometry, exact integer
// functions (gcd, lcm, comb, perm, factorial, isqrt), fsum (Shewchuk, as CPython) and prod,
// with CPython's "math domain error" / "math range error" reporting.
#include <cmath>

#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

bool real_arg(VM& vm, const Value& v, double& out) {
    if (v.is_float()) {
        out = v.as_float();
        return true;
    }
    if (v.is_int() || v.is_bool()) {
        out = static_cast<double>(v.as_int());
        return true;
    }
    if (is_int(v)) {
        auto d = to_bigint(v).to_double();
        if (!d) {
            raise(vm, vm.exc.OverflowError, "int too large to convert to float");
            return false;
        }
        out = *d;
        return true;
    }
    if (Value f = type_of(v)->lookup("__float__")) {
        Value r = call(vm, f, {v});
        if (!r) return false;
        if (r.is_float()) {
            out = r.as_float();
            return true;
        }
    }
    raise_fmt(vm, vm.exc.TypeError, "must be real number, not {}", type_name(v));
    return false;
}

bool one_real(VM& vm, const Args& a, const char* name, double& x) {
    if (!no_kwargs(vm, a, name)) return false;
    if (a.size() != 1) {
        raise_fmt(vm, vm.exc.TypeError, "math.{}() takes exactly one argument ({} given)", name, a.size());
        return false;
    }
    return real_arg(vm, a[0], x);
}

// CPython's math_1: nan from a non-nan input is a domain error, inf from a finite one a range error.
Value checked(VM& vm, double x, double r, bool can_overflow) {
    if (std::isnan(r) && !std::isnan(x)) return raise(vm, vm.exc.ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x)) {
        if (can_overflow) return raise(vm, vm.exc.OverflowError, "math range error");
        return raise(vm, vm.exc.ValueError, "math domain error");
    }
    return Value::number(r);
}

#define LL_MATH1(pyname, expr, overflow)                        \
    Value m_##pyname(VM& vm, Args a) {                          \
        double x;                                               \
        if (!one_real(vm, a, #pyname, x)) return {};            \
        return checked(vm, x, expr, overflow);                  \
    }
LL_MATH1(sqrt, std::sqrt(x), false)
LL_MATH1(exp, std::exp(x), true)
LL_MATH1(exp2, std::exp2(x), true)
LL_MATH1(expm1, std::expm1(x), true)
LL_MATH1(sin, std::sin(x), false)
LL_MATH1(cos, std::cos(x), false)
LL_MATH1(tan, std::tan(x), false)
LL_MATH1(asin, std::asin(x), false)
LL_MATH1(acos, std::acos(x), false)
LL_MATH1(atan, std::atan(x), false)
LL_MATH1(sinh, std::sinh(x), true)
LL_MATH1(cosh, std::cosh(x), true)
LL_MATH1(tanh, std::tanh(x), false)
LL_MATH1(fabs, std::fabs(x), false)
LL_MATH1(cbrt, std::cbrt(x), false)
LL_MATH1(degrees, x * (180.0 / M_PI), true)
LL_MATH1(radians, x * (M_PI / 180.0), false)
#undef LL_MATH1

Value m_isinf(VM& vm, Args a) {
    double x;
    if (!one_real(vm, a, "isinf", x)) return {};
    return Value::boolean(std::isinf(x));
}
Value m_isnan(VM& vm, Args a) {
    double x;
    if (!one_real(vm, a, "isnan", x)) return {};
    return Value::boolean(std::isnan(x));
}
Value m_isfinite(VM& vm, Args a) {
    double x;
    if (!one_real(vm, a, "isfinite", x)) return {};
    return Value::boolean(std::isfinite(x));
}

Value float_to_int(VM& vm, double d) {
    if (std::isinf(d)) return raise(vm, vm.exc.OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(vm, vm.exc.ValueError, "cannot convert float NaN to integer");
    if (d >= -9.2e18 && d <= 9.2e18) return Value::integer(static_cast<std::int64_t>(d));
    return new_int(vm, *base::BigInt::from_double(d));
}

Value rounding(VM& vm, Args a, const char* name, const char* dunder, double (*fn)(double)) {
    if (!no_kwargs(vm, a, name)) return {};
    if (a.size() != 1)
        return raise_fmt(vm, vm.exc.TypeError, "math.{}() takes exactly one argument ({} given)", name, a.size());
    const Value& x = a[0];
    if (is_int(x)) return is_exact_int(x) ? x : new_int(vm, to_bigint(x));
    if (x.is_float()) return float_to_int(vm, fn(x.as_float()));
    if (Value m = type_of(x)->lookup(dunder)) return call(vm, m, {x});
    double d;
    if (!real_arg(vm, x, d)) return {};
    return float_to_int(vm, fn(d));
}
Value m_floor(VM& vm, Args a) { return rounding(vm, a, "floor", "__floor__", [](double d) { return std::floor(d); }); }
Value m_ceil(VM& vm, Args a) { return rounding(vm, a, "ceil", "__ceil__", [](double d) { return std::ceil(d); }); }
Value m_trunc(VM& vm, Args a) { return rounding(vm, a, "trunc", "__trunc__", [](double d) { return std::trunc(d); }); }

// log of a positive number, big ints included (CPython's loghelper).
bool log_of(VM& vm, const Value& v, double (*fn)(double), double& out) {
    if (is_int(v) && !v.is_int() && !v.is_bool()) {
        base::BigInt n = to_bigint(v);
        if (n.sign() <= 0) {
            raise(vm, vm.exc.ValueError, "math domain error");
            return false;
        }
        if (auto d = n.to_double()) {
            out = fn(*d);
            return true;
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + log(2) * e.
        std::uint64_t e = n.bit_length();
        base::BigInt top = n >> (e - 60);
        double m = std::ldexp(*top.to_double(), -60);
        out = fn(m) + fn(2.0) * static_cast<double>(e);
        return true;
    }
    double x;
    if (!real_arg(vm, v, x)) return false;
    if (x <= 0 || std::isnan(x)) {
        if (std::isnan(x)) {
            out = x;
            return true;
        }
        raise(vm, vm.exc.ValueError, "math domain error");
        return false;
    }
    out = fn(x);
    return true;
}

Value m_log(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "log") || !check_range(vm, a.size(), "log", 1, 2)) return {};
    double num;
    if (!log_of(vm, a[0], [](double d) { return std::log(d); }, num)) return {};
    if (a.size() == 1) return Value::number(num);
    double den;
    if (!log_of(vm, a[1], [](double d) { return std::log(d); }, den)) return {};
    if (den == 0.0) return raise(vm, vm.exc.ZeroDivisionError, "float division by zero");
    return Value::number(num / den);
}

Value m_log2(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "log2") || !check_one(vm, a.size(), "math.log2")) return {};
    double r;
    if (!log_of(vm, a[0], [](double d) { return std::log2(d); }, r)) return {};
    return Value::number(r);
}

Value m_log10(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "log10") || !check_one(vm, a.size(), "math.log10")) return {};
    double r;
    if (!log_of(vm, a[0], [](double d) { return std::log10(d); }, r)) return {};
    return Value::number(r);
}

Value m_pow(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "pow") || !check_range(vm, a.size(), "pow", 2, 2)) return {};
    double x, y;
    if (!real_arg(vm, a[0], x) || !real_arg(vm, a[1], y)) return {};
    if (x == 0.0 && y < 0.0 && std::isfinite(y)) return raise(vm, vm.exc.ValueError, "math domain error");
    if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && std::floor(y) != y)
        return raise(vm, vm.exc.ValueError, "math domain error");
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return raise(vm, vm.exc.OverflowError, "math range error");
    return Value::number(r);
}

Value two_reals(VM& vm, Args a, const char* name, double (*fn)(double, double)) {
    if (!no_kwargs(vm, a, name) || !check_range(vm, a.size(), name, 2, 2)) return {};
    double x, y;
    if (!real_arg(vm, a[0], x) || !real_arg(vm, a[1], y)) return {};
    double r = fn(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return raise(vm, vm.exc.ValueError, "math domain error");
    return Value::number(r);
}
Value m_atan2(VM& vm, Args a) { return two_reals(vm, a, "atan2", [](double x, double y) { return std::atan2(x, y); }); }
Value m_copysign(VM& vm, Args a) { return two_reals(vm, a, "copysign", [](double x, double y) { return std::copysign(x, y); }); }
Value m_fmod(VM& vm, Args a) {
    if (a.size() == 2 && a[1].is_float() && a[1].as_float() == 0.0) return raise(vm, vm.exc.ValueError, "math domain error");
    return two_reals(vm, a, "fmod", [](double x, double y) { return y == 0.0 ? NAN : std::fmod(x, y); });
}

Value m_modf(VM& vm, Args a) {
    double x;
    if (!one_real(vm, a, "modf", x)) return {};
    double ip;
    double fp = std::modf(x, &ip);
    return tuple_of(vm, {Value::number(fp), Value::number(ip)});
}

Value m_hypot(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "hypot")) return {};
    double acc = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        double x;
        if (!real_arg(vm, a[i], x)) return {};
        acc = std::hypot(acc, x);
    }
    return Value::number(acc);
}

Value m_dist(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "dist") || !check_range(vm, a.size(), "dist", 2, 2)) return {};
    std::vector<Value> p, q;
    if (!collect(vm, a[0], p) || !collect(vm, a[1], q)) return {};
    if (p.size() != q.size()) return raise(vm, vm.exc.ValueError, "both points must have the same number of dimensions");
    double acc = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        double x, y;
        if (!real_arg(vm, p[i], x) || !real_arg(vm, q[i], y)) return {};
        acc = std::hypot(acc, x - y);
    }
    return Value::number(acc);
}

Value m_isclose(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "isclose", {"rel_tol", "abs_tol"})) return {};
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "isclose() takes exactly 2 positional arguments ({} given)", a.size());
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (!real_arg(vm, a[0], x) || !real_arg(vm, a[1], y)) return {};
    if (Value r = a.kw("rel_tol"); r && !real_arg(vm, r, rel)) return {};
    if (Value r = a.kw("abs_tol"); r && !real_arg(vm, r, abs_tol)) return {};
    if (rel < 0.0 || abs_tol < 0.0) return raise(vm, vm.exc.ValueError, "tolerances must be non-negative");
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
}

// Shewchuk's exact partial sums, then CPython's correctly rounded finish.
Value m_fsum(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "fsum") || !check_one(vm, a.size(), "math.fsum")) return {};
    Value it = get_iter(vm, a[0]);
    if (!it) return {};
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0;
    for (;;) {
        Value item = iter_next(vm, it);
        if (!item) {
            if (has_error(vm)) return {};
            break;
        }
        double x;
        if (!real_arg(vm, item, x)) return {};
        double xsave = x;
        std::size_t i = 0;
        for (double y : p) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double yr = hi - x;
            double lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                if (std::isfinite(xsave)) return raise(vm, vm.exc.OverflowError, "intermediate overflow in fsum");
                if (std::isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                p.clear();
            } else {
                p.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) return raise(vm, vm.exc.ValueError, "-inf + inf in fsum");
        return Value::number(special_sum);
    }
    double hi = 0.0;
    std::size_t n = p.size();
    if (n > 0) {
        hi = p[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return Value::number(hi);
}

Value m_prod(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "prod", {"start"})) return {};
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "prod() takes exactly 1 positional argument ({} given)", a.size());
    Value acc = a.kw("start");
    if (!acc) acc = Value::integer(1);
    Value it = get_iter(vm, a[0]);
    if (!it) return {};
    for (;;) {
        Value item = iter_next(vm, it);
        if (!item) return has_error(vm) ? Value() : acc;
        acc = binary_op(vm, BinOp::Mul, acc, item);
        if (!acc) return {};
    }
}

bool int_arg(VM& vm, const Value& v, base::BigInt& out) {
    if (is_int(v)) {
        out = to_bigint(v);
        return true;
    }
    std::int64_t i;
    if (!index_int64(vm, v, i)) return false;
    out = base::BigInt(i);
    return true;
}

Value m_gcd(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "gcd")) return {};
    base::BigInt g(0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        base::BigInt x;
        if (!int_arg(vm, a[i], x)) return {};
        g = base::BigInt::gcd(g, x);
    }
    return new_int(vm, std::move(g));
}

Value m_lcm(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "lcm")) return {};
    base::BigInt l(1);
    for (std::size_t i = 0; i < a.size(); ++i) {
        base::BigInt x;
        if (!int_arg(vm, a[i], x)) return {};
        if (x.is_zero() || l.is_zero()) {
            l = base::BigInt(0);
            continue;
        }
        base::BigInt g = base::BigInt::gcd(l, x);
        l = (*base::BigInt::floor_div(l, g) * x).abs();
    }
    return new_int(vm, std::move(l));
}

Value m_factorial(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "factorial") || !check_one(vm, a.size(), "math.factorial")) return {};
    std::int64_t n;
    if (!index_int64(vm, a[0], n)) return {};
    if (n < 0) return raise(vm, vm.exc.ValueError, "factorial() not defined for negative values");
    if (n > 100000) return raise(vm, vm.exc.OverflowError, "factorial() argument should not exceed 100000 in Loop Lab");
    base::BigInt r(1);
    for (std::int64_t i = 2; i <= n; ++i) r *= base::BigInt(i);
    return new_int(vm, std::move(r));
}

bool nk_args(VM& vm, const Args& a, const char* name, std::int64_t& n, std::int64_t& k, bool k_optional) {
    if (!no_kwargs(vm, a, name)) return false;
    if (!check_range(vm, a.size(), name, k_optional ? 1 : 2, 2)) return false;
    if (!index_int64(vm, a[0], n)) return false;
    k = n;
    if (a.size() == 2 && !a[1].is_none() && !index_int64(vm, a[1], k)) return false;
    if (n < 0) {
        raise(vm, vm.exc.ValueError, "n must be a non-negative integer");
        return false;
    }
    if (k < 0) {
        raise(vm, vm.exc.ValueError, "k must be a non-negative integer");
        return false;
    }
    return true;
}

Value m_comb(VM& vm, Args a) {
    std::int64_t n, k;
    if (!nk_args(vm, a, "comb", n, k, false)) return {};
    if (k > n) return Value::integer(0);
    k = std::min(k, n - k);
    base::BigInt r(1);
    for (std::int64_t i = 1; i <= k; ++i) r = *base::BigInt::floor_div(r * base::BigInt(n - k + i), base::BigInt(i));
    return new_int(vm, std::move(r));
}

Value m_perm(VM& vm, Args a) {
    std::int64_t n, k;
    if (!nk_args(vm, a, "perm", n, k, true)) return {};
    if (k > n) return Value::integer(0);
    base::BigInt r(1);
    for (std::int64_t i = n - k + 1; i <= n; ++i) r *= base::BigInt(i);
    return new_int(vm, std::move(r));
}

Value m_isqrt(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "isqrt") || !check_one(vm, a.size(), "math.isqrt")) return {};
    base::BigInt n;
    if (!int_arg(vm, a[0], n)) return {};
    if (n.is_negative()) return raise(vm, vm.exc.ValueError, "isqrt() argument must be nonnegative");
    if (n.is_zero()) return Value::integer(0);
    // Newton's iteration from an over-estimate 2**ceil(bits/2).
    base::BigInt x = base::BigInt(1) << ((n.bit_length() + 1) / 2);
    for (;;) {
        base::BigInt y = *base::BigInt::floor_div(x + *base::BigInt::floor_div(n, x), base::BigInt(2));
        if (y >= x) break;
        x = std::move(y);
    }
    return new_int(vm, std::move(x));
}

Value m_sumprod(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "sumprod") || !check_range(vm, a.size(), "sumprod", 2, 2)) return {};
    std::vector<Value> p, q;
    if (!collect(vm, a[0], p) || !collect(vm, a[1], q)) return {};
    if (p.size() != q.size()) return raise(vm, vm.exc.ValueError, "Inputs are not the same length");
    Value acc = Value::integer(0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        Value t = binary_op(vm, BinOp::Mul, p[i], q[i]);
        if (!t) return {};
        acc = binary_op(vm, BinOp::Add, acc, t);
        if (!acc) return {};
    }
    return acc;
}

}  // namespace

bool init_math(VM& vm, Module* m) {
    def_value(vm, m, "pi", Value::number(M_PI));
    def_value(vm, m, "e", Value::number(M_E));
    def_value(vm, m, "tau", Value::number(2 * M_PI));
    def_value(vm, m, "inf", Value::number(INFINITY));
    def_value(vm, m, "nan", Value::number(NAN));
    struct F {
        const char* name;
        NativeFn fn;
    };
    static const F fns[] = {
        {"sqrt", m_sqrt}, {"exp", m_exp}, {"exp2", m_exp2}, {"expm1", m_expm1}, {"sin", m_sin}, {"cos", m_cos},
        {"tan", m_tan}, {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan}, {"sinh", m_sinh}, {"cosh", m_cosh},
        {"tanh", m_tanh}, {"fabs", m_fabs}, {"cbrt", m_cbrt}, {"degrees", m_degrees}, {"radians", m_radians},
        {"isinf", m_isinf}, {"isnan", m_isnan}, {"isfinite", m_isfinite}, {"floor", m_floor}, {"ceil", m_ceil},
        {"trunc", m_trunc}, {"log", m_log}, {"log2", m_log2}, {"log10", m_log10}, {"pow", m_pow},
        {"atan2", m_atan2}, {"copysign", m_copysign}, {"fmod", m_fmod}, {"modf", m_modf}, {"hypot", m_hypot},
        {"dist", m_dist}, {"isclose", m_isclose}, {"fsum", m_fsum}, {"prod", m_prod}, {"gcd", m_gcd},
        {"lcm", m_lcm}, {"factorial", m_factorial}, {"comb", m_comb}, {"perm", m_perm}, {"isqrt", m_isqrt},
        {"sumprod", m_sumprod},
    };
    for (const F& f : fns) def_function(vm, m, f.name, f.fn);
    return true;
}

}  // namespace ll::vm::lib
