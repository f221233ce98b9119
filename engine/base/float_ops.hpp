// Python float arithmetic where it differs from C: floor division, modulo, divmod, ** and their errors.
#pragma once

#include <utility>

#include "engine/base/result.hpp"

namespace ll::base {

// x / y: ZeroDivisionError "float division by zero".
Result<double> float_truediv(double x, double y);
// x // y: ZeroDivisionError "float floor division by zero".
Result<double> float_floordiv(double x, double y);
// x % y: the result has the sign of y. ZeroDivisionError "float modulo by zero".
Result<double> float_mod(double x, double y);
// divmod(x, y): ZeroDivisionError "float divmod()".
Result<std::pair<double, double>> float_divmod(double x, double y);

// x ** y (float_pow in CPython). Errors: ZeroDivisionError "0.0 cannot be raised to a negative
// power", OverflowError "(34, 'Numerical result out of range')". A negative base with a
// non-integral exponent has a complex result in Python: reported as
// Error{"complex", ""} (type name "complex"), for the VM to report as unsupported.
Result<double> float_pow(double x, double y);

// float.is_integer()
bool float_is_integer(double x);

}  // namespace ll::base
