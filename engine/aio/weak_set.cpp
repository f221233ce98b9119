// `_looplab.WeakSet`: the registry of live tasks and async generators. The VM has no weak
// references, so the set holds strong ones and releases a member as soon as it is the member's
// only holder: at each handle boundary for the object the last handle stepped (a finished
// fire-and-forget task dies right there, as in CPython), and in a full sweep whenever the set
// is read or has doubled since the last sweep.
#include "engine/base/ptr_map.hpp"

#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::aio {

using namespace ll::vm;

struct WeakSetObject : Object {
    explicit WeakSetObject(Type* t) : Object(t) { aio_state(current_vm()).weak_sets.push_back(this); }
    ~WeakSetObject() override {
        auto& sets = aio_state(current_vm()).weak_sets;
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (sets[i] == this) {
                sets.erase(sets.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
    }

    std::vector<Value> items;  // insertion order; null: removed
    base::PtrMap<Object> index;  // member -> its position in items
    std::size_t live = 0;
    std::size_t swept_size = 0;  // live members after the last full sweep

    void compact() {
        if (items.size() < 32 || live * 2 > items.size()) return;
        std::vector<Value> kept;
        kept.reserve(live);
        for (auto& v : items)
            if (v) kept.push_back(std::move(v));
        items = std::move(kept);
        index.clear();
        for (std::size_t i = 0; i < items.size(); ++i) index.set(items[i].obj(), i);
    }

    // The cycle collector (engine/vm/gc.cpp): members count as referenced by this set, but
    // the set never keeps them reachable; members found dead leave it before finalizers run.
    void gc_traverse(GcVisit visit, void* arg) override {
        for (auto& v : items)
            if (v) visit(v.obj(), arg);
    }
    bool gc_weak() const override { return true; }
    void gc_drop_weak(bool (*dead)(Object*, void*), void* arg, std::vector<Value>& out) override {
        for (auto& v : items)
            if (v && dead(v.obj(), arg)) {
                index.erase(v.obj());
                --live;
                out.push_back(std::move(v));
            }
    }

    // Takes the member out; the caller drops the returned reference when it is safe to run
    // its finalizer.
    Value take(Object* o) {
        std::size_t* at = index.find(o);
        if (!at) return {};
        Value v = std::move(items[*at]);
        index.erase(o);
        --live;
        return v;
    }

    // Members only this set references, taken out (one candidate, or all).
    void take_dead(std::vector<Value>& out, Object* candidate) {
        if (candidate) {
            if (index.contains(candidate) && candidate->refcount == 1) out.push_back(take(candidate));
            return;
        }
        for (auto& v : items)
            if (v && v.obj()->refcount == 1) {
                index.erase(v.obj());
                --live;
                out.push_back(std::move(v));
            }
        swept_size = live;
    }
};

void collect_weak_sets(VM& vm, bool full) {
    AioState& st = aio_state(vm);
    std::vector<Value> dead;
    Object* candidate = st.death_candidate;
    st.death_candidate = nullptr;
    for (WeakSetObject* s : st.weak_sets) {
        // Small sets are swept whole: it is cheap and keeps CPython's timing for every member.
        if (full || s->live <= 256) s->take_dead(dead, nullptr);
        else if (candidate) s->take_dead(dead, candidate);
    }
    for (WeakSetObject* s : st.weak_sets) s->compact();
    // Finalizers (Task.__del__, "Task exception was never retrieved") run here, in order.
    Value saved = take_error(vm);
    for (auto& v : dead) {
        v = Value();
        if (has_error(vm)) clear_error(vm);
    }
    if (saved) vm.thread.exc = std::move(saved);
}

namespace {

WeakSetObject* self_of(const Value& v) { return static_cast<WeakSetObject*>(v.obj()); }

void sweep(VM& vm, WeakSetObject* s) {
    std::vector<Value> dead;
    s->take_dead(dead, nullptr);
    s->compact();
    Value saved = take_error(vm);
    for (auto& v : dead) {
        v = Value();
        if (has_error(vm)) clear_error(vm);
    }
    if (saved) vm.thread.exc = std::move(saved);
}

Value ws_new(VM& vm, Type* cls, Args args) {
    if (args.size() != 0 || args.has_kwargs()) return raise(vm, vm.exc.TypeError, "WeakSet() takes no arguments");
    return Value::steal(new WeakSetObject(cls));
}

Value ws_add(VM& vm, Args a) {
    if (!lib::method_one(vm, a, "WeakSet.add")) return {};
    if (!a[1].is_obj()) return raise_fmt(vm, vm.exc.TypeError, "cannot create weak reference to '{}' object", type_name(a[1]));
    WeakSetObject* s = self_of(a[0]);
    Object* o = a[1].obj();
    if (s->index.contains(o)) return Value::none();
    s->index.set(o, s->items.size());
    s->items.push_back(a[1]);
    ++s->live;
    if (s->live >= 64 && s->live > 2 * s->swept_size) sweep(vm, s);
    return Value::none();
}

Value ws_discard(VM& vm, Args a) {
    if (!lib::method_one(vm, a, "WeakSet.discard")) return {};
    if (!a[1].is_obj()) return Value::none();
    Value gone = self_of(a[0])->take(a[1].obj());
    self_of(a[0])->compact();
    return Value::none();
}

Value ws_clear(VM& vm, Args a) {
    if (!lib::method_none(vm, a, "WeakSet.clear")) return {};
    WeakSetObject* s = self_of(a[0]);
    std::vector<Value> old = std::move(s->items);
    s->items.clear();
    s->index.clear();
    s->live = 0;
    s->swept_size = 0;
    return Value::none();  // `old` drops here, after the set is consistent again
}

bool ws_len(VM& vm, const Value& self, std::int64_t& out) {
    WeakSetObject* s = self_of(self);
    sweep(vm, s);
    out = static_cast<std::int64_t>(s->live);
    return true;
}

Value ws_iter(VM& vm, const Value& self) {
    WeakSetObject* s = self_of(self);
    sweep(vm, s);
    std::vector<Value> members;
    members.reserve(s->live);
    for (auto& v : s->items)
        if (v) members.push_back(v);
    Value list = new_list(vm, std::move(members));
    return get_iter(vm, list);
}

Value ws_repr(VM& vm, const Value& self) {
    return new_str(vm, fmt::format("<_looplab.WeakSet with {} members>", self_of(self)->live));
}

}  // namespace

Type* make_weak_set_type(VM& vm) {
    Type* t = lib::make_lib_type(vm, "WeakSet", "_looplab");
    t->slots.new_ = ws_new;
    t->slots.len = ws_len;
    t->slots.iter = ws_iter;
    t->slots.repr = ws_repr;
    def_method(vm, t, "add", ws_add);
    def_method(vm, t, "discard", ws_discard);
    def_method(vm, t, "clear", ws_clear);
    return t;
}

}  // namespace ll::aio

namespace ll::aio {

bool weak_set_holds(vm::VM& vm, const vm::Value& set, const vm::Object* o) {
    if (!set.is_obj() || set.obj()->type != aio_state(vm).weak_set_type) return false;
    auto* s = static_cast<WeakSetObject*>(set.obj());
    return s->index.contains(o);
}

}  // namespace ll::aio
