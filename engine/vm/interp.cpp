// The interpreter loop: one C++ loop runs every Python frame of a thread. Calls push heap frames
// and continue here; generators resumed by FOR_ITER/SEND run inline on top of their caller; the
// loop returns only when the entry frame returns, yields, raises or the budget runs out.
#include <cmath>

#include "engine/base/int64_ops.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

using lang::Op;

Value int_binop(VM& vm, BinOp op, const Value& a, const Value& b);
Value float_binop_values(VM& vm, BinOp op, double x, double y);
Value gen_resume_inline_prepare(VM& vm, Generator* gen, Value& send_value, bool& ok);
bool gen_exc_is_stop(VM& vm, Generator* gen);
void gen_leave_frame(VM& vm, Generator* gen);
void gen_enter_frame(VM& vm, Generator* gen);
Value convert_stop_iteration(VM& vm, Generator* gen, Value exc);
Value get_awaitable_iter(VM& vm, const Value& v, int where);
Value send_to_iterator(VM& vm, const Value& receiver, const Value& value, bool& returned);
Value import_star(VM& vm, const Value& module, Frame* f);

static_assert(sizeof(Frame) % alignof(Value) == 0, "a frame's slots follow it directly");
static_assert(sizeof(void*) != 8 || sizeof(Generator) == 48, "every suspended task keeps two or more coroutines");
static_assert(sizeof(void*) != 8 || sizeof(Frame) == 80, "every suspended task pays for each 16 bytes of its frames");
static_assert(sizeof(void*) != 8 || sizeof(BoundMethod) == 56, "every waiting task's wake-up callback is one");
static_assert(sizeof(Instance) % alignof(Value) == 0, "an instance's slot values follow it directly");

// Dispatch: with clang (labels as values), the loop top fetches and jumps through a table of
// handler addresses: no bounds check and no test for line steps (those swap in a table whose
// every entry is the line check). The plain switch otherwise, or with -DLOOPLAB_SWITCH_DISPATCH.
// Not GCC: it accepts an indirect jump out of a scope with a destructor and skips the destructor,
// where clang refuses to compile it (see DISPATCH_INLINE).
#if defined(__clang__) && !defined(LOOPLAB_SWITCH_DISPATCH)
#define LL_COMPUTED_GOTO 1
#else
#define LL_COMPUTED_GOTO 0
#endif

// A frame and its slots are one block (from the object pool in heap.cpp, like any object).
void* Frame::operator new(std::size_t size, FrameSlots slots) { return Object::operator new(size + slots.n * sizeof(Value)); }

void Frame::operator delete(void* p, FrameSlots slots) { Object::operator delete(p, sizeof(Frame) + slots.n * sizeof(Value)); }

void Frame::operator delete(Frame* f, std::destroying_delete_t) {
    std::size_t n = f->nslots();
    f->~Frame();
    Object::operator delete(f, sizeof(Frame) + n * sizeof(Value));
}

Frame::~Frame() {
    // At teardown the objects die in no particular order, so the code (which knows the slot
    // count) may be gone already; and dropping references does nothing then anyway.
    if (VM* vm = detail::tl_vm; vm && vm->heap.tearing_down) return;
    Value* s = slots();
    for (std::size_t i = 0, n = nslots(); i < n; ++i) s[i].~Value();
    if (has_paused_top) set_paused_top(nullptr);
}

Frame* Frame::paused_top() const {
    if (!has_paused_top) return nullptr;
    return current_vm().paused_tops.at(this);
}

void Frame::set_paused_top(Frame* top) {
    VM& vm = current_vm();
    if (top) vm.paused_tops[this] = top;
    else if (has_paused_top && !vm.heap.tearing_down) vm.paused_tops.erase(this);
    has_paused_top = top != nullptr;
}

const Value Frame::kNoLocals;

int Frame::line() const {
    const auto& co = *code_obj()->co;
    std::uint32_t at = paused_before ? pc : (pc > 0 ? pc - 1 : 0);
    return co.line_of(at);
}

void Frame::clear_stack() {
    Value* s = stack();
    for (std::uint32_t i = 0; i < sp; ++i) s[i] = Value();
    sp = 0;
}

// is_same_exception_metadata: a part of the original group (re-raised by a bare `raise`, or the
// unhandled rest) shares its traceback, cause and context; `raise g` gives g a new traceback.
// (Notes are not compared: CPython 3.13 keeps them in __dict__, and its parts have copies.)
static bool same_exception_metadata(const Value& a, const Value& b) {
    if (!is_exception(a) || !is_exception(b)) return false;
    auto* x = a.as<ExceptionObject>();
    auto* y = b.as<ExceptionObject>();
    return x->traceback.is(y->traceback) && x->cause.is(y->cause) && x->context.is(y->context);
}

static void collect_leaves(VM& vm, const Value& e, std::vector<Value>& out) {
    if (!type_of(e)->is_subtype(vm.exc.BaseExceptionGroup)) {
        out.push_back(e);
        return;
    }
    for (auto& c : e.as<ExceptionObject>()->eg_exceptions.as<Tuple>()->items) collect_leaves(vm, c, out);
}

// CPython's _PyExc_PrepReraiseStar: what an except* statement raises at its end. `excs` holds
// what the clauses raised and the unhandled rest. Parts of the original are put back in its
// structure (the subgroup of their leaves); new exceptions come first; a single exception is
// raised as it is, several in ExceptionGroup('', [...]).
static Value prep_reraise_star(VM& vm, const Value& orig, const Value& excs) {
    std::vector<Value> raised, reraised;
    for (auto& e : excs.as<List>()->items) {
        if (e.is_none()) continue;
        // A naked exception was caught: only one clause ran, so there is one thing to raise.
        if (!type_of(orig)->is_subtype(vm.exc.BaseExceptionGroup)) return e;
        (same_exception_metadata(e, orig) ? reraised : raised).push_back(e);
    }
    Value reraised_eg = Value::none();
    if (!reraised.empty()) {
        std::vector<Value> leaves;
        for (auto& r : reraised) collect_leaves(vm, r, leaves);
        Value pred = new_builtin_function(vm, "_leaf", [](VM&, Args a) -> Value {
            for (auto& l : a[0].as<List>()->items)
                if (l.is(a[1])) return Value::boolean(true);
            return Value::boolean(false);
        }, new_list(vm, std::move(leaves)));
        reraised_eg = call_method(vm, orig, "subgroup", {pred});
        if (!reraised_eg) return {};
    }
    if (raised.empty()) return reraised_eg;
    if (!reraised_eg.is_none()) raised.push_back(reraised_eg);
    if (raised.size() == 1) return raised[0];
    return call(vm, Value::borrow(vm.exc.BaseExceptionGroup), {vm.empty_str, new_list(vm, std::move(raised))});
}

Value handled_exception(const Thread& th) {
    if (th.exc_info->value) return th.exc_info->value;
    for (auto it = th.exc_outer.rbegin(); it != th.exc_outer.rend(); ++it)
        if ((*it)->value) return (*it)->value;
    return {};
}

static Value name_error(VM& vm, Str* name, Frame* f, bool free_var = false) {
    std::string msg = free_var ? fmt::format("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name->text)
                               : fmt::format("name '{}' is not defined", name->text);
    Value e = make_exception(vm, vm.exc.NameError, {new_str(vm, msg)});
    if (!e) return {};
    e.as<ExceptionObject>()->ensure_dict(vm)->set(vm, "name", Value::borrow(name));
    (void)f;
    vm.thread.exc = std::move(e);
    return {};
}

static bool unpack_into(VM& vm, const Value& seq, std::uint32_t n, Value* out) {
    // out receives items in reverse (TOS = first).
    if (is_tuple(seq) || is_list(seq)) {
        std::span<const Value> items = is_tuple(seq) ? seq.as<Tuple>()->items : std::span<const Value>(seq.as<List>()->items);
        if (items.size() != n) {
            if (items.size() < n) raise_fmt(vm, vm.exc.ValueError, "not enough values to unpack (expected {}, got {})", n, items.size());
            else raise_fmt(vm, vm.exc.ValueError, "too many values to unpack (expected {})", n);
            return false;
        }
        for (std::uint32_t i = 0; i < n; ++i) out[n - 1 - i] = items[i];
        return true;
    }
    Type* t = type_of(seq);
    if (!t->slots.iter && !t->slots.getitem) {
        raise_fmt(vm, vm.exc.TypeError, "cannot unpack non-iterable {} object", t->name);
        return false;
    }
    Value it = get_iter(vm, seq);
    if (!it) return false;
    std::vector<Value> got;
    for (std::uint32_t i = 0; i < n; ++i) {
        Value x = iter_next(vm, it);
        if (!x) {
            if (!has_error(vm)) raise_fmt(vm, vm.exc.ValueError, "not enough values to unpack (expected {}, got {})", n, i);
            return false;
        }
        got.push_back(std::move(x));
    }
    Value extra = iter_next(vm, it);
    if (extra) {
        raise_fmt(vm, vm.exc.ValueError, "too many values to unpack (expected {})", n);
        return false;
    }
    if (has_error(vm)) return false;
    for (std::uint32_t i = 0; i < n; ++i) out[n - 1 - i] = std::move(got[i]);
    return true;
}

static Value make_function(VM& vm, Frame* f, const Value& code, std::uint32_t flags, Value defaults, Value kwdefaults, Value closure) {
    auto* fn = new Function(vm.types.function);
    Value r = Value::steal(fn);
    fn->code = code;
    fn->globals = Value::borrow(f->globals());
    fn->builtins = Value::borrow(builtins_of(vm, f));
    const auto& co = *code.as<Code>()->co;
    fn->name = code.as<Code>()->name;
    fn->qualname = code.as<Code>()->qualname;
    if (flags & 1) fn->defaults = std::move(defaults);
    if (flags & 2) fn->kwdefaults = std::move(kwdefaults);
    if (flags & 8) fn->closure = std::move(closure);
    Value modname = f->globals()->get("__name__");
    fn->module = modname ? modname : Value::none();
    // A docstring is the first constant when the body starts with a string expression.
    if (!co.consts.empty() && co.consts[0].kind == lang::ConstValue::Kind::Str && (co.flags & 0x4000000))
        fn->doc = code.as<Code>()->consts[0];
    return r;
}

static Value build_exc_match_error(VM& vm) {
    return raise(vm, vm.exc.TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

static int exc_match(VM& vm, const Value& exc, const Value& type) {
    if (is_tuple(type)) {
        for (auto& t : type.as<Tuple>()->items) {
            int r = exc_match(vm, exc, t);
            if (r) return r;
        }
        return 0;
    }
    if (!is_type_object(type) || !type.as<Type>()->is_subtype(vm.exc.BaseException)) {
        build_exc_match_error(vm);
        return -1;
    }
    return type_of(exc)->is_subtype(type.as<Type>());
}

// --- Attribute inline caches (Code::AttrCache): where LOAD_ATTR / STORE_ATTR found a name on
// the last object of the same type. A hit skips the type's MRO lookup and the dict search;
// every hit is re-checked against the object itself (a slot may be unset, a dict reordered).

[[gnu::noinline, gnu::cold]] static void make_attr_caches(Code* co) { co->attr_cache.resize(co->co->code.size()); }

LL_HOT_INLINE static Code::AttrCache& attr_cache_at(Code* co, std::uint32_t at) {
    if (co->attr_cache.empty()) [[unlikely]] make_attr_caches(co);
    return co->attr_cache[at];
}

LL_HOT_INLINE static bool attr_cache_valid(VM& vm, const Code::AttrCache& c, const Value& obj) {
    return c.kind != Code::AttrCache::None && obj.is_obj() && obj.obj()->type == c.type && c.generation == vm.type_generation;
}

// The cached location's current value, or null when the cache does not apply to this object.
LL_HOT_INLINE static const Value* attr_cache_load(const Code::AttrCache& c, const Value& obj, Str* name) {
    auto* inst = static_cast<Instance*>(obj.obj());
    if (c.kind == Code::AttrCache::Slot) {
        const Value& v = inst->slot_values()[c.index];
        return v.is_null() ? nullptr : &v;
    }
    if (c.kind != Code::AttrCache::InstanceDict || !inst->dict()) return nullptr;
    const auto& entries = inst->dict()->entries();
    if (static_cast<std::size_t>(c.index) >= entries.size()) return nullptr;
    const Dict::Entry& e = entries[static_cast<std::size_t>(c.index)];
    return e.key.is_obj() && e.key.obj() == name ? &e.value : nullptr;
}

// A Method cache hit still needs the instance not to shadow the name in its own dict. A dict whose
// keys are unchanged since the name was last found missing there (the same version: versions
// are unique across dicts) is not searched again.
LL_HOT_INLINE static bool method_not_shadowed(VM& vm, Code::AttrCache& c, Instance* inst, Str* name) {
    if (!inst->dict()) return true;
    Dict* d = inst->dict();
    if (d->version() == c.dict_version) return true;
    if (d->get_str(vm, name)) return false;
    c.dict_version = d->version();
    return true;
}

// A module attribute (`asyncio.sleep`): the module dict's entry, while the dict keeps its keys.
// Dict versions are unique across dicts, so the version alone says which module it was.
static const Value* module_attr_cache_load(VM& vm, const Code::AttrCache& c, const Value& obj) {
    if (c.kind != Code::AttrCache::ModuleDict || !obj.is_obj() || obj.obj()->type != vm.types.module) return nullptr;
    Dict* d = obj.as<Module>()->globals();
    return d->version() == c.generation ? &d->value_at(static_cast<std::size_t>(c.index)) : nullptr;
}

static void module_attr_cache_fill(VM& vm, Code::AttrCache& c, const Value& obj, Str* name) {
    c.kind = Code::AttrCache::None;
    if (!obj.is_obj() || obj.obj()->type != vm.types.module || !name->interned) return;
    Dict* d = obj.as<Module>()->globals();
    std::int64_t ix = d->index_of(vm, name);
    if (ix < 0) return;
    c.kind = Code::AttrCache::ModuleDict;
    c.type = nullptr;
    c.index = static_cast<std::int32_t>(ix);
    c.generation = d->version();
}

// After a generic lookup or store of `name` on obj: remember where it lives, when that place
// does not depend on anything but the object's type (no __getattr__/__setattr__ hooks, and for
// the instance dict, no data descriptor in the class that would take precedence).
static void attr_cache_fill(VM& vm, Code::AttrCache& c, const Value& obj, Str* name, bool store) {
    c.kind = Code::AttrCache::None;
    if (!obj.is_obj()) return;
    Type* t = obj.obj()->type;
    if (store ? t->slots.setattr != nullptr : t->slots.getattr != nullptr) return;
    if (!name->interned || !has_plain_instances(vm, t)) return;
    Value descr = t->lookup(name);
    auto* inst = static_cast<Instance*>(obj.obj());
    if (descr && type_of(descr) == vm.types.member_descriptor) {
        auto* m = descr.as<MemberDescriptor>();
        if (m->index >= inst->nslots) return;
        c.kind = Code::AttrCache::Slot;
        c.index = static_cast<std::int32_t>(m->index);
    } else {
        if (descr && type_of(descr)->slots.descr_set) return;
        std::int64_t ix = -1;
        if (t->has_flag(kTypeInstanceDict) && inst->dict()) ix = inst->dict()->index_of(vm, name);
        if (ix >= 0) {
            c.kind = Code::AttrCache::InstanceDict;
            c.index = static_cast<std::int32_t>(ix);
        } else if (!store && descr && type_of(descr) == vm.types.function) {
            c.kind = Code::AttrCache::Method;  // LOAD_ATTR binds it to the object on a hit
            c.method = descr.obj();
        } else if (!store && descr && !type_of(descr)->slots.descr_get) {
            // A default kept in the class (asyncio's Future._log_traceback): found along the MRO
            // once, then read in place while no instance dict shadows it.
            const Value* place = nullptr;
            for (Type* k : t->mro) {
                if (k->dict.is_null()) continue;
                std::int64_t at = k->dict.as<Dict>()->index_of(vm, name);
                if (at >= 0) {
                    place = &k->dict.as<Dict>()->value_at(static_cast<std::size_t>(at));
                    break;
                }
            }
            if (!place) return;
            c.kind = Code::AttrCache::ClassValue;
            c.class_value = place;
            c.dict_version = 0;
        } else {
            return;
        }
    }
    c.type = t;
    c.generation = vm.type_generation;
}

// A cache that only keeps where a value lives (a slot or an instance-dict entry), not methods
// or class values: for callers that use what they find as it is.
static void value_attr_cache_fill(VM& vm, Code::AttrCache& c, const Value& obj, Str* name) {
    attr_cache_fill(vm, c, obj, name, false);
    if (c.kind != Code::AttrCache::Slot && c.kind != Code::AttrCache::InstanceDict) c.kind = Code::AttrCache::None;
}

// Such a cache's hit: the value's current place, or null.
LL_HOT_INLINE static const Value* value_attr_cache_load(VM& vm, const Code::AttrCache& c, const Value& obj, Str* name) {
    if ((c.kind != Code::AttrCache::Slot && c.kind != Code::AttrCache::InstanceDict) || !attr_cache_valid(vm, c, obj))
        return nullptr;
    return attr_cache_load(c, obj, name);
}

Value get_attr_cached(VM& vm, Code::AttrCache& c, const Value& obj, Str* name) {
    if (const Value* hit = value_attr_cache_load(vm, c, obj, name)) return *hit;
    Value v = get_attr(vm, obj, name);
    if (v) value_attr_cache_fill(vm, c, obj, name);
    return v;
}

// CPython's _PyObject_FunctionStr: "module.qualname()" ("qualname()" for builtins), or str(f)
// when it has no __qualname__. Null with an exception set on failure.
static Value function_str(VM& vm, const Value& fn) {
    Value qualname = get_attr(vm, fn, vm.intern("__qualname__"));
    if (!qualname) {
        if (!error_matches(vm, vm.exc.AttributeError)) return {};
        clear_error(vm);
        return str(vm, fn);
    }
    Value qs = str(vm, qualname);
    if (!qs) return {};
    Value module = get_attr(vm, fn, vm.intern("__module__"));
    if (!module) {
        if (!error_matches(vm, vm.exc.AttributeError)) return {};
        clear_error(vm);
    } else if (!module.is_none()) {
        int same = eq(vm, module, Value::borrow(vm.intern("builtins")));
        if (same < 0) return {};
        if (!same) {
            Value ms = str(vm, module);
            if (!ms) return {};
            return new_str(vm, ms.as<Str>()->text + "." + qs.as<Str>()->text + "()");
        }
    }
    return new_str(vm, qs.as<Str>()->text + "()");
}

// LOAD_GLOBAL's lookup through the per-instruction cache: globals, then builtins.
[[gnu::noinline]] static Value* cached_global_miss(VM& vm, Code::NameCache& c, Dict* globals, Dict* builtins, Str* name) {
    std::int64_t ix = globals->index_of(vm, name);
    if (ix >= 0) {
        c = {globals->version(), 0, static_cast<std::int32_t>(ix), false};
        return &globals->value_at(static_cast<std::size_t>(ix));
    }
    ix = builtins->index_of(vm, name);
    if (ix >= 0) {
        c = {globals->version(), builtins->version(), static_cast<std::int32_t>(ix), true};
        return &builtins->value_at(static_cast<std::size_t>(ix));
    }
    return nullptr;
}

// Inline: a hit is two version compares, and LOAD_GLOBAL runs several times per task switch.
// The builtins are looked up only when needed: a global's hit does not touch them.
LL_HOT_INLINE static Value* cached_global(VM& vm, Code* co, std::uint32_t at, Frame* f, Str* name) {
    if (co->name_cache.empty()) co->name_cache.resize(co->co->code.size());
    Code::NameCache& c = co->name_cache[at];
    Dict* globals = f->globals();
    if (c.index >= 0 && c.version == globals->version()) {
        if (!c.in_builtins) return &globals->value_at(static_cast<std::size_t>(c.index));
        Dict* builtins = builtins_of(vm, f);
        if (c.version2 == builtins->version()) return &builtins->value_at(static_cast<std::size_t>(c.index));
    }
    return cached_global_miss(vm, c, globals, builtins_of(vm, f), name);
}

Value gen_method_send(VM& vm, Args a);
Value gen_method_throw(VM& vm, Args a);
Value wrapper_method_send(VM& vm, Args a);
Value wrapper_method_throw(VM& vm, Args a);
Value gen_yielding_from(Generator* gen);
void auto_collect(VM& vm);

// A `send`/`throw` call the interpreter can run inline: the generators to resume, outermost
// first (a throw goes down the `yield from`/`await` chain to the innermost), and what to send.
struct InlineResume {
    Value receiver;               // what the call was made on (kept alive on the caller's stack)
    // Usually one generator (a send), a few for a throw down an await chain: inline storage
    // first, so a Task step's send() allocates nothing here.
    struct Chain {
        Generator* inline_[4];
        std::vector<Generator*> more;
        std::size_t n = 0;
        void push_back(Generator* g) {
            if (n < 4) inline_[n] = g;
            else more.push_back(g);
            ++n;
        }
        std::size_t size() const { return n; }
        Generator* operator[](std::size_t i) const { return i < 4 ? inline_[i] : more[i - 4]; }
        Generator* back() const { return (*this)[n - 1]; }
    } chain;
    Value value;                  // the sent value, or the exception instance to throw
    bool is_throw = false;
    bool started = false;         // the innermost generator had started (not Created)
};

// Recognises gen.send(v) / gen.throw(exc) (and a coroutine_wrapper's) in the cases that need
// no native work first; everything else (errors, closed or running generators, GeneratorExit,
// a chain ending in a non-generator awaitable, the legacy throw(type, value, tb) form) takes the
// native path in generator.cpp, which gives the same results without the inline stepping.
static bool inline_resume_of(VM& vm, const Value& callable, Args args, InlineResume& out) {
    auto* bf = callable.as<BuiltinFunction>();
    NativeFn fn = bf->fn;
    bool is_send = fn == gen_method_send || fn == wrapper_method_send;
    bool is_throw = fn == gen_method_throw || fn == wrapper_method_throw;
    if ((!is_send && !is_throw) || args.has_kwargs()) return false;
    Value self;
    const Value* rest;
    if (bf->self) {
        self = bf->self;
        if (args.count != 1) return false;
        rest = args.items;
    } else {
        if (args.count != 2) return false;
        self = args.items[0];
        rest = args.items + 1;
    }
    out.receiver = self;
    if (fn == wrapper_method_send || fn == wrapper_method_throw) {
        if (!is_type(self, vm.types.coroutine_wrapper)) return false;
        self = self.as<Cell>()->value;
    }
    Type* t = type_of(self);
    if (t != vm.types.generator && t != vm.types.coroutine) return false;
    Generator* gen = self.as<Generator>();
    if (!gen->frame_obj()) return false;
    if (is_send) {
        if (gen->state == GenState::Created) {
            if (!rest->is_none()) return false;
        } else if (gen->state != GenState::Suspended) {
            return false;
        }
        out.chain.push_back(gen);
        out.value = *rest;
        out.started = gen->state != GenState::Created;
        return true;
    }
    Value exc = *rest;
    if (is_type_object(exc)) {
        if (!exc.as<Type>()->is_subtype(vm.exc.BaseException)) return false;
        exc = make_exception(vm, exc.as<Type>(), {});
        if (!exc) {
            clear_error(vm);
            return false;
        }
    }
    if (!is_exception(exc) || type_of(exc)->is_subtype(vm.exc.GeneratorExit)) return false;
    if (gen->state != GenState::Created && gen->state != GenState::Suspended) return false;
    for (Generator* g = gen;;) {
        out.chain.push_back(g);
        if (g->state != GenState::Suspended) break;
        Value yf = gen_yielding_from(g);
        if (!yf) break;
        if (is_type(yf, vm.types.coroutine_wrapper)) yf = yf.as<Cell>()->value;
        Type* yt = type_of(yf);
        if (yt != vm.types.generator && yt != vm.types.coroutine) {
            // An iterator without throw() (a future's FutureIter): raised right at g's await.
            if (yt->lookup(vm.intern("throw"))) return false;
            break;
        }
        g = yf.as<Generator>();
        if (g->state != GenState::Suspended || !g->frame_obj()) return false;
    }
    out.is_throw = true;
    out.value = std::move(exc);
    out.started = out.chain.back()->state != GenState::Created;
    return true;
}

// The interpreter proper. `start` is the innermost frame to continue (== entry unless resuming
// after OutOfBudget); `throwing` starts by raising vm.thread.exc in `start`.
#if LL_COMPUTED_GOTO
// `&&label` and `goto *p` are GNU extensions, which -Wpedantic reports.
#pragma GCC diagnostic push
#if defined(__clang__)
#pragma GCC diagnostic ignored "-Wgnu-label-as-value"
#else
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
#endif
Exit run_frames(VM& vm, Frame* entry, Frame* start_frame, Budget& budget, Value& result, bool throwing) {
    Thread& th = vm.thread;
    Budget* saved_budget = vm.current_budget;
    if (!saved_budget) vm.current_budget = &budget;
    // A native calling back into Python (list(it) over a Python __next__, sorted(key=...)) is a
    // call too: without this, a loop driven from C++ would never spend the budget.
    if (saved_budget && start_frame == entry && !budget.pausing) {
        ++vm.steps;
        if (--budget.remaining <= 0) return Exit::OutOfBudget;
    }
    struct BudgetRestore {
        VM& vm;
        Budget* saved;
        ~BudgetRestore() { vm.current_budget = saved; }
    } budget_restore{vm, saved_budget};

    if (start_frame == entry) {
        entry->back = th.frame;
        entry->is_entry = true;
        ++th.depth;
    }
    Frame* f = start_frame;
    f->executing = true;
    f->paused_before = false;

    const lang::Instr* code;
    std::uint32_t pc;
    Value* stack;
    Value* sp;
    Value* fast;
    Value* cells;
    Code* co;
    const Value* consts;
    const Value* names;
    bool propagating = false;  // the pending exception came from a callee frame
    bool reraise = false;      // re-raised: no new traceback entry
    bool from_hidden = false;  // propagating out of an inlined comprehension: its entry stands for ours
    lang::Instr ins;           // the running instruction
    std::uint32_t arg = 0;     // and its argument
    // Line steps pause only code run by the interpreter itself: a nested run (a native calling
    // Python) cannot pause, so it runs its lines through.
    const bool line_mode = budget.stop_on_line_change && th.native_depth == 0;
#if LL_COMPUTED_GOTO
    // The handlers' labels, in opcode order.
    static void* const kOpTargets[] = {
#define OP(name) &&L_##name,
#include "engine/lang/opcodes.def"
        &&L_COUNT_,
    };
    static_assert(sizeof(kOpTargets) / sizeof(kOpTargets[0]) == static_cast<std::size_t>(Op::COUNT_) + 1);
    // Line steps: every opcode goes to the line check first (so the normal path tests nothing).
    static void* const kLineTargets[] = {
#define OP(name) &&check_line,
#include "engine/lang/opcodes.def"
        &&check_line,
    };
    void* const* const targets = line_mode ? kLineTargets : kOpTargets;
#endif

#define LOAD_FRAME()                                   \
    do {                                               \
        co = f->code_obj();                            \
        code = co->instructions;                       \
        pc = f->pc;                                    \
        stack = f->stack();                            \
        sp = stack + f->sp;                            \
        fast = f->fast();                              \
        cells = fast + co->nlocals;                    \
        consts = co->consts.data();                    \
        names = co->names.data();                      \
    } while (0)
#define SAVE_FRAME()                                          \
    do {                                                      \
        f->pc = pc;                                           \
        f->sp = static_cast<std::uint32_t>(sp - stack);       \
    } while (0)
    // Line steps: a frame that gets control back (a return or yield into it, a generator
    // resumed) continues on the line it stood at, whatever ran while line steps were off; only
    // a change from there pauses. A new frame (last_line -1) pauses at its first line.
#define SYNC_LINE()                                                      \
    do {                                                                 \
        if (line_mode && pc > 0) f->last_line = co->co->line_of(pc - 1); \
    } while (0)
    // Fetch the next instruction. f->pc points past the running one: finalizers and warnings
    // (which any decref may run) read the running line from it.
#define FETCH()                \
    do {                       \
        ins = code[pc++];      \
        arg = ins.arg();       \
        f->pc = pc;            \
    } while (0)
    // The end of a handler: back to the loop top, which fetches and dispatches (as a `break` out
    // of the switch does). One shared indirect jump: a copy of it at the end of every handler
    // (threaded code) measured more instructions, not fewer, as clang then spills more.
#define DISPATCH() goto next_instr
#if LL_COMPUTED_GOTO
    // A handler's label: a switch case (for the fallback and for `break`) and a table target.
#define TARGET(op) \
    case Op::op:   \
        L_##op
    // For a few of the smallest, hottest handlers: their own copy of fetch-and-jump (measured
    // cheaper for these). Only where no local with a destructor is in scope: clang refuses to
    // jump out of such a scope indirectly, and GCC would skip the destructor.
#define DISPATCH_INLINE()                                       \
    do {                                                        \
        FETCH();                                                \
        goto* targets[static_cast<std::uint8_t>(ins.op())];     \
    } while (0)
#else
#define TARGET(op) case Op::op
#define DISPATCH_INLINE() DISPATCH()
#endif
#ifdef NDEBUG
#define PUSH(v) (*sp++ = (v))
#define PUSHM(v) (*sp++ = std::move(v))
#else
    // Debug builds check each push against the compiler's exact stack depth (max_stack less
    // its margin: an undercount by one is caught too).
#define PUSH(v) (assert(sp < f->slots() + f->nslots()), *sp++ = (v))
#define PUSHM(v) (assert(sp < f->slots() + f->nslots()), *sp++ = std::move(v))
#endif
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define DROP() (*--sp = Value())
#define ERROR() goto error
    // One step spent: the embedder's alarm (CPU cost, thread switches) may run here.
#define STEP()                                                   \
    do {                                                         \
        if (++vm.steps >= vm.step_alarm && vm.step_hook) {       \
            SAVE_FRAME();                                        \
            if (!vm.step_hook(vm)) ERROR();                      \
        }                                                        \
    } while (0)
// A simulated thread blocked in the native just called: stop right here, frames suspended.
// Before a Python call pushes a frame: the recursion limit and the memory cap.
#define CHECK_CALL_LIMITS()                                                  \
    do {                                                                     \
        if (th.depth >= vm.recursion_limit) {                                \
            raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded"); \
            ERROR();                                                         \
        }                                                                    \
        if (vm.heap.byte_limit && allocated_bytes() > vm.heap.byte_limit) {  \
            no_memory(vm);                                                   \
            ERROR();                                                         \
        }                                                                    \
    } while (0)
#define YIELD_CHECK()                                            \
    do {                                                         \
        if (budget.yield_now) [[unlikely]] {                     \
            budget.yield_now = false;                            \
            SAVE_FRAME();                                        \
            return pause(f);                                     \
        }                                                        \
    } while (0)
// A call that ran to its result `r` (null: it raised): the callable and its arguments, from
// `callable_slot` up, give way to the result.
#define FINISH_CALL(r)                            \
    do {                                          \
        while (sp > callable_slot) DROP();        \
        if (!(r)) ERROR();                        \
        if (vm.budget_exhausted) ERROR();         \
        PUSHM(r);                                 \
        YIELD_CHECK();                            \
    } while (0)
// Python calls Python: `nf` goes on top of this frame and runs next (a safe point for the cycle
// collector, and one step of the budget).
#define ENTER_CALL_FRAME(nf)                                                       \
    do {                                                                           \
        SAVE_FRAME();                                                              \
        f->executing = false;                                                      \
        (nf)->back = f;                                                            \
        ++th.depth;                                                                \
        f = (nf);                                                                  \
        th.frame = f;                                                              \
        if (vm.heap.live_objects() >= vm.heap.collect_at && th.native_depth == 0) { \
            /* every frame's state is saved and no native code holds borrowed pointers */ \
            auto_collect(vm);                                                      \
        }                                                                          \
        LOAD_FRAME();                                                              \
        f->executing = true;                                                       \
        STEP();                                                                    \
        if (--budget.remaining <= 0) {                                             \
            SAVE_FRAME();                                                          \
            return pause(f);                                                       \
        }                                                                          \
    } while (0)
// A generator resumes inline, its suspended frame on top of this one.
#define ENTER_GENERATOR_FRAME(gen)                 \
    do {                                           \
        Frame* g_ = (gen)->frame_obj();            \
        SAVE_FRAME();                              \
        f->executing = false;                      \
        g_->back = f;                              \
        g_->is_entry = false;                      \
        (gen)->state = GenState::Running;          \
        gen_enter_frame(vm, (gen));                \
        ++th.depth;                                \
        f = g_;                                    \
        th.frame = f;                              \
        LOAD_FRAME();                              \
        f->executing = true;                       \
        SYNC_LINE();                               \
    } while (0)

    // Leaving early (budget or line step): the frames from `f` down to `entry` stay suspended.
    auto pause = [&](Frame* top) {
        entry->set_paused_top(top);
        top->paused_before = true;
        int n = 0;
        for (Frame* x = top; x; x = x->back) {
            ++n;
            x->executing = false;
            if (x->owner) gen_leave_frame(vm, x->owner);
            if (x == entry) break;
        }
        th.depth -= n;
        th.frame = entry->back;
        result = Value();
        return Exit::OutOfBudget;
    };
    if (start_frame != entry) {
        entry->back = th.frame;
        std::vector<Frame*> chain;
        for (Frame* x = start_frame; x; x = x->back) {
            ++th.depth;
            chain.push_back(x);
            if (x == entry) break;
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            if ((*it)->owner) gen_enter_frame(vm, (*it)->owner);
        entry->set_paused_top(nullptr);
    }
    th.frame = start_frame;

    LOAD_FRAME();
    // The run starts on the line it paused at (a fresh frame: on its first line).
    if (line_mode && (pc > 0 || f->last_line < 0)) f->last_line = co->co->line_of(pc);
    if (throwing) {
        reraise = false;
        propagating = false;
        // The exception is raised at the suspended instruction (the YIELD_VALUE).
        goto error_at_lasti;
    }

    for (;;) {
    next_instr:
#if LL_COMPUTED_GOTO
        FETCH();
        goto* targets[static_cast<std::uint8_t>(ins.op())];
    check_line:
        --pc;  // undo the fetch: check the line, then fetch again
#endif
        if (line_mode) {
            // Instructions without a column are those CPython gives no location (exception
            // handler prologues, cleanups, jumps): like its line events, they start no line.
            int line = co->co->line_of(pc);
            if (line != 0 && line != f->last_line && co->co->positions[pc].col >= 0) {
                f->last_line = line;
                SAVE_FRAME();
                return pause(f);
            }
        }
        FETCH();
#if LL_COMPUTED_GOTO
        goto* kOpTargets[static_cast<std::uint8_t>(ins.op())];
#endif
        {
        switch (ins.op()) {
            TARGET(NOP):
            TARGET(END_FOR):
                DISPATCH();
            TARGET(POP_TOP):
                DROP();
                DISPATCH_INLINE();
            TARGET(PUSH_NULL):
                PUSH(Value());
                DISPATCH();
            TARGET(COPY): {
                Value v = sp[-static_cast<std::ptrdiff_t>(arg)];
                PUSHM(v);
                DISPATCH();
            }
            TARGET(SWAP):
                std::swap(sp[-1], sp[-static_cast<std::ptrdiff_t>(arg)]);
                DISPATCH();
            TARGET(LOAD_CONST):
                PUSH(consts[arg]);
                DISPATCH_INLINE();
            TARGET(LOAD_FAST): {
                const Value& v = fast[arg];
                if (v.is_null()) {
                    raise_fmt(vm, vm.exc.UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value",
                              co->co->varnames[arg]);
                    ERROR();
                }
                PUSH(v);
                DISPATCH_INLINE();
            }
            TARGET(STORE_FAST):
                fast[arg] = POP();
                DISPATCH_INLINE();
            TARGET(DELETE_FAST):
                if (fast[arg].is_null()) {
                    raise_fmt(vm, vm.exc.UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value",
                              co->co->varnames[arg]);
                    ERROR();
                }
                fast[arg] = Value();
                DISPATCH();
            TARGET(LOAD_FAST_AND_CLEAR):
                PUSH(fast[arg]);
                fast[arg] = Value();
                DISPATCH();
            TARGET(LOAD_DEREF): {
                const Value& v = cells[arg].as<Cell>()->value;
                if (v.is_null()) {
                    bool is_free = arg >= co->ncells;
                    const std::string& n = is_free ? co->co->freevars[arg - co->ncells] : co->co->cellvars[arg];
                    if (is_free) name_error(vm, vm.intern(n), f, true);
                    else raise_fmt(vm, vm.exc.UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value", n);
                    ERROR();
                }
                PUSH(v);
                DISPATCH();
            }
            TARGET(STORE_DEREF):
                cells[arg].as<Cell>()->value = POP();
                DISPATCH();
            TARGET(DELETE_DEREF):
                if (cells[arg].as<Cell>()->value.is_null()) {
                    raise_fmt(vm, vm.exc.UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value",
                              arg < co->ncells ? co->co->cellvars[arg] : co->co->freevars[arg - co->ncells]);
                    ERROR();
                }
                cells[arg].as<Cell>()->value = Value();
                DISPATCH();
            TARGET(LOAD_CLOSURE):
                PUSH(cells[arg]);
                DISPATCH();
            TARGET(LOAD_LOCALS):
                PUSH(f->locals());
                DISPATCH();
            TARGET(LOAD_FROM_DICT_OR_DEREF): {
                Value d = POP();
                const std::string& n = arg < co->ncells ? co->co->cellvars[arg] : co->co->freevars[arg - co->ncells];
                Value v = d.as<Dict>()->get_str(vm, vm.intern(n));
                if (!v) {
                    v = cells[arg].as<Cell>()->value;
                    if (v.is_null()) {
                        name_error(vm, vm.intern(n), f, true);
                        ERROR();
                    }
                }
                PUSHM(v);
                DISPATCH();
            }
            TARGET(LOAD_GLOBAL): {
                Str* name = names[arg >> 1].as<Str>();
                Value* found = cached_global(vm, co, pc - 1, f, name);
                if (!found) {
                    name_error(vm, name, f);
                    ERROR();
                }
                PUSH(*found);
                if (arg & 1) PUSH(Value());
                DISPATCH();
            }
            TARGET(STORE_GLOBAL): {
                Value v = POP();
                f->globals()->set(vm, names[arg], std::move(v));
                DISPATCH();
            }
            TARGET(DELETE_GLOBAL): {
                int r = f->globals()->del(vm, names[arg]);
                if (r <= 0) {
                    name_error(vm, names[arg].as<Str>(), f);
                    ERROR();
                }
                DISPATCH();
            }
            TARGET(LOAD_NAME): {
                Str* name = names[arg].as<Str>();
                if (f->locals() && f->locals().obj() == f->globals()) {
                    // Module level: locals are the globals, so the global cache applies.
                    Value* found = cached_global(vm, co, pc - 1, f, name);
                    if (!found) {
                        name_error(vm, name, f);
                        ERROR();
                    }
                    PUSH(*found);
                    break;
                }
                Value v;
                if (!f->locals().is_null()) {
                    if (is_dict(f->locals()) && f->locals().obj()->type == vm.types.dict) v = f->locals().as<Dict>()->get_str(vm, name);
                    else {
                        v = get_item(vm, f->locals(), names[arg]);
                        if (!v) {
                            if (!error_matches(vm, vm.exc.KeyError)) ERROR();
                            clear_error(vm);
                        }
                    }
                }
                if (!v) v = f->globals()->get_str(vm, name);
                if (!v) v = builtins_of(vm, f)->get_str(vm, name);
                if (!v) {
                    name_error(vm, name, f);
                    ERROR();
                }
                PUSHM(v);
                DISPATCH();
            }
            TARGET(STORE_NAME): {
                Value v = POP();
                const Value ns = f->locals().is_null() ? Value::borrow(f->globals()) : Value(f->locals());
                if (ns.obj()->type == vm.types.dict) {
                    Dict* d = ns.as<Dict>();
                    if (co->name_cache.empty()) co->name_cache.resize(co->co->code.size());
                    Code::NameCache& c = co->name_cache[pc - 1];
                    if (c.version == d->version() && c.index >= 0) {
                        d->value_at(static_cast<std::size_t>(c.index)) = std::move(v);
                        break;
                    }
                    d->set(vm, names[arg], std::move(v));
                    c.version = d->version();
                    c.index = static_cast<std::int32_t>(d->index_of(vm, names[arg].as<Str>()));
                    break;
                }
                if (ns.obj()->type == vm.types.dict) ns.as<Dict>()->set(vm, names[arg], std::move(v));
                else if (!set_item(vm, ns, names[arg], v)) ERROR();
                DISPATCH();
            }
            TARGET(DELETE_NAME): {
                const Value ns = f->locals().is_null() ? Value::borrow(f->globals()) : Value(f->locals());
                int r = ns.as<Dict>()->del(vm, names[arg]);
                if (r <= 0) {
                    name_error(vm, names[arg].as<Str>(), f);
                    ERROR();
                }
                DISPATCH();
            }
            TARGET(LOAD_ATTR): {
                Str* name = names[arg >> 1].as<Str>();
                if (arg & 1) {
                    // Method call form: [meth, self] avoids a bound-method object.
                    Code::AttrCache& ic = attr_cache_at(co, pc - 1);
                    if ((ic.kind == Code::AttrCache::Method || ic.kind == Code::AttrCache::NativeMethod) &&
                        attr_cache_valid(vm, ic, TOP()) &&
                        (ic.kind == Code::AttrCache::NativeMethod ||
                         method_not_shadowed(vm, ic, static_cast<Instance*>(TOP().obj()), name))) {
                        Value self = std::move(TOP());
                        TOP() = Value::borrow(ic.method);
                        PUSHM(self);
                        break;
                    }
                    if (const Value* hit = module_attr_cache_load(vm, ic, TOP())) {
                        TOP() = *hit;
                        PUSH(Value());
                        break;
                    }
                    // A callable kept in a slot or the instance dict (asyncio's
                    // `self._callback(*self._args)`): called as it is, no self.
                    if (const Value* hit = value_attr_cache_load(vm, ic, TOP(), name)) {
                        TOP() = *hit;
                        PUSH(Value());
                        break;
                    }
                    Value obj = POP();
                    Type* t = type_of(obj);
                    if (!t->slots.getattr) {
                        Value descr = t->lookup(name);
                        if (descr) {
                            Type* dt = type_of(descr);
                            bool plain = dt == vm.types.function || (dt == vm.types.builtin_function && descr.as<BuiltinFunction>()->owner);
                            bool shadowed = false;
                            if (plain && obj.is_obj() && t->has_flag(kTypeInstanceDict)) {
                                auto* inst = static_cast<Instance*>(obj.obj());
                                shadowed = inst->dict() && inst->dict()->get_str(vm, name);
                            }
                            if (plain && !shadowed) {
                                // Cached for instances of classes whose layout we know (the
                                // shadowing check above is all a hit must repeat) and of
                                // built-in types without an instance dict (nothing to repeat).
                                auto kind = Code::AttrCache::None;
                                if (obj.is_obj() && t->has_flag(kTypeHeap) && name->interned && has_plain_instances(vm, t))
                                    kind = Code::AttrCache::Method;
                                else if (obj.is_obj() && !t->has_flag(kTypeHeap) && !t->has_flag(kTypeInstanceDict))
                                    kind = Code::AttrCache::NativeMethod;
                                if (kind != Code::AttrCache::None) {
                                    ic.kind = kind;
                                    ic.type = t;
                                    ic.generation = vm.type_generation;
                                    ic.method = descr.obj();
                                }
                                PUSHM(descr);
                                PUSHM(obj);
                                break;
                            }
                        }
                    }
                    Value v = get_attr(vm, obj, name);
                    if (!v) ERROR();
                    if (obj.is_obj() && obj.obj()->type == vm.types.module) module_attr_cache_fill(vm, ic, obj, name);
                    else value_attr_cache_fill(vm, ic, obj, name);
                    PUSHM(v);
                    PUSH(Value());
                    break;
                }
                Code::AttrCache& ic = attr_cache_at(co, pc - 1);
                if (attr_cache_valid(vm, ic, TOP())) {
                    if (ic.kind == Code::AttrCache::Method) {
                        // A method taken as a value (`self.__step` handed to call_soon).
                        if (method_not_shadowed(vm, ic, static_cast<Instance*>(TOP().obj()), name)) {
                            TOP() = Value::steal(new BoundMethod(vm.types.method, Value::borrow(ic.method), TOP()));
                            break;
                        }
                    } else if (ic.kind == Code::AttrCache::ClassValue) {
                        if (method_not_shadowed(vm, ic, static_cast<Instance*>(TOP().obj()), name)) {
                            TOP() = *ic.class_value;
                            break;
                        }
                    } else if (const Value* hit = attr_cache_load(ic, TOP(), name)) {
                        TOP() = *hit;
                        break;
                    }
                } else if (const Value* hit = module_attr_cache_load(vm, ic, TOP())) {
                    TOP() = *hit;
                    break;
                }
                Value obj = POP();
                Value v = get_attr(vm, obj, name);
                if (!v) ERROR();
                if (obj.is_obj() && obj.obj()->type == vm.types.module) module_attr_cache_fill(vm, ic, obj, name);
                else attr_cache_fill(vm, ic, obj, name, false);
                PUSHM(v);
                DISPATCH();
            }
            TARGET(STORE_ATTR): {
                Str* name = names[arg].as<Str>();
                Code::AttrCache& ic = attr_cache_at(co, pc - 1);
                if (attr_cache_valid(vm, ic, TOP())) {
                    Value* hit = ic.kind == Code::AttrCache::Slot ? &static_cast<Instance*>(TOP().obj())->slot_values()[ic.index]
                                                                  : const_cast<Value*>(attr_cache_load(ic, TOP(), name));
                    if (hit) {
                        // A rebinding in place; the old value goes after the store (its
                        // finalizer may look at the object).
                        Value old = std::move(*hit);
                        *hit = std::move(sp[-2]);
                        DROP();
                        DROP();
                        break;
                    }
                }
                Value obj = POP();
                Value v = POP();
                if (!set_attr(vm, obj, name, v)) ERROR();
                attr_cache_fill(vm, ic, obj, name, true);
                DISPATCH();
            }
            TARGET(DELETE_ATTR): {
                Value obj = POP();
                if (!del_attr(vm, obj, names[arg].as<Str>())) ERROR();
                DISPATCH();
            }
            TARGET(BINARY_OP): {
                Value& a = sp[-2];
                Value& b = sp[-1];
                BinOp op = static_cast<BinOp>(arg);
                if (a.is_int() && b.is_int()) {
                    std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
                    bool done = false;
                    switch (base_op(op)) {
                        case BinOp::Add: done = base::checked_add(x, y, r); break;
                        case BinOp::Sub: done = base::checked_sub(x, y, r); break;
                        case BinOp::Mul: done = base::checked_mul(x, y, r); break;
                        case BinOp::Mod: done = y > 0 && x >= 0; if (done) r = x % y; break;
                        case BinOp::FloorDiv: done = y > 0 && x >= 0; if (done) r = x / y; break;
                        case BinOp::And: done = true; r = x & y; break;
                        case BinOp::Or: done = true; r = x | y; break;
                        case BinOp::Xor: done = true; r = x ^ y; break;
                        default: break;
                    }
                    if (done) {
                        sp[-2] = Value::integer(r);
                        DROP();
                        break;
                    }
                    Value res = int_binop(vm, base_op(op), a, b);
                    if (!res) ERROR();
                    DROP();
                    sp[-1] = std::move(res);
                    break;
                }
                if (a.is_float() && (b.is_float() || b.is_int())) {
                    double y = b.is_float() ? b.as_float() : static_cast<double>(b.as_int());
                    Value res = float_binop_values(vm, base_op(op), a.as_float(), y);
                    if (!res) ERROR();
                    if (!res.is(vm.not_implemented)) {
                        DROP();
                        sp[-1] = std::move(res);
                        break;
                    }
                } else if (a.is_int() && b.is_float()) {
                    Value res = float_binop_values(vm, base_op(op), static_cast<double>(a.as_int()), b.as_float());
                    if (!res) ERROR();
                    if (!res.is(vm.not_implemented)) {
                        DROP();
                        sp[-1] = std::move(res);
                        break;
                    }
                } else if (op == BinOp::InplaceAdd && a.is_obj() && a.obj()->type == vm.types.str && b.is_obj() &&
                           b.obj()->type == vm.types.str && a.obj()->refcount == 2 && !a.as<Str>()->interned) {
                    // s += t when the local holds the only other reference: append in place.
                    Str* s = a.as<Str>();
                    s->text += b.as<Str>()->text;
                    s->hash_ = -1;
                    s->length_ = -1;
                    DROP();
                    break;
                }
                Value res = binary_op(vm, op, a, b);
                if (!res) ERROR();
                DROP();
                sp[-1] = std::move(res);
                DISPATCH();
            }
            TARGET(BINARY_SUBSCR): {
                Value key = POP();
                Value obj = POP();
                if (obj.is_obj() && obj.obj()->type == vm.types.list && key.is_int()) {
                    auto& items = obj.as<List>()->items;
                    std::int64_t i = key.as_int();
                    if (i < 0) i += static_cast<std::int64_t>(items.size());
                    if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
                        PUSH(items[static_cast<std::size_t>(i)]);
                        break;
                    }
                }
                Value v = get_item(vm, obj, key);
                if (!v) ERROR();
                PUSHM(v);
                DISPATCH();
            }
            TARGET(STORE_SUBSCR): {
                Value key = POP();
                Value obj = POP();
                Value v = POP();
                if (obj.is_obj() && obj.obj()->type == vm.types.list && key.is_int()) {
                    auto& items = obj.as<List>()->items;
                    std::int64_t i = key.as_int();
                    if (i < 0) i += static_cast<std::int64_t>(items.size());
                    if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
                        items[static_cast<std::size_t>(i)] = std::move(v);
                        break;
                    }
                }
                if (!set_item(vm, obj, key, v)) ERROR();
                DISPATCH();
            }
            TARGET(DELETE_SUBSCR): {
                Value key = POP();
                Value obj = POP();
                if (!del_item(vm, obj, key)) ERROR();
                DISPATCH();
            }
            TARGET(BINARY_SLICE): {
                Value stop = POP();
                Value start = POP();
                Value obj = POP();
                Value sl = Value::steal(new Slice(vm.types.slice, std::move(start), std::move(stop), Value::none()));
                Value v = get_item(vm, obj, sl);
                if (!v) ERROR();
                PUSHM(v);
                DISPATCH();
            }
            TARGET(STORE_SLICE): {
                Value stop = POP();
                Value start = POP();
                Value obj = POP();
                Value v = POP();
                Value sl = Value::steal(new Slice(vm.types.slice, std::move(start), std::move(stop), Value::none()));
                if (!set_item(vm, obj, sl, v)) ERROR();
                DISPATCH();
            }
            TARGET(BUILD_SLICE): {
                Value step = arg == 3 ? POP() : Value::none();
                Value stop = POP();
                Value start = POP();
                PUSH(Value::steal(new Slice(vm.types.slice, std::move(start), std::move(stop), std::move(step))));
                DISPATCH();
            }
            TARGET(UNARY_NEGATIVE): {
                Value& v = TOP();
                if (v.is_int() && v.as_int() != INT64_MIN) {
                    v = Value::integer(-v.as_int());
                    break;
                }
                if (v.is_float()) {
                    v = Value::number(-v.as_float());
                    break;
                }
                Value r = unary_op(vm, UnaryOp::Neg, v);
                if (!r) ERROR();
                v = std::move(r);
                DISPATCH();
            }
            TARGET(UNARY_POSITIVE):
            TARGET(UNARY_INVERT): {
                Value& v = TOP();
                Value r = unary_op(vm, ins.op() == Op::UNARY_POSITIVE ? UnaryOp::Pos : UnaryOp::Invert, v);
                if (!r) ERROR();
                v = std::move(r);
                DISPATCH();
            }
            TARGET(UNARY_NOT): {
                int t = truthy(vm, TOP());
                if (t < 0) ERROR();
                TOP() = Value::boolean(!t);
                DISPATCH();
            }
            TARGET(TO_BOOL): {
                int t = truthy(vm, TOP());
                if (t < 0) ERROR();
                TOP() = Value::boolean(t);
                DISPATCH();
            }
            TARGET(COMPARE_OP): {
                Value& a = sp[-2];
                Value& b = sp[-1];
                CompareOp op = static_cast<CompareOp>(arg);
                if (a.is_int() && b.is_int()) {
                    std::int64_t x = a.as_int(), y = b.as_int();
                    bool r = false;
                    switch (op) {
                        case CompareOp::Lt: r = x < y; break;
                        case CompareOp::Le: r = x <= y; break;
                        case CompareOp::Eq: r = x == y; break;
                        case CompareOp::Ne: r = x != y; break;
                        case CompareOp::Gt: r = x > y; break;
                        case CompareOp::Ge: r = x >= y; break;
                    }
                    DROP();
                    sp[-1] = Value::boolean(r);
                    break;
                }
                Value r = compare(vm, a, b, op);
                if (!r) ERROR();
                DROP();
                sp[-1] = std::move(r);
                DISPATCH();
            }
            TARGET(IS_OP): {
                Value b = POP();
                Value a = POP();
                PUSH(Value::boolean(a.is(b) != (arg == 1)));
                DISPATCH();
            }
            TARGET(CONTAINS_OP): {
                Value container = POP();
                Value item = POP();
                int r = contains(vm, container, item);
                if (r < 0) ERROR();
                PUSH(Value::boolean((r == 1) != (arg == 1)));
                DISPATCH();
            }
            TARGET(JUMP_FORWARD):
                pc = arg;
                DISPATCH();
            TARGET(JUMP_BACKWARD):
                if (vm.heap.byte_limit && allocated_bytes() > vm.heap.byte_limit) {
                    no_memory(vm);
                    ERROR();
                }
                pc = arg;
                STEP();
                if (--budget.remaining <= 0) {
                    SAVE_FRAME();
                    return pause(f);
                }
                DISPATCH();
            TARGET(POP_JUMP_IF_FALSE):
            TARGET(POP_JUMP_IF_TRUE): {
                Value v = POP();
                int t;
                if (v.is_bool()) t = v.as_bool();
                else {
                    t = truthy(vm, v);
                    if (t < 0) ERROR();
                }
                if ((t != 0) == (ins.op() == Op::POP_JUMP_IF_TRUE)) pc = arg;
                DISPATCH();
            }
            TARGET(POP_JUMP_IF_NONE): {
                Value v = POP();
                if (v.is_none()) pc = arg;
                DISPATCH();
            }
            TARGET(POP_JUMP_IF_NOT_NONE): {
                Value v = POP();
                if (!v.is_none()) pc = arg;
                DISPATCH();
            }
            TARGET(JUMP_IF_FALSE_OR_POP):
            TARGET(JUMP_IF_TRUE_OR_POP): {
                int t = truthy(vm, TOP());
                if (t < 0) ERROR();
                if ((t != 0) == (ins.op() == Op::JUMP_IF_TRUE_OR_POP)) pc = arg;
                else DROP();
                DISPATCH();
            }
            TARGET(BUILD_TUPLE): {
                Value* base = sp - arg;
                Value t = Value::steal(Tuple::make(vm.types.tuple, arg, std::make_move_iterator(base)));
                sp = base;
                PUSHM(t);
                DISPATCH();
            }
            TARGET(BUILD_LIST): {
                std::vector<Value> items;
                items.reserve(arg);
                Value* base = sp - arg;
                for (std::uint32_t i = 0; i < arg; ++i) items.push_back(std::move(base[i]));
                sp = base;
                PUSH(new_list(vm, std::move(items)));
                DISPATCH();
            }
            TARGET(BUILD_SET): {
                Value s = new_set(vm);
                Value* base = sp - arg;
                bool ok = true;
                for (std::uint32_t i = 0; i < arg && ok; ++i) ok = s.as<Set>()->add(vm, base[i]);
                for (std::uint32_t i = 0; i < arg; ++i) base[i] = Value();
                sp = base;
                if (!ok) ERROR();
                PUSHM(s);
                DISPATCH();
            }
            TARGET(BUILD_MAP): {
                Value d = new_dict(vm);
                Value* base = sp - 2 * arg;
                bool ok = true;
                for (std::uint32_t i = 0; i < arg && ok; ++i) ok = d.as<Dict>()->set(vm, base[2 * i], base[2 * i + 1]);
                for (std::uint32_t i = 0; i < 2 * arg; ++i) base[i] = Value();
                sp = base;
                if (!ok) ERROR();
                PUSHM(d);
                DISPATCH();
            }
            TARGET(BUILD_STRING): {
                std::string out;
                Value* base = sp - arg;
                for (std::uint32_t i = 0; i < arg; ++i) out += base[i].as<Str>()->text;
                for (std::uint32_t i = 0; i < arg; ++i) base[i] = Value();
                sp = base;
                PUSH(new_str(vm, std::move(out)));
                DISPATCH();
            }
            TARGET(LIST_APPEND): {
                Value v = POP();
                sp[-static_cast<std::ptrdiff_t>(arg)].as<List>()->items.push_back(std::move(v));
                DISPATCH();
            }
            TARGET(SET_ADD): {
                Value v = POP();
                if (!sp[-static_cast<std::ptrdiff_t>(arg)].as<Set>()->add(vm, v)) ERROR();
                DISPATCH();
            }
            TARGET(MAP_ADD): {
                Value v = POP();
                Value k = POP();
                if (!sp[-static_cast<std::ptrdiff_t>(arg)].as<Dict>()->set(vm, k, std::move(v))) ERROR();
                DISPATCH();
            }
            TARGET(LIST_EXTEND): {
                Value it = POP();
                std::vector<Value> items;
                if (!collect(vm, it, items)) {
                    if (error_matches(vm, vm.exc.TypeError) && !type_of(it)->slots.iter && !type_of(it)->slots.getitem) {
                        clear_error(vm);
                        raise_fmt(vm, vm.exc.TypeError, "Value after * must be an iterable, not {}", type_name(it));
                    }
                    ERROR();
                }
                auto& dst = sp[-static_cast<std::ptrdiff_t>(arg)].as<List>()->items;
                dst.insert(dst.end(), items.begin(), items.end());
                DISPATCH();
            }
            TARGET(SET_UPDATE): {
                Value it = POP();
                std::vector<Value> items;
                if (!collect(vm, it, items)) ERROR();
                Set* s = sp[-static_cast<std::ptrdiff_t>(arg)].as<Set>();
                bool ok = true;
                for (auto& x : items)
                    if (ok) ok = s->add(vm, x);
                if (!ok) ERROR();
                DISPATCH();
            }
            TARGET(DICT_UPDATE):
            TARGET(DICT_MERGE): {
                Value m = POP();
                Dict* d = sp[-static_cast<std::ptrdiff_t>(arg)].as<Dict>();
                if (!is_dict(m) && !get_attr_opt(vm, m, "keys")) {
                    if (has_error(vm)) ERROR();
                    if (ins.op() == Op::DICT_MERGE) {
                        Value& callee = sp[-static_cast<std::ptrdiff_t>(arg) - 3];
                        raise_fmt(vm, vm.exc.TypeError, "{}() argument after ** must be a mapping, not {}",
                                  callable_name(callee), type_name(m));
                    } else {
                        raise_fmt(vm, vm.exc.TypeError, "'{}' object is not a mapping", type_name(m));
                    }
                    ERROR();
                }
                std::vector<Value> keys;
                if (is_dict(m)) {
                    for (auto& e : m.as<Dict>()->entries())
                        if (!e.key.is_null()) keys.push_back(e.key);
                } else {
                    Value ks = call_method(vm, m, "keys", {});
                    if (!ks || !collect(vm, ks, keys)) ERROR();
                }
                bool ok = true;
                for (auto& k : keys) {
                    if (ins.op() == Op::DICT_MERGE) {
                        Value existing = d->get(vm, k);
                        if (existing) {
                            Value& callee = sp[-static_cast<std::ptrdiff_t>(arg) - 3];
                            raise_fmt(vm, vm.exc.TypeError, "{}() got multiple values for keyword argument '{}'",
                                      callable_name(callee), is_str(k) ? k.as<Str>()->text : "?");
                            ok = false;
                            break;
                        }
                    }
                    Value v = get_item(vm, m, k);
                    if (!v || !d->set(vm, k, v)) {
                        ok = false;
                        break;
                    }
                }
                if (!ok) ERROR();
                DISPATCH();
            }
            TARGET(LIST_TO_TUPLE): {
                Value l = POP();
                PUSH(new_tuple(vm, std::move(l.as<List>()->items)));
                DISPATCH();
            }
            TARGET(UNPACK_SEQUENCE): {
                Value seq = POP();
                assert(sp + arg <= f->slots() + f->nslots());
                if (!unpack_into(vm, seq, arg, sp)) ERROR();
                sp += arg;
                DISPATCH();
            }
            TARGET(UNPACK_EX): {
                std::uint32_t before = arg & 0xff, after = arg >> 8;
                Value seq = POP();
                std::vector<Value> items;
                Type* t = type_of(seq);
                if (!t->slots.iter && !t->slots.getitem) {
                    raise_fmt(vm, vm.exc.TypeError, "cannot unpack non-iterable {} object", t->name);
                    ERROR();
                }
                if (!collect(vm, seq, items)) ERROR();
                if (items.size() < before + after) {
                    raise_fmt(vm, vm.exc.ValueError, "not enough values to unpack (expected at least {}, got {})", before + after, items.size());
                    ERROR();
                }
                // Push in reverse: after items, the starred list, before items (TOS = first).
                std::size_t n = items.size();
                for (std::uint32_t i = 0; i < after; ++i) PUSH(items[n - 1 - i]);
                std::vector<Value> mid(items.begin() + before, items.begin() + static_cast<std::ptrdiff_t>(n - after));
                PUSH(new_list(vm, std::move(mid)));
                for (std::uint32_t i = 0; i < before; ++i) PUSH(items[before - 1 - i]);
                DISPATCH();
            }
            TARGET(GET_ITER): {
                Value& v = TOP();
                Value it = get_iter(vm, v);
                if (!it) ERROR();
                v = std::move(it);
                DISPATCH();
            }
            TARGET(GET_YIELD_FROM_ITER): {
                Value& v = TOP();
                if (is_type(v, vm.types.generator)) break;
                if (is_type(v, vm.types.coroutine)) {
                    if (!(co->co->flags & (lang::kCoCoroutine | lang::kCoIterableCoroutine))) {
                        raise(vm, vm.exc.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                        ERROR();
                    }
                    break;
                }
                Value it = get_iter(vm, v);
                if (!it) ERROR();
                v = std::move(it);
                DISPATCH();
            }
            TARGET(FOR_ITER): {
                Value& it = TOP();
                if (it.is_obj() && it.obj()->type == vm.types.range_iterator) {
                    Value x = iter_next(vm, it);
                    if (x) {
                        PUSHM(x);
                        break;
                    }
                    DROP();
                    pc = arg;
                    break;
                }
                if (it.is_obj() && it.obj()->type == vm.types.generator) {
                    Generator* gen = it.as<Generator>();
                    if (gen->state == GenState::Closed) {
                        DROP();
                        pc = arg;
                        break;
                    }
                    if (gen->state == GenState::Running) {
                        raise(vm, vm.exc.ValueError, "generator already executing");
                        ERROR();
                    }
                    // Resume the generator inline, on top of this frame.
                    const bool started = gen->state != GenState::Created;
                    ENTER_GENERATOR_FRAME(gen);
                    if (started) PUSH(Value::none());
                    STEP();
                    if (--budget.remaining <= 0) {
                        SAVE_FRAME();
                        return pause(f);
                    }
                    break;
                }
                Type* t = type_of(it);
                if (!t->slots.next) {
                    raise_fmt(vm, vm.exc.TypeError, "'{}' object is not an iterator", t->name);
                    ERROR();
                }
                Value x = t->slots.next(vm, it);
                if (x) {
                    PUSHM(x);
                    break;
                }
                // A native iterator may end with StopIteration(value), as CPython's may.
                if (has_error(vm) && !stop_iteration_ends(vm)) ERROR();
                DROP();
                pc = arg;
                DISPATCH();
            }
            TARGET(CALL):
            TARGET(CALL_KW):
            TARGET(CALL_FUNCTION_EX): {
                // Fast paths for the common calls, before the general path's many locals (each
                // of which costs a destructor on every call): CALL / CALL_KW of a Python
                // function, a bound Python method, a class with a Python __init__ or a native
                // function, and f(*t) of a Python function with an exact tuple or list. They do
                // exactly what the general path below does for these callables.
                {
                    const bool ex = ins.op() == Op::CALL_FUNCTION_EX;
                    if (ex && (arg & 1)) goto call_general;
                    // CALL_KW: the names tuple is on top, the keyword values are the last `nkw`
                    // of the `arg` arguments (a constant: it outlives the call on the stack).
                    const std::uint32_t nkw = ins.op() == Op::CALL_KW ? static_cast<std::uint32_t>(sp[-1].as<Tuple>()->items.size()) : 0;
                    Value* callable_slot = ex ? sp - 3 : sp - arg - 2 - (ins.op() == Op::CALL_KW ? 1 : 0);
                    Value* self_slot = callable_slot + 1;
                    const bool has_self = !self_slot->is_null();
                    Type* ct = type_of(*callable_slot);
                    Args fargs;
                    const Value* prefix = nullptr;
                    if (ex) {
                        Type* st = type_of(sp[-1]);
                        if (st == vm.types.tuple) {
                            auto& items = sp[-1].as<Tuple>()->items;
                            fargs = Args(items.data(), static_cast<std::uint32_t>(items.size()));
                        } else if (st == vm.types.list) {
                            // Only for a Python function: make_call_frame copies the items
                            // before any code could change the list.
                            auto& items = sp[-1].as<List>()->items;
                            fargs = Args(items.data(), static_cast<std::uint32_t>(items.size()));
                        } else {
                            goto call_general;
                        }
                        if (has_self) prefix = self_slot;
                    } else {
                        fargs = has_self ? Args(self_slot, arg + 1 - nkw) : Args(self_slot + 1, arg - nkw);
                        if (nkw) {
                            fargs.kwvalues = fargs.items + fargs.count;
                            fargs.kwnames = sp[-1].as<Tuple>()->items.data();
                            fargs.kwcount = nkw;
                        }
                    }
                    Function* fn = nullptr;
                    Value init_self;
                    if (ct == vm.types.function) {
                        fn = callable_slot->as<Function>();
                    } else if (ct == vm.types.method && !has_self) {
                        auto* bm = callable_slot->as<BoundMethod>();
                        if (!bm->func || bm->func.obj()->type != vm.types.function) goto call_general;
                        if (prefix) goto call_general;
                        fn = bm->func.as<Function>();
                        prefix = &bm->self;  // the bound method stays on the stack until the frame is made
                    } else if (ct == vm.types.type && !ex) {
                        Value init_fn;
                        Type* cls = callable_slot->as<Type>();
                        if (!python_init_of(vm, cls, init_fn)) goto call_general;
                        init_self = Value::steal(cls->alloc(vm, cls));
                        fn = init_fn.as<Function>();  // the class's dict keeps it alive
                        prefix = &init_self;
                    } else if (ct == vm.types.builtin_function && !ex) {
                        auto* bf = callable_slot->as<BuiltinFunction>();
                        NativeFn nfn = bf->fn;
                        if (!bf->self.is_null() || nfn == gen_method_send || nfn == gen_method_throw ||
                            nfn == wrapper_method_send || nfn == wrapper_method_throw)
                            goto call_general;
                        SAVE_FRAME();
                        Value r = nfn(vm, fargs);
                        FINISH_CALL(r);
                        break;
                    } else {
                        goto call_general;
                    }
                    if (fn->code_obj()->co->flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator)) {
                        // A generator or coroutine function: its frame goes into the new object,
                        // which is the call's result (`asyncio.sleep(0)`, `q.put(item)`).
                        if (init_self) goto call_general;
                        SAVE_FRAME();
                        Frame* nf = nkw ? nullptr : make_positional_call_frame(vm, fn, fargs.items, fargs.count, prefix, !ex);
                        if (!nf && !(nf = make_call_frame(vm, fn, fargs, prefix))) ERROR();
                        Value frame_ref = Value::steal(nf);  // the generator takes its own reference
                        Value r = make_generator_for(vm, fn, nf);
                        FINISH_CALL(r);
                        break;
                    }
                    CHECK_CALL_LIMITS();
                    Frame* nf = nkw ? nullptr : make_positional_call_frame(vm, fn, fargs.items, fargs.count, prefix, !ex);
                    if (!nf && !(nf = make_call_frame(vm, fn, fargs, prefix))) ERROR();
                    while (sp > callable_slot) DROP();
                    if (init_self) {
                        nf->init_call = true;
                        PUSHM(init_self);
                    }
                    ENTER_CALL_FRAME(nf);
                    break;
                }
            call_general:
                Value kwnames_holder;
                Value args_tuple, kwargs_dict;
                Args args;
                Value* callable_slot;
                std::uint32_t consumed;
                std::vector<Value> ex_names, ex_values;
                if (ins.op() == Op::CALL_FUNCTION_EX) {
                    if (arg & 1) kwargs_dict = POP();
                    args_tuple = POP();
                    if (!is_tuple(args_tuple)) {
                        std::vector<Value> items;
                        if (!collect(vm, args_tuple, items)) {
                            Type* at = type_of(args_tuple);
                            if (error_matches(vm, vm.exc.TypeError) && !at->slots.iter && !at->slots.getitem) {
                                clear_error(vm);
                                Value fs = function_str(vm, sp[-2]);
                                if (fs) raise_fmt(vm, vm.exc.TypeError, "{} argument after * must be an iterable, not {}",
                                                  fs.as<Str>()->text, type_name(args_tuple));
                            }
                            ERROR();
                        }
                        args_tuple = new_tuple(vm, std::move(items));
                    }
                    auto& items = args_tuple.as<Tuple>()->items;
                    Value& self_slot = sp[-1];
                    if (!self_slot.is_null()) {
                        std::vector<Value> with_self;
                        with_self.push_back(self_slot);
                        with_self.insert(with_self.end(), items.begin(), items.end());
                        args_tuple = new_tuple(vm, std::move(with_self));
                    }
                    auto& all = args_tuple.as<Tuple>()->items;
                    args = Args(all.data(), static_cast<std::uint32_t>(all.size()));
                    if (kwargs_dict) {
                        for (auto& e : kwargs_dict.as<Dict>()->entries()) {
                            if (e.key.is_null()) continue;
                            if (!is_str(e.key)) {
                                raise(vm, vm.exc.TypeError, "keywords must be strings");
                                ERROR();
                            }
                            ex_names.push_back(e.key);
                            ex_values.push_back(e.value);
                        }
                        args.kwnames = ex_names.data();
                        args.kwvalues = ex_values.data();
                        args.kwcount = static_cast<std::uint32_t>(ex_names.size());
                    }
                    callable_slot = sp - 2;
                    consumed = 2;
                } else {
                    std::uint32_t nkw = 0;
                    if (ins.op() == Op::CALL_KW) {
                        kwnames_holder = POP();
                        nkw = static_cast<std::uint32_t>(kwnames_holder.as<Tuple>()->items.size());
                    }
                    std::uint32_t argc = arg;
                    callable_slot = sp - argc - 2;
                    Value* self_slot = sp - argc - 1;
                    bool has_self = !self_slot->is_null();
                    Value* first = has_self ? self_slot : self_slot + 1;
                    std::uint32_t total = argc + (has_self ? 1 : 0);
                    args = Args(first, total - nkw);
                    if (nkw) {
                        args.kwvalues = first + (total - nkw);
                        args.kwnames = kwnames_holder.as<Tuple>()->items.data();
                        args.kwcount = nkw;
                    }
                    consumed = argc + 2;
                }
                Value& callable = *callable_slot;
                Type* ct = type_of(callable);
                Function* pyfn = nullptr;
                const Value* prefix = nullptr;
                Value bound_self;
                Value init_self;
                Value init_fn;
                if (ct == vm.types.function) pyfn = callable.as<Function>();
                else if (ct == vm.types.type && python_init_of(vm, callable.as<Type>(), init_fn)) {
                    // Class call with a Python __init__: make the instance, run __init__ inline.
                    Type* cls = callable.as<Type>();
                    init_self = Value::steal(cls->alloc(vm, cls));
                    pyfn = init_fn.as<Function>();
                    prefix = &init_self;
                } else if (ct == vm.types.method && callable.as<BoundMethod>()->func && callable.as<BoundMethod>()->func.obj()->type == vm.types.function) {
                    pyfn = callable.as<BoundMethod>()->func.as<Function>();
                    bound_self = callable.as<BoundMethod>()->self;
                    prefix = &bound_self;
                } else if (ct->has_flag(kTypeHeap) && ct != vm.types.type) {
                    // An instance of a user class with a Python __call__ (functools.partial):
                    // called inline like a method, so a simulated thread may block inside it.
                    Value call_fn = ct->lookup(vm.intern("__call__"));
                    if (call_fn && type_of(call_fn) == vm.types.function) {
                        init_fn = call_fn;
                        pyfn = call_fn.as<Function>();
                        bound_self = callable;
                        prefix = &bound_self;
                    }
                }
                InlineResume ir;
                if (!pyfn && ins.op() == Op::CALL && ct == vm.types.builtin_function && inline_resume_of(vm, callable, args, ir)) {
                    // gen.send(v) / gen.throw(e) (Task.__step): run the generator's frames here
                    // instead of in a nested run, so line steps and pauses reach into them. The
                    // receiver stays where the call's result goes, keeping it alive; YIELD_VALUE
                    // replaces it with the yielded value, RETURN_VALUE raises StopIteration.
                    Value receiver = std::move(ir.receiver);
                    Value* base = callable_slot;
                    while (sp > base) DROP();
                    PUSHM(receiver);
                    SAVE_FRAME();
                    f->executing = false;
                    Frame* prev = f;
                    for (std::size_t i = 0; i < ir.chain.size(); ++i) {
                        Generator* cg = ir.chain[i];
                        Frame* g = cg->frame_obj();
                        g->back = prev;
                        g->is_entry = false;
                        cg->state = GenState::Running;
                        gen_enter_frame(vm, cg);
                        ++th.depth;
                        // A delegating frame goes back onto its YIELD_VALUE, as if its SEND had
                        // just resumed the inner one: what the inner one yields passes through.
                        if (i + 1 < ir.chain.size()) {
                            g->pc -= 1;
                            g->throw_pending = true;
                            if (line_mode) g->last_line = g->code_obj()->co->line_of(g->pc - 1);
                        }
                        prev = g;
                    }
                    Generator* inner = ir.chain.back();
                    const bool started = ir.started;
                    f = prev;
                    th.frame = f;
                    LOAD_FRAME();
                    f->executing = true;
                    SYNC_LINE();
                    if (!ir.is_throw) {
                        if (started) PUSHM(ir.value);
                        if (--budget.remaining <= 0) {
                            SAVE_FRAME();
                            return pause(f);
                        }
                        break;
                    }
                    // Raise at the suspension point (a just-created generator: at its start).
                    // CPython chains the thrown exception only with the generator's own handled
                    // exception (_PyErr_ChainStackItem), not with its callers'.
                    if (!started) pc = 0;
                    th.exc = std::move(ir.value);
                    const Value own = inner->exc_state.value;
                    if (own && !own.is(th.exc)) set_context(vm, th.exc, own);
                    propagating = true;  // context done: error_at_lasti must not chain again
                    reraise = false;
                    from_hidden = false;
                    goto error_at_lasti;
                }
                if (pyfn && !(pyfn->code_obj()->co->flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator))) {
                    CHECK_CALL_LIMITS();
                    Frame* nf = make_call_frame(vm, pyfn, args, prefix);
                    if (!nf) ERROR();
                    Value* base = callable_slot;
                    while (sp > base) DROP();
                    if (init_self) {
                        nf->init_call = true;
                        PUSHM(init_self);
                    }
                    ENTER_CALL_FRAME(nf);
                    break;
                }
                SAVE_FRAME();
                Value r;
                if (pyfn) {
                    Frame* nf = make_call_frame(vm, pyfn, args, prefix);
                    if (nf) {
                        Value fv = Value::steal(nf);
                        r = make_generator_for(vm, pyfn, nf);
                    }
                } else {
                    r = call_object(vm, callable, args);
                }
                (void)consumed;
                FINISH_CALL(r);
                DISPATCH();
            }
            TARGET(MAKE_FUNCTION): {
                Value code_v = POP();
                Value closure = (arg & 8) ? POP() : Value();
                Value kwdefaults = (arg & 2) ? POP() : Value();
                Value defaults = (arg & 1) ? POP() : Value();
                PUSH(make_function(vm, f, code_v, arg, std::move(defaults), std::move(kwdefaults), std::move(closure)));
                DISPATCH();
            }
            TARGET(RETURN_CONST):
            TARGET(RETURN_VALUE): {
                Value rv = ins.op() == Op::RETURN_CONST ? consts[arg] : POP();
                Generator* gen = f->owner;
                while (sp > stack) DROP();
                SAVE_FRAME();
                f->executing = false;
                --th.depth;
                Frame* caller = f->back;
                if (gen) {
                    gen->state = GenState::Closed;
                    gen_leave_frame(vm, gen);
                }
                if (f->is_entry) {
                    th.frame = caller;
                    f->back = nullptr;
                    f->is_entry = false;
                    result = std::move(rv);
                    return Exit::Returned;
                }
                f->back = nullptr;
                Frame* done = f;
                f = caller;
                th.frame = f;
                LOAD_FRAME();
                f->executing = true;
                SYNC_LINE();
                if (gen) {
                    // An inline-resumed generator finished: finish the FOR_ITER/SEND that resumed it.
                    gen->release_frame();
                    f->throw_pending = false;
                    const lang::Instr resumer = code[pc - 1];
                    if (resumer.op() == Op::FOR_ITER) {
                        DROP();
                        pc = resumer.arg();
                    } else if (resumer.op() == Op::CALL) {
                        // gen.send()/gen.throw() run inline: the call raises StopIteration(value).
                        DROP();
                        if (rv.is_none()) raise_with_args(vm, vm.exc.StopIteration, {});
                        else raise_with_args(vm, vm.exc.StopIteration, {rv});
                        ERROR();
                    } else {
                        PUSHM(rv);
                        pc = resumer.arg();
                    }
                } else {
                    if (done->init_call) {
                        decref(done);
                        if (!rv.is_none()) {
                            raise_fmt(vm, vm.exc.TypeError, "__init__() should return None, not '{}'", type_name(rv));
                            ERROR();
                        }
                        break;  // the instance is already where the result goes
                    }
                    decref(done);
                    PUSHM(rv);
                }
                DISPATCH();
            }
            TARGET(YIELD_VALUE): {
                Value v = POP();
                Generator* gen = f->owner;
                SAVE_FRAME();
                f->executing = false;
                --th.depth;
                gen->state = GenState::Suspended;
                gen->last_yield_wrapped = (arg & 1) != 0;
                gen_leave_frame(vm, gen);
                Frame* caller = f->back;
                if (f->is_entry) {
                    th.frame = caller;
                    f->back = nullptr;
                    f->is_entry = false;
                    result = std::move(v);
                    return Exit::Yielded;
                }
                f->back = nullptr;
                f = caller;
                th.frame = f;
                LOAD_FRAME();
                f->executing = true;
                SYNC_LINE();
                f->throw_pending = false;
                if (code[pc - 1].op() == Op::CALL) TOP() = std::move(v);  // gen.send() inline: the receiver's slot
                else PUSHM(v);
                DISPATCH();
            }
            TARGET(SEND): {
                Value v = POP();
                Value& recv_slot = TOP();
                // coro.__await__() (a coroutine_wrapper) delegates to its coroutine: resume that
                // inline too, so its return value and its frames are the coroutine's own.
                const Value& recv = is_type(recv_slot, vm.types.coroutine_wrapper) ? recv_slot.as<Cell>()->value : recv_slot;
                Type* rt = type_of(recv);
                if (rt == vm.types.generator || rt == vm.types.coroutine) {
                    Generator* gen = recv.as<Generator>();
                    if (gen->state == GenState::Running) {
                        raise(vm, vm.exc.ValueError, rt == vm.types.generator ? "generator already executing" : "coroutine already executing");
                        ERROR();
                    }
                    if (gen->state == GenState::Closed) {
                        if (rt == vm.types.coroutine) {
                            raise(vm, vm.exc.RuntimeError, "cannot reuse already awaited coroutine");
                            ERROR();
                        }
                        PUSH(Value::none());
                        pc = arg;
                        break;
                    }
                    if (gen->state == GenState::Created && !v.is_none()) {
                        raise(vm, vm.exc.TypeError, "can't send non-None value to a just-started generator");
                        ERROR();
                    }
                    const bool started = gen->state != GenState::Created;
                    ENTER_GENERATOR_FRAME(gen);
                    if (started) PUSHM(v);
                    break;
                }
                bool returned = false;
                SAVE_FRAME();
                Value r = send_to_iterator(vm, recv_slot, v, returned);
                if (!r) ERROR();
                PUSHM(r);
                if (returned) pc = arg;
                DISPATCH();
            }
            TARGET(END_SEND): {
                Value v = POP();
                DROP();
                PUSHM(v);
                DISPATCH();
            }
            TARGET(GET_AWAITABLE): {
                Value& v = TOP();
                Value it = get_awaitable_iter(vm, v, static_cast<int>(arg));
                if (!it) ERROR();
                v = std::move(it);
                DISPATCH();
            }
            TARGET(GET_AITER): {
                Value& v = TOP();
                Type* t = type_of(v);
                Value m = t->lookup(vm.intern("__aiter__"));
                if (!m) {
                    raise_fmt(vm, vm.exc.TypeError, "'async for' requires an object with __aiter__ method, got {}", t->name);
                    ERROR();
                }
                Value r = call_with_self(vm, m, v, Args());
                if (!r) ERROR();
                if (!type_of(r)->lookup(vm.intern("__anext__"))) {
                    raise_fmt(vm, vm.exc.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: {}", type_name(r));
                    ERROR();
                }
                v = std::move(r);
                DISPATCH();
            }
            TARGET(GET_ANEXT): {
                Value& v = TOP();
                Type* t = type_of(v);
                Value m = t->lookup(vm.intern("__anext__"));
                if (!m) {
                    raise_fmt(vm, vm.exc.TypeError, "'async for' requires an iterator with __anext__ method, got {}", t->name);
                    ERROR();
                }
                Value r = call_with_self(vm, m, v, Args());
                if (!r) ERROR();
                Value it = get_awaitable_iter(vm, r, 3);
                if (!it) {
                    if (error_matches(vm, vm.exc.TypeError)) {
                        clear_error(vm);
                        raise_fmt(vm, vm.exc.TypeError, "'async for' received an invalid object from __anext__: {}", type_name(r));
                    }
                    ERROR();
                }
                PUSHM(it);
                DISPATCH();
            }
            TARGET(END_ASYNC_FOR): {
                // Handler of `async for`: [aiter, exc]. StopAsyncIteration ends the loop.
                Value exc = POP();
                if (type_of(exc)->is_subtype(vm.exc.StopAsyncIteration)) {
                    DROP();
                    break;
                }
                th.exc = std::move(exc);
                reraise = true;
                ERROR();
            }
            TARGET(CLEANUP_THROW):
                DISPATCH();
            TARGET(PUSH_EXC_INFO): {
                Value exc = POP();
                Value prev = th.exc_info->value;
                PUSH(prev.is_null() ? Value::none() : prev);
                th.exc_info->value = exc;
                PUSHM(exc);
                DISPATCH();
            }
            TARGET(POP_EXCEPT): {
                Value prev = POP();
                th.exc_info->value = prev.is_none() ? Value() : std::move(prev);
                DISPATCH();
            }
            TARGET(CHECK_EXC_MATCH): {
                Value type = POP();
                int r = exc_match(vm, TOP(), type);
                if (r < 0) ERROR();
                PUSH(Value::boolean(r));
                DISPATCH();
            }
            TARGET(CHECK_EG_MATCH): {
                // [exc, type] -> [rest, match] (match None when nothing matched).
                Value type = POP();
                Value exc = POP();
                if (is_tuple(type)) {
                    for (auto& t : type.as<Tuple>()->items)
                        if (is_type_object(t) && t.as<Type>()->is_subtype(vm.exc.BaseExceptionGroup)) {
                            raise(vm, vm.exc.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
                            ERROR();
                        }
                } else if (is_type_object(type) && type.as<Type>()->is_subtype(vm.exc.BaseExceptionGroup)) {
                    raise(vm, vm.exc.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
                    ERROR();
                }
                if (exc_match(vm, exc, type) < 0) ERROR();
                if (!type_of(exc)->is_subtype(vm.exc.BaseExceptionGroup)) {
                    if (exc_match(vm, exc, type) == 1) {
                        // A naked exception matched: wrap it in an ExceptionGroup.
                        Value eg = new_exception_group(vm, vm.exc.ExceptionGroup, vm.empty_str, {exc});
                        if (type_of(exc)->is_subtype(vm.exc.Exception) == false)
                            eg = new_exception_group(vm, vm.exc.BaseExceptionGroup, vm.empty_str, {exc});
                        eg.as<ExceptionObject>()->traceback = exc.as<ExceptionObject>()->traceback;
                        th.exc_info->value = eg;  // the clause handles the match (CPython sets it)
                        PUSH(Value::none());
                        PUSHM(eg);
                    } else {
                        PUSHM(exc);
                        PUSH(Value::none());
                    }
                    break;
                }
                Value pair = call_method(vm, exc, "split", {type});
                if (!pair) ERROR();
                auto& items = pair.as<Tuple>()->items;
                // Inside the clause, `raise` and a new exception's __context__ see the match.
                if (!items[0].is_none()) th.exc_info->value = items[0];
                PUSH(items[1]);
                PUSH(items[0]);
                DISPATCH();
            }
            TARGET(PREP_RERAISE_STAR): {
                // [orig, list] -> exception to re-raise, or None.
                Value list = POP();
                Value orig = POP();
                Value r = prep_reraise_star(vm, orig, list);
                if (!r) ERROR();
                PUSHM(r);
                DISPATCH();
            }
            TARGET(RERAISE): {
                Value exc = POP();
                th.exc = std::move(exc);
                reraise = true;
                ERROR();
            }
            TARGET(RAISE_VARARGS): {
                if (arg == 0) {
                    Value h = handled_exception(th);
                    if (h.is_null()) {
                        raise(vm, vm.exc.RuntimeError, "No active exception to reraise");
                        ERROR();
                    }
                    th.exc = h;
                    reraise = true;
                    ERROR();
                }
                Value cause;
                if (arg == 2) cause = POP();
                Value exc = POP();
                if (is_type_object(exc)) {
                    if (!exc.as<Type>()->is_subtype(vm.exc.BaseException)) {
                        raise(vm, vm.exc.TypeError, "exceptions must derive from BaseException");
                        ERROR();
                    }
                    Value inst = call(vm, exc, {});
                    if (!inst) ERROR();
                    if (!is_exception(inst)) {
                        raise_fmt(vm, vm.exc.TypeError, "calling {} should have returned an instance of BaseException, not {}",
                                  type_name(exc), type_name(inst));
                        ERROR();
                    }
                    exc = std::move(inst);
                } else if (!is_exception(exc)) {
                    raise(vm, vm.exc.TypeError, "exceptions must derive from BaseException");
                    ERROR();
                }
                if (arg == 2) {
                    if (is_type_object(cause)) {
                        if (!cause.as<Type>()->is_subtype(vm.exc.BaseException)) {
                            raise(vm, vm.exc.TypeError, "exception causes must derive from BaseException");
                            ERROR();
                        }
                        cause = call(vm, cause, {});
                        if (!cause) ERROR();
                    } else if (!cause.is_none() && !is_exception(cause)) {
                        raise(vm, vm.exc.TypeError, "exception causes must derive from BaseException");
                        ERROR();
                    }
                    exc.as<ExceptionObject>()->cause = cause.is_none() ? Value() : cause;
                    exc.as<ExceptionObject>()->suppress_context = true;
                }
                th.exc = std::move(exc);
                ERROR();
            }
            TARGET(BEFORE_WITH):
            TARGET(BEFORE_ASYNC_WITH): {
                bool is_async = ins.op() == Op::BEFORE_ASYNC_WITH;
                Value mgr = POP();
                Type* t = type_of(mgr);
                Value enter = t->lookup(vm.intern(is_async ? "__aenter__" : "__enter__"));
                Value exit = t->lookup(vm.intern(is_async ? "__aexit__" : "__exit__"));
                if (!enter || !exit) {
                    if (is_async)
                        raise_fmt(vm, vm.exc.TypeError, "'{}' object does not support the asynchronous context manager protocol", t->name);
                    else
                        raise_fmt(vm, vm.exc.TypeError, "'{}' object does not support the context manager protocol", t->name);
                    ERROR();
                }
                Value bound_exit;
                Type* et = type_of(exit);
                if (et->slots.descr_get) bound_exit = et->slots.descr_get(vm, exit, mgr, Value::borrow(t));
                else bound_exit = exit;
                if (!bound_exit) ERROR();
                PUSHM(bound_exit);
                if (!is_async && type_of(enter) == vm.types.function &&
                    !(enter.as<Function>()->code_obj()->co->flags & (lang::kCoGenerator | lang::kCoCoroutine | lang::kCoAsyncGenerator))) {
                    // A Python __enter__ runs inline, like a call: a simulated thread may block in
                    // it (a lock's acquire) and pause there, which a nested run could not.
                    if (th.depth >= vm.recursion_limit) {
                        raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded");
                        ERROR();
                    }
                    Frame* nf = make_call_frame(vm, enter.as<Function>(), Args(), &mgr);
                    if (!nf) ERROR();
                    ENTER_CALL_FRAME(nf);
                    break;
                }
                SAVE_FRAME();
                Value r = call_with_self(vm, enter, mgr, Args());
                if (!r) ERROR();
                PUSHM(r);
                YIELD_CHECK();
                DISPATCH();
            }
            TARGET(WITH_EXCEPT_START): {
                // [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)]
                Value& exc = sp[-1];
                Value& exit = sp[-3];
                Value tb = exc.as<ExceptionObject>()->traceback;
                SAVE_FRAME();
                Value r = call(vm, exit, {Value::borrow(type_of(exc)), exc, tb.is_null() ? Value::none() : tb});
                if (!r) ERROR();
                PUSHM(r);
                DISPATCH();
            }
            TARGET(LOAD_BUILD_CLASS): {
                Value b = builtins_of(vm, f)->get("__build_class__");
                if (!b) {
                    raise(vm, vm.exc.NameError, "__build_class__ not found");
                    ERROR();
                }
                PUSHM(b);
                DISPATCH();
            }
            TARGET(LOAD_ASSERTION_ERROR):
                PUSH(Value::borrow(vm.exc.AssertionError));
                DISPATCH();
            TARGET(IMPORT_NAME): {
                Value fromlist = POP();
                Value level = POP();
                SAVE_FRAME();
                Value m = import_name(vm, names[arg].as<Str>(), fromlist, level.is_int() ? level.as_int() : 0);
                if (!m) ERROR();
                PUSHM(m);
                DISPATCH();
            }
            TARGET(IMPORT_FROM): {
                Value& m = TOP();
                Str* name = names[arg].as<Str>();
                Value v = get_attr(vm, m, name);
                if (!v) {
                    if (error_matches(vm, vm.exc.AttributeError)) {
                        clear_error(vm);
                        std::string modname = is_type(m, vm.types.module) ? m.as<Module>()->name : "?";
                        Value e = make_exception(vm, vm.exc.ImportError, {new_str(vm, fmt::format("cannot import name '{}' from '{}' (unknown location)", name->text, modname))});
                        if (e) {
                            Dict* d = e.as<ExceptionObject>()->ensure_dict(vm);
                            d->set(vm, "name", new_str(vm, modname));
                            d->set(vm, "name_from", Value::borrow(name));
                            th.exc = std::move(e);
                        }
                    }
                    ERROR();
                }
                PUSHM(v);
                DISPATCH();
            }
            TARGET(IMPORT_STAR): {
                Value m = POP();
                if (!import_star(vm, m, f)) ERROR();
                DISPATCH();
            }
            TARGET(CONVERT_VALUE): {
                Value& v = TOP();
                Value r = arg == 2 ? repr(vm, v) : str(vm, v);
                if (!r) ERROR();
                if (arg == 3) {
                    std::string a;
                    for (unsigned char c : r.as<Str>()->text) a += static_cast<char>(c);
                    r = new_str(vm, std::move(a));
                }
                v = std::move(r);
                DISPATCH();
            }
            TARGET(FORMAT_SIMPLE): {
                Value& v = TOP();
                if (v.is_obj() && v.obj()->type == vm.types.str) break;
                Value r = format(vm, v, "");
                if (!r) ERROR();
                v = std::move(r);
                DISPATCH();
            }
            TARGET(FORMAT_WITH_SPEC): {
                Value spec = POP();
                Value& v = TOP();
                Value r = format(vm, v, spec.as<Str>()->text);
                if (!r) ERROR();
                v = std::move(r);
                DISPATCH();
            }
            TARGET(STOPITERATION_ERROR):
                DISPATCH();
            TARGET(SETUP_ANNOTATIONS): {
                const Value ns = f->locals().is_null() ? Value::borrow(f->globals()) : Value(f->locals());
                if (!ns.as<Dict>()->get("__annotations__")) ns.as<Dict>()->set(vm, "__annotations__", new_dict(vm));
                DISPATCH();
            }
            TARGET(LOAD_SUPER_ATTR): {
                // super().name / super().name(...): [global super] -> [attr, null] or [func, self]
                // (method form), or [attr] (arg & 1 clear).
                Str* name = names[arg >> 1].as<Str>();
                const bool method = arg & 1;
                Value gs = POP();
                Value v, self_v;
                SAVE_FRAME();
                if (gs.is_obj() && gs.obj() == vm.types.super) {
                    v = load_super_attr(vm, f, name, method, &self_v);
                } else {
                    // `super` rebound at module level: call whatever it is, then get the attribute.
                    Value sup = call_object(vm, gs, Args());
                    if (sup) v = get_attr(vm, sup, name);
                }
                if (!v) ERROR();
                PUSHM(v);
                if (method) PUSHM(self_v);
                DISPATCH();
            }
            TARGET(COUNT_):
                DISPATCH();
        }
        }
        continue;

    error:
        // An exception is pending in th.exc, raised by the instruction at pc - 1.
    error_at_lasti: {
        std::uint32_t lasti = pc > 0 ? pc - 1 : 0;
        if (!reraise) {
            Value& exc = th.exc;
            if (!propagating) {
                Value h = handled_exception(th);
                if (h && !h.is(exc)) set_context(vm, exc, h);
            }
            auto* eo = exc.as<ExceptionObject>();
            // pc == 0: thrown into a frame that has not run an instruction yet.
            if (!from_hidden) eo->traceback = traceback_add(vm, eo->traceback, f, pc > 0 ? lasti : Traceback::kAtEntry);
        }
        reraise = false;
        propagating = false;
        from_hidden = false;
        const lang::ExceptionEntry* h = vm.budget_exhausted || pc == 0 ? nullptr : co->co->handler_for(lasti);
        if (h) {
            Value* target = stack + h->depth;
            while (sp > target) DROP();
            if (h->push_lasti) PUSH(Value::integer(lasti));
            PUSH(th.exc);
            th.exc = Value();
            pc = h->target;
            continue;
        }
        // No handler here: the frame exits with the exception.
        while (sp > stack) DROP();
        SAVE_FRAME();
        f->executing = false;
        --th.depth;
        Generator* gen = f->owner;
        Frame* caller = f->back;
        if (gen) {
            gen->state = GenState::Closed;
            gen_leave_frame(vm, gen);
            th.exc = convert_stop_iteration(vm, gen, std::move(th.exc));
        }
        if (f->is_entry) {
            th.frame = caller;
            f->back = nullptr;
            f->is_entry = false;
            result = Value();
            if (gen) gen->release_frame();
            return Exit::Raised;
        }
        f->back = nullptr;
        Frame* done = f;
        f = caller;
        th.frame = f;
        LOAD_FRAME();
        f->executing = true;
        SYNC_LINE();
        from_hidden = (done->code_obj()->co->flags & lang::kCoHiddenFrame) != 0;
        if (gen) gen->release_frame();
        else decref(done);
        propagating = true;
        if (f->throw_pending) {
            // A throw() into a `yield from`/`await` chain reaches this delegating generator:
            // CPython re-raises it here and chains it with this generator's handled exception.
            f->throw_pending = false;
            const Value own = f->owner ? Value(f->owner->exc_state.value) : Value();
            if (own && !own.is(th.exc)) set_context(vm, th.exc, own);
        }
        goto error_at_lasti;
    }
    }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef PUSHM
#undef POP
#undef TOP
#undef DROP
#undef SYNC_LINE
#undef ERROR
#undef STEP
#undef CHECK_CALL_LIMITS
#undef YIELD_CHECK
#undef ENTER_CALL_FRAME
#undef ENTER_GENERATOR_FRAME
#undef FETCH
#undef TARGET
#undef DISPATCH
#undef DISPATCH_INLINE
}
#if LL_COMPUTED_GOTO
#pragma GCC diagnostic pop
#endif

Exit run(VM& vm, Frame* entry, Budget& budget, Value& result) {
    return run_frames(vm, entry, entry, budget, result, false);
}

}  // namespace ll::vm
