// int, bool, float, NoneType, NotImplemented and Ellipsis: arithmetic with Python semantics
// (int64 fast path, BigInt beyond), comparisons across int/float, hashing, reprs, constructors.
#include <cmath>

#include "engine/base/float_format.hpp"
#include "engine/base/float_ops.hpp"
#include "engine/base/int64_ops.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

using base::BigInt;

std::string int_repr(const Value& v) {
    if (v.is_int() || v.is_bool()) return std::to_string(v.as_int());
    return v.as<IntObject>()->value.to_string();
}

static bool is_intlike(const Value& v) { return v.is_int() || v.is_bool() || (v.is_obj() && v.obj()->type->is_subtype(current_vm().types.int_) && !v.obj()->type->has_flag(kTypeHeap)); }

static Value int_result(VM& vm, BigInt v) { return new_int(vm, std::move(v)); }

static Value float_result(VM& vm, const base::Result<double>& r) {
    if (!r) return raise_from_base(vm, r.error());
    return Value::number(*r);
}

static Value int_pow(VM& vm, const Value& a, const Value& b) {
    BigInt base = to_bigint(a);
    BigInt exp = to_bigint(b);
    if (exp.is_negative()) {
        double x, y;
        if (!to_double(vm, a, x) || !to_double(vm, b, y)) return {};
        return float_result(vm, base::float_pow(x, y));
    }
    std::int64_t ai, ei;
    if (to_int64(a, ai) && to_int64(b, ei)) {
        // Fast exponentiation with overflow checks.
        std::int64_t result = 1, cur = ai;
        std::int64_t e = ei;
        bool ok = true;
        while (e > 0 && ok) {
            if (e & 1) ok = base::checked_mul(result, cur, result);
            e >>= 1;
            if (e > 0 && ok) ok = base::checked_mul(cur, cur, cur);
        }
        if (ok) return Value::integer(result);
    }
    auto e64 = exp.try_int64();
    if (!e64 || *e64 > 100000000) return no_memory(vm);
    if (base.bit_length() * static_cast<std::uint64_t>(*e64) > 8ull * 1024 * 1024 * 64) return no_memory(vm);
    return int_result(vm, BigInt::pow(base, static_cast<std::uint64_t>(*e64)));
}

static Value int_binop_big(VM& vm, BinOp op, const Value& a, const Value& b) {
    BigInt x = to_bigint(a), y = to_bigint(b);
    switch (op) {
        case BinOp::Add: return int_result(vm, x + y);
        case BinOp::Sub: return int_result(vm, x - y);
        case BinOp::Mul: return int_result(vm, x * y);
        case BinOp::FloorDiv: {
            auto q = BigInt::floor_div(x, y);
            if (!q) return raise(vm, vm.exc.ZeroDivisionError, "integer division or modulo by zero");
            return int_result(vm, std::move(*q));
        }
        case BinOp::Mod: {
            auto r = BigInt::mod(x, y);
            if (!r) return raise(vm, vm.exc.ZeroDivisionError, "integer modulo by zero");
            return int_result(vm, std::move(*r));
        }
        case BinOp::TrueDiv: return float_result(vm, base::int_true_divide(x, y));
        case BinOp::Pow: return int_pow(vm, a, b);
        case BinOp::And: return int_result(vm, x & y);
        case BinOp::Or: return int_result(vm, x | y);
        case BinOp::Xor: return int_result(vm, x ^ y);
        case BinOp::LShift:
        case BinOp::RShift: {
            if (y.is_negative()) return raise(vm, vm.exc.ValueError, "negative shift count");
            auto n = y.try_int64();
            if (op == BinOp::RShift) {
                if (!n) return Value::integer(x.is_negative() ? -1 : 0);
                return int_result(vm, x >> static_cast<std::uint64_t>(*n));
            }
            if (x.is_zero()) return Value::integer(0);
            if (!n || *n > 64 * 1024 * 1024) return no_memory(vm);
            return int_result(vm, x << static_cast<std::uint64_t>(*n));
        }
        default: return vm.not_implemented;
    }
}

// int (op) int, both operands int or bool (small or big).
Value int_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    std::int64_t x, y, r;
    if (to_int64(a, x) && to_int64(b, y)) {
        switch (op) {
            case BinOp::Add: if (base::checked_add(x, y, r)) return Value::integer(r); break;
            case BinOp::Sub: if (base::checked_sub(x, y, r)) return Value::integer(r); break;
            case BinOp::Mul: if (base::checked_mul(x, y, r)) return Value::integer(r); break;
            case BinOp::FloorDiv: {
                auto st = base::floor_div_i64(x, y, r);
                if (st == base::DivStatus::Ok) return Value::integer(r);
                if (st == base::DivStatus::ZeroDivision) return raise(vm, vm.exc.ZeroDivisionError, "integer division or modulo by zero");
                break;
            }
            case BinOp::Mod: {
                auto st = base::floor_mod_i64(x, y, r);
                if (st == base::DivStatus::Ok) return Value::integer(r);
                return raise(vm, vm.exc.ZeroDivisionError, "integer modulo by zero");
            }
            case BinOp::TrueDiv: return float_result(vm, base::int_true_divide(x, y));
            case BinOp::And:
                if (a.is_bool() && b.is_bool()) return Value::boolean(x & y);
                return Value::integer(x & y);
            case BinOp::Or:
                if (a.is_bool() && b.is_bool()) return Value::boolean(x | y);
                return Value::integer(x | y);
            case BinOp::Xor:
                if (a.is_bool() && b.is_bool()) return Value::boolean(x ^ y);
                return Value::integer(x ^ y);
            case BinOp::LShift:
                if (y < 0) return raise(vm, vm.exc.ValueError, "negative shift count");
                if (base::checked_shl(x, static_cast<std::uint64_t>(y), r)) return Value::integer(r);
                break;
            case BinOp::RShift:
                if (y < 0) return raise(vm, vm.exc.ValueError, "negative shift count");
                return Value::integer(base::shr_i64(x, static_cast<std::uint64_t>(y)));
            case BinOp::Pow: return int_pow(vm, a, b);
            default: return vm.not_implemented;
        }
    }
    return int_binop_big(vm, op, a, b);
}

Value float_binop_values(VM& vm, BinOp op, double x, double y) {
    switch (op) {
        case BinOp::Add: return Value::number(x + y);
        case BinOp::Sub: return Value::number(x - y);
        case BinOp::Mul: return Value::number(x * y);
        case BinOp::TrueDiv: return float_result(vm, base::float_truediv(x, y));
        case BinOp::FloorDiv: return float_result(vm, base::float_floordiv(x, y));
        case BinOp::Mod: return float_result(vm, base::float_mod(x, y));
        case BinOp::Pow: {
            auto r = base::float_pow(x, y);
            if (!r && r.error().type == "complex")
                return raise(vm, vm.exc.ValueError, "complex results are not supported by Loop Lab");
            return float_result(vm, r);
        }
        default: return vm.not_implemented;
    }
}

static Value number_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    if (is_inplace(op)) return vm.not_implemented;
    bool ai = is_intlike(a), bi = is_intlike(b);
    if (ai && bi) return int_binop(vm, op, a, b);
    bool af = a.is_float(), bf = b.is_float();
    if ((af || ai) && (bf || bi)) {
        double x, y;
        if (!to_double(vm, a, x) || !to_double(vm, b, y)) return {};
        return float_binop_values(vm, op, x, y);
    }
    return vm.not_implemented;
}

static Value int_unop(VM& vm, UnaryOp op, const Value& v) {
    std::int64_t x, r;
    if (to_int64(v, x)) {
        switch (op) {
            case UnaryOp::Neg:
                if (base::checked_neg(x, r)) return Value::integer(r);
                break;
            case UnaryOp::Pos: return Value::integer(x);
            case UnaryOp::Invert: return Value::integer(~x);
        }
    }
    BigInt b = to_bigint(v);
    switch (op) {
        case UnaryOp::Neg: return int_result(vm, -b);
        case UnaryOp::Pos: return int_result(vm, b);
        case UnaryOp::Invert: return int_result(vm, ~b);
    }
    return {};
}

static Value float_unop(VM&, UnaryOp op, const Value& v) {
    if (op == UnaryOp::Neg) return Value::number(-v.as_float());
    if (op == UnaryOp::Pos) return v;
    return current_vm().not_implemented;
}

template <class T>
static bool cmp_apply(CompareOp op, const T& a, const T& b) {
    switch (op) {
        case CompareOp::Lt: return a < b;
        case CompareOp::Le: return a <= b;
        case CompareOp::Eq: return a == b;
        case CompareOp::Ne: return a != b;
        case CompareOp::Gt: return a > b;
        case CompareOp::Ge: return a >= b;
    }
    return false;
}

static bool ordering_apply(CompareOp op, std::partial_ordering o) {
    if (o == std::partial_ordering::unordered) return op == CompareOp::Ne;
    switch (op) {
        case CompareOp::Lt: return o < 0;
        case CompareOp::Le: return o <= 0;
        case CompareOp::Eq: return o == 0;
        case CompareOp::Ne: return o != 0;
        case CompareOp::Gt: return o > 0;
        case CompareOp::Ge: return o >= 0;
    }
    return false;
}

static Value number_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    bool ai = is_intlike(a), bi = is_intlike(b);
    if (ai && bi) {
        std::int64_t x, y;
        if (to_int64(a, x) && to_int64(b, y)) return Value::boolean(cmp_apply(op, x, y));
        return Value::boolean(ordering_apply(op, std::partial_ordering(to_bigint(a) <=> to_bigint(b))));
    }
    if (a.is_float() && b.is_float()) return Value::boolean(cmp_apply(op, a.as_float(), b.as_float()));
    if (ai && b.is_float()) return Value::boolean(ordering_apply(op, base::compare_int_double(to_bigint(a), b.as_float())));
    if (a.is_float() && bi) {
        auto o = base::compare_int_double(to_bigint(b), a.as_float());
        if (o == std::partial_ordering::less) o = std::partial_ordering::greater;
        else if (o == std::partial_ordering::greater) o = std::partial_ordering::less;
        return Value::boolean(ordering_apply(op, o));
    }
    return vm.not_implemented;
}

static Value int_repr_slot(VM& vm, const Value& v) {
    if (v.is_bool()) return new_str(vm, v.as_bool() ? "True" : "False");
    if (v.is_int()) return new_str(vm, std::to_string(v.as_int()));
    const BigInt& b = v.as<IntObject>()->value;
    if (b.bit_length() > 14000) {
        std::size_t digits = b.decimal_digits();
        if (digits > base::kIntMaxStrDigits) return raise(vm, vm.exc.ValueError, base::int_max_str_digits_error_print(digits));
    }
    return new_str(vm, b.to_string());
}

static bool int_hash(VM&, const Value& v, std::int64_t& out) {
    if (v.is_int() || v.is_bool()) out = base::py_hash_int(v.as_int());
    else out = base::py_hash_int(v.as<IntObject>()->value);
    return true;
}

static int int_truth(VM&, const Value& v) {
    if (v.is_int() || v.is_bool()) return v.as_int() != 0;
    return !v.as<IntObject>()->value.is_zero();
}

static Value float_repr_slot(VM& vm, const Value& v) { return new_str(vm, base::float_repr(v.as_float())); }

// int(x), int(s, base)
static Value int_new(VM& vm, Type* cls, Args args) {
    Value base_arg = args.size() > 1 ? args[1] : args.kw("base");
    if (args.size() == 0) return Value::integer(0);
    if (args.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "int() takes at most 2 arguments ({} given)", args.size());
    const Value& x = args[0];
    Value result;
    if (base_arg) {
        std::int64_t b;
        if (!index_int64(vm, base_arg, b)) return {};
        if (!is_str(x)) return raise(vm, vm.exc.TypeError, "int() can't convert non-string with explicit base");
        if (b != 0 && (b < 2 || b > 36)) return raise(vm, vm.exc.ValueError, "int() base must be >= 2 and <= 36, or 0");
        auto r = BigInt::parse(x.as<Str>()->text, static_cast<int>(b));
        if (!r) return raise(vm, vm.exc.ValueError, base::int_parse_error(x.as<Str>()->text, static_cast<int>(b)));
        result = new_int(vm, std::move(*r));
    } else if (x.is_int()) {
        result = x;
    } else if (x.is_bool()) {
        result = Value::integer(x.as_int());
    } else if (x.is_float()) {
        double d = x.as_float();
        if (std::isinf(d)) return raise(vm, vm.exc.OverflowError, "cannot convert float infinity to integer");
        if (std::isnan(d)) return raise(vm, vm.exc.ValueError, "cannot convert float NaN to integer");
        result = new_int(vm, *BigInt::from_double(d));
    } else if (is_str(x)) {
        std::string_view text = x.as<Str>()->text;
        auto r = BigInt::parse(text, 10);
        if (!r) return raise(vm, vm.exc.ValueError, base::int_parse_error(text, 10));
        result = new_int(vm, std::move(*r));
    } else if (is_int(x)) {
        result = new_int(vm, to_bigint(x));
    } else {
        Type* t = type_of(x);
        Value f = t->lookup(vm.intern("__int__"));
        if (!f) f = t->lookup(vm.intern("__index__"));
        if (!f)
            return raise_fmt(vm, vm.exc.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '{}'", t->name);
        result = call_with_self(vm, f, x, Args());
        if (!result) return {};
        if (!is_int(result)) return raise_fmt(vm, vm.exc.TypeError, "__int__ returned non-int (type {})", type_name(result));
    }
    if (cls != vm.types.int_) return raise_fmt(vm, vm.exc.TypeError, "subclassing int is not supported by Loop Lab");
    return result;
}

static Value float_new(VM& vm, Type* cls, Args args) {
    (void)cls;
    if (args.size() == 0) return Value::number(0.0);
    if (args.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "float expected at most 1 argument, got {}", args.size());
    const Value& x = args[0];
    if (x.is_float()) return x;
    if (is_int(x)) {
        double d;
        if (!to_double(vm, x, d)) return {};
        return Value::number(d);
    }
    if (is_str(x)) {
        auto d = base::parse_float(x.as<Str>()->text);
        if (!d) return raise(vm, vm.exc.ValueError, base::float_parse_error(x.as<Str>()->text));
        return Value::number(*d);
    }
    Type* t = type_of(x);
    Value f = t->lookup(vm.intern("__float__"));
    if (f) {
        Value r = call_with_self(vm, f, x, Args());
        if (!r) return {};
        if (!r.is_float()) return raise_fmt(vm, vm.exc.TypeError, "{}.__float__ returned non-float (type {})", t->name, type_name(r));
        return r;
    }
    f = t->lookup(vm.intern("__index__"));
    if (f) {
        Value r = call_with_self(vm, f, x, Args());
        if (!r) return {};
        double d;
        if (!to_double(vm, r, d)) return {};
        return Value::number(d);
    }
    return raise_fmt(vm, vm.exc.TypeError, "float() argument must be a string or a real number, not '{}'", t->name);
}

static Value bool_new(VM& vm, Type*, Args args) {
    if (args.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "bool expected at most 1 argument, got {}", args.size());
    if (args.size() == 0) return Value::boolean(false);
    int t = truthy(vm, args[0]);
    if (t < 0) return {};
    return Value::boolean(t);
}

static Value none_repr(VM& vm, const Value&) { return new_str(vm, "None"); }
static Value notimpl_repr(VM& vm, const Value&) { return new_str(vm, "NotImplemented"); }
static Value ellipsis_repr(VM& vm, const Value&) { return new_str(vm, "Ellipsis"); }

static Value float_is_integer(VM&, Args a) { return Value::boolean(base::float_is_integer(a[0].as_float())); }

static Value int_bit_length(VM&, Args a) {
    if (a[0].is_int() || a[0].is_bool()) {
        std::int64_t x = a[0].as_int();
        std::uint64_t ux = x < 0 ? static_cast<std::uint64_t>(-(x + 1)) + 1 : static_cast<std::uint64_t>(x);
        int n = 0;
        while (ux) {
            ++n;
            ux >>= 1;
        }
        return Value::integer(n);
    }
    return Value::integer(static_cast<std::int64_t>(a[0].as<IntObject>()->value.bit_length()));
}

void init_number_types(VM& vm) {
    for (Type* t : {vm.types.int_, vm.types.bool_}) {
        t->alloc = nullptr;
        t->slots.repr = int_repr_slot;
        t->slots.str = nullptr;
        t->slots.hash = int_hash;
        t->slots.richcompare = number_richcompare;
        t->slots.truth = int_truth;
        t->slots.binop = number_binop;
        t->slots.unop = int_unop;
        t->slots.new_ = int_new;
        t->slots.init = nullptr;
    }
    vm.types.bool_->slots.new_ = bool_new;
    vm.types.bool_->flags &= ~static_cast<std::uint32_t>(kTypeBaseType);
    def_method(vm, vm.types.int_, "bit_length", int_bit_length);
    Type* f = vm.types.float_;
    f->alloc = nullptr;
    f->slots.repr = float_repr_slot;
    f->slots.str = nullptr;
    f->slots.hash = [](VM& v, const Value& x, std::int64_t& out) { return hash(v, x, out); };
    f->slots.richcompare = number_richcompare;
    f->slots.truth = [](VM&, const Value& x) { return x.as_float() != 0.0 ? 1 : 0; };
    f->slots.binop = number_binop;
    f->slots.unop = float_unop;
    f->slots.new_ = float_new;
    f->slots.init = nullptr;
    def_method(vm, f, "is_integer", float_is_integer);
    Type* n = vm.types.none;
    n->slots.repr = none_repr;
    n->slots.truth = [](VM&, const Value&) { return 0; };
    n->slots.hash = [](VM& v, const Value& x, std::int64_t& out) { return hash(v, x, out); };
    n->slots.new_ = [](VM&, Type*, Args) { return Value::none(); };
    n->slots.init = nullptr;
    n->flags &= ~static_cast<std::uint32_t>(kTypeBaseType);
    vm.types.not_implemented->slots.repr = notimpl_repr;
    vm.types.ellipsis->slots.repr = ellipsis_repr;
}

}  // namespace ll::vm
