// `type` and `object`: attribute lookup along the MRO, instance creation, user classes
// (__build_class__), the slot trampolines that route C++ slots to Python dunders, and super().
#include "engine/vm/type.hpp"

#include <array>
#include <cstring>

#include "engine/vm/internal.hpp"

namespace ll::vm {

Type::~Type() {
    VM& vm = current_vm();
    if (!vm.heap.tearing_down) ++vm.type_generation;
}

bool Type::is_subtype(const Type* other) const {
    if (this == other) return true;
    for (Type* t : mro)
        if (t == other) return true;
    return false;
}

Value Type::lookup(Str* key) const {
    std::int32_t* hint = nullptr;
    return lookup(key, &hint);
}

// The attribute cache's miss: walk the MRO and fill the entry. Out of line, so that the hit in
// Type::lookup stays a leaf without this path's register saves.
[[gnu::noinline]] static Value lookup_miss(VM& vm, const Type* type, const std::vector<Type*>& mro, Str* key,
                                           VM::AttrCacheEntry& e, std::int32_t** hint);

Value Type::lookup(Str* key, std::int32_t** hint) const {
    VM& vm = current_vm();
    std::size_t slot = ((reinterpret_cast<std::uintptr_t>(this) >> 4) ^ (reinterpret_cast<std::uintptr_t>(key) >> 3)) &
                       (VM::kAttrCacheSize - 1);
    VM::AttrCacheEntry& e = vm.attr_cache[slot];
    if (e.type == this && e.name == key && e.generation == vm.type_generation) [[likely]] {
        *hint = &e.dict_hint;
        return e.value;
    }
    return lookup_miss(vm, this, mro, key, e, hint);
}

static Value lookup_miss(VM& vm, const Type* type, const std::vector<Type*>& mro, Str* key, VM::AttrCacheEntry& e,
                         std::int32_t** hint) {
    Value found;
    for (Type* t : mro) {
        if (t->dict.is_null()) continue;
        Value v = t->dict.as<Dict>()->get_str(vm, key);
        if (v) {
            found = std::move(v);
            break;
        }
    }
    if (key->interned) {
        e.type = type;
        e.name = key;
        e.generation = vm.type_generation;
        e.value = found;
        e.dict_hint = -1;
        *hint = &e.dict_hint;
    }
    return found;
}

Value Type::lookup(std::string_view key) const { return lookup(current_vm().intern(key)); }

// ---------------------------------------------------------------------------------------------
// object
// ---------------------------------------------------------------------------------------------

static std::string type_repr_name(Type* t) {
    if (t->module == "builtins") return t->qualname;
    return t->module + "." + t->qualname;
}

static Value object_repr(VM& vm, const Value& self) {
    Type* t = type_of(self);
    return new_str(vm, fmt::format("<{} object at {:#x}>", type_repr_name(t),
                                   reinterpret_cast<std::uintptr_t>(self.is_obj() ? self.obj() : nullptr)));
}

static bool object_hash(VM&, const Value& self, std::int64_t& out) {
    // CPython's pointer hash: rotate right by 4. Done in 64 bits, because a 32-bit pointer
    // (WebAssembly) shifted by 60 is undefined behaviour and broke dicts keyed by objects.
    auto p = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(self.obj()));
    out = static_cast<std::int64_t>((p >> 4) | (p << 60));
    if (out == -1) out = -2;
    return true;
}

static Value object_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (op == CompareOp::Eq) return a.is(b) ? Value::boolean(true) : vm.not_implemented;
    if (op == CompareOp::Ne) {
        // Default __ne__ inverts __eq__ unless it is NotImplemented.
        Type* t = type_of(a);
        if (t->slots.richcompare && t->slots.richcompare != object_richcompare) {
            Value r = t->slots.richcompare(vm, a, b, CompareOp::Eq);
            if (!r) return {};
            if (r.is(vm.not_implemented)) return r;
            int truth = truthy(vm, r);
            if (truth < 0) return {};
            return Value::boolean(!truth);
        }
        return a.is(b) ? Value::boolean(false) : vm.not_implemented;
    }
    return vm.not_implemented;
}

static bool object_init(VM& vm, const Value& self, Args args);

static Value object_new(VM& vm, Type* cls, Args args) {
    if ((args.size() || args.has_kwargs()) && (cls->slots.init == object_init || !cls->slots.init)) {
        if (cls->slots.new_ == object_new)
            return raise_fmt(vm, vm.exc.TypeError, "{}() takes no arguments", cls->name);
    }
    if (cls->has_flag(kTypeAbstract))
        return raise_fmt(vm, vm.exc.TypeError, "cannot create '{}' instances", cls->name);
    return Value::steal(cls->alloc(vm, cls));
}

static bool object_init(VM& vm, const Value& self, Args args) {
    Type* t = type_of(self);
    if ((args.size() || args.has_kwargs()) && t->slots.new_ == object_new) {
        raise_fmt(vm, vm.exc.TypeError, "{}.__init__() takes exactly one argument (the instance to initialize)", t->name);
        return false;
    }
    return true;
}

static Value object_str(VM& vm, const Value& self) {
    Type* t = type_of(self);
    return t->slots.repr ? t->slots.repr(vm, self) : object_repr(vm, self);
}

// ---------------------------------------------------------------------------------------------
// type
// ---------------------------------------------------------------------------------------------

static Value type_repr(VM& vm, const Value& self) {
    return new_str(vm, "<class '" + type_repr_name(self.as<Type>()) + "'>");
}

static Value type_call(VM& vm, const Value& self, Args args) {
    Type* cls = self.as<Type>();
    if (cls == vm.types.type && args.size() == 1 && !args.has_kwargs()) return Value::borrow(type_of(args[0]));
    if (!cls->slots.new_) return raise_fmt(vm, vm.exc.TypeError, "cannot create '{}' instances", cls->name);
    Value obj = cls->slots.new_(vm, cls, args);
    if (!obj) return {};
    Type* ot = type_of(obj);
    if (ot->is_subtype(cls) && ot->slots.init) {
        if (!ot->slots.init(vm, obj, args)) return {};
    }
    return obj;
}

static Value type_new(VM& vm, Type* meta, Args args);

static Value type_getattr(VM& vm, const Value& self, Str* name) {
    Type* cls = self.as<Type>();
    Type* meta = type_of(self);
    Value meta_attr = meta->lookup(name);
    if (meta_attr) {
        Type* mt = type_of(meta_attr);
        if (mt->slots.descr_get && mt->slots.descr_set)
            return mt->slots.descr_get(vm, meta_attr, self, Value::borrow(meta));
    }
    // type's own data descriptors come before the class's dict, as in CPython: a class whose
    // instances have a __name__ (generators, functions) or that assigns one still has its own.
    if (name->text.size() >= 8 && name->text[0] == '_' && name->text[1] == '_') {
        if (name->text == "__name__") return new_str(vm, cls->name);
        if (name->text == "__qualname__") return new_str(vm, cls->qualname);
    }
    Value attr = cls->lookup(name);
    if (attr) {
        Type* at = type_of(attr);
        if (at->slots.descr_get) return at->slots.descr_get(vm, attr, Value::none(), self);
        return attr;
    }
    if (meta_attr) {
        Type* mt = type_of(meta_attr);
        if (mt->slots.descr_get) return mt->slots.descr_get(vm, meta_attr, self, Value::borrow(meta));
        return meta_attr;
    }
    if (name->text == "__module__") return new_str(vm, cls->module);
    if (name->text == "__dict__") return cls->dict;
    if (name->text == "__base__") return cls->base ? Value::borrow(cls->base) : Value::none();
    if (name->text == "__bases__") {
        std::vector<Value> b;
        if (cls->base) b.push_back(Value::borrow(cls->base));
        return new_tuple(vm, std::move(b));
    }
    if (name->text == "__mro__") {
        std::vector<Value> b;
        for (Type* t : cls->mro) b.push_back(Value::borrow(t));
        return new_tuple(vm, std::move(b));
    }
    return raise_fmt(vm, vm.exc.AttributeError, "type object '{}' has no attribute '{}'", cls->name, name->text);
}

static bool type_setattr(VM& vm, const Value& self, Str* name, const Value& value) {
    Type* cls = self.as<Type>();
    type_modified(vm);
    if (!cls->has_flag(kTypeHeap)) {
        raise_fmt(vm, vm.exc.TypeError,
                  "cannot set '{}' attribute of immutable type '{}'", name->text, cls->name);
        return false;
    }
    // __name__ / __qualname__ live on the type (type_getattr reads them before the dict).
    if (name->text == "__name__" || name->text == "__qualname__") {
        bool is_name = name->text == "__name__";
        if (value.is_null()) {
            raise_fmt(vm, vm.exc.TypeError, "cannot delete '{}' attribute of immutable type '{}'", name->text, cls->name);
            return false;
        }
        if (!is_str(value)) {
            raise_fmt(vm, vm.exc.TypeError, "can only assign string to {}.{}, not '{}'", cls->name, name->text, type_name(value));
            return false;
        }
        (is_name ? cls->name : cls->qualname) = value.as<Str>()->text;
        return true;
    }
    if (value.is_null()) {
        int r = cls->dict.as<Dict>()->del(vm, Value::borrow(name));
        if (r == 0) {
            raise_fmt(vm, vm.exc.AttributeError, "type object '{}' has no attribute '{}'", cls->name, name->text);
            return false;
        }
    } else {
        cls->dict.as<Dict>()->set(vm, Value::borrow(name), value);
    }
    if (name->text.size() > 4 && name->text.compare(0, 2, "__") == 0) fixup_slots(vm, cls);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Slot trampolines for user classes: each looks the dunder up on the type and calls it.
// ---------------------------------------------------------------------------------------------

static Value call_dunder(VM& vm, const Value& self, const char* name, std::initializer_list<Value> args) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern(name));
    if (!f) return raise_fmt(vm, vm.exc.AttributeError, "'{}' object has no attribute '{}'", t->name, name);
    std::vector<Value> argv(args);
    return call_with_self(vm, f, self, Args(argv.data(), static_cast<std::uint32_t>(argv.size())));
}

static Value tramp_repr(VM& vm, const Value& self) {
    Value r = call_dunder(vm, self, "__repr__", {});
    if (r && !is_str(r))
        return raise_fmt(vm, vm.exc.TypeError, "__repr__ returned non-string (type {})", type_name(r));
    return r;
}

static Value tramp_str(VM& vm, const Value& self) {
    Value r = call_dunder(vm, self, "__str__", {});
    if (r && !is_str(r))
        return raise_fmt(vm, vm.exc.TypeError, "__str__ returned non-string (type {})", type_name(r));
    return r;
}

static bool tramp_hash(VM& vm, const Value& self, std::int64_t& out) {
    Value f = type_of(self)->lookup(vm.intern("__hash__"));
    if (f.is_none()) {
        raise_fmt(vm, vm.exc.TypeError, "unhashable type: '{}'", type_name(self));
        return false;
    }
    Value r = call_dunder(vm, self, "__hash__", {});
    if (!r) return false;
    if (!is_int(r)) {
        raise(vm, vm.exc.TypeError, "__hash__ method should return an integer");
        return false;
    }
    std::int64_t h;
    if (to_int64(r, h)) out = (h == -1) ? -2 : h;
    else out = base::py_hash_int(to_bigint(r));
    return true;
}

// traceback.cpp: an exception formatted like CPython's unraisable hook (frames without carets).
// Declared here rather than in internal.hpp to keep this change's rebuild small.
std::string format_exception_plain(VM& vm, const Value& exc);

// __del__: runs when the last reference goes (or at teardown for cycles). Like CPython, an
// exception escaping it is reported as "Exception ignored in: <the __del__ function>" and dropped.
static void tramp_del(VM& vm, Object* self) {
    Value saved_exc = take_error(vm);
    Value keep = Value::borrow(self);
    Value f = self->type->lookup(vm.intern("__del__"));
    if (f && !call_with_self(vm, f, keep, Args(nullptr, 0))) {
        Value exc = take_error(vm);
        Value where = repr(vm, f);
        if (!where) (void)take_error(vm);
        std::string out = "Exception ignored in: " + (where ? where.as<Str>()->text : std::string("<__del__>")) + "\n";
        out += format_exception_plain(vm, exc);
        vm.write_stderr(out);
    }
    // Hand the finalizer's reference back without triggering another release: object_release
    // decides afterwards whether __del__ resurrected the object.
    --keep.release()->refcount;
    if (saved_exc) vm.thread.exc = std::move(saved_exc);
}

static bool unhashable(VM& vm, const Value& self, std::int64_t&) {
    raise_fmt(vm, vm.exc.TypeError, "unhashable type: '{}'", type_name(self));
    return false;
}

static const char* const kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static Value tramp_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    Type* t = type_of(a);
    // Interned once per VM: heapq compares TimerHandles through here on every timer push and pop.
    Str*& name = vm.compare_names[static_cast<int>(op)];
    if (!name) name = vm.intern(kCompareNames[static_cast<int>(op)]);
    Value f = t->lookup(name);
    if (!f || f.is_none()) return vm.not_implemented;
    if (is_type(f, vm.types.builtin_function)) {
        // object's own comparison: identity rules. A native method a class was given
        // (def_method, e.g. the prelude's TimerHandle.__lt__) is called as such.
        Type* owner = f.as<BuiltinFunction>()->owner;
        if (!owner || owner == vm.types.object || !owner->has_flag(kTypeHeap)) return object_richcompare(vm, a, b, op);
        const Value args[2] = {a, b};
        return call_object(vm, f, Args(args, 2));
    }
    return call_with_self(vm, f, a, Args(&b, 1));
}

static int tramp_truth(VM& vm, const Value& self) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern("__bool__"));
    if (f) {
        Value r = call_with_self(vm, f, self, Args());
        if (!r) return -1;
        if (!r.is_bool()) {
            raise_fmt(vm, vm.exc.TypeError, "__bool__ should return bool, returned {}", type_name(r));
            return -1;
        }
        return r.as_bool() ? 1 : 0;
    }
    f = t->lookup(vm.intern("__len__"));
    if (f) {
        std::int64_t n;
        if (!length(vm, self, n)) return -1;
        return n != 0;
    }
    return 1;
}

static bool tramp_len(VM& vm, const Value& self, std::int64_t& out) {
    Value r = call_dunder(vm, self, "__len__", {});
    if (!r) return false;
    if (!is_int(r)) {
        raise_fmt(vm, vm.exc.TypeError, "'{}' object cannot be interpreted as an integer", type_name(r));
        return false;
    }
    if (!to_int64(r, out)) {
        raise(vm, vm.exc.OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    if (out < 0) {
        raise(vm, vm.exc.ValueError, "__len__() should return >= 0");
        return false;
    }
    return true;
}

static Value tramp_iter(VM& vm, const Value& self) {
    Value r = call_dunder(vm, self, "__iter__", {});
    if (r && !type_of(r)->slots.next)
        return raise_fmt(vm, vm.exc.TypeError, "iter() returned non-iterator of type '{}'", type_name(r));
    return r;
}

static Value tramp_next(VM& vm, const Value& self) {
    Value r = call_dunder(vm, self, "__next__", {});
    if (!r && error_matches(vm, vm.exc.StopIteration)) {
        // Exhaustion is signalled without an exception inside the VM.
        Value e = take_error(vm);
        (void)e;
        return {};
    }
    return r;
}

static Value tramp_getitem(VM& vm, const Value& self, const Value& key) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern("__getitem__"));
    if (!f) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not subscriptable", t->name);
    return call_with_self(vm, f, self, Args(&key, 1));
}

static bool tramp_setitem(VM& vm, const Value& self, const Value& key, const Value& value) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern("__setitem__"));
    if (!f) {
        raise_fmt(vm, vm.exc.TypeError, "'{}' object does not support item assignment", t->name);
        return false;
    }
    Value argv[2] = {key, value};
    return !call_with_self(vm, f, self, Args(argv, 2)).is_null();
}

static bool tramp_delitem(VM& vm, const Value& self, const Value& key) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern("__delitem__"));
    if (!f) {
        raise_fmt(vm, vm.exc.TypeError, "'{}' object does not support item deletion", t->name);
        return false;
    }
    return !call_with_self(vm, f, self, Args(&key, 1)).is_null();
}

static int tramp_contains(VM& vm, const Value& self, const Value& item) {
    Value r = call_dunder(vm, self, "__contains__", {item});
    if (!r) return -1;
    return truthy(vm, r);
}

static Value tramp_call(VM& vm, const Value& self, Args args) {
    Type* t = type_of(self);
    Value f = t->lookup(vm.intern("__call__"));
    if (!f) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not callable", t->name);
    return call_with_self(vm, f, self, args);
}

static Value tramp_getattr(VM& vm, const Value& self, Str* name) {
    Type* t = type_of(self);
    Value ga = t->lookup(vm.intern("__getattribute__"));
    Value r;
    if (ga && !is_type(ga, vm.types.builtin_function)) {
        Value n = Value::borrow(name);
        r = call_with_self(vm, ga, self, Args(&n, 1));
    } else {
        r = generic_getattr(vm, self, name, true);
    }
    if (r || !error_matches(vm, vm.exc.AttributeError)) return r;
    Value fallback = t->lookup(vm.intern("__getattr__"));
    if (!fallback) return r;
    clear_error(vm);
    Value n = Value::borrow(name);
    return call_with_self(vm, fallback, self, Args(&n, 1));
}

static bool tramp_setattr(VM& vm, const Value& self, Str* name, const Value& value) {
    Type* t = type_of(self);
    Value n = Value::borrow(name);
    if (value.is_null()) {
        Value f = t->lookup(vm.intern("__delattr__"));
        if (f && !is_type(f, vm.types.builtin_function)) return !call_with_self(vm, f, self, Args(&n, 1)).is_null();
        return generic_setattr(vm, self, name, value);
    }
    Value f = t->lookup(vm.intern("__setattr__"));
    if (f && !is_type(f, vm.types.builtin_function)) {
        Value argv[2] = {n, value};
        return !call_with_self(vm, f, self, Args(argv, 2)).is_null();
    }
    return generic_setattr(vm, self, name, value);
}

static Value tramp_descr_get(VM& vm, const Value& descr, const Value& obj, const Value& owner) {
    Value argv[2] = {obj.is_null() ? Value::none() : obj, owner.is_null() ? Value::none() : owner};
    return call_dunder(vm, descr, "__get__", {argv[0], argv[1]});
}

static bool tramp_descr_set(VM& vm, const Value& descr, const Value& obj, const Value& value) {
    if (value.is_null()) return !call_dunder(vm, descr, "__delete__", {obj}).is_null();
    return !call_dunder(vm, descr, "__set__", {obj, value}).is_null();
}

static const char* const kBinopNames[] = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod",
                                          "or", "pow", "rshift", "sub", "truediv", "xor"};

Value user_binop(VM& vm, BinOp op, const Value& self, const Value& other, bool reflected) {
    std::string name = kBinopNames[static_cast<int>(base_op(op))];
    Type* t = type_of(self);
    Value f;
    if (is_inplace(op)) f = t->lookup(vm.intern("__i" + name + "__"));
    else f = t->lookup(vm.intern((reflected ? "__r" : "__") + name + "__"));
    if (!f || f.is_none() || is_type(f, vm.types.builtin_function)) return vm.not_implemented;
    return call_with_self(vm, f, self, Args(&other, 1));
}

// The slot of a user class defining arithmetic dunders; ops.cpp recognises it to pick the side.
Value tramp_binop(VM& vm, BinOp op, const Value& lhs, const Value& rhs) { return user_binop(vm, op, lhs, rhs, false); }

// The reflected half lives in ops.cpp (binary_op calls `__rop__` on the right operand's type).

static Value tramp_unop(VM& vm, UnaryOp op, const Value& self) {
    const char* n = op == UnaryOp::Neg ? "__neg__" : op == UnaryOp::Pos ? "__pos__" : "__invert__";
    Value f = type_of(self)->lookup(vm.intern(n));
    if (!f) {
        const char* sym = op == UnaryOp::Neg ? "unary -" : op == UnaryOp::Pos ? "unary +" : "unary ~";
        return raise_fmt(vm, vm.exc.TypeError, "bad operand type for {}: '{}'", sym, type_name(self));
    }
    return call_with_self(vm, f, self, Args());
}

static Value tramp_new(VM& vm, Type* cls, Args args) {
    Value f = cls->lookup(vm.intern("__new__"));
    Value c = Value::borrow(cls);
    // __new__ is a staticmethod taking the class explicitly.
    if (is_type(f, vm.types.staticmethod)) f = f.as<StaticMethod>()->func;
    return call_with_self(vm, f, c, args);
}

static bool tramp_init(VM& vm, const Value& self, Args args) {
    Value f = type_of(self)->lookup(vm.intern("__init__"));
    Value r = call_with_self(vm, f, self, args);
    if (!r) return false;
    if (!r.is_none()) {
        raise_fmt(vm, vm.exc.TypeError, "__init__() should return None, not '{}'", type_name(r));
        return false;
    }
    return true;
}

// For CALL's fast path: a class created by `class` whose instances come from object.__new__ and
// whose __init__ is a plain Python function (the interpreter then runs __init__ inline).
bool python_init_of(VM& vm, Type* cls, Value& init_fn) {
    if (cls->slots.new_ != object_new || cls->slots.init != tramp_init || !cls->has_flag(kTypeHeap)) return false;
    init_fn = cls->lookup(vm.intern("__init__"));
    if (!init_fn || !is_type(init_fn, vm.types.function)) return false;
    return !(init_fn.as<Function>()->code_obj()->co->flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator));
}

static bool has_own(VM& vm, Type* cls, const char* name) {
    // Defined by this class or by a user (heap) base class.
    for (Type* t : cls->mro) {
        if (!t->has_flag(kTypeHeap)) return false;
        if (t->dict.as<Dict>()->get_str(vm, vm.intern(name))) return true;
    }
    return false;
}

void fixup_slots(VM& vm, Type* cls) {
    // Start from the nearest built-in base's slots, then route each dunder defined in Python.
    Type* native = cls;
    while (native->has_flag(kTypeHeap)) native = native->base;
    TypeSlots s = native->slots;
    s.getattr = native->slots.getattr;
    auto own = [&](const char* n) { return has_own(vm, cls, n); };
    if (own("__repr__")) s.repr = tramp_repr;
    if (own("__str__")) s.str = tramp_str;
    else if (own("__repr__") && native == vm.types.object) s.str = nullptr;
    if (own("__hash__")) s.hash = tramp_hash;
    if (own("__eq__") || own("__ne__") || own("__lt__") || own("__le__") || own("__gt__") || own("__ge__"))
        s.richcompare = tramp_richcompare;
    if (own("__bool__") || own("__len__")) s.truth = tramp_truth;
    if (own("__len__")) s.len = tramp_len;
    if (own("__iter__")) s.iter = tramp_iter;
    if (own("__next__")) s.next = tramp_next;
    if (own("__getitem__")) s.getitem = tramp_getitem;
    if (own("__setitem__")) s.setitem = tramp_setitem;
    if (own("__delitem__")) s.delitem = tramp_delitem;
    if (own("__contains__")) s.contains = tramp_contains;
    if (own("__call__")) s.call = tramp_call;
    if (own("__getattr__") || own("__getattribute__")) s.getattr = tramp_getattr;
    if (own("__setattr__") || own("__delattr__")) s.setattr = tramp_setattr;
    if (own("__get__")) s.descr_get = tramp_descr_get;
    if (own("__set__") || own("__delete__")) s.descr_set = tramp_descr_set;
    for (const char* b : kBinopNames) {
        std::string n(b);
        if (own(("__" + n + "__").c_str()) || own(("__r" + n + "__").c_str()) || own(("__i" + n + "__").c_str())) {
            s.binop = tramp_binop;
            break;
        }
    }
    if (own("__neg__") || own("__pos__") || own("__invert__")) s.unop = tramp_unop;
    if (own("__new__")) s.new_ = tramp_new;
    if (own("__init__")) s.init = tramp_init;
    s.finalize = own("__del__") ? tramp_del : native->slots.finalize;
    cls->slots = s;
    // __eq__ without __hash__ makes instances unhashable (CPython sets __hash__ = None).
    Dict* d = cls->dict.as<Dict>();
    Value own_hash = d->get_str(vm, vm.intern("__hash__"));
    if (d->get_str(vm, vm.intern("__eq__")) && !own_hash) {
        d->set(vm, Value::borrow(vm.intern("__hash__")), Value::none());
        own_hash = Value::none();
    }
    if (own_hash && own_hash.is_none()) cls->slots.hash = unhashable;
}

// ---------------------------------------------------------------------------------------------
// Class creation: type(name, bases, ns) and __build_class__
// ---------------------------------------------------------------------------------------------

// After a class is made (CPython's type_new_set_names and type_new_init_subclass): each
// attribute whose type has __set_name__ learns its owner and name, then the nearest base's
// __init_subclass__ runs with the class statement's keywords. False when one of them raised.
static bool finish_class(VM& vm, Type* cls, Args kwargs) {
    Value owner = Value::borrow(cls);
    std::vector<std::pair<Value, Value>> named;  // a copy: __set_name__ may change the dict
    for (const auto& e : cls->dict.as<Dict>()->entries())
        if (!e.key.is_null() && is_str(e.key)) named.emplace_back(e.key, e.value);
    Str* set_name = vm.intern("__set_name__");
    for (auto& [key, value] : named) {
        Value hook = type_of(value)->lookup(set_name);
        if (!hook) continue;
        if (!call_with_self(vm, hook, value, Args(std::array<Value, 2>{owner, key}))) {
            Value exc = take_error(vm);
            Value note = new_str(vm, fmt::format("Error calling __set_name__ on '{}' instance '{}' in '{}'", type_name(value),
                                                 key.as<Str>()->text, cls->name));
            if (!call_method(vm, exc, "add_note", {note})) return false;
            raise_value(vm, std::move(exc));
            return false;
        }
    }
    Str* init_subclass = vm.intern("__init_subclass__");
    for (std::size_t i = 1; i < cls->mro.size(); ++i) {
        Dict* d = cls->mro[i]->dict.is_null() ? nullptr : cls->mro[i]->dict.as<Dict>();
        Value hook = d ? d->get_str(vm, init_subclass) : Value();
        if (!hook) continue;
        Value fn = is_type(hook, vm.types.classmethod) ? hook.as<ClassMethod>()->func : hook;
        Args a = kwargs;
        a.items = &owner;
        a.count = 1;
        return static_cast<bool>(call(vm, fn, a));
    }
    return true;
}

// object.__init_subclass__: nothing to do, and no keyword it could take.
static Value object_init_subclass(VM& vm, Args a) {
    if (a.size() > 1 || a.has_kwargs())
        return raise_fmt(vm, vm.exc.TypeError, "{}.__init_subclass__() takes no keyword arguments",
                         a.size() > 0 && is_type_object(a[0]) ? a[0].as<Type>()->name : "object");
    return Value::none();
}

Value new_class(VM& vm, std::string name, Type* base, Value ns, std::string module, Args kwargs) {
    if (!base) base = vm.types.object;
    type_modified(vm);
    Type* cls = new Type(vm.types.type);
    Value result = Value::steal(cls);
    cls->name = name;
    cls->qualname = name;
    cls->module = std::move(module);
    cls->base = base;
    cls->base_ref_ = Value::borrow(base);
    cls->flags = kTypeHeap | kTypeBaseType | (base->flags & (kTypeException | kTypeInstanceDict));
    if (base == vm.types.object) cls->flags |= kTypeInstanceDict;
    cls->alloc = base->alloc ? base->alloc : alloc_instance;
    cls->mro.push_back(cls);
    for (Type* b : base->mro) cls->mro.push_back(b);
    cls->dict = ns ? ns : new_dict(vm);
    Dict* d = cls->dict.as<Dict>();
    if (Value q = d->get("__qualname__")) {
        if (is_str(q)) cls->qualname = q.as<Str>()->text;
        d->del(vm, Value::borrow(vm.intern("__qualname__")));
    }
    if (Value m = d->get("__module__")) {
        if (is_str(m)) cls->module = m.as<Str>()->text;
    } else {
        d->set(vm, "__module__", new_str(vm, cls->module));
    }
    // Every class has a __doc__ (None without a docstring); functools.wraps-style code reads it.
    if (!d->get("__doc__")) d->set(vm, "__doc__", Value::none());
    // __new__ defined in Python is implicitly a staticmethod.
    if (Value nw = d->get("__new__"); nw && is_type(nw, vm.types.function))
        d->set(vm, "__new__", Value::steal(new StaticMethod(vm.types.staticmethod, nw)));
    // __init_subclass__ / __class_getitem__ are implicitly classmethods.
    if (Value is = d->get("__init_subclass__"); is && is_type(is, vm.types.function))
        d->set(vm, "__init_subclass__", Value::steal(new ClassMethod(vm.types.classmethod, is)));
    if (!init_class_slots(vm, cls)) return {};
    fixup_slots(vm, cls);
    type_modified(vm);
    if (Value cell = d->get("__classcell__")) {
        if (is_type(cell, vm.types.cell)) cell.as<Cell>()->value = result;
        d->del(vm, Value::borrow(vm.intern("__classcell__")));
    }
    if (!finish_class(vm, cls, kwargs)) return {};
    return result;
}

static Value type_new(VM& vm, Type* meta, Args args) {
    (void)meta;
    if (args.size() == 1) return Value::borrow(type_of(args[0]));
    if (args.size() != 3 || !is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        return raise(vm, vm.exc.TypeError, "type() takes 1 or 3 arguments");
    auto& bases = args[1].as<Tuple>()->items;
    Type* base = vm.types.object;
    if (!bases.empty()) {
        if (!is_type_object(bases[0])) return raise(vm, vm.exc.TypeError, "bases must be types");
        base = bases[0].as<Type>();
    }
    Value ns = new_dict(vm);
    for (auto& e : args[2].as<Dict>()->entries())
        if (e.key) ns.as<Dict>()->set(vm, e.key, e.value);
    return new_class(vm, args[0].as<Str>()->text, base, ns, "__main__");
}

// __build_class__(func, name, *bases, **kw): run the body with a fresh namespace, then make the class.
static Value builtin_build_class(VM& vm, Args args) {
    if (args.size() < 2) return raise(vm, vm.exc.TypeError, "__build_class__: not enough arguments");
    const Value& body = args[0];
    const Value& name = args[1];
    Type* base = vm.types.object;
    if (args.size() > 3)
        return raise(vm, vm.exc.TypeError, "multiple inheritance is not supported by Loop Lab");
    if (args.size() == 3) {
        if (is_type_object(args[2]) && !args[2].as<Type>()->alloc)
            return raise_fmt(vm, vm.exc.TypeError, "subclassing '{}' is not supported by Loop Lab", args[2].as<Type>()->name);
        if (!is_type_object(args[2]))
            return raise(vm, vm.exc.TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        base = args[2].as<Type>();
        if (!base->has_flag(kTypeBaseType))
            return raise_fmt(vm, vm.exc.TypeError, "type '{}' is not an acceptable base type", base->name);
    }
    Function* fn = body.as<Function>();
    Value ns = new_dict(vm);
    Value module_name = fn->globals.as<Dict>()->get("__name__");
    ns.as<Dict>()->set(vm, "__module__", module_name ? module_name : new_str(vm, "__main__"));
    ns.as<Dict>()->set(vm, "__qualname__", new_str(vm, fn->qualname.as<Str>()->text));
    Frame* frame = make_call_frame(vm, fn, Args());
    if (!frame) return {};
    Value fv = Value::steal(frame);
    frame->set_locals(ns);
    Budget budget;
    Value result;
    Exit e = run(vm, frame, budget, result);
    if (e != Exit::Returned) return {};
    if (is_type(result, vm.types.cell)) ns.as<Dict>()->set(vm, "__classcell__", result);
    // The class statement's keywords (but metaclass) go to __init_subclass__.
    std::vector<Value> kwnames, kwvalues;
    for (std::size_t i = 0; i < args.kwcount; ++i) {
        if (args.kwname(i) == "metaclass") continue;
        kwnames.push_back(args.kwnames[i]);
        kwvalues.push_back(args.kwvalues[i]);
    }
    Args kwargs;
    kwargs.kwnames = kwnames.data();
    kwargs.kwvalues = kwvalues.data();
    kwargs.kwcount = static_cast<std::uint32_t>(kwnames.size());
    return new_class(vm, name.as<Str>()->text, base, ns,
                     module_name && is_str(module_name) ? module_name.as<Str>()->text : "__main__", kwargs);
}

// ---------------------------------------------------------------------------------------------
// super()
// ---------------------------------------------------------------------------------------------

struct SuperObject : Object {
    SuperObject(Type* t) : Object(t) {}
    Value start;  // the class after which lookup begins (Type)
    Value obj;    // instance or class
};

// super() without arguments in frame `f`: its __class__ cell and first argument. False with
// CPython's RuntimeError/TypeError set.
static bool super_zero_args(VM& vm, Frame* f, Value& start, Value& obj) {
    // The calling Python frame: a native call does not push a frame.
    if (!f) return raise(vm, vm.exc.RuntimeError, "super(): no current frame"), false;
    Code* code = f->code_obj();
    const auto& co = *code->co;
    // CPython 3.13 takes the first *positional* parameter: `def m(*args)` has none.
    if (co.argcount == 0) return raise(vm, vm.exc.RuntimeError, "super(): no arguments"), false;
    obj = f->fast()[0];
    if (obj.is_null() && !code->cell2arg.empty()) {
        for (std::size_t i = 0; i < code->cell2arg.size(); ++i)
            if (code->cell2arg[i] == 0) obj = f->cells()[i].as<Cell>()->value;
    }
    for (std::size_t i = 0; i < co.freevars.size(); ++i)
        if (co.freevars[i] == "__class__") start = f->cells()[co.cellvars.size() + i].as<Cell>()->value;
    if (start.is_null()) return raise(vm, vm.exc.RuntimeError, "super(): __class__ cell not found"), false;
    if (obj.is_null()) return raise(vm, vm.exc.RuntimeError, "super(): arg[0] deleted"), false;
    if (!is_type_object(start)) return raise(vm, vm.exc.TypeError, "super() argument 1 must be a type"), false;
    return true;
}

// super(start, obj).name: the MRO of obj's type after `start`. With `method`, a plain function
// found for an instance comes back unbound with *self_out = obj (LOAD_ATTR's method form).
static Value super_find(VM& vm, const Value& start_v, const Value& obj, Str* name, bool method, Value* self_out) {
    Type* start = start_v.as<Type>();
    Type* objtype = is_type_object(obj) && obj.as<Type>()->is_subtype(start) ? obj.as<Type>() : type_of(obj);
    bool seen = false;
    for (Type* t : objtype->mro) {
        if (!seen) {
            seen = (t == start);
            continue;
        }
        Value v = t->dict.as<Dict>()->get_str(vm, name);
        if (!v) continue;
        Type* vt = type_of(v);
        if (vt->slots.descr_get) {
            bool is_cls = is_type_object(obj) && objtype == obj.as<Type>();
            if (method && !is_cls && vt == vm.types.function) {
                *self_out = obj;
                return v;
            }
            return vt->slots.descr_get(vm, v, is_cls ? Value::none() : obj, Value::borrow(objtype));
        }
        return v;
    }
    return raise_fmt(vm, vm.exc.AttributeError, "'super' object has no attribute '{}'", name->text);
}

Value load_super_attr(VM& vm, Frame* f, Str* name, bool method, Value* self_out) {
    Value start, obj;
    if (!super_zero_args(vm, f, start, obj)) return {};
    // super().__class__ is the super object's class (CPython's super_getattro skips the MRO).
    if (name->text == "__class__") return Value::borrow(vm.types.super);
    return super_find(vm, start, obj, name, method, self_out);
}

static Value super_new(VM& vm, Type*, Args args) {
    Value start, obj;
    if (args.size() == 2) {
        start = args[0];
        obj = args[1];
    } else if (args.size() == 0) {
        if (!super_zero_args(vm, vm.thread.frame, start, obj)) return {};
    } else {
        return raise(vm, vm.exc.TypeError, "super() takes 0 to 2 arguments");
    }
    if (!is_type_object(start)) return raise(vm, vm.exc.TypeError, "super() argument 1 must be a type");
    auto* s = new SuperObject(vm.types.super);
    s->start = start;
    s->obj = obj;
    return Value::steal(s);
}

static Value super_getattr(VM& vm, const Value& self, Str* name) {
    auto* s = self.as<SuperObject>();
    // super().__class__ is the super object's class (CPython's super_getattro skips the MRO).
    if (name->text == "__class__") return generic_getattr(vm, self, name, true);
    return super_find(vm, s->start, s->obj, name, false, nullptr);
}

static Value super_repr(VM& vm, const Value& self) {
    auto* s = self.as<SuperObject>();
    return new_str(vm, fmt::format("<super: <class '{}'>, <{} object>>", s->start.as<Type>()->name, type_name(s->obj)));
}

void init_type_type(VM& vm) {
    Type* o = vm.types.object;
    o->slots.repr = object_repr;
    o->slots.str = object_str;
    o->slots.hash = object_hash;
    o->slots.richcompare = object_richcompare;
    o->slots.new_ = object_new;
    o->slots.init = object_init;
    o->alloc = alloc_instance;
    Type* t = vm.types.type;
    t->slots = o->slots;
    t->slots.repr = type_repr;
    t->slots.str = nullptr;
    t->slots.call = type_call;
    t->slots.getattr = type_getattr;
    t->slots.setattr = type_setattr;
    t->slots.new_ = type_new;
    t->slots.init = nullptr;
    // Types created before object's slots existed inherit them now.
    for (Type* b : {vm.types.dict, vm.types.str}) {
        b->slots = o->slots;
        b->alloc = alloc_instance;
    }
}

void init_super_type(VM& vm) {
    Type* sup = vm.types.super;
    sup->slots = vm.types.object->slots;
    sup->slots.new_ = super_new;
    sup->slots.init = nullptr;
    sup->slots.getattr = super_getattr;
    sup->slots.repr = super_repr;
}

void install_build_class(VM& vm) {
    def_function(vm, vm.builtins.as<Dict>(), "__build_class__", builtin_build_class);
    def_classmethod(vm, vm.types.object, "__init_subclass__", object_init_subclass);
}

}  // namespace ll::vm
