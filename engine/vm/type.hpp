// Type: a Python class, built-in or user-defined. Its slots are C++ function pointers the
// generic protocols (ops.hpp) call; a user class fills the slots with trampolines that look up
// and call its dunder methods, so built-in and Python-defined behaviour go through one path.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/vm/value.hpp"

namespace ll::vm {

class VM;
struct Str;
struct Dict;

// Arguments of a call as natives receive them: positional values, then keyword values with their
// names (Str values). For a method, items[0] is self.
struct Args {
    const Value* items = nullptr;    // positional arguments
    std::uint32_t count = 0;
    const Value* kwvalues = nullptr; // keyword argument values
    const Value* kwnames = nullptr;  // their names (Str values), same length
    std::uint32_t kwcount = 0;

    Args() = default;
    Args(const Value* p, std::uint32_t n) : items(p), count(n) {}
    Args(std::span<const Value> p) : items(p.data()), count(static_cast<std::uint32_t>(p.size())) {}
    std::size_t size() const { return count; }
    const Value& operator[](std::size_t i) const { return items[i]; }
    bool has_kwargs() const { return kwcount != 0; }
    // The keyword argument `name`, or a null Value when it was not passed.
    Value kw(std::string_view name) const;
    std::string_view kwname(std::size_t i) const;
    // Same call without its first positional argument (self).
    Args skip(std::size_t n = 1) const {
        Args a = *this;
        a.items += n;
        a.count -= static_cast<std::uint32_t>(n);
        return a;
    }
};

// A built-in function or method: returns the result, or a null Value after raising.
using NativeFn = Value (*)(VM& vm, Args args);

enum class CompareOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// Binary operators, in CPython's NB_* order (BINARY_OP's argument); inplace = op + 13.
enum class BinOp : std::uint8_t {
    Add, And, FloorDiv, LShift, MatMul, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor,
    InplaceAdd, InplaceAnd, InplaceFloorDiv, InplaceLShift, InplaceMatMul, InplaceMul, InplaceMod,
    InplaceOr, InplacePow, InplaceRShift, InplaceSub, InplaceTrueDiv, InplaceXor,
};
inline constexpr int kInplaceOffset = 13;
inline BinOp base_op(BinOp op) {
    int i = static_cast<int>(op);
    return static_cast<BinOp>(i >= kInplaceOffset ? i - kInplaceOffset : i);
}
inline bool is_inplace(BinOp op) { return static_cast<int>(op) >= kInplaceOffset; }
const char* binop_symbol(BinOp op);  // "+", "+=", "**", ...

enum class UnaryOp : std::uint8_t { Neg, Pos, Invert };

// The C++ behaviour of a type. Every pointer may be null ("not supported"): the generic code
// in ops.cpp then raises CPython's TypeError. Conventions: a null Value / false / -1 means an
// exception is set; "NotImplemented" is the NotImplemented singleton value.
struct TypeSlots {
    Value (*repr)(VM&, const Value& self) = nullptr;           // a Str value
    Value (*str)(VM&, const Value& self) = nullptr;            // a Str value; null slot: repr
    bool (*hash)(VM&, const Value& self, std::int64_t& out) = nullptr;
    // a < b etc. May return NotImplemented; ops.cpp then tries the reflected operation.
    Value (*richcompare)(VM&, const Value& a, const Value& b, CompareOp op) = nullptr;
    int (*truth)(VM&, const Value& self) = nullptr;            // 1, 0, -1 (error)
    bool (*len)(VM&, const Value& self, std::int64_t& out) = nullptr;
    Value (*iter)(VM&, const Value& self) = nullptr;
    // Next item; a null Value with no exception set means "exhausted" (no StopIteration built).
    Value (*next)(VM&, const Value& self) = nullptr;
    Value (*getitem)(VM&, const Value& self, const Value& key) = nullptr;
    bool (*setitem)(VM&, const Value& self, const Value& key, const Value& value) = nullptr;
    bool (*delitem)(VM&, const Value& self, const Value& key) = nullptr;
    int (*contains)(VM&, const Value& self, const Value& item) = nullptr;  // 1, 0, -1
    Value (*call)(VM&, const Value& self, Args args) = nullptr;
    // Attribute lookup, the whole of it (null slot: the generic object lookup in ops.cpp).
    // A missing attribute returns null with AttributeError set.
    Value (*getattr)(VM&, const Value& self, Str* name) = nullptr;
    bool (*setattr)(VM&, const Value& self, Str* name, const Value& value) = nullptr;  // value null: delete
    // Descriptor protocol: binding a function to an instance, property get/set, classmethod.
    Value (*descr_get)(VM&, const Value& descr, const Value& obj, const Value& owner) = nullptr;
    bool (*descr_set)(VM&, const Value& descr, const Value& obj, const Value& value) = nullptr;
    // `lhs op rhs`: called with the operands in source order on both operand types' slots
    // (like CPython's nb_add): check which side you are. Return NotImplemented when unsupported.
    Value (*binop)(VM&, BinOp op, const Value& lhs, const Value& rhs) = nullptr;
    Value (*unop)(VM&, UnaryOp op, const Value& self) = nullptr;
    // Calling the class: __new__ creates, __init__ initialises (null init: accepts no args).
    Value (*new_)(VM&, Type* cls, Args args) = nullptr;
    bool (*init)(VM&, const Value& self, Args args) = nullptr;
    // `await x` on a built-in awaitable (CPython's am_await): its iterator, without looking up
    // and calling a `__await__` method (which such a type still defines, for introspection).
    Value (*await)(VM&, const Value& self) = nullptr;
    // Runs when the last reference goes, before the C++ destructor (coroutine "never awaited").
    void (*finalize)(VM&, Object* self) = nullptr;
};

enum TypeFlag : std::uint32_t {
    kTypeHeap = 1u << 0,         // created by a class statement (user class)
    kTypeBaseType = 1u << 1,     // may be subclassed
    kTypeException = 1u << 2,    // BaseException or a subclass
    kTypeInstanceDict = 1u << 3, // instances carry a __dict__ (Instance layout)
    kTypeAbstract = 1u << 4,     // cannot be instantiated directly (e.g. NoneType's "cannot create")
};

struct Type : Object {
    explicit Type(Type* metatype) : Object(metatype) {}
    ~Type() override;

    std::string name;      // __name__
    std::string qualname;  // __qualname__
    std::string module;    // __module__ ("builtins" for built-ins: repr omits it)
    Type* base = nullptr;  // __base__ (single inheritance); null only for object
    std::vector<Type*> mro;  // __mro__, self first; borrowed (bases outlive subclasses via `base_ref_`)
    Value dict;            // a Dict: methods, class attributes, descriptors
    TypeSlots slots;
    std::uint32_t flags = 0;
    // How many attributes instances of this class have had at most: a new instance __dict__ is
    // made that big at once (fewer regrowths per object, and no doubling slack).
    std::uint32_t instance_dict_hint = 0;
    // How many __slots__ values instances carry, this class's and its bases' (slots.cpp).
    std::uint32_t slot_count = 0;
    // Creates an uninitialised instance of this (possibly user-derived) type; inherited from the
    // nearest built-in base, so `class E(Exception)` instances are ExceptionObjects.
    Object* (*alloc)(VM&, Type* cls) = nullptr;
    Value base_ref_;       // keeps `base` alive

    bool has_flag(TypeFlag f) const { return (flags & f) != 0; }
    // True when this type is `other` or derives from it.
    bool is_subtype(const Type* other) const;
    // Looks `name` up along the MRO's dicts (no descriptor binding); null when absent.
    Value lookup(Str* key) const;
    // The same, and *hint points at the instance-dict position hint of (this type, key), or is
    // null when the lookup is not cacheable (valid until the next lookup).
    Value lookup(Str* key, std::int32_t** hint) const;
    Value lookup(std::string_view key) const;
};

}  // namespace ll::vm
