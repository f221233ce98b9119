// Declarations shared between the VM's own .cpp files (not part of the extension API).
#pragma once

#include <string>
#include <vector>

#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

namespace ll::vm {

// Bootstrap: each fills the slots and core methods of its types (called by VM::VM).
void init_type_type(VM& vm);
void init_super_type(VM& vm);
void install_build_class(VM& vm);
void init_number_types(VM& vm);
void init_str_type(VM& vm);
void init_sequence_types(VM& vm);
void init_dict_types(VM& vm);
void init_set_types(VM& vm);
void init_function_types(VM& vm);
void init_exception_types(VM& vm);
void init_generator_types(VM& vm);
void init_member_descriptor_type(VM& vm);
void init_core_builtins(VM& vm);

// The builtins a frame's code sees: its function's (a module body's frame has none: the VM's).
// Not a frame field: 8 bytes more would make every frame one 16-byte block bigger.
inline Dict* builtins_of(VM& vm, const Frame* f) {
    const Value& b = f->func ? f->func.as<Function>()->builtins : vm.builtins;
    return (b.is_obj() ? b : vm.builtins).as<Dict>();
}

// Allocates a bare built-in type object (no slots yet).
Type* make_builtin_type(VM& vm, const char* name, Type* base, std::uint32_t flags);
// Allocators for user subclasses.
Object* alloc_instance(VM& vm, Type* cls);
Object* alloc_exception(VM& vm, Type* cls);
// CALL's inline-__init__ fast path (type.cpp).
bool python_init_of(VM& vm, Type* cls, Value& init_fn);
// A new class's __slots__ (slots.cpp): member descriptors in its dict, its instances' slot
// count and whether they keep a __dict__. False with an exception set for a bad declaration.
bool init_class_slots(VM& vm, Type* cls);
// True when t's instances are plain Instance objects (t is object or a class statement's class
// deriving from object through class statements only): what slots and attribute caches assume.
bool has_plain_instances(VM& vm, const Type* t);
// LOAD_SUPER_ATTR with the builtin super: super().name in frame f, as super() then getattr
// would give it; with `method`, a function comes back unbound and *self_out is set.
Value load_super_attr(VM& vm, Frame* f, Str* name, bool method, Value* self_out);
// Recomputes a user class's slot trampolines from its dunders (after creation or a dunder set).
void fixup_slots(VM& vm, Type* cls);

// Calls: `call_object` is call() without the native-depth bookkeeping.
Value call_object(VM& vm, const Value& callable, Args args);
// Builds a frame for a Python function call with arguments bound (null + exception on
// a binding error such as "f() missing 1 required positional argument: 'x'").
Frame* make_call_frame(VM& vm, Function* fn, Args args, const Value* self_prefix = nullptr);
// The common call alone (positional arguments, fn without keyword-only parameters, cells or
// *args/**kwargs), or null (nothing raised) when make_call_frame must bind the arguments.
// Scalars rather than an Args: the interpreter calls it on every Python call. `steal_args`: the
// arguments are the caller's stack slots, which it drops next, so they are moved into the frame
// instead of copied (self_prefix is always copied).
Frame* make_positional_call_frame(VM& vm, Function* fn, const Value* items, std::uint32_t count, const Value* self_prefix,
                                  bool steal_args);
// Calls `fn` with self prepended to args.
Value call_with_self(VM& vm, const Value& fn, const Value& self, Args args);
Value make_generator_for(VM& vm, Function* fn, Frame* frame);
// The callable's display name for "X() takes ..." messages.
std::string function_display_name(Function* fn);

// Str helpers.
Value str_from_codepoint_slice(VM& vm, Str* s, std::int64_t start, std::int64_t stop, std::int64_t step, std::int64_t n);
std::int64_t hash_bytes(std::string_view s);

// Exceptions.
Value exception_str(VM& vm, const Value& exc);
void set_context(VM& vm, const Value& exc, const Value& context);
Value new_exception_group(VM& vm, Type* type, Value message, std::vector<Value> excs);
// The exception being handled (sys.exception()): the innermost entry of the thread's stack that
// has one; null if none.
Value handled_exception(const Thread& th);
Value traceback_add(VM& vm, const Value& tb, Frame* frame, std::uint32_t lasti);

// Generators.
Value new_generator(VM& vm, GenKind kind, Frame* frame, Function* fn);

// Formatting a float / int as repr.
std::string int_repr(const Value& v);

// Unpacks a Slice value against a length.
bool slice_indices(VM& vm, const Value& slice, std::int64_t len, std::int64_t& start, std::int64_t& stop,
                   std::int64_t& step, std::int64_t& n);

// Name of a Python value's type for "unsupported operand" messages.
inline std::string tname(const Value& v) { return std::string(type_name(v)); }

// Module import (modules.cpp).
Value import_name(VM& vm, Str* name, const Value& fromlist, std::int64_t level);

// NameError suggestion ("Did you mean: 'x'?") computed from candidate names.
std::string suggest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace ll::vm
