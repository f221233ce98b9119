// The generic object protocols (CPython's abstract.c / object.c): repr, str, hash, equality,
// ordering, truth, arithmetic, attributes, items, iteration. Every function may run Python code
// (user dunders) and reports errors as a null Value / false / -1 with the exception set.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/vm/vm.hpp"

namespace ll::vm {

// --- type checks (cheap, no Python code)
Type* type_of_inline_value(const Value& v);  // None, bool, int, float (and null)
inline Type* type_of(const Value& v) { return v.is_obj() ? v.obj()->type : type_of_inline_value(v); }
inline bool is_type(const Value& v, Type* t) { return v.is_obj() && v.obj()->type == t; }
bool isinstance(const Value& v, Type* t);  // type_of(v)->is_subtype(t)
bool is_str(const Value& v);
bool is_int(const Value& v);       // int (small or big), bool included
bool is_exact_int(const Value& v); // int, not bool
bool is_float(const Value& v);
bool is_tuple(const Value& v);
bool is_list(const Value& v);
bool is_dict(const Value& v);
bool is_type_object(const Value& v);
bool is_exception(const Value& v); // instance of BaseException
std::string_view type_name(const Value& v);  // "int", "NoneType", user class __name__
inline Str* as_str(const Value& v) { return v.as<Str>(); }
std::string_view str_view(const Value& v);  // precondition: is_str(v)

// --- text
Value repr(VM& vm, const Value& v);            // Str value
Value str(VM& vm, const Value& v);             // Str value
bool repr_into(VM& vm, const Value& v, std::string& out);  // appends repr(v)
bool str_into(VM& vm, const Value& v, std::string& out);   // appends str(v)
Value format(VM& vm, const Value& v, std::string_view spec);  // format(v, spec)

// --- identity, equality, ordering, truth, hash
bool hash(VM& vm, const Value& v, std::int64_t& out);  // TypeError "unhashable type: 'list'"
int eq(VM& vm, const Value& a, const Value& b);        // 1, 0, -1 (identity implies equal)
Value compare(VM& vm, const Value& a, const Value& b, CompareOp op);  // result object
int compare_bool(VM& vm, const Value& a, const Value& b, CompareOp op);  // truth of the result
int truthy(VM& vm, const Value& v);                    // 1, 0, -1

// --- numbers
Value binary_op(VM& vm, BinOp op, const Value& a, const Value& b);
Value unary_op(VM& vm, UnaryOp op, const Value& v);
// An int value as int64 if it fits (false for big ints and non-ints: no exception set).
bool to_int64(const Value& v, std::int64_t& out);
// Python's `index()` protocol: int or bool (or __index__); TypeError otherwise with CPython's
// "'str' object cannot be interpreted as an integer".
bool index_int64(VM& vm, const Value& v, std::int64_t& out);
base::BigInt to_bigint(const Value& v);  // precondition: is_int(v)
bool to_double(VM& vm, const Value& v, double& out);  // float or int

// --- attributes (name: any text; interned internally)
Value get_attr(VM& vm, const Value& obj, Str* name);
Value get_attr(VM& vm, const Value& obj, std::string_view name);
// get_attr for a native's hot lookup, with its own inline cache (as LOAD_ATTR's): a slot or an
// instance dict entry found there last time is read again directly, after the same checks.
Value get_attr_cached(VM& vm, Code::AttrCache& cache, const Value& obj, Str* name);
// Like get_attr, but null *without* an exception when the attribute is missing.
Value get_attr_opt(VM& vm, const Value& obj, std::string_view name);
bool set_attr(VM& vm, const Value& obj, Str* name, const Value& value);
bool del_attr(VM& vm, const Value& obj, Str* name);
// The default lookup of object.__getattribute__ (data descriptors, instance dict, class).
Value generic_getattr(VM& vm, const Value& obj, Str* name, bool raise_missing);
bool generic_setattr(VM& vm, const Value& obj, Str* name, const Value& value);

// --- items and containers
Value get_item(VM& vm, const Value& obj, const Value& key);
bool set_item(VM& vm, const Value& obj, const Value& key, const Value& value);
bool del_item(VM& vm, const Value& obj, const Value& key);
bool length(VM& vm, const Value& v, std::int64_t& out);  // len()
int contains(VM& vm, const Value& container, const Value& item);

// --- iteration
Value get_iter(VM& vm, const Value& v);        // iter(v)
// next(it): a null Value with no exception set means exhausted.
Value iter_next(VM& vm, const Value& it);
// After a next slot returned null with an exception set: a StopIteration is cleared (the
// iteration simply ended, as CPython's tp_iternext may end) and true returned; else false.
bool stop_iteration_ends(VM& vm);
// Collects an iterable into a vector (list(v)).
bool collect(VM& vm, const Value& iterable, std::vector<Value>& out);

// --- calls
bool is_callable(const Value& v);
std::string callable_name(const Value& v);    // "f" for functions, for error messages

}  // namespace ll::vm
