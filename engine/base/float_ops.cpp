// Python float arithmetic: floor division and modulo with the divisor's sign, divmod, and **
// with CPython's error cases (float_pow in Objects/floatobject.c, re-derived here).
#include "engine/base/float_ops.hpp"

#include <cerrno>
#include <cmath>

namespace ll::base {

namespace {

// CPython's float_divmod: mod via fmod, then fix signs; div from (x - mod) / y, snapped.
void divmod_core(double vx, double wx, double& div, double& mod) {
    mod = std::fmod(vx, wx);
    div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div != 0.0) {
        double floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
        div = floordiv;
    } else {
        div = std::copysign(0.0, vx / wx);
    }
}

}  // namespace

Result<double> float_truediv(double x, double y) {
    if (y == 0.0) return zero_division_error("float division by zero");
    return x / y;
}

Result<double> float_floordiv(double x, double y) {
    if (y == 0.0) return zero_division_error("float floor division by zero");
    double div, mod;
    divmod_core(x, y, div, mod);
    return div;
}

Result<double> float_mod(double x, double y) {
    if (y == 0.0) return zero_division_error("float modulo by zero");
    double mod = std::fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

Result<std::pair<double, double>> float_divmod(double x, double y) {
    if (y == 0.0) return zero_division_error("float divmod()");
    double div, mod;
    divmod_core(x, y, div, mod);
    return std::pair<double, double>{div, mod};
}

Result<double> float_pow(double iv, double iw) {
    // Special cases in the order CPython checks them.
    if (iw == 0.0) return 1.0;
    if (std::isnan(iv)) return iv == 1.0 ? 1.0 : iv;
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    if (std::isinf(iw)) {
        double a = std::fabs(iv);
        if (a == 1.0) return 1.0;
        if ((iw > 0.0) == (a > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    bool iw_is_odd = std::fmod(std::fabs(iw), 2.0) == 1.0;
    if (std::isinf(iv)) {
        if (iw > 0.0) return iw_is_odd ? iv : std::fabs(iv);
        return iw_is_odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0) return zero_division_error("0.0 cannot be raised to a negative power");
        return iw_is_odd ? iv : 0.0;
    }
    bool negate_result = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) return Error{"complex", ""};
        iv = -iv;
        negate_result = iw_is_odd;
    }
    if (iv == 1.0) return negate_result ? -1.0 : 1.0;
    errno = 0;
    double ix = std::pow(iv, iw);
    if (negate_result) ix = -ix;
    if (std::isinf(ix)) return overflow_error("(34, 'Numerical result out of range')");
    return ix;
}

bool float_is_integer(double x) { return std::isfinite(x) && x == std::floor(x); }

}  // namespace ll::base
