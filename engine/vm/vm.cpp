// The VM object: bootstrap of the built-in types, interning, object constructors, the def_*
// registration helpers and the raise/inspect API natives use.
#include "engine/vm/vm.hpp"

#include "engine/vm/extensions.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

// ---------------------------------------------------------------------------------------------
// Args
// ---------------------------------------------------------------------------------------------

Value Args::kw(std::string_view name) const {
    for (std::uint32_t i = 0; i < kwcount; ++i)
        if (kwnames[i].as<Str>()->text == name) return kwvalues[i];
    return {};
}

std::string_view Args::kwname(std::size_t i) const { return kwnames[i].as<Str>()->text; }

// ---------------------------------------------------------------------------------------------
// Bootstrap
// ---------------------------------------------------------------------------------------------

Type* make_builtin_type(VM& vm, const char* name, Type* base, std::uint32_t flags) {
    Type* t = new Type(vm.types.type);
    t->name = name;
    t->qualname = name;
    t->module = "builtins";
    t->base = base;
    if (base) {
        t->base_ref_ = Value::borrow(base);
        t->slots = base->slots;
        t->alloc = base->alloc;
    }
    t->flags = flags;
    t->mro.push_back(t);
    if (base)
        for (Type* b : base->mro) t->mro.push_back(b);
    if (vm.types.dict) t->dict = new_dict(vm);
    return t;
}

VM::VM() {
    set_current_vm(this);
    // type and object first; their dicts after dict exists.
    Type* type_t = new Type(nullptr);
    type_t->type = type_t;
    incref(type_t);
    types.type = type_t;
    type_t->name = type_t->qualname = "type";
    type_t->module = "builtins";
    Type* object_t = new Type(type_t);
    object_t->name = object_t->qualname = "object";
    object_t->module = "builtins";
    object_t->mro.push_back(object_t);
    object_t->flags = kTypeBaseType;
    types.object = object_t;
    type_t->base = object_t;
    type_t->base_ref_ = Value::borrow(object_t);
    type_t->mro = {type_t, object_t};
    type_t->flags = kTypeBaseType;
    types.dict = make_builtin_type(*this, "dict", object_t, kTypeBaseType);
    types.str = make_builtin_type(*this, "str", object_t, kTypeBaseType);
    for (Type* t : {type_t, object_t, types.dict, types.str}) t->dict = new_dict(*this);
    init_type_type(*this);

    auto mk = [&](const char* n, Type* base = nullptr, std::uint32_t flags = 0) {
        return make_builtin_type(*this, n, base ? base : types.object, flags);
    };
    types.none = mk("NoneType");
    types.not_implemented = mk("NotImplementedType");
    types.ellipsis = mk("ellipsis");
    types.int_ = mk("int", nullptr, kTypeBaseType);
    types.bool_ = mk("bool", types.int_);
    types.float_ = mk("float", nullptr, kTypeBaseType);
    types.tuple = mk("tuple", nullptr, kTypeBaseType);
    types.list = mk("list", nullptr, kTypeBaseType);
    types.set = mk("set", nullptr, kTypeBaseType);
    types.frozenset = mk("frozenset", nullptr, kTypeBaseType);
    types.range = mk("range");
    types.slice = mk("slice");
    types.function = mk("function");
    types.builtin_function = mk("builtin_function_or_method");
    types.method = mk("method");
    types.cell = mk("cell");
    types.code = mk("code");
    types.frame = mk("frame");
    types.traceback = mk("traceback");
    types.generator = mk("generator");
    types.coroutine = mk("coroutine");
    types.async_generator = mk("async_generator");
    types.module = mk("module", nullptr, kTypeBaseType);
    types.property = mk("property", nullptr, kTypeBaseType);
    types.staticmethod = mk("staticmethod", nullptr, kTypeBaseType);
    types.classmethod = mk("classmethod", nullptr, kTypeBaseType);
    types.getset = mk("getset_descriptor");
    types.member_descriptor = mk("member_descriptor");
    types.super = mk("super", nullptr, kTypeBaseType);
    types.list_iterator = mk("list_iterator");
    types.tuple_iterator = mk("tuple_iterator");
    types.str_iterator = mk("str_ascii_iterator");
    types.range_iterator = mk("range_iterator");
    types.dict_keys = mk("dict_keys");
    types.dict_values = mk("dict_values");
    types.dict_items = mk("dict_items");
    types.dict_keyiterator = mk("dict_keyiterator");
    types.dict_valueiterator = mk("dict_valueiterator");
    types.dict_itemiterator = mk("dict_itemiterator");
    types.set_iterator = mk("set_iterator");
    types.seq_iterator = mk("iterator");
    types.callable_iterator = mk("callable_iterator");
    types.coroutine_wrapper = mk("coroutine_wrapper");
    types.async_gen_asend = mk("async_generator_asend");
    types.async_gen_athrow = mk("async_generator_athrow");

    object_t->alloc = alloc_instance;

    // BaseException is listed as its own base: the root of the hierarchy derives from object.
#define LL_EXC(name, base) exc.name = mk(#name, exc.base ? exc.base : types.object, kTypeBaseType | kTypeException);
#include "engine/vm/exceptions.def"

    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    exc.ExceptionGroup->mro = {exc.ExceptionGroup, exc.BaseExceptionGroup, exc.Exception, exc.BaseException, types.object};

    not_implemented = Value::steal(new PlainInstance(types.not_implemented));
    ellipsis = Value::steal(new PlainInstance(types.ellipsis));
    empty_tuple = new_tuple(*this, {});
    empty_str = new_str(*this, "");

    init_super_type(*this);
    init_number_types(*this);
    init_str_type(*this);
    init_sequence_types(*this);
    init_dict_types(*this);
    init_set_types(*this);
    init_function_types(*this);
    init_exception_types(*this);
    init_generator_types(*this);
    init_member_descriptor_type(*this);

    modules = new_dict(*this);
    builtins = new_dict(*this);
    init_core_builtins(*this);
    install_build_class(*this);
    register_builtins_ext(*this);
    register_lib_modules(*this);

    write_stdout = [](std::string_view s) { fwrite(s.data(), 1, s.size(), stdout); };
    write_stderr = [](std::string_view s) { fwrite(s.data(), 1, s.size(), stderr); };
}

VM::~VM() {
    set_current_vm(this);
    // Every object dies in free_all(); the VM's own references are dropped without decref.
    for (std::size_t i = 0; i < kAttrCacheSize; ++i) attr_cache[i].value.release();
    for (Value* v : {&not_implemented, &ellipsis, &empty_tuple, &empty_str, &builtins, &modules, &main_module,
                     &thread.exc})
        v->release();
    thread.base_exc_state.value.release();
    for (auto& [g, origin] : coroutine_origins) origin.release();
    coroutine_origins.clear();
    for (auto& [g, names] : generator_names) names.first.release(), names.second.release();
    generator_names.clear();
    for (auto& [inst, d] : instance_dicts) d.release();
    instance_dicts.clear();
    for (auto& [k, v] : interned) v.release();
    heap.free_all();
    interned.clear();
    set_current_vm(nullptr);
}

// ---------------------------------------------------------------------------------------------
// Strings and constructors
// ---------------------------------------------------------------------------------------------

Str* VM::intern(std::string_view s) {
    std::size_t slot = (reinterpret_cast<std::uintptr_t>(s.data()) >> 3 ^ s.size()) & 255;
    InternCacheEntry& c = intern_cache[slot];
    if (c.ptr == s.data() && c.len == s.size() && c.str->text == s) return c.str;
    auto it = interned.find(std::string(s));
    if (it != interned.end()) {
        c = {s.data(), s.size(), it->second.as<Str>()};
        return it->second.as<Str>();
    }
    Str* o = new Str(types.str, std::string(s));
    o->interned = true;
    interned.emplace(std::string(s), Value::steal(o));
    return o;
}

Value VM::str(std::string s) { return new_str(*this, std::move(s)); }

Value new_str(VM& vm, std::string s) { return Value::steal(new Str(vm.types.str, std::move(s))); }

Value new_int(VM& vm, base::BigInt v) {
    if (auto i = v.try_int64()) return Value::integer(*i);
    return Value::steal(new IntObject(vm.types.int_, std::move(v)));
}

// --- tuples: one block holds the object and its items

void* Tuple::operator new(std::size_t size, TupleSize n) { return Object::operator new(size + n.n * sizeof(Value)); }

void Tuple::operator delete(void* p, TupleSize n) { Object::operator delete(p, sizeof(Tuple) + n.n * sizeof(Value)); }

void Tuple::operator delete(Tuple* p, std::destroying_delete_t) {
    const std::size_t block = sizeof(Tuple) + p->items.allocated_ * sizeof(Value);
    p->~Tuple();
    Object::operator delete(p, block);
}

Tuple::~Tuple() {
    // Last to first, as CPython drops them (their finalizers run in that order).
    Value* v = items.values();
    for (std::uint32_t i = items.allocated_; i-- > 0;) v[i].~Value();
}

Value new_tuple(VM& vm, std::vector<Value> items) {
    return Value::steal(Tuple::make(vm.types.tuple, items.size(), std::make_move_iterator(items.begin())));
}
Value new_tuple(VM& vm, std::span<const Value> items) {
    return Value::steal(Tuple::make(vm.types.tuple, items.size(), items.begin()));
}
Value new_tuple(VM& vm, std::initializer_list<Value> items) {
    return Value::steal(Tuple::make(vm.types.tuple, items.size(), items.begin()));
}
Value new_list(VM& vm, std::vector<Value> items) { return Value::steal(new List(vm.types.list, std::move(items))); }
Value new_dict(VM& vm) { return Value::steal(new Dict(vm.types.dict)); }
Value new_set(VM& vm, bool frozen) { return Value::steal(new Set(frozen ? vm.types.frozenset : vm.types.set)); }
Value new_cell(VM& vm, Value v) { return Value::steal(new Cell(vm.types.cell, std::move(v))); }

Value new_builtin_function(VM& vm, std::string name, NativeFn fn, Value self) {
    auto* f = new BuiltinFunction(vm.types.builtin_function, std::move(name), fn);
    f->self = std::move(self);
    return Value::steal(f);
}

Module::Module(Type* t, std::string n) : Object(t), name(std::move(n)) {
    VM& vm = current_vm();
    dict = new_dict(vm);
    dict.as<Dict>()->set(vm, "__name__", new_str(vm, name));
}

Dict* Instance::side_dict_of() const { return current_vm().instance_dicts.at(this).as<Dict>(); }

Dict* Instance::ensure_dict(VM& vm) {
    if (Dict* d = dict()) return d;
    Value d = new_dict(vm);
    if (type->instance_dict_hint) d.as<Dict>()->reserve(type->instance_dict_hint);
    set_dict(vm, d);
    return d.as<Dict>();
}

void Instance::set_dict(VM& vm, Value d) {
    if (nslots == 0) {
        static_cast<PlainInstance*>(this)->dict_ = std::move(d);
    } else if (d) {
        vm.instance_dicts[this] = std::move(d);
        side_dict = 1;
    } else if (side_dict) {
        side_dict = 0;
        auto node = vm.instance_dicts.extract(this);  // dropped last: the dict's values may look at us
    }
}

// ---------------------------------------------------------------------------------------------
// Registration helpers
// ---------------------------------------------------------------------------------------------

void def_method(VM& vm, Type* type, std::string_view name, NativeFn fn) {
    type_modified(vm);
    auto* f = new BuiltinFunction(vm.types.builtin_function, std::string(name), fn);
    f->owner = type;
    type->dict.as<Dict>()->set(vm, Value::borrow(vm.intern(name)), Value::steal(f));
}

void def_classmethod(VM& vm, Type* type, std::string_view name, NativeFn fn) {
    type_modified(vm);
    Value f = new_builtin_function(vm, std::string(name), fn);
    f.as<BuiltinFunction>()->owner = type;
    type->dict.as<Dict>()->set(vm, Value::borrow(vm.intern(name)),
                               Value::steal(new ClassMethod(vm.types.classmethod, std::move(f))));
}

void def_staticmethod(VM& vm, Type* type, std::string_view name, NativeFn fn) {
    type_modified(vm);
    Value f = new_builtin_function(vm, std::string(name), fn);
    type->dict.as<Dict>()->set(vm, Value::borrow(vm.intern(name)),
                               Value::steal(new StaticMethod(vm.types.staticmethod, std::move(f))));
}

void def_getset(VM& vm, Type* type, std::string_view name, GetterFn get, SetterFn set) {
    type_modified(vm);
    auto* d = new GetSetDescriptor(vm.types.getset, std::string(name), get, set);
    d->owner = type;
    type->dict.as<Dict>()->set(vm, Value::borrow(vm.intern(name)), Value::steal(d));
}

void def_function(VM& vm, Dict* ns, std::string_view name, NativeFn fn) {
    ns->set(vm, Value::borrow(vm.intern(name)), new_builtin_function(vm, std::string(name), fn));
}

void def_function(VM& vm, Module* module, std::string_view name, NativeFn fn) {
    def_function(vm, module->globals(), name, fn);
}

void def_value(VM& vm, Module* module, std::string_view name, Value v) {
    module->globals()->set(vm, Value::borrow(vm.intern(name)), std::move(v));
}

// ---------------------------------------------------------------------------------------------
// Raising
// ---------------------------------------------------------------------------------------------

Value make_exception(VM& vm, Type* type, std::vector<Value> args) {
    Value cls = Value::borrow(type);
    return call_object(vm, cls, Args(args.data(), static_cast<std::uint32_t>(args.size())));
}

Value raise_value(VM& vm, Value exc) {
    if (is_type_object(exc) && exc.as<Type>()->is_subtype(vm.exc.BaseException)) {
        exc = make_exception(vm, exc.as<Type>(), {});
        if (!exc) return {};
    }
    vm.thread.exc = std::move(exc);
    return {};
}

Value raise(VM& vm, Type* type, std::string message) {
    Value e = Value::steal(type->alloc(vm, type));
    e.as<ExceptionObject>()->args = new_tuple(vm, {new_str(vm, std::move(message))});
    vm.thread.exc = std::move(e);
    return {};
}

Value raise_with_args(VM& vm, Type* type, std::vector<Value> args) {
    Value e = Value::steal(type->alloc(vm, type));
    e.as<ExceptionObject>()->args = new_tuple(vm, std::move(args));
    vm.thread.exc = std::move(e);
    return {};
}

bool has_error(VM& vm) { return !vm.thread.exc.is_null(); }

bool error_matches(VM& vm, Type* type) {
    return !vm.thread.exc.is_null() && type_of(vm.thread.exc)->is_subtype(type);
}

Value take_error(VM& vm) { return std::move(vm.thread.exc); }
void clear_error(VM& vm) { vm.thread.exc = Value(); }

Value no_memory(VM& vm) { return raise_with_args(vm, vm.exc.MemoryError, {}); }

Value raise_from_base(VM& vm, const base::Error& e) {
    Type* t = vm.exc.ValueError;
    Value cls = vm.builtins.as<Dict>()->get(e.type);
    if (cls && is_type_object(cls)) t = cls.as<Type>();
    return raise(vm, t, e.message);
}

}  // namespace ll::vm
