// __slots__: a class's fixed instance attributes, stored in an array after the instance instead of
// in a per-instance dict, read and written through member descriptors as in CPython.
#include <fmt/format.h>

#include "engine/lang/scope.hpp"
#include "engine/vm/function.hpp"
#include "engine/vm/internal.hpp"
#include "engine/vm/object.hpp"

namespace ll::vm {

// --- slotted instances: one block holds the object and its slot values

void* Instance::operator new(std::size_t size, InstanceSlots s) { return Object::operator new(size + s.n * sizeof(Value)); }

void Instance::operator delete(void* p, InstanceSlots s) { Object::operator delete(p, sizeof(Instance) + s.n * sizeof(Value)); }

void Instance::operator delete(Instance* p, std::destroying_delete_t, std::size_t size) {
    // `size` is the dynamic type's (subclasses such as ExceptionObject have no slots).
    const std::size_t block = size + p->nslots * sizeof(Value);
    p->~Instance();
    Object::operator delete(p, block);
}

Instance::Instance(Type* t, InstanceSlots s) : Object(t), nslots(static_cast<std::uint16_t>(s.n)) {
    Value* v = slot_values();
    for (std::uint32_t i = 0; i < nslots; ++i) new (v + i) Value();
}

Instance::~Instance() {
    if (!nslots) return;
    // At teardown the VM has let go of its table already.
    if (side_dict && !current_vm().heap.tearing_down) current_vm().instance_dicts.erase(this);
    Value* v = slot_values();
    for (std::uint32_t i = 0; i < nslots; ++i) v[i].~Value();
}

Object* alloc_instance(VM&, Type* cls) {
    if (cls->slot_count) return new (InstanceSlots{cls->slot_count}) Instance(cls, InstanceSlots{cls->slot_count});
    return new PlainInstance(cls);
}

bool has_plain_instances(VM& vm, const Type* t) {
    while (t->has_flag(kTypeHeap)) t = t->base;
    return t == vm.types.object;
}

// --- member descriptors

namespace {

// CPython's check that the descriptor is used on an instance of its class.
bool applies_to(VM& vm, const MemberDescriptor* d, const Value& obj) {
    if (type_of(obj)->is_subtype(d->owner)) return true;
    raise_fmt(vm, vm.exc.TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
              d->name.as<Str>()->text, d->owner->name, type_name(obj));
    return false;
}

Value member_get(VM& vm, const Value& self, const Value& obj, const Value&) {
    if (obj.is_null() || obj.is_none()) return self;
    auto* d = self.as<MemberDescriptor>();
    if (!applies_to(vm, d, obj)) return {};
    auto* inst = static_cast<Instance*>(obj.obj());
    const Value& v = inst->slot_values()[d->index];
    if (v.is_null())
        return raise_fmt(vm, vm.exc.AttributeError, "'{}' object has no attribute '{}'", type_name(obj), d->name.as<Str>()->text);
    return v;
}

bool member_set(VM& vm, const Value& self, const Value& obj, const Value& value) {
    auto* d = self.as<MemberDescriptor>();
    if (!applies_to(vm, d, obj)) return false;
    Value& slot = static_cast<Instance*>(obj.obj())->slot_values()[d->index];
    if (value.is_null() && slot.is_null()) {
        // `del obj.x` of an unset slot: CPython's message is the bare name.
        raise_with_args(vm, vm.exc.AttributeError, {d->name});
        return false;
    }
    Value old = std::move(slot);  // dropped after the store: its finalizer sees the new value
    slot = value;
    return true;
}

Value member_repr(VM& vm, const Value& self) {
    auto* d = self.as<MemberDescriptor>();
    return new_str(vm, fmt::format("<member '{}' of '{}' objects>", d->name.as<Str>()->text, d->owner->name));
}

bool is_identifier(const std::string& s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (unsigned char c : s)
        if (!(c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) return false;
    return true;
}

// Its own attributes through a getattr slot, not getset descriptors in its dict: those would
// also answer `type(descr).__name__`.
Value member_getattr(VM& vm, const Value& self, Str* name) {
    auto* d = self.as<MemberDescriptor>();
    if (name->text == "__name__") return d->name;
    if (name->text == "__objclass__") return Value::borrow(d->owner);
    if (name->text == "__qualname__") return new_str(vm, d->owner->qualname + "." + d->name.as<Str>()->text);
    if (name->text == "__doc__") return Value::none();
    return generic_getattr(vm, self, name, true);
}

}  // namespace

void init_member_descriptor_type(VM& vm) {
    Type* t = vm.types.member_descriptor;
    t->slots.descr_get = member_get;
    t->slots.descr_set = member_set;
    t->slots.repr = member_repr;
    t->slots.getattr = member_getattr;
    t->slots.new_ = nullptr;
    def_method(vm, t, "__get__", [](VM& v, Args a) -> Value {
        if (a.size() < 2 || a.size() > 3) return raise(v, v.exc.TypeError, "expected 1 or 2 arguments");
        return member_get(v, a[0], a[1], a.size() == 3 ? a[2] : Value::none());
    });
    def_method(vm, t, "__set__", [](VM& v, Args a) -> Value {
        if (a.size() != 3) return raise_fmt(v, v.exc.TypeError, "expected 2 arguments, got {}", a.size() - 1);
        return member_set(v, a[0], a[1], a[2]) ? Value::none() : Value();
    });
    def_method(vm, t, "__delete__", [](VM& v, Args a) -> Value {
        if (a.size() != 2) return raise_fmt(v, v.exc.TypeError, "expected 1 argument, got {}", a.size() - 1);
        return member_set(v, a[0], a[1], Value()) ? Value::none() : Value();
    });
}

bool init_class_slots(VM& vm, Type* cls) {
    Type* base = cls->base;
    cls->slot_count = base->slot_count;
    Dict* ns = cls->dict.as<Dict>();
    Value decl = ns->get("__slots__");
    // Slots live after a plain Instance only: other layouts (exceptions, built-in subclasses)
    // keep their attributes in the instance dict, as if __slots__ were not there.
    if (!has_plain_instances(vm, cls)) return true;
    if (!decl) {
        // A subclass without __slots__ gets a __dict__ again (CPython).
        cls->flags |= kTypeInstanceDict;
        return true;
    }
    std::vector<Value> items;
    if (is_str(decl)) {
        items.push_back(decl);
    } else if (!collect(vm, decl, items)) {
        return false;
    }
    bool wants_dict = false;
    std::vector<Value> names;
    for (const Value& item : items) {
        if (!is_str(item)) {
            raise_fmt(vm, vm.exc.TypeError, "__slots__ items must be strings, not '{}'", type_name(item));
            return false;
        }
        const std::string& text = item.as<Str>()->text;
        if (!is_identifier(text)) {
            raise(vm, vm.exc.TypeError, "__slots__ must be identifiers");
            return false;
        }
        if (text == "__dict__") {
            if (wants_dict || base->has_flag(kTypeInstanceDict)) {
                raise(vm, vm.exc.TypeError, "__dict__ slot disallowed: we already got one");
                return false;
            }
            wants_dict = true;
            continue;
        }
        if (text == "__weakref__") continue;  // no weak references here: nothing to reserve
        Value name = Value::borrow(vm.intern(lang::mangle_name(cls->name, text)));
        if (ns->get_str(vm, name.as<Str>())) {
            raise_fmt(vm, vm.exc.ValueError, "'{}' in __slots__ conflicts with class variable", name.as<Str>()->text);
            return false;
        }
        names.push_back(std::move(name));
    }
    if (cls->slot_count + names.size() > Instance::kMaxSlots) {
        raise_fmt(vm, vm.exc.TypeError, "__slots__: more than {} slots in one class", Instance::kMaxSlots);
        return false;
    }
    for (Value& name : names) {
        auto* d = new MemberDescriptor(vm.types.member_descriptor, cls, name, cls->slot_count++);
        ns->set(vm, name, Value::steal(d));
    }
    if (wants_dict) cls->flags |= kTypeInstanceDict;
    else if (!base->has_flag(kTypeInstanceDict) || base == vm.types.object) cls->flags &= ~static_cast<std::uint32_t>(kTypeInstanceDict);
    return true;
}

}  // namespace ll::vm
