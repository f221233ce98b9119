// Built-in functions beyond the core's (core_builtins.cpp): numbers (abs, round, divmod, pow),
// reductions (sum, min, max, any, all, sorted), characters (chr, ord, hex, oct, bin),
// introspection (format, vars, dir) and input.
#include <algorithm>
#include <cmath>

#include "engine/base/float_format.hpp"
#include "engine/base/float_ops.hpp"
#include "engine/base/utf8.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::vm {
namespace lib {
namespace {

// --- numbers ---------------------------------------------------------------------------------

Value call_dunder(VM& vm, const Value& obj, std::string_view name, std::initializer_list<Value> args, bool& found) {
    Value m = type_of(obj)->lookup(name);
    found = !m.is_null();
    if (!found) return {};
    std::vector<Value> all;
    all.reserve(args.size() + 1);
    all.push_back(obj);
    for (const Value& a : args) all.push_back(a);
    return call(vm, m, Args(all.data(), static_cast<std::uint32_t>(all.size())));
}

Value builtin_abs(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "abs") || !check_one(vm, a.size(), "abs")) return {};
    const Value& x = a[0];
    if (x.is_int() || x.is_bool()) {
        std::int64_t i = x.as_int();
        if (i >= 0) return Value::integer(i);
        if (i != INT64_MIN) return Value::integer(-i);
        return new_int(vm, base::BigInt(i).abs());
    }
    if (x.is_float()) return Value::number(std::fabs(x.as_float()));
    if (is_int(x)) return new_int(vm, to_bigint(x).abs());
    bool found;
    Value r = call_dunder(vm, x, "__abs__", {}, found);
    if (!found) return raise_fmt(vm, vm.exc.TypeError, "bad operand type for abs(): '{}'", type_name(x));
    return r;
}

// round(int, ndigits) with ndigits < 0: round half to even at 10**-ndigits.
Value round_int(VM& vm, const Value& x, std::int64_t ndigits) {
    if (ndigits >= 0) return is_exact_int(x) ? x : new_int(vm, to_bigint(x));
    if (ndigits < -4000) return Value::integer(0);
    base::BigInt pow10 = base::BigInt::pow(base::BigInt(10), static_cast<std::uint64_t>(-ndigits));
    base::BigInt v = to_bigint(x), q, r;
    base::BigInt::divmod(v, pow10, q, r);
    // r in [0, pow10): compare 2r with pow10, ties to even quotient.
    base::BigInt twice = r + r;
    auto c = twice <=> pow10;
    if (c > 0 || (c == 0 && q.is_odd())) q += base::BigInt(1);
    return new_int(vm, q * pow10);
}

Value builtin_round(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "round", {"number", "ndigits"})) return {};
    Value x = arg_or_kw(a, 0, "number");
    Value nd = arg_or_kw(a, 1, "ndigits");
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "round() takes at most 2 arguments ({} given)", a.size());
    if (!x) return raise(vm, vm.exc.TypeError, "round() missing required argument 'number' (pos 1)");
    bool has_nd = nd && !nd.is_none();
    std::int64_t n = 0;
    if (has_nd && !index_int64(vm, nd, n)) {
        if (!is_int(nd)) return {};
        clear_error(vm);
        n = to_bigint(nd).is_negative() ? INT64_MIN : INT64_MAX;
    }
    if (x.is_float()) {
        double d = x.as_float();
        if (!has_nd) {
            auto r = base::py_round(d, std::nullopt);
            if (!r) return raise_from_base(vm, r.error());
            if (std::isinf(*r)) return raise(vm, vm.exc.OverflowError, "cannot convert float infinity to integer");
            if (std::isnan(*r)) return raise(vm, vm.exc.ValueError, "cannot convert float NaN to integer");
            return new_int(vm, *base::BigInt::from_double(*r));
        }
        auto r = base::py_round(d, static_cast<long long>(n));
        if (!r) return raise_from_base(vm, r.error());
        return Value::number(*r);
    }
    if (is_int(x)) return round_int(vm, x, has_nd ? n : 0);
    bool found;
    Value r = has_nd ? call_dunder(vm, x, "__round__", {nd}, found) : call_dunder(vm, x, "__round__", {}, found);
    if (!found) return raise_fmt(vm, vm.exc.TypeError, "type {} doesn't define __round__ method", type_name(x));
    return r;
}

Value builtin_divmod(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "divmod") || !check_range(vm, a.size(), "divmod", 2, 2)) return {};
    const Value &x = a[0], &y = a[1];
    if (is_int(x) && is_int(y)) {
        std::int64_t i, j, q, r;
        if (to_int64(x, i) && to_int64(y, j)) {
            auto st = base::floor_divmod_i64(i, j, q, r);
            if (st == base::DivStatus::ZeroDivision)
                return raise(vm, vm.exc.ZeroDivisionError, "integer division or modulo by zero");
            if (st == base::DivStatus::Ok) return tuple_of(vm, {Value::integer(q), Value::integer(r)});
        }
        base::BigInt bq, br;
        if (!base::BigInt::divmod(to_bigint(x), to_bigint(y), bq, br))
            return raise(vm, vm.exc.ZeroDivisionError, "integer division or modulo by zero");
        return tuple_of(vm, {new_int(vm, std::move(bq)), new_int(vm, std::move(br))});
    }
    double dx, dy;
    if ((x.is_float() || y.is_float()) && (is_int(x) || x.is_float()) && (is_int(y) || y.is_float())) {
        if (!to_double(vm, x, dx) || !to_double(vm, y, dy)) return {};
        auto r = base::float_divmod(dx, dy);
        if (!r) return raise_from_base(vm, r.error());
        return tuple_of(vm, {Value::number(r->first), Value::number(r->second)});
    }
    bool found;
    Value r = call_dunder(vm, x, "__divmod__", {y}, found);
    if (found) {
        if (!r) return {};
        if (!r.is(vm.not_implemented)) return r;
    }
    if (type_of(x) != type_of(y)) {
        r = call_dunder(vm, y, "__rdivmod__", {x}, found);
        if (found) {
            if (!r) return {};
            if (!r.is(vm.not_implemented)) return r;
        }
    }
    return raise_fmt(vm, vm.exc.TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(x),
                     type_name(y));
}

Value builtin_pow(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "pow", {"base", "exp", "mod"})) return {};
    if (a.size() > 3) return raise_fmt(vm, vm.exc.TypeError, "pow() takes at most 3 arguments ({} given)", a.size());
    Value b = arg_or_kw(a, 0, "base"), e = arg_or_kw(a, 1, "exp"), m = arg_or_kw(a, 2, "mod");
    if (!b) return raise(vm, vm.exc.TypeError, "pow() missing required argument 'base' (pos 1)");
    if (!e) return raise(vm, vm.exc.TypeError, "pow() missing required argument 'exp' (pos 2)");
    if (!m || m.is_none()) return binary_op(vm, BinOp::Pow, b, e);
    if (!is_int(b) || !is_int(e) || !is_int(m)) {
        // A user class may implement three-argument __pow__; the built-in numbers do not.
        if (type_of(b)->has_flag(kTypeHeap)) {
            bool found;
            Value r = call_dunder(vm, b, "__pow__", {e, m}, found);
            if (found && r && !r.is(vm.not_implemented)) return r;
            if (found && !r) return {};
        }
        return raise(vm, vm.exc.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    auto r = base::BigInt::pow_mod(to_bigint(b), to_bigint(e), to_bigint(m));
    if (!r) return raise_from_base(vm, r.error());
    return new_int(vm, std::move(*r));
}

// --- reductions ------------------------------------------------------------------------------

Value builtin_any_all(VM& vm, Args a, const char* name, bool is_any) {
    if (!no_kwargs(vm, a, name) || !check_one(vm, a.size(), name)) return {};
    Value it = get_iter(vm, a[0]);
    if (!it) return {};
    for (;;) {
        Value item = iter_next(vm, it);
        if (!item) return has_error(vm) ? Value() : Value::boolean(!is_any);
        int t = truthy(vm, item);
        if (t < 0) return {};
        if ((t == 1) == is_any) return Value::boolean(is_any);
    }
}
Value builtin_any(VM& vm, Args a) { return builtin_any_all(vm, a, "any", true); }
Value builtin_all(VM& vm, Args a) { return builtin_any_all(vm, a, "all", false); }

Value builtin_sum(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "sum", {"start"})) return {};
    if (a.size() == 0) return raise(vm, vm.exc.TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "sum() takes at most 2 arguments ({} given)", a.size());
    Value result = a.size() > 1 ? a[1] : a.kw("start");
    if (!result) result = Value::integer(0);
    else if (is_str(result)) return raise(vm, vm.exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = get_iter(vm, a[0]);
    if (!it) return {};
    // Fast path for ints that fit in int64, as CPython's.
    if (result.is_int() || result.is_bool()) {
        std::int64_t acc = result.as_int();
        for (;;) {
            Value item = iter_next(vm, it);
            if (!item) {
                if (has_error(vm)) return {};
                return Value::integer(acc);
            }
            std::int64_t s;
            if ((item.is_int() || item.is_bool()) && base::checked_add(acc, item.as_int(), s)) {
                acc = s;
                continue;
            }
            result = binary_op(vm, BinOp::Add, Value::integer(acc), item);
            if (!result) return {};
            break;
        }
    }
    // Floats: Neumaier's compensated summation, exactly as CPython 3.12+.
    if (result.is_float()) {
        double f = result.as_float(), c = 0.0;
        for (;;) {
            Value item = iter_next(vm, it);
            if (!item) {
                if (has_error(vm)) return {};
                if (c != 0.0 && std::isfinite(c)) f += c;
                return Value::number(f);
            }
            if (item.is_float()) {
                double x = item.as_float(), t = f + x;
                if (std::fabs(f) >= std::fabs(x)) c += (f - t) + x;
                else c += (x - t) + f;
                f = t;
                continue;
            }
            if (item.is_int() || item.is_bool()) {
                f += static_cast<double>(item.as_int());
                continue;
            }
            if (c != 0.0 && std::isfinite(c)) f += c;
            result = binary_op(vm, BinOp::Add, Value::number(f), item);
            if (!result) return {};
            break;
        }
    }
    for (;;) {
        Value item = iter_next(vm, it);
        if (!item) return has_error(vm) ? Value() : result;
        result = binary_op(vm, BinOp::Add, result, item);
        if (!result) return {};
    }
}

Value min_max(VM& vm, Args a, bool is_max) {
    const char* name = is_max ? "max" : "min";
    if (!only_kwargs(vm, a, name, {"key", "default"})) return {};
    if (a.size() == 0) return raise_fmt(vm, vm.exc.TypeError, "{} expected at least 1 argument, got 0", name);
    Value key = a.kw("key");
    if (key && key.is_none()) key = Value();
    Value dflt = a.kw("default");
    if (a.size() > 1 && dflt)
        return raise_fmt(vm, vm.exc.TypeError, "Cannot specify a default for {}() with multiple positional arguments", name);
    Value it = get_iter(vm, a.size() == 1 ? a[0] : new_tuple(vm, std::span(a.items, a.size())));
    if (!it) return {};
    CompareOp op = is_max ? CompareOp::Gt : CompareOp::Lt;
    Value best, best_key;
    for (;;) {
        Value item = iter_next(vm, it);
        if (!item) {
            if (has_error(vm)) return {};
            break;
        }
        Value k = item;
        if (key) {
            k = call(vm, key, {item});
            if (!k) return {};
        }
        if (!best) {
            best = std::move(item);
            best_key = std::move(k);
            continue;
        }
        int better;
        if (k.is_int() && best_key.is_int()) better = is_max ? k.as_int() > best_key.as_int() : k.as_int() < best_key.as_int();
        else better = compare_bool(vm, k, best_key, op);
        if (better < 0) return {};
        if (better) {
            best = std::move(item);
            best_key = std::move(k);
        }
    }
    if (best) return best;
    if (dflt) return dflt;
    return raise_fmt(vm, vm.exc.ValueError, "{}() iterable argument is empty", name);
}
Value builtin_min(VM& vm, Args a) { return min_max(vm, a, false); }
Value builtin_max(VM& vm, Args a) { return min_max(vm, a, true); }

Value builtin_sorted(VM& vm, Args a) {
    if (a.size() != 1) return raise_fmt(vm, vm.exc.TypeError, "sorted expected 1 argument, got {}", a.size());
    if (!only_kwargs(vm, a, "sort", {"key", "reverse"})) return {};
    std::vector<Value> items;
    if (!collect(vm, a[0], items)) return {};
    Value key = a.kw("key");
    Value rev = a.kw("reverse");
    bool reverse = false;
    if (rev) {
        std::int64_t r;
        if (rev.is_float()) return raise(vm, vm.exc.TypeError, "'float' object cannot be interpreted as an integer");
        if (!index_int64(vm, rev, r)) return {};
        reverse = r != 0;
    }
    if (!sort_values(vm, items, key, reverse)) return {};
    return new_list(vm, std::move(items));
}

// --- characters and bases --------------------------------------------------------------------

Value builtin_chr(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "chr") || !check_one(vm, a.size(), "chr")) return {};
    std::int64_t i;
    if (!index_int64(vm, a[0], i)) {
        if (!is_int(a[0])) return {};
        clear_error(vm);
        return raise(vm, vm.exc.OverflowError, "Python int too large to convert to C int");
    }
    if (i < 0 || i > 0x10FFFF) return raise(vm, vm.exc.ValueError, "chr() arg not in range(0x110000)");
    return new_str(vm, base::encode_utf8(static_cast<char32_t>(i)));
}

Value builtin_ord(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "ord") || !check_one(vm, a.size(), "ord")) return {};
    if (!is_str(a[0]))
        return raise_fmt(vm, vm.exc.TypeError, "ord() expected string of length 1, but {} found", type_name(a[0]));
    Str* s = as_str(a[0]);
    if (s->length() != 1)
        return raise_fmt(vm, vm.exc.TypeError, "ord() expected a character, but string of length {} found", s->length());
    std::size_t pos = 0;
    return Value::integer(static_cast<std::int64_t>(base::decode_utf8(s->text, pos)));
}

Value int_text(VM& vm, Args a, const char* name, std::string (base::BigInt::*fn)() const) {
    if (!no_kwargs(vm, a, name) || !check_one(vm, a.size(), name)) return {};
    std::int64_t i;
    if (!is_int(a[0]) && !index_int64(vm, a[0], i)) return {};
    base::BigInt v = is_int(a[0]) ? to_bigint(a[0]) : base::BigInt(i);
    return new_str(vm, (v.*fn)());
}
Value builtin_hex(VM& vm, Args a) { return int_text(vm, a, "hex", &base::BigInt::to_hex); }
Value builtin_oct(VM& vm, Args a) { return int_text(vm, a, "oct", &base::BigInt::to_oct); }
Value builtin_bin(VM& vm, Args a) { return int_text(vm, a, "bin", &base::BigInt::to_bin); }

// --- introspection ---------------------------------------------------------------------------

Value builtin_format(VM& vm, Args a) {
    if (!only_kwargs(vm, a, "format", {"value", "format_spec"})) return {};
    if (!check_range(vm, a.size(), "format", 1, 2)) return {};
    if (a.size() == 1) return format(vm, a[0], "");
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "format() argument 2 must be str, not {}", type_name(a[1]));
    return format(vm, a[0], str_view(a[1]));
}

// The current Python frame's local variables as a new dict (a function's fast locals) or the
// frame's own namespace (module and class bodies).
Value frame_locals(VM& vm) {
    Frame* f = vm.current_frame();
    if (!f) return new_dict(vm);
    if (f->locals()) return f->locals();
    Value d = new_dict(vm);
    Code* code = f->code_obj();
    for (std::size_t i = 0; i < code->varnames.size() && i < code->nlocals; ++i)
        if (f->fast()[i]) d.as<Dict>()->set(vm, code->varnames[i], f->fast()[i]);
    return d;
}

Value builtin_vars(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "vars") || !check_range(vm, a.size(), "vars", 0, 1)) return {};
    if (a.size() == 0) return frame_locals(vm);
    Value d = get_attr(vm, a[0], "__dict__");
    if (!d) {
        if (!error_matches(vm, vm.exc.AttributeError)) return {};
        clear_error(vm);
        return raise(vm, vm.exc.TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

void add_keys(VM& vm, const Value& dict, Value& set) {
    if (!dict || !is_dict(dict)) return;
    for (const auto& e : dict.as<Dict>()->entries())
        if (e.key && is_str(e.key)) set.as<Set>()->add(vm, e.key);
}

Value builtin_dir(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "dir") || !check_range(vm, a.size(), "dir", 0, 1)) return {};
    Value names = new_set(vm);
    if (a.size() == 0) {
        add_keys(vm, frame_locals(vm), names);
    } else {
        const Value& o = a[0];
        Value custom = type_of(o)->lookup("__dir__");
        // A user-defined __dir__ wins (builtin types have none registered).
        if (custom && !is_type(custom, vm.types.builtin_function)) {
            Value r = call(vm, custom, {o});
            if (!r) return {};
            std::vector<Value> items;
            if (!collect(vm, r, items)) return {};
            if (!sort_values(vm, items, Value(), false)) return {};
            return new_list(vm, std::move(items));
        }
        if (is_type(o, vm.types.module)) {
            add_keys(vm, o.as<Module>()->dict, names);
        } else if (is_type_object(o)) {
            for (Type* t : o.as<Type>()->mro) add_keys(vm, t->dict, names);
        } else {
            Value d = get_attr_opt(vm, o, "__dict__");
            if (has_error(vm)) clear_error(vm);
            add_keys(vm, d, names);
            for (Type* t : type_of(o)->mro) add_keys(vm, t->dict, names);
        }
    }
    std::vector<Value> items;
    for (const auto& s : names.as<Set>()->slots())
        if (s.key && !s.dummy) items.push_back(s.key);
    std::sort(items.begin(), items.end(), [](const Value& x, const Value& y) { return str_view(x) < str_view(y); });
    return new_list(vm, std::move(items));
}

Value builtin_input(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "input") || !check_range(vm, a.size(), "input", 0, 1)) return {};
    if (a.size() == 1) {
        Value s = str(vm, a[0]);
        if (!s) return {};
        if (vm.write_stdout) vm.write_stdout(str_view(s));
    }
    // Loop Lab programs have no standard input: CPython says this when stdin is at EOF.
    return raise(vm, vm.exc.EOFError, "EOF when reading a line");
}

}  // namespace

void init_builtin_functions(VM& vm) {
    Dict* b = vm.builtins.as<Dict>();
    def_function(vm, b, "abs", builtin_abs);
    def_function(vm, b, "round", builtin_round);
    def_function(vm, b, "divmod", builtin_divmod);
    def_function(vm, b, "pow", builtin_pow);
    def_function(vm, b, "any", builtin_any);
    def_function(vm, b, "all", builtin_all);
    def_function(vm, b, "sum", builtin_sum);
    def_function(vm, b, "min", builtin_min);
    def_function(vm, b, "max", builtin_max);
    def_function(vm, b, "sorted", builtin_sorted);
    def_function(vm, b, "chr", builtin_chr);
    def_function(vm, b, "ord", builtin_ord);
    def_function(vm, b, "hex", builtin_hex);
    def_function(vm, b, "oct", builtin_oct);
    def_function(vm, b, "bin", builtin_bin);
    def_function(vm, b, "format", builtin_format);
    def_function(vm, b, "vars", builtin_vars);
    def_function(vm, b, "dir", builtin_dir);
    def_function(vm, b, "input", builtin_input);
}

}  // namespace lib
}  // namespace ll::vm
