// `_looplab.WeakSet`: the registry of live tasks and async generators. The VM has no weak
// references, so the set holds strong ones and releases a member as soon as it is the member's
// only holder: at each handle boundary for the object the last handle stepped (a finished
// fire-and-forget task dies right there, as in CPython), and in a full sweep whenever the set
// is read or has doubled since the last sweep.
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

    // The members in insertion order (null: removed), and an open-addressing table of their
    // positions (kEmpty, kRemoved, or an index into items), as CPython's compact dict: a set
    // holds every task of the program, and this costs some 20 bytes a member where a Value list
    // and a pointer-to-position map took 60.
    static constexpr std::int32_t kEmpty = -1, kRemoved = -2;
    std::vector<ObjRef> items;
    std::vector<std::int32_t> table;  // size: a power of two, at most two thirds used
    std::size_t used_slots = 0;       // positions and kRemoved marks in table
    std::size_t live = 0;
    std::size_t swept_size = 0;  // live members after the last full sweep

    static std::size_t hash_of(const Object* o) {
        auto x = static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);  // blocks are 16-aligned
        return x ^ (x >> 7) ^ (x >> 15);
    }
    // The table slot of o's position, or -1 when o is not a member.
    std::int64_t slot_of(const Object* o) const {
        if (table.empty()) return -1;
        const std::size_t mask = table.size() - 1;
        for (std::size_t i = hash_of(o) & mask;; i = (i + 1) & mask) {
            const std::int32_t at = table[i];
            if (at == kEmpty) return -1;
            if (at >= 0 && items[static_cast<std::size_t>(at)].obj() == o) return static_cast<std::int64_t>(i);
        }
    }
    bool contains(const Object* o) const { return slot_of(o) >= 0; }
    void place(const Object* o, std::int32_t at) {
        const std::size_t mask = table.size() - 1;
        std::size_t i = hash_of(o) & mask;
        while (table[i] >= 0) i = (i + 1) & mask;  // a removed slot is reused
        if (table[i] == kEmpty) ++used_slots;
        table[i] = at;
    }
    void rebuild_table() {
        std::size_t size = 8;
        while (size * 2 < (live + 1) * 3) size *= 2;
        table.assign(size, kEmpty);
        used_slots = 0;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i]) place(items[i].obj(), static_cast<std::int32_t>(i));
    }
    void add(const Value& v) {
        if ((used_slots + 1) * 3 > table.size() * 2) rebuild_table();
        items.push_back(v);
        place(v.obj(), static_cast<std::int32_t>(items.size() - 1));
        ++live;
    }

    void compact() {
        if (items.size() < 32 || live * 2 > items.size()) return;
        std::vector<ObjRef> kept;
        kept.reserve(live);
        for (auto& v : items)
            if (v) kept.push_back(std::move(v));
        items = std::move(kept);
        rebuild_table();
    }

    // The cycle collector (engine/vm/gc.cpp): members count as referenced by this set, but
    // the set never keeps them reachable; members found dead leave it before finalizers run.
    void gc_traverse(GcVisit visit, void* arg) override {
        for (auto& v : items)
            if (v) visit(v.obj(), arg);
    }
    bool gc_weak() const override { return true; }
    void gc_drop_weak(bool (*dead)(Object*, void*), void* arg, std::vector<Value>& out) override {
        bool dropped = false;
        for (auto& v : items)
            if (v && dead(v.obj(), arg)) {
                --live;
                out.push_back(std::move(v));
                dropped = true;
            }
        if (dropped) rebuild_table();
    }

    // Takes the member out; the caller drops the returned reference when it is safe to run
    // its finalizer.
    Value take(Object* o) {
        const std::int64_t slot = slot_of(o);
        if (slot < 0) return {};
        std::int32_t& at = table[static_cast<std::size_t>(slot)];
        Value v = std::move(items[static_cast<std::size_t>(at)]);
        at = kRemoved;
        --live;
        return v;
    }

    // Members only this set references, taken out (one candidate, or all).
    void take_dead(std::vector<Value>& out, Object* candidate) {
        if (candidate) {
            if (candidate->refcount == 1 && contains(candidate)) out.push_back(take(candidate));
            return;
        }
        bool dropped = false;
        for (auto& v : items)
            if (v && v.obj()->refcount == 1) {
                --live;
                out.push_back(std::move(v));
                dropped = true;
            }
        if (dropped) rebuild_table();
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
    if (s->contains(o)) return Value::none();
    s->add(a[1]);
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
    std::vector<ObjRef> old = std::move(s->items);
    s->items.clear();
    s->table.clear();
    s->used_slots = 0;
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
    return s->contains(o);
}

}  // namespace ll::aio
