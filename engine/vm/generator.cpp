// Generators, coroutines and async generators: the send/throw/close protocol on top of the
// interpreter, PEP 479, awaitables, async generator asend/athrow, finalization (the "was never
// awaited" warning), and the frame chain the UI shows as a task's bookmark.
#include "engine/vm/internal.hpp"

namespace ll::vm {

Generator::Generator(Type* t, GenKind k, Value f) : Object(t), kind(k), frame(std::move(f)) {}
Generator::~Generator() {
    // A generator stopped mid-run (its budget ran out under a native call, then the run was
    // abandoned) can still be linked into the thread's handled-exception chain: unlink it, or
    // sys.exc_info() would read freed memory.
    VM& vm = current_vm();
    Thread& th = vm.thread;
    if (th.exc_info == &exc_state) {
        th.exc_info = th.exc_outer.back();
        th.exc_outer.pop_back();
    } else {
        auto& outer = th.exc_outer;
        for (auto it = outer.begin(); it != outer.end(); ++it)
            if (*it == &exc_state) {
                outer.erase(it);
                break;
            }
    }
    if (!vm.coroutine_origins.empty() && !vm.heap.tearing_down) vm.coroutine_origins.erase(this);
    if (own_names && !vm.heap.tearing_down) vm.generator_names.erase(this);
}

Code* Generator::code_obj() const {
    if (frame.is_null()) return nullptr;
    return frame_released ? frame.as<Code>() : frame.as<Frame>()->code_obj();
}

void Generator::release_frame() {
    if (frame_released || frame.is_null()) return;
    ObjRef done = std::move(frame);  // dropped last: its locals' finalizers may look at us
    frame = done.as<Frame>()->code;
    frame_released = true;
}

Value gen_name(VM& vm, Generator* g) {
    if (g->own_names) return vm.generator_names.at(g).first;
    Code* c = g->code_obj();
    return c ? c->name : vm.empty_str;
}

Value gen_qualname(VM& vm, Generator* g) {
    if (g->own_names) return vm.generator_names.at(g).second;
    Code* c = g->code_obj();
    return c ? c->qualname : vm.empty_str;
}

// Gives g names of its own (see Generator::own_names).
static void set_gen_names(VM& vm, Generator* g, Value name, Value qualname) {
    vm.generator_names[g] = {std::move(name), std::move(qualname)};
    g->own_names = true;
}

// The origin recorded for a coroutine (a tuple), or null.
static Object* origin_of(VM& vm, const Generator* g) {
    if (vm.coroutine_origins.empty()) return nullptr;
    auto it = vm.coroutine_origins.find(g);
    return it == vm.coroutine_origins.end() ? nullptr : it->second.obj();
}

void gen_enter_frame(VM& vm, Generator* gen) {
    vm.thread.exc_outer.push_back(vm.thread.exc_info);
    vm.thread.exc_info = &gen->exc_state;
}

void gen_leave_frame(VM& vm, Generator* gen) {
    Thread& th = vm.thread;
    if (th.exc_info == &gen->exc_state) {
        th.exc_info = th.exc_outer.back();
        th.exc_outer.pop_back();
    }
}

static const char* kind_word(GenKind k) {
    return k == GenKind::Generator ? "generator" : k == GenKind::Coroutine ? "coroutine" : "async generator";
}

Value convert_stop_iteration(VM& vm, Generator* gen, Value exc) {
    Type* t = type_of(exc);
    bool stop = t->is_subtype(vm.exc.StopIteration);
    bool astop = gen->kind == GenKind::AsyncGenerator && t->is_subtype(vm.exc.StopAsyncIteration);
    if (!stop && !astop) return exc;
    std::string msg = fmt::format("{} raised {}", kind_word(gen->kind), stop ? "StopIteration" : "StopAsyncIteration");
    Value r = make_exception(vm, vm.exc.RuntimeError, {new_str(vm, msg)});
    if (!r) return exc;
    r.as<ExceptionObject>()->cause = exc;
    r.as<ExceptionObject>()->suppress_context = true;
    r.as<ExceptionObject>()->context = exc;
    return r;
}

// traceback.cpp: line `lineno` of a code object's source, without its line break.
std::string source_line(const lang::CodeObject& co, int lineno);

// Methods of asyncio's Task and Future are C code in CPython: no frames of theirs are recorded.
static bool c_code_in_cpython(const lang::CodeObject& co) {
    if (co.filename != "<asyncio>/tasks.py" && co.filename != "<asyncio>/futures.py") return false;
    return co.qualname.rfind("Task.", 0) == 0 || co.qualname.rfind("Future.", 0) == 0;
}

// CPython's cr_origin: the `depth` innermost frames of the creating stack, each with its source.
static Value coroutine_origin(VM& vm, int depth) {
    std::vector<Value> out;
    for (Frame* f = vm.thread.frame; f && static_cast<int>(out.size()) < depth; f = f->back) {
        const auto& co = *f->code_obj()->co;
        if ((co.flags & lang::kCoHiddenFrame) || c_code_in_cpython(co)) continue;
        int line = f->line();
        std::string text = source_line(co, line);
        std::size_t a = text.find_first_not_of(" \t\f");
        Value src = a == std::string::npos ? Value::none() : new_str(vm, text.substr(a));
        out.push_back(new_tuple(vm, {new_str(vm, co.filename), Value::integer(line), new_str(vm, co.name), src}));
    }
    return new_tuple(vm, std::move(out));
}

Value new_generator(VM& vm, GenKind kind, Frame* frame, Function* fn) {
    Type* t = kind == GenKind::Generator ? vm.types.generator : kind == GenKind::Coroutine ? vm.types.coroutine : vm.types.async_generator;
    auto* g = new Generator(t, kind, Value::borrow(frame));
    frame->owner = g;
    Code* code = frame->code_obj();
    if (fn->name.obj() != code->name.obj() || fn->qualname.obj() != code->qualname.obj())
        set_gen_names(vm, g, fn->name, fn->qualname);
    if (kind == GenKind::Coroutine && vm.coroutine_origin_depth > 0)
        vm.coroutine_origins[g] = coroutine_origin(vm, vm.coroutine_origin_depth);
    return Value::steal(g);
}

Value make_generator_for(VM& vm, Function* fn, Frame* frame) {
    std::uint32_t flags = fn->code_obj()->co->flags;
    GenKind k = (flags & lang::kCoAsyncGenerator) ? GenKind::AsyncGenerator
                : (flags & lang::kCoCoroutine) ? GenKind::Coroutine : GenKind::Generator;
    return new_generator(vm, k, frame, fn);
}

// The sub-iterator a suspended generator is delegating to (`yield from x` / `await x`), or null.
Value gen_yielding_from(Generator* gen) {
    Frame* f = gen->frame_obj();
    if (!f || gen->state != GenState::Suspended || f->pc == 0) return {};
    const auto& code = f->code_obj()->co->code;
    const lang::Instr prev = code[f->pc - 1];
    if (prev.op() != lang::Op::YIELD_VALUE || !(prev.arg() & 2) || f->sp == 0) return {};
    return f->stack()[f->sp - 1];
}

static void push_to_frame(Frame* f, Value v) {
    assert(f->code_obj()->stack_base + f->sp < f->nslots());
    f->stack()[f->sp++] = std::move(v);
}

static Exit start_run(VM& vm, Generator* gen, Budget& budget, Value& result, bool throwing) {
    Value keep = gen->frame;
    Frame* f = gen->frame_obj();
    gen->state = GenState::Running;
    gen_enter_frame(vm, gen);
    Exit e = run_frames(vm, f, f, budget, result, throwing);
    if (e == Exit::Raised && gen->state != GenState::Closed) gen->state = GenState::Closed;
    return e;
}

Exit gen_send(VM& vm, Generator* gen, Value value, Budget& budget, Value& result) {
    if (gen->state == GenState::Running) {
        raise(vm, vm.exc.ValueError, fmt::format("{} already executing", kind_word(gen->kind)));
        return Exit::Raised;
    }
    if (gen->state == GenState::Closed) {
        if (gen->kind == GenKind::Coroutine) {
            raise(vm, vm.exc.RuntimeError, "cannot reuse already awaited coroutine");
            return Exit::Raised;
        }
        result = Value::none();
        return Exit::Returned;
    }
    bool started = gen->state != GenState::Created;
    if (!started && !value.is_null() && !value.is_none()) {
        raise(vm, vm.exc.TypeError, fmt::format("can't send non-None value to a just-started {}", kind_word(gen->kind)));
        return Exit::Raised;
    }
    if (started) push_to_frame(gen->frame_obj(), value.is_null() ? Value::none() : std::move(value));
    return start_run(vm, gen, budget, result, false);
}

Exit gen_resume(VM& vm, Generator* gen, Budget& budget, Value& result) {
    Frame* f = gen->frame_obj();
    if (!f || !f->paused_top()) {
        raise(vm, vm.exc.RuntimeError, "generator is not paused");
        return Exit::Raised;
    }
    Value keep = gen->frame;
    Exit e = run_frames(vm, f, f->paused_top(), budget, result, false);
    if (e == Exit::Raised) gen->state = GenState::Closed;
    return e;
}

static bool is_gen_exit_or_stop(VM& vm) {
    return error_matches(vm, vm.exc.GeneratorExit) || error_matches(vm, vm.exc.StopIteration);
}

bool gen_close(VM& vm, Generator* gen);

static Exit throw_into(VM& vm, Generator* gen, Value exc, Budget& budget, Value& result) {
    if (is_type_object(exc)) {
        exc = make_exception(vm, exc.as<Type>(), {});
        if (!exc) return Exit::Raised;
    }
    if (!is_exception(exc)) {
        raise(vm, vm.exc.TypeError, "exceptions must be classes or instances deriving from BaseException, not " + std::string(type_name(exc)));
        return Exit::Raised;
    }
    if (gen->state == GenState::Running) {
        raise(vm, vm.exc.ValueError, fmt::format("{} already executing", kind_word(gen->kind)));
        return Exit::Raised;
    }
    if (gen->state == GenState::Closed) {
        vm.thread.exc = std::move(exc);
        return Exit::Raised;
    }
    Value yf = gen_yielding_from(gen);
    if (yf) {
        Frame* f = gen->frame_obj();
        bool is_exit = type_of(exc)->is_subtype(vm.exc.GeneratorExit);
        Type* yt = type_of(yf);
        if (is_exit) {
            bool ok = true;
            if (yt == vm.types.generator || yt == vm.types.coroutine) ok = gen_close(vm, yf.as<Generator>());
            else if (Value c = get_attr_opt(vm, yf, "close")) ok = !call(vm, c, {}).is_null();
            if (!ok) {
                f->clear_stack();
                // The close error is raised inside gen at its suspension point.
                return start_run(vm, gen, budget, result, true);
            }
        } else {
            Value sub_result;
            Exit se;
            bool delegated = true;
            if (yt == vm.types.generator || yt == vm.types.coroutine) {
                gen->state = GenState::Running;
                se = throw_into(vm, yf.as<Generator>(), exc, budget, sub_result);
                gen->state = GenState::Suspended;
            } else if (Value t = get_attr_opt(vm, yf, "throw")) {
                Value r = call(vm, t, {exc});
                if (r) {
                    se = Exit::Yielded;
                    sub_result = r;
                } else if (error_matches(vm, vm.exc.StopIteration)) {
                    Value e = take_error(vm);
                    auto& a = e.as<ExceptionObject>()->args.as<Tuple>()->items;
                    sub_result = a.empty() ? Value::none() : a[0];
                    se = Exit::Returned;
                } else {
                    se = Exit::Raised;
                }
            } else {
                delegated = false;
                se = Exit::Raised;
            }
            if (delegated) {
                if (se == Exit::Yielded) {
                    result = std::move(sub_result);
                    return Exit::Yielded;
                }
                if (se == Exit::OutOfBudget) {
                    result = Value();
                    return Exit::OutOfBudget;
                }
                if (se == Exit::Returned) {
                    // Finish the delegation: continue after the SEND with the return value.
                    const auto& code = f->code_obj()->co->code;
                    std::uint32_t jump = code[f->pc].arg();  // JUMP_BACKWARD to the SEND
                    std::uint32_t target = code[jump].arg();
                    push_to_frame(f, std::move(sub_result));
                    f->pc = target;
                    return start_run(vm, gen, budget, result, false);
                }
                // The sub-iterator raised: raise that inside gen.
                return start_run(vm, gen, budget, result, true);
            }
        }
    }
    vm.thread.exc = std::move(exc);
    if (gen->state == GenState::Created) {
        // Throwing into a just-created generator raises at its first line and closes it.
        gen->frame_obj()->pc = 0;
    }
    return start_run(vm, gen, budget, result, true);
}

Exit gen_throw(VM& vm, Generator* gen, Value exc, Budget& budget, Value& result) {
    return throw_into(vm, gen, std::move(exc), budget, result);
}

bool gen_close(VM& vm, Generator* gen) {
    if (gen->state == GenState::Created) {
        gen->state = GenState::Closed;
        gen->release_frame();
        return true;
    }
    if (gen->state == GenState::Closed) return true;
    if (gen->state == GenState::Running) {
        raise(vm, vm.exc.ValueError, fmt::format("{} already executing", kind_word(gen->kind)));
        return false;
    }
    Budget budget;
    Value result;
    Value exc = make_exception(vm, vm.exc.GeneratorExit, {});
    Exit e = throw_into(vm, gen, exc, budget, result);
    if (e == Exit::Yielded) {
        raise(vm, vm.exc.RuntimeError, fmt::format("{} ignored GeneratorExit", kind_word(gen->kind)));
        return false;
    }
    if (e == Exit::Raised) {
        if (is_gen_exit_or_stop(vm)) {
            clear_error(vm);
            return true;
        }
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Python-level protocol
// ---------------------------------------------------------------------------------------------

static Value stop_iteration_with(VM& vm, const Value& v) {
    if (v.is_none()) return raise_with_args(vm, vm.exc.StopIteration, {});
    return raise_with_args(vm, vm.exc.StopIteration, {v});
}

static Value drive(VM& vm, Generator* gen, Exit e, Value& result) {
    if (e == Exit::Yielded) return result;
    if (e == Exit::Returned) {
        if (gen->kind == GenKind::AsyncGenerator) return raise_with_args(vm, vm.exc.StopAsyncIteration, {});
        return stop_iteration_with(vm, result);
    }
    if (e == Exit::OutOfBudget) {
        vm.budget_exhausted = true;
        return raise(vm, vm.exc.SystemError, "instruction budget exhausted inside a native call");
    }
    return {};
}

static Budget& shared_budget(VM& vm, Budget& local) { return vm.current_budget ? *vm.current_budget : local; }

static Value gen_next_slot(VM& vm, const Value& self) {
    Generator* gen = self.as<Generator>();
    Budget local;
    Value result;
    ++vm.thread.native_depth;
    Exit e = gen_send(vm, gen, Value::none(), shared_budget(vm, local), result);
    --vm.thread.native_depth;
    if (e == Exit::Yielded) return result;
    if (e == Exit::Returned) return {};  // exhausted (next() builds StopIteration(value) itself)
    return drive(vm, gen, e, result);
}

// Not static: the interpreter recognises send/throw calls and runs them inline (interp.cpp).
Value gen_method_send(VM& vm, Args a) {
    Generator* gen = a[0].as<Generator>();
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "{}.send() takes exactly one argument ({} given)", type_name(a[0]), a.size() - 1);
    Budget local;
    Value result;
    ++vm.thread.native_depth;
    Exit e = gen_send(vm, gen, a[1], shared_budget(vm, local), result);
    --vm.thread.native_depth;
    return drive(vm, gen, e, result);
}

Value gen_method_throw(VM& vm, Args a) {
    Generator* gen = a[0].as<Generator>();
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "throw expected at least 1 argument, got 0");
    Value exc = a[1];
    if (a.size() >= 3 && is_type_object(a[1]) && !a[2].is_none()) {
        exc = call(vm, a[1], {a[2]});
        if (!exc) return {};
    }
    Budget local;
    Value result;
    ++vm.thread.native_depth;
    Exit e = gen_throw(vm, gen, exc, shared_budget(vm, local), result);
    --vm.thread.native_depth;
    return drive(vm, gen, e, result);
}

static Value m_close(VM& vm, Args a) {
    ++vm.thread.native_depth;
    bool ok = gen_close(vm, a[0].as<Generator>());
    --vm.thread.native_depth;
    if (!ok) return {};
    return Value::none();
}

// coro.__await__() returns a coroutine_wrapper (a Cell holding the coroutine): a plain iterator
// with send/throw/close, so a generator-based __await__ can `yield from` it.
static Value wrapper_call(VM& vm, Args a, Value (*fn)(VM&, Args)) {
    std::vector<Value> argv(a.items, a.items + a.size());
    argv[0] = a[0].as<Cell>()->value;
    return fn(vm, Args(argv.data(), static_cast<std::uint32_t>(argv.size())));
}

Value wrapper_method_send(VM& vm, Args a) { return wrapper_call(vm, a, gen_method_send); }
Value wrapper_method_throw(VM& vm, Args a) { return wrapper_call(vm, a, gen_method_throw); }

static void init_coroutine_wrapper(VM& vm) {
    Type* w = vm.types.coroutine_wrapper;
    w->slots.new_ = nullptr;
    w->slots.iter = [](VM&, const Value& s) { return s; };
    w->slots.next = [](VM& vm, const Value& s) { return gen_next_slot(vm, s.as<Cell>()->value); };
    def_method(vm, w, "send", wrapper_method_send);
    def_method(vm, w, "throw", wrapper_method_throw);
    def_method(vm, w, "close", [](VM& vm, Args a) { return wrapper_call(vm, a, m_close); });
    def_method(vm, vm.types.coroutine, "__await__",
               [](VM& vm, Args a) { return Value::steal(new Cell(vm.types.coroutine_wrapper, a[0])); });
}

static Value gen_repr(VM& vm, const Value& self) {
    Generator* g = self.as<Generator>();
    const char* w = g->kind == GenKind::Generator ? "generator" : g->kind == GenKind::Coroutine ? "coroutine" : "async_generator";
    return new_str(vm, fmt::format("<{} object {} at {:#x}>", w, gen_qualname(vm, g).as<Str>()->text, reinterpret_cast<std::uintptr_t>(self.obj())));
}

// The attributes of generators, coroutines and async generators are getset descriptors on
// their types (as in CPython), not a getattr slot: a slot would disable LOAD_ATTR's method-call
// fast path for g.send(...), the hot call of every Task step.
static Generator* gen_of(const Value& self) { return self.as<Generator>(); }
static Value gen_get_name(VM& vm, const Value& self) { return gen_name(vm, gen_of(self)); }
static Value gen_get_qualname(VM& vm, const Value& self) { return gen_qualname(vm, gen_of(self)); }
static bool gen_set_name(VM& vm, const Value& self, const Value& v) {
    if (v.is_null() || !is_str(v)) return raise(vm, vm.exc.TypeError, "__name__ must be set to a string object"), false;
    Generator* g = gen_of(self);
    set_gen_names(vm, g, v, gen_qualname(vm, g));
    return true;
}
static bool gen_set_qualname(VM& vm, const Value& self, const Value& v) {
    if (v.is_null() || !is_str(v)) return raise(vm, vm.exc.TypeError, "__qualname__ must be set to a string object"), false;
    Generator* g = gen_of(self);
    set_gen_names(vm, g, gen_name(vm, g), v);
    return true;
}
// cr_origin and ag_running are member descriptors in CPython: their own message.
static bool gen_set_readonly(VM& vm, const Value&, const Value&) {
    return raise(vm, vm.exc.AttributeError, "readonly attribute"), false;
}
static Value gen_get_frame(VM&, const Value& self) {
    Generator* g = gen_of(self);
    return !g->frame_obj() || g->state == GenState::Closed ? Value::none() : Value(g->frame);
}
static Value gen_get_running(VM&, const Value& self) { return Value::boolean(gen_of(self)->state == GenState::Running); }
static Value gen_get_suspended(VM&, const Value& self) { return Value::boolean(gen_of(self)->state == GenState::Suspended); }
static Value gen_get_code(VM&, const Value& self) {
    Generator* g = gen_of(self);
    Code* c = g->code_obj();
    return c ? Value::borrow(c) : Value::none();
}
// Whether `await v` keeps v itself on the stack (see VM::direct_await).
static bool is_direct_await(VM& vm, Type* t, const Value& await_method) {
    return vm.direct_await && !t->slots.next && is_type(await_method, vm.types.builtin_function) &&
           await_method.as<BuiltinFunction>()->fn == vm.direct_await;
}

// A direct await's object on a frame's stack, where an iterator would otherwise be.
static bool is_direct_awaited(VM& vm, const Value& v) {
    if (!vm.direct_await || !v.is_obj()) return false;
    Type* t = type_of(v);
    return is_direct_await(vm, t, t->lookup(vm.direct_await_name));
}

static Value gen_get_yieldfrom(VM& vm, const Value& self) {
    Value y = gen_yielding_from(gen_of(self));
    if (y && is_direct_awaited(vm, y)) return vm.direct_await_iter(vm, y);  // what CPython shows
    return y ? y : Value::none();
}
static Value gen_get_origin(VM& vm, const Value& self) {
    Object* origin = origin_of(vm, gen_of(self));
    if (!origin) return Value::none();
    std::vector<Value> frames;
    for (auto& e : static_cast<Tuple*>(origin)->items) {
        const auto& x = e.as<Tuple>()->items;
        frames.push_back(new_tuple(vm, {x[0], x[1], x[2]}));
    }
    return new_tuple(vm, std::move(frames));
}

// traceback.cpp: an exception formatted like CPython's unraisable hook (frames without carets).
// Declared here rather than in internal.hpp to keep this change's rebuild small.
std::string format_exception_plain(VM& vm, const Value& exc);

static void report_unraisable(VM& vm, const std::string& where) {
    Value exc = take_error(vm);
    std::string out = "Exception ignored in: " + where + "\n";
    out += format_exception_plain(vm, exc);
    vm.write_stderr(out);
}

static Value asyncgen_hook(VM& vm, std::size_t which);

// warnings._warn_unawaited_coroutine: the origin as traceback.format_list prints it, outermost
// first, after a "Coroutine created at" line (the message's trailing newline stripped).
static std::string origin_lines(Object* origin) {
    std::string out = "\nCoroutine created at (most recent call last)";
    const auto& frames = static_cast<Tuple*>(origin)->items;
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        const auto& e = it->as<Tuple>()->items;
        out += fmt::format("\n  File \"{}\", line {}, in {}", e[0].as<Str>()->text, e[1].as_int(), e[2].as<Str>()->text);
        if (!e[3].is_none()) out += "\n    " + e[3].as<Str>()->text;
    }
    return out;
}

static void gen_finalize(VM& vm, Object* self) {
    Generator* g = static_cast<Generator*>(self);
    Value saved_exc = take_error(vm);
    if (g->kind == GenKind::Coroutine && g->state == GenState::Created) {
        std::string msg = fmt::format("coroutine '{}' was never awaited", gen_qualname(vm, g).as<Str>()->text);
        if (Object* origin = origin_of(vm, g)) msg += origin_lines(origin);
        vm.warn(vm.exc.RuntimeWarning, msg, 1);
    } else if (g->state == GenState::Suspended) {
        Value keep = Value::borrow(self);
        std::string where;
        {
            Value r = gen_repr(vm, keep);
            where = r ? r.as<Str>()->text : "<generator>";
        }
        Value finalizer;
        if (g->kind == GenKind::AsyncGenerator && g->hooks_called && !g->ag_closed) finalizer = asyncgen_hook(vm, 1);
        if (finalizer) {
            // The event loop's finalizer schedules agen.aclose() as a task (and so resurrects it).
            if (!call(vm, finalizer, {keep})) report_unraisable(vm, where);
        } else if (!gen_close(vm, g)) {
            report_unraisable(vm, where);
        }
        --keep.release()->refcount;  // back to object_release's count, which frees it unless resurrected
    }
    if (saved_exc) vm.thread.exc = std::move(saved_exc);
}

// ---------------------------------------------------------------------------------------------
// Awaitables
// ---------------------------------------------------------------------------------------------

Value get_awaitable_iter(VM& vm, const Value& v, int where) {
    Type* t = type_of(v);
    if (t == vm.types.coroutine) {
        Generator* g = v.as<Generator>();
        if (g->state == GenState::Suspended && gen_yielding_from(g))
            return raise(vm, vm.exc.RuntimeError, "coroutine is being awaited already");
        return v;
    }
    if (t == vm.types.generator && v.as<Generator>()->frame_obj() &&
        (v.as<Generator>()->frame_obj()->code_obj()->co->flags & lang::kCoIterableCoroutine))
        return v;
    Value it;
    if (t->slots.await && !t->has_flag(kTypeHeap)) {
        it = t->slots.await(vm, v);
    } else {
        Value m = t->lookup(vm.intern("__await__"));
        if (!m) {
            if (where == 1)
                return raise_fmt(vm, vm.exc.TypeError, "'async with' received an object from __aenter__ that does not implement __await__: {}", t->name);
            if (where == 2)
                return raise_fmt(vm, vm.exc.TypeError, "'async with' received an object from __aexit__ that does not implement __await__: {}", t->name);
            return raise_fmt(vm, vm.exc.TypeError, "object {} can't be used in 'await' expression", t->name);
        }
        if (is_direct_await(vm, t, m)) return v;
        it = call_with_self(vm, m, v, Args());
    }
    if (!it) return {};
    Type* it_t = type_of(it);
    if (it_t == vm.types.coroutine) return raise(vm, vm.exc.TypeError, "__await__() returned a coroutine");
    if (!it_t->slots.next)
        return raise_fmt(vm, vm.exc.TypeError, "__await__() returned non-iterator of type '{}'", it_t->name);
    return it;
}

Value send_to_iterator(VM& vm, const Value& receiver, const Value& value, bool& returned) {
    returned = false;
    Type* t = type_of(receiver);
    // Like CPython's FutureIter, a direct await ignores the value sent in.
    if (!t->slots.next && is_direct_awaited(vm, receiver)) return vm.direct_await_send(vm, receiver, returned);
    Value r;
    if (value.is_none() && t->slots.next) {
        r = t->slots.next(vm, receiver);
        if (!r && !has_error(vm)) {
            returned = true;
            return Value::none();
        }
    } else {
        Value send = get_attr(vm, receiver, "send");
        if (!send) return {};
        r = call(vm, send, {value});
    }
    if (!r && error_matches(vm, vm.exc.StopIteration)) {
        Value e = take_error(vm);
        auto& a = e.as<ExceptionObject>()->args.as<Tuple>()->items;
        returned = true;
        return a.empty() ? Value::none() : a[0];
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Async generators: asend / athrow awaitables
// ---------------------------------------------------------------------------------------------

struct AsyncGenOp : Object {
    AsyncGenOp(Type* t, Value g, Value v, bool is_throw) : Object(t), agen(std::move(g)), value(std::move(v)), throwing(is_throw) {}
    Value agen;
    Value value;      // asend: the value to send; athrow: the exception (null for aclose)
    bool throwing;
    bool closing = false;
    int state = 0;    // 0 init, 1 iterating, 2 closed
};

// CPython names the method that made the awaitable: athrow()/aclose() objects are another type.
static const char* reuse_message(VM& vm, const AsyncGenOp* op) {
    return op->type == vm.types.async_gen_athrow ? "cannot reuse already awaited aclose()/athrow()"
                                                 : "cannot reuse already awaited __anext__()/asend()";
}

static const char* running_message(VM& vm, const AsyncGenOp* op) {
    if (op->type == vm.types.async_gen_asend) return "anext(): asynchronous generator is already running";
    return op->closing ? "aclose(): asynchronous generator is already running"
                       : "athrow(): asynchronous generator is already running";
}

static Value agen_step(VM& vm, AsyncGenOp* op, Value send_value, Value throw_exc) {
    Generator* g = op->agen.as<Generator>();
    if (op->state == 2) return raise(vm, vm.exc.RuntimeError, reuse_message(vm, op));
    bool athrow = op->type == vm.types.async_gen_athrow;
    if (athrow && !throw_exc && g->state == GenState::Closed) {
        // athrow()/aclose() of a finished generator: nothing to do, the await gives None.
        op->state = 2;
        return raise_with_args(vm, vm.exc.StopIteration, {});
    }
    if (op->state == 0 && g->running_async) {
        // Another awaitable of this generator is suspended in an await inside it (two tasks
        // sharing one async generator): CPython refuses to start a second one.
        op->state = 2;
        return raise(vm, vm.exc.RuntimeError, running_message(vm, op));
    }
    if (op->state == 0 && athrow && !throw_exc && g->ag_closed) {
        // Closed by aclose() but still suspended (it ignored GeneratorExit).
        op->state = 2;
        return raise_with_args(vm, vm.exc.StopAsyncIteration, {});
    }
    if (op->state == 0 && op->closing && !throw_exc) g->ag_closed = true;
    Budget local;
    Value result;
    Exit e;
    ++vm.thread.native_depth;
    g->running_async = true;
    if (op->state == 0 && throw_exc) {
        // CPython 3.13 (async_gen_asend_throw/async_gen_athrow_throw): throw() on an awaitable
        // that has not started throws straight into the generator, as a task cancelled before
        // its first step does with a scheduled aclose().
        op->state = 1;
        e = gen_throw(vm, g, throw_exc, shared_budget(vm, local), result);
    } else if (op->state == 0) {
        op->state = 1;
        if (op->throwing) {
            Value exc = op->closing ? make_exception(vm, vm.exc.GeneratorExit, {}) : op->value;
            if (g->state == GenState::Created && op->closing) {
                g->state = GenState::Closed;
                g->release_frame();
                g->running_async = false;
                --vm.thread.native_depth;
                op->state = 2;
                return raise_with_args(vm, vm.exc.StopIteration, {});
            }
            e = gen_throw(vm, g, exc, shared_budget(vm, local), result);
        } else {
            e = gen_send(vm, g, op->value.is_null() ? Value::none() : op->value, shared_budget(vm, local), result);
        }
    } else if (throw_exc) {
        e = gen_throw(vm, g, throw_exc, shared_budget(vm, local), result);
    } else {
        e = gen_send(vm, g, send_value, shared_budget(vm, local), result);
    }
    --vm.thread.native_depth;
    // The generator stays busy only while it is suspended in an await (a yield passed through).
    if (e != Exit::Yielded || g->last_yield_wrapped) g->running_async = false;
    if (e == Exit::Yielded) {
        if (g->last_yield_wrapped) {
            op->state = 2;
            if (op->closing) return raise(vm, vm.exc.RuntimeError, "async generator ignored GeneratorExit");
            return stop_iteration_with(vm, result);
        }
        return result;  // an await inside the async generator: pass the yield through
    }
    op->state = 2;
    if (e == Exit::Returned) {
        if (op->closing) return raise_with_args(vm, vm.exc.StopIteration, {});
        g->ag_closed = true;
        return raise_with_args(vm, vm.exc.StopAsyncIteration, {});
    }
    if (e == Exit::OutOfBudget) {
        vm.budget_exhausted = true;
        return raise(vm, vm.exc.SystemError, "instruction budget exhausted inside a native call");
    }
    bool ended = error_matches(vm, vm.exc.GeneratorExit) || error_matches(vm, vm.exc.StopAsyncIteration);
    if (op->closing && ended) {
        clear_error(vm);
        return raise_with_args(vm, vm.exc.StopIteration, {});
    }
    if (ended) g->ag_closed = true;
    return {};
}

static Value agenop_next(VM& vm, const Value& self) {
    Value r = agen_step(vm, self.as<AsyncGenOp>(), Value::none(), Value());
    if (!r && error_matches(vm, vm.exc.StopIteration)) {
        // Exhaustion of the awaitable: keep StopIteration so SEND sees the value.
        return {};
    }
    return r;
}

static Value agenop_send(VM& vm, Args a) { return agen_step(vm, a[0].as<AsyncGenOp>(), a.size() > 1 ? a[1] : Value::none(), Value()); }
static Value agenop_throw(VM& vm, Args a) {
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "throw expected at least 1 argument, got 0");
    return agen_step(vm, a[0].as<AsyncGenOp>(), Value(), a[1]);
}
static Value agenop_close(VM&, Args a) {
    a[0].as<AsyncGenOp>()->state = 2;
    return Value::none();
}

// The (firstiter, finalizer) pair installed by the event loop through engine/aio's
// `_looplab.set_asyncgen_hooks` (CPython's sys.set_asyncgen_hooks); null when not installed.
static Value asyncgen_hook(VM& vm, std::size_t which) {
    if (!vm.modules || !is_dict(vm.modules)) return {};
    Value m = vm.modules.as<Dict>()->get("_looplab");
    if (!m || !is_type(m, vm.types.module)) return {};
    Value hooks = m.as<Module>()->globals()->get("_asyncgen_hooks");
    if (!hooks || !is_tuple(hooks) || hooks.as<Tuple>()->items.size() != 2) return {};
    Value h = hooks.as<Tuple>()->items[which];
    return h.is_none() ? Value() : h;
}

// CPython's async_gen_init_hooks: the first __anext__/asend/athrow/aclose calls firstiter(agen).
static bool agen_init_hooks(VM& vm, const Value& agen) {
    Generator* g = agen.as<Generator>();
    if (g->hooks_called) return true;
    g->hooks_called = true;
    Value firstiter = asyncgen_hook(vm, 0);
    if (!firstiter) return true;
    return static_cast<bool>(call(vm, firstiter, {agen}));
}

static Value m_anext(VM& vm, Args a) {
    if (!agen_init_hooks(vm, a[0])) return {};
    return Value::steal(new AsyncGenOp(vm.types.async_gen_asend, a[0], Value::none(), false));
}
static Value m_asend(VM& vm, Args a) {
    if (!agen_init_hooks(vm, a[0])) return {};
    return Value::steal(new AsyncGenOp(vm.types.async_gen_asend, a[0], a.size() > 1 ? a[1] : Value::none(), false));
}
static Value m_athrow(VM& vm, Args a) {
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "athrow expected at least 1 argument, got 0");
    if (!agen_init_hooks(vm, a[0])) return {};
    return Value::steal(new AsyncGenOp(vm.types.async_gen_athrow, a[0], a[1], true));
}
static Value m_aclose(VM& vm, Args a) {
    if (!agen_init_hooks(vm, a[0])) return {};
    auto* op = new AsyncGenOp(vm.types.async_gen_athrow, a[0], Value(), true);
    op->closing = true;
    return Value::steal(op);
}

// ---------------------------------------------------------------------------------------------
// Frames (introspection)
// ---------------------------------------------------------------------------------------------

static Value frame_getattr(VM& vm, const Value& self, Str* name) {
    Frame* f = self.as<Frame>();
    const std::string& n = name->text;
    // A generator or coroutine that has not started is at its def line (CPython's RETURN_GENERATOR).
    if (n == "f_lineno") return Value::integer(f->owner && f->owner->state == GenState::Created ? f->code_obj()->co->firstlineno : f->line());
    if (n == "f_code") return f->code;
    if (n == "f_globals") return Value::borrow(f->globals());
    if (n == "f_back") return f->back ? Value::borrow(f->back) : Value::none();
    if (n == "f_locals") {
        if (f->locals()) return f->locals();
        Value d = new_dict(vm);
        auto& co = *f->code_obj()->co;
        for (std::size_t i = 0; i < co.varnames.size(); ++i)
            if (!f->fast()[i].is_null()) d.as<Dict>()->set(vm, co.varnames[i], f->fast()[i]);
        for (std::size_t i = 0; i < co.cellvars.size(); ++i) {
            const Value& c = f->cells()[i];
            if (c && !c.as<Cell>()->value.is_null()) d.as<Dict>()->set(vm, co.cellvars[i], c.as<Cell>()->value);
        }
        return d;
    }
    return generic_getattr(vm, self, name, true);
}

static Value frame_repr(VM& vm, const Value& self) {
    Frame* f = self.as<Frame>();
    auto& co = *f->code_obj()->co;
    return new_str(vm, fmt::format("<frame at {:#x}, file '{}', line {}, code {}>", reinterpret_cast<std::uintptr_t>(self.obj()),
                                   co.filename, f->line(), co.name));
}

static FrameInfo frame_info(VM& vm, Frame* f, int line) {
    FrameInfo info;
    auto& co = *f->code_obj()->co;
    info.function = co.qualname;
    info.filename = co.filename;
    info.line = line;
    for (std::size_t i = 0; i < co.varnames.size(); ++i) {
        const Value& v = f->fast()[i];
        if (v.is_null()) continue;
        Value r = repr(vm, v);
        info.locals.emplace_back(co.varnames[i], r ? r.as<Str>()->text : "<?>");
        if (!r) clear_error(vm);
    }
    for (std::size_t i = 0; i < co.cellvars.size(); ++i) {
        const Value& c = f->cells()[i];
        if (!c || c.as<Cell>()->value.is_null()) continue;
        Value r = repr(vm, c.as<Cell>()->value);
        info.locals.emplace_back(co.cellvars[i], r ? r.as<Str>()->text : "<?>");
        if (!r) clear_error(vm);
    }
    return info;
}

std::vector<FrameInfo> frame_chain(VM& vm, const Value& coro, const Frame* innermost) {
    std::vector<FrameInfo> out;
    Value cur = coro;
    for (int guard = 0; guard < 1000 && cur; ++guard) {
        Type* t = type_of(cur);
        if (t != vm.types.coroutine && t != vm.types.generator && t != vm.types.async_generator) break;
        Generator* g = cur.as<Generator>();
        Frame* f = g->frame_obj();
        if (!f || g->state == GenState::Closed) break;
        if (g->state == GenState::Running) {
            // Paused mid-run (a line step): the frames above it are linked by `back`, from the
            // innermost paused frame down to this one.
            std::vector<Frame*> above;
            const Frame* x = innermost;
            for (; x && x != f; x = x->back) above.push_back(const_cast<Frame*>(x));
            out.push_back(frame_info(vm, f, f->line()));
            if (x == f)
                for (auto it = above.rbegin(); it != above.rend(); ++it) out.push_back(frame_info(vm, *it, (*it)->line()));
            break;
        }
        out.push_back(frame_info(vm, f, g->state == GenState::Created ? f->code_obj()->co->firstlineno : f->line()));
        cur = gen_yielding_from(g);
        if (cur && is_type(cur, vm.types.coroutine_wrapper)) cur = cur.as<Cell>()->value;
    }
    return out;
}

void init_generator_types(VM& vm) {
    for (Type* t : {vm.types.generator, vm.types.coroutine, vm.types.async_generator}) {
        t->slots.repr = gen_repr;
        t->slots.finalize = gen_finalize;
        t->slots.new_ = nullptr;
        def_method(vm, t, "close", m_close);
        def_getset(vm, t, "__name__", gen_get_name, gen_set_name);
        def_getset(vm, t, "__qualname__", gen_get_qualname, gen_set_qualname);
        // CPython's names: gi_yieldfrom on generators, cr_await / ag_await on the others.
        std::string p = t == vm.types.generator ? "gi_" : t == vm.types.coroutine ? "cr_" : "ag_";
        def_getset(vm, t, p + "frame", gen_get_frame);
        def_getset(vm, t, p + "running", gen_get_running, t == vm.types.async_generator ? gen_set_readonly : nullptr);
        def_getset(vm, t, p + "suspended", gen_get_suspended);
        def_getset(vm, t, p + "code", gen_get_code);
        def_getset(vm, t, t == vm.types.generator ? "gi_yieldfrom" : p + "await", gen_get_yieldfrom);
    }
    def_getset(vm, vm.types.coroutine, "cr_origin", gen_get_origin, gen_set_readonly);
    for (Type* t : {vm.types.generator, vm.types.coroutine}) {
        def_method(vm, t, "send", gen_method_send);
        def_method(vm, t, "throw", gen_method_throw);
    }
    vm.types.generator->slots.iter = [](VM&, const Value& s) { return s; };
    vm.types.generator->slots.next = gen_next_slot;
    init_coroutine_wrapper(vm);
    vm.types.coroutine->slots.next = gen_next_slot;
    Type* ag = vm.types.async_generator;
    def_method(vm, ag, "__aiter__", [](VM&, Args a) { return a[0]; });
    def_method(vm, ag, "__anext__", m_anext);
    def_method(vm, ag, "asend", m_asend);
    def_method(vm, ag, "athrow", m_athrow);
    def_method(vm, ag, "aclose", m_aclose);
    for (Type* t : {vm.types.async_gen_asend, vm.types.async_gen_athrow}) {
        t->slots.iter = [](VM&, const Value& s) { return s; };
        t->slots.next = agenop_next;
        t->slots.new_ = nullptr;
        def_method(vm, t, "send", agenop_send);
        def_method(vm, t, "throw", agenop_throw);
        def_method(vm, t, "close", agenop_close);
        def_method(vm, t, "__await__", [](VM&, Args a) { return a[0]; });
    }
    vm.types.frame->slots.getattr = frame_getattr;
    vm.types.frame->slots.repr = frame_repr;
}

}  // namespace ll::vm
