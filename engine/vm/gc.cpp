// The cycle collector: reference counting frees everything except cycles; collect_cycles() finds
// the objects no outside reference reaches (CPython's algorithm: subtract the references objects
// hold to each other from their counts; what keeps a positive count is reachable from outside),
// finalizes them (__del__, coroutine close, "Task was destroyed but it is pending!"), and breaks
// the cycles of those that were not resurrected. Each type tells the collector what it holds.
#include "engine/vm/gc.hpp"

#include <unordered_map>
#include <vector>

#include <algorithm>

#include "engine/vm/internal.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm {

namespace {

void visit_value(const Value& v, Object::GcVisit visit, void* arg) {
    if (v.is_obj()) visit(v.obj(), arg);
}
// Not through a Value: the conversion would add a reference while the collector counts them.
void visit_value(const ObjRef& r, Object::GcVisit visit, void* arg) {
    if (r) visit(r.obj(), arg);
}

}  // namespace

// --- What each container holds -------------------------------------------------------------

void Tuple::gc_traverse(GcVisit visit, void* arg) {
    for (const Value& v : items) visit_value(v, visit, arg);
}
void Tuple::gc_clear() {
    items.size_ = 0;  // emptied before the values are dropped: finalizers see a valid tuple
    Value* v = items.values();
    for (std::uint32_t i = 0; i < items.allocated_; ++i) Value dead = std::move(v[i]);
}

void List::gc_traverse(GcVisit visit, void* arg) {
    for (const Value& v : items) visit_value(v, visit, arg);
}
void List::gc_clear() {
    std::vector<Value> dead;
    dead.swap(items);  // destroyed after the list is already empty: finalizers see a valid list
}

void Dict::gc_traverse(GcVisit visit, void* arg) {
    for (const Entry& e : entries_) {
        visit_value(e.key, visit, arg);
        visit_value(e.value, visit, arg);
    }
}
void Dict::gc_clear() { clear(); }

void Set::gc_traverse(GcVisit visit, void* arg) {
    for (const Slot& s : table_)
        if (!s.dummy) visit_value(s.key, visit, arg);
}
void Set::gc_clear() { clear(); }

void Instance::gc_traverse(GcVisit visit, void* arg) {
    if (Dict* d = dict()) visit(d, arg);
    Value* s = slot_values();
    for (std::uint32_t i = 0; i < nslots; ++i) visit_value(s[i], visit, arg);
}
void Instance::gc_clear() {
    // Moved out first: dropping a value may run a finalizer that looks at this object.
    std::vector<Value> dead;
    dead.reserve(nslots + 1);
    if (Dict* d = dict()) {
        dead.push_back(Value::borrow(d));
        set_dict(current_vm(), Value());
    }
    Value* s = slot_values();
    for (std::uint32_t i = 0; i < nslots; ++i) dead.push_back(std::move(s[i]));
}

void Cell::gc_traverse(GcVisit visit, void* arg) { visit_value(value, visit, arg); }
void Cell::gc_clear() { Value dead = std::move(value); }

void Function::gc_traverse(GcVisit visit, void* arg) {
    for (const Value* v : {&code, &globals, &builtins, &name, &qualname, &defaults, &kwdefaults, &closure, &dict, &doc, &module})
        visit_value(*v, visit, arg);
}
void Function::gc_clear() {
    Value dead[] = {std::move(defaults), std::move(kwdefaults), std::move(closure), std::move(dict), std::move(doc)};
    (void)dead;
}

void BuiltinFunction::gc_traverse(GcVisit visit, void* arg) {
    visit_value(self, visit, arg);
    visit_value(data, visit, arg);
}
void BuiltinFunction::gc_clear() {
    Value dead[] = {std::move(self), std::move(data)};
    (void)dead;
}

void BoundMethod::gc_traverse(GcVisit visit, void* arg) {
    visit_value(func, visit, arg);
    visit_value(self, visit, arg);
}
void BoundMethod::gc_clear() {
    ObjRef dead_func = std::move(func);
    Value dead_self = std::move(self);
}

void Property::gc_traverse(GcVisit visit, void* arg) {
    for (const Value* v : {&fget, &fset, &fdel, &doc}) visit_value(*v, visit, arg);
}
void Property::gc_clear() {
    Value dead[] = {std::move(fget), std::move(fset), std::move(fdel), std::move(doc)};
    (void)dead;
}

void Traceback::gc_traverse(GcVisit visit, void* arg) {
    visit_value(frame, visit, arg);
    visit_value(next, visit, arg);
}
void Traceback::gc_clear() {
    Value dead[] = {std::move(frame), std::move(next)};
    (void)dead;
}

void ExceptionObject::gc_traverse(GcVisit visit, void* arg) {
    Instance::gc_traverse(visit, arg);
    for (const Value* v : {&args, &cause, &context, &traceback, &notes, &eg_message, &eg_exceptions}) visit_value(*v, visit, arg);
}
void ExceptionObject::gc_clear() {
    Instance::gc_clear();
    Value dead[] = {std::move(cause), std::move(context), std::move(traceback), std::move(notes), std::move(eg_exceptions)};
    (void)dead;
}

void Frame::gc_traverse(GcVisit visit, void* arg) {
    for (const ObjRef* r : {&code, &func}) visit_value(*r, visit, arg);
    for (std::size_t i = 0, n = nslots(); i < n; ++i) visit_value(slots()[i], visit, arg);
}
void Frame::gc_clear() {
    // Only frames of suspended generators reach here (a running frame is always reachable).
    std::vector<Value> dead;
    const std::size_t n = nslots();
    // The function stays: it holds the globals (Frame::globals), and a cycle through it is
    // broken at the function's or the dict's own clear.
    dead.reserve(n);
    for (std::size_t i = 0; i < n; ++i) dead.push_back(std::move(slots()[i]));
    sp = 0;
}

void Generator::gc_traverse(GcVisit visit, void* arg) {
    visit_value(frame, visit, arg);
    visit_value(exc_state.value, visit, arg);
}
void Generator::gc_clear() {
    // Like CPython's gen clear: the generator ends without running its frame any further.
    state = GenState::Closed;
    Value dead[] = {Value(std::move(frame)), std::move(exc_state.value)};
    (void)dead;
}

// --- The collector --------------------------------------------------------------------------

namespace {

// The collector's marks in Object::gc_flags (bit 0 is the heap's "finalized").
constexpr std::uint32_t kCandidate = 2u;  // in the set being examined; gc_flags' upper bits hold its count
constexpr std::uint32_t kReached = 4u;    // reachable from outside the set
constexpr std::uint32_t kDead = 8u;       // found unreachable (while weak containers forget it)

// The count a candidate keeps in gc_flags' upper bits (capped: no object has 2^28 references).
constexpr unsigned kRefsShift = 4;
constexpr std::uint32_t kRefsMax = (1u << (32 - kRefsShift)) - 1;
std::uint32_t gc_refs(const Object* o) { return o->gc_flags >> kRefsShift; }
void set_gc_refs(Object* o, std::intptr_t n) {
    const auto refs = static_cast<std::uint32_t>(std::clamp<std::intptr_t>(n, 0, kRefsMax));
    o->gc_flags = (o->gc_flags & ((1u << kRefsShift) - 1)) | (refs << kRefsShift);
}

void subtract_internal(Object* o, void*) {
    if ((o->gc_flags & kCandidate) && gc_refs(o) > 0) o->gc_flags -= 1u << kRefsShift;
}

// Every live object of the VM, walked in place: a collection makes no list of them (at a
// hundred thousand tasks that list would be the program's peak memory).
struct EachLiveObject {
    VM& vm;
    template <class F>
    void operator()(F&& f) const {
        vm.heap.visit_objects([](Object* o, void* fn) { (*static_cast<std::remove_reference_t<F>*>(fn))(o); }, &f);
    }
};

// The objects of a list.
struct EachOf {
    const std::vector<Object*>& objects;
    template <class F>
    void operator()(F&& f) const {
        for (Object* o : objects) f(o);
    }
};

// Marks everything reachable from the candidates whose count stays positive (and from
// roots_extra); returns the rest. `each(f)` calls f on every candidate. outside(o) is the count
// of o before the references among candidates are subtracted. No code runs meanwhile: the counts
// live in the objects' gc_flags, cleared again at the end.
template <class Each, class Outside>
std::vector<Object*> unreachable_of(const Each& each, Outside outside, const std::vector<Object*>& roots_extra) {
    each([&](Object* o) {
        o->gc_flags |= kCandidate;
        set_gc_refs(o, outside(o));
    });
    each([](Object* o) { o->gc_traverse(subtract_internal, nullptr); });
    // Depth first from each root in turn: the stack holds one search's frontier, not every root.
    std::vector<Object*> work;
    auto reach_from = [&work](Object* root) {
        work.push_back(root);
        while (!work.empty()) {
            Object* o = work.back();
            work.pop_back();
            if (o->gc_flags & kReached) continue;
            o->gc_flags |= kReached;
            if (o->gc_weak()) continue;  // weak references keep nothing alive
            o->gc_traverse(
                [](Object* r, void* a) {
                    if ((r->gc_flags & (kCandidate | kReached)) == kCandidate) static_cast<std::vector<Object*>*>(a)->push_back(r);
                },
                &work);
        }
    };
    each([&](Object* o) {
        if (gc_refs(o) > 0 && !(o->gc_flags & kReached)) reach_from(o);
    });
    for (Object* o : roots_extra) reach_from(o);
    std::vector<Object*> out;
    constexpr std::uint32_t kKeep = (1u << kRefsShift) - 1 - kCandidate - kReached;
    each([&](Object* o) {
        if (!(o->gc_flags & kReached)) out.push_back(o);
        o->gc_flags &= kKeep;
    });
    for (Object* o : roots_extra) o->gc_flags &= kKeep;
    return out;
}

// CPython counts what it frees after resurrection, only among the objects it tracks (not
// strings or numbers), and some of our objects are parts of one object there: an instance's attribute dict (inline in the instance) and a generator's frame
// (embedded in the generator). Those are not counted on their own.
std::size_t cpython_count(VM& vm, const std::vector<Object*>& garbage) {
    std::unordered_map<const Object*, bool> in;
    for (Object* o : garbage) in[o] = true;
    std::unordered_map<const Object*, bool> parts;
    for (Object* o : garbage) {
        // Atomic objects (CPython does not track them: they cannot form cycles).
        Type* t = o->type;
        if (t == vm.types.str || t == vm.types.int_ || t == vm.types.float_ || t == vm.types.code || t == vm.types.range) {
            parts[o] = true;
            continue;
        }
        if (o->type == vm.types.frame) {
            auto* f = static_cast<Frame*>(o);
            if (f->owner && in.count(f->owner)) parts[o] = true;
        } else if (o->type->has_flag(kTypeInstanceDict)) {
            auto* inst = dynamic_cast<Instance*>(o);
            // Held by the instance and by the collector only: nobody ever saw it as an object.
            if (inst && inst->dict() && inst->dict()->refcount <= 2 && in.count(inst->dict()))
                parts[inst->dict()] = true;
        }
    }
    return garbage.size() - parts.size();
}

}  // namespace

std::size_t collect_cycles(VM& vm) {
    lib::LibState& st = lib::lib_state(vm);
    if (st.gc_collecting || vm.heap.tearing_down) return 0;
    st.gc_collecting = true;
    // Every live object is a candidate.
    const EachLiveObject candidates{vm};
    // Frames the thread is running (or a step paused) are reachable whatever their counts say.
    std::vector<Object*> running;
    for (Frame* f = vm.thread.frame; f; f = f->back) running.push_back(f);
    std::vector<Object*> garbage =
        unreachable_of(candidates, [](Object* o) { return static_cast<std::intptr_t>(o->refcount); }, running);
    std::size_t found = 0;
    if (!garbage.empty()) {
        // Oldest first: CPython finalizes garbage in the order its objects were created.
        std::sort(garbage.begin(), garbage.end(), [](const Object* a, const Object* b) { return a->seq < b->seq; });
        // Hold every garbage object while finalizers run: none may be freed half-way.
        std::vector<Value> hold;
        hold.reserve(garbage.size());
        for (Object* o : garbage) hold.push_back(Value::borrow(o));
        // Weak containers forget their dead members first (CPython clears weak references
        // before running finalizers): the holds keep them alive until the end.
        {
            for (Object* o : garbage) o->gc_flags |= kDead;
            std::vector<Value> dropped;
            auto is_dead = [](Object* o, void*) { return (o->gc_flags & kDead) != 0; };
            candidates([&](Object* o) {
                if (o->gc_weak() && !(o->gc_flags & kDead)) o->gc_drop_weak(is_dead, nullptr, dropped);
            });
            for (Object* o : garbage) o->gc_flags &= ~kDead;
            dropped.clear();
        }
        // Finalize (each object once in its life, like PEP 442).
        for (Object* o : garbage) {
            if (!o->type->slots.finalize || (o->gc_flags & 1u)) continue;
            o->gc_flags |= 1u;
            ++o->refcount;  // the finalizers hand back the reference they were called with
            o->type->slots.finalize(vm, o);
            --o->refcount;
        }
        // A finalizer may have stored a reference to some of them somewhere reachable: only
        // what is still unreachable (counting our holds as outside references) is cleared.
        std::vector<Object*> still =
            unreachable_of(EachOf{garbage}, [](Object* o) { return static_cast<std::intptr_t>(o->refcount) - 1; }, {});
        found = cpython_count(vm, still);
        for (Object* o : still) o->gc_clear();
        hold.clear();  // the cycles are broken: reference counting frees them now
    }
    st.gc_collecting = false;
    return found;
}

}  // namespace ll::vm

namespace ll::vm {

// The interpreter calls this when the heap has grown past collect_at: collect (unless gc is
// disabled) and wait for the heap to double before the next automatic collection, so the work
// stays proportional to allocation.
void auto_collect(VM& vm) {
    if (lib::lib_state(vm).gc_enabled) collect_cycles(vm);
    vm.heap.collect_at = std::max<std::size_t>(100000, vm.heap.live_objects() * 2);
}

}  // namespace ll::vm
