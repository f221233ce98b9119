// Small helpers shared by the library's natives (builtins_*.cpp, lib_*.cpp): argument-count checks
// with CPython's exact messages, optional-argument access, and a few conversions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/vm/internal.hpp"
#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

namespace ll::vm::lib {

// "NAME() takes no keyword arguments"
inline bool no_kwargs(VM& vm, const Args& a, std::string_view name) {
    if (!a.has_kwargs()) return true;
    raise_fmt(vm, vm.exc.TypeError, "{}() takes no keyword arguments", name);
    return false;
}

// Argument-clinic style ("pop expected at most 1 argument, got 2"); `n` counts without self.
inline bool check_range(VM& vm, std::size_t n, std::string_view name, std::size_t lo, std::size_t hi) {
    if (n >= lo && n <= hi) return true;
    if (lo == hi)
        raise_fmt(vm, vm.exc.TypeError, "{} expected {} argument{}, got {}", name, lo, lo == 1 ? "" : "s", n);
    else if (n < lo)
        raise_fmt(vm, vm.exc.TypeError, "{} expected at least {} argument{}, got {}", name, lo, lo == 1 ? "" : "s", n);
    else
        raise_fmt(vm, vm.exc.TypeError, "{} expected at most {} argument{}, got {}", name, hi, hi == 1 ? "" : "s", n);
    return false;
}

// METH_O style: "list.append() takes exactly one argument (0 given)".
inline bool check_one(VM& vm, std::size_t n, std::string_view qualname) {
    if (n == 1) return true;
    raise_fmt(vm, vm.exc.TypeError, "{}() takes exactly one argument ({} given)", qualname, n);
    return false;
}

// METH_NOARGS style: "int.bit_length() takes no arguments (1 given)".
inline bool check_none(VM& vm, std::size_t n, std::string_view qualname) {
    if (n == 0) return true;
    raise_fmt(vm, vm.exc.TypeError, "{}() takes no arguments ({} given)", qualname, n);
    return false;
}

// Method helpers: the same checks, counting arguments after self, keywords refused.
inline bool method_none(VM& vm, const Args& a, std::string_view qualname) {
    return no_kwargs(vm, a, qualname) && check_none(vm, a.size() - 1, qualname);
}
inline bool method_one(VM& vm, const Args& a, std::string_view qualname) {
    return no_kwargs(vm, a, qualname) && check_one(vm, a.size() - 1, qualname);
}
inline bool method_range(VM& vm, const Args& a, std::string_view name, std::size_t lo, std::size_t hi) {
    return no_kwargs(vm, a, name) && check_range(vm, a.size() - 1, name, lo, hi);
}

// The i-th positional argument or the keyword `name`, or null when neither was passed.
inline Value arg_or_kw(const Args& a, std::size_t i, std::string_view name) {
    if (i < a.size()) return a[i];
    return a.kw(name);
}

// Rejects keywords other than the listed ones: "NAME() got an unexpected keyword argument 'x'".
inline bool only_kwargs(VM& vm, const Args& a, std::string_view fname, std::initializer_list<std::string_view> allowed) {
    for (std::size_t i = 0; i < a.kwcount; ++i) {
        std::string_view k = a.kwname(i);
        bool ok = false;
        for (auto n : allowed) ok = ok || n == k;
        if (!ok) {
            raise_fmt(vm, vm.exc.TypeError, "{}() got an unexpected keyword argument '{}'", fname, k);
            return false;
        }
    }
    return true;
}

// An index-like argument clamped to int64 the way CPython clamps to Py_ssize_t (slice bounds of
// str.find and list.index). None gives nullopt. False with TypeError for non-integers.
inline bool clamped_index(VM& vm, const Value& v, std::optional<std::int64_t>& out) {
    if (v.is_null() || v.is_none()) {
        out.reset();
        return true;
    }
    std::int64_t i;
    if (to_int64(v, i)) {
        out = i;
        return true;
    }
    if (is_int(v)) {
        out = to_bigint(v).is_negative() ? INT64_MIN : INT64_MAX;
        return true;
    }
    if (!index_int64(vm, v, i)) return false;
    out = i;
    return true;
}

// A list of Values as a new tuple/list.
inline Value tuple_of(VM& vm, std::initializer_list<Value> items) { return new_tuple(vm, items); }

// Makes a type for a native object defined by the library (iterators, deque...).
inline Type* make_lib_type(VM& vm, const char* name, const char* module = "builtins") {
    Type* t = make_builtin_type(vm, name, vm.types.object, 0);
    t->module = module;
    return t;
}

}  // namespace ll::vm::lib

namespace ll::vm::lib {

// list.sort's engine (builtins_list.cpp): sorts `items` in place, stable, comparing with `<`
// (on key(item) when `key` is set and not None) like CPython; reverse keeps equal items in order.
bool sort_values(VM& vm, std::vector<Value>& items, const Value& key, bool reverse);

// ascii(v): repr(v) with its non-ASCII characters escaped (builtins_str.cpp).
Value ascii_of(VM& vm, const Value& v);

// Installers, one per file (called by register_builtins_ext).
void init_builtin_functions(VM& vm);
void init_builtin_iterators(VM& vm);
void init_list_methods(VM& vm);
void init_str_methods(VM& vm);
void init_dict_methods(VM& vm);
void init_set_methods(VM& vm);
void init_number_methods(VM& vm);
void init_dunder_methods(VM& vm);

}  // namespace ll::vm::lib
