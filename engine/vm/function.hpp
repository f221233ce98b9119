// Callables and descriptors: Python functions, built-in functions/methods, bound methods,
// property, staticmethod, classmethod, and the VM's view of a compiled code object.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/lang/code.hpp"
#include "engine/vm/object.hpp"

namespace ll::vm {

// A code object as the VM runs it: the compiler's CodeObject plus its constants as Values and
// its names interned, made once per code object.
struct Code : Object {
    Code(Type* t, std::shared_ptr<const lang::CodeObject> c) : Object(t), co(std::move(c)) {}
    std::shared_ptr<const lang::CodeObject> co;
    std::vector<Value> consts;  // co->consts converted
    std::vector<Value> names;   // co->names as interned Str values
    std::vector<Value> varnames;  // interned
    std::vector<int> cell2arg;  // for each cellvar: the parameter slot it starts from, or -1
    // co_name (interned) and co_qualname as strs, made once: the functions and coroutines of
    // this code share them (a coroutine keeps no names of its own, see Generator::own_names).
    Value name, qualname;
    // LOAD_GLOBAL / LOAD_NAME / STORE_NAME inline caches, one per instruction (made on first use):
    // a dict version and the entry index it maps the name to.
    struct NameCache {
        std::uint64_t version = 0;     // globals (or the dict the name was found in)
        std::uint64_t version2 = 0;    // builtins, when found there
        std::int32_t index = -1;
        bool in_builtins = false;
    };
    std::vector<NameCache> name_cache;
    // LOAD_ATTR / STORE_ATTR inline caches, one per instruction (made on first use): for objects
    // of one type, where the attribute was found last time (interp.cpp's attr_cache_*). Valid
    // while the VM's type generation is unchanged, so no class was created or modified since.
    struct AttrCache {
        // Method: a class's function for instances that may shadow it in their dict;
        // NativeMethod: a built-in type's method (its instances have no dict to shadow it);
        // ClassValue: a plain class attribute (no __get__), for instances that may shadow it.
        enum Kind : std::uint8_t { None, Slot, InstanceDict, Method, NativeMethod, ModuleDict, ClassValue };
        const Type* type = nullptr;
        std::uint64_t generation = 0;  // vm.type_generation; ModuleDict: the module dict's version
        std::int32_t index = -1;   // Slot: the slot; InstanceDict, ModuleDict: the dict's entries() position
        Kind kind = None;
        Object* method = nullptr;  // (Native)Method: the function in the class (borrowed from its dict)
        // ClassValue: the value's place in the defining class's dict. Valid while `generation`
        // is: adding or removing a class attribute changes it (and reallocates nothing before).
        const Value* class_value = nullptr;
        // Method: the version of the last instance dict seen without the name (see
        // method_not_shadowed in interp.cpp); 0 when none.
        std::uint64_t dict_version = 0;
    };
    std::vector<AttrCache> attr_cache;
    std::uint32_t nlocals = 0, ncells = 0, nfree = 0;
    // Read on every call and frame switch, so kept here rather than behind `co`:
    std::uint32_t stack_base = 0;   // nlocals + ncells + nfree (+ 2): where a frame's value stack starts
    // Not "optimized" code (a module or class body, a notebook cell): its frames keep their
    // globals and their name space in two slots below the stack (Frame::globals, locals).
    bool has_namespace = false;
    std::uint32_t frame_slots = 0;  // stack_base + the deepest stack: a frame's slot count
    const lang::Instr* instructions = nullptr;  // co->code.data()
};

// A function defined by `def` or `lambda`.
struct Function : Object {
    Function(Type* t) : Object(t) {}
    Value code;        // Code
    Value globals;     // Dict
    Value builtins;    // Dict
    Value name;        // Str: __name__
    Value qualname;    // Str: __qualname__
    Value defaults;    // Tuple or null
    Value kwdefaults;  // Dict or null
    Value closure;     // Tuple of Cells or null
    Value dict;        // Dict of user attributes or null
    Value doc;         // __doc__ or null
    Value module;      // __module__ (Str)
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
    Code* code_obj() const { return code.as<Code>(); }
};

// A built-in function, or a built-in method (bound when `self` is set: it is then passed as
// args[0]).
struct BuiltinFunction : Object {
    BuiltinFunction(Type* t, std::string n, NativeFn f) : Object(t), name(std::move(n)), fn(f) {}
    std::string name;
    NativeFn fn;
    Value self;            // bound receiver or null
    Type* owner = nullptr; // for method descriptors: the type defining it ("list.append")
    Value data;            // optional per-function data for closures made in C++
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// A method bound to its object. `func` is always an object (a non-object Value is never
// callable), so an 8-byte ObjRef: a waiting task's wake-up callback is one of these.
struct BoundMethod : Object {
    BoundMethod(Type* t, Value f, Value s) : Object(t), func(std::move(f)), self(std::move(s)) {}
    ObjRef func;
    Value self;
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

struct Property : Object {
    explicit Property(Type* t) : Object(t) {}
    Value fget, fset, fdel, doc;
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

struct StaticMethod : Object {
    StaticMethod(Type* t, Value f) : Object(t), func(std::move(f)) {}
    Value func;
};

struct ClassMethod : Object {
    ClassMethod(Type* t, Value f) : Object(t), func(std::move(f)) {}
    Value func;
};

// A native getter/setter attribute of a built-in type (e.g. exception.args, gen.gi_frame).
using GetterFn = Value (*)(VM&, const Value& self);
using SetterFn = bool (*)(VM&, const Value& self, const Value& value);  // value null: delete
// A __slots__ name: reads and writes one slot of the owner's instances (slots.cpp).
struct MemberDescriptor : Object {
    MemberDescriptor(Type* t, Type* o, Value n, std::uint32_t i) : Object(t), owner(o), name(std::move(n)), index(i) {}
    Type* owner;          // borrowed: the class's dict holds this descriptor
    Value name;           // Str, as mangled
    std::uint32_t index;  // into Instance::slot_values()
};

struct GetSetDescriptor : Object {
    GetSetDescriptor(Type* t, std::string n, GetterFn g, SetterFn s) : Object(t), name(std::move(n)), get(g), set(s) {}
    std::string name;
    GetterFn get;
    SetterFn set;
    Type* owner = nullptr;
};

}  // namespace ll::vm
