// The `_looplab` native module: everything the asyncio prelude cannot write in Python (the
// virtual clock, stderr, tracebacks, introspection, weak sets, async-generator hooks, warnings)
// and the `event` trace hook. Specified in engine/aio/prelude/README.md; the executable spec is
// tests/aio_prelude/shim/_looplab.py.
#include "engine/aio/aio_state.hpp"
#include "engine/aio/introspect.hpp"
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/exceptions.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

// Where the prelude says CPython's stdlib lives, in reprs ("cb=[... at <LIB>/asyncio/...]").
constexpr const char* kLib = "<LIB>";
constexpr const char* kDeadlockMessage =
    "oracle: deadlock: the event loop is idle with no timers and nothing else can wake it\n";

Value module_attr(VM& vm, std::string_view name) {
    Value mod = vm.modules.as<Dict>()->get("_looplab");
    if (!mod || !is_type(mod, vm.types.module)) return {};
    return mod.as<Module>()->globals()->get(name);
}

bool arity(VM& vm, const Args& a, std::string_view name, std::size_t lo, std::size_t hi) {
    return lib::no_kwargs(vm, a, name) && lib::check_range(vm, a.size(), name, lo, hi);
}

// --- the clock

Value m_clock(VM& vm, Args a) {
    if (!arity(vm, a, "clock", 0, 0)) return {};
    if (auto& sync = lib::lib_state(vm).sync_clock) sync(vm);
    return Value::number(virtual_clock(vm));
}

Value m_advance_to(VM& vm, Args a) {
    if (!arity(vm, a, "advance_to", 1, 1)) return {};
    double when;
    if (!to_double(vm, a[0], when)) return {};
    double& clock = virtual_clock(vm);
    if (when > clock) {
        double old = clock;
        clock = when;
        if (EventSink* sink = aio_state(vm).sink) sink->on_clock(vm, old, when, false);
    }
    return Value::none();
}

Value m_deadlock(VM& vm, Args a) {
    if (!arity(vm, a, "deadlock", 1, 1)) return {};
    vm.write_stderr(kDeadlockMessage);
    aio_state(vm).deadlocked = true;
    // End the run: no handler or finally block may run (the oracle calls os._exit(3)).
    vm.budget_exhausted = true;
    return raise_with_args(vm, vm.exc.SystemExit, {Value::integer(3)});
}

// --- output

Value m_stderr(VM& vm, Args a) {
    if (!arity(vm, a, "stderr", 1, 1)) return {};
    if (!is_str(a[0])) return raise_fmt(vm, vm.exc.TypeError, "stderr() argument must be str, not {}", type_name(a[0]));
    vm.write_stderr(str_view(a[0]));
    return Value::none();
}

Value m_format_exception(VM& vm, Args a) {
    if (!arity(vm, a, "format_exception", 1, 1)) return {};
    if (!is_exception(a[0])) return raise(vm, vm.exc.TypeError, "format_exception() expects an exception");
    return new_str(vm, format_exception(vm, a[0]));
}

Value m_warn(VM& vm, Args a) {
    if (!arity(vm, a, "warn", 2, 2)) return {};
    if (!is_str(a[0]) || !is_type_object(a[1]) || !a[1].as<Type>()->is_subtype(vm.exc.Warning))
        return raise(vm, vm.exc.TypeError, "warn(message: str, category: Warning subclass)");
    Type* category = a[1].as<Type>();
    std::string message(str_view(a[0]));
    Frame* f = innermost_user_frame(vm);
    if (!f) {
        vm.warn(category, message, 1);
        return has_error(vm) ? Value() : Value::none();
    }
    // CPython's default filters: DeprecationWarning shows only when raised from __main__;
    // PendingDeprecationWarning, ImportWarning and ResourceWarning never show.
    if (category->is_subtype(vm.exc.PendingDeprecationWarning) || category->is_subtype(vm.exc.ImportWarning) ||
        category->is_subtype(vm.exc.ResourceWarning))
        return Value::none();
    if (category->is_subtype(vm.exc.DeprecationWarning)) {
        Dict* globals = f->globals();
        Value name = globals ? globals->get("__name__") : Value();
        if (!name || !is_str(name) || str_view(name) != "__main__") return Value::none();
    }
    int line = f->line();
    vm.warn_explicit(category, message, f->code_obj()->co->filename, line, source_line(f, line));
    return has_error(vm) ? Value() : Value::none();
}

// --- introspection

bool has_method(Type* t, std::string_view name) { return static_cast<bool>(t->lookup(name)); }

Value m_is_coroutine(VM& vm, Args a) {
    if (!arity(vm, a, "is_coroutine", 1, 1)) return {};
    Type* t = type_of(a[0]);
    if (t == vm.types.coroutine) return Value::boolean(true);
    // collections.abc.Coroutine's subclass hook: the four coroutine methods make a coroutine.
    bool like = t != vm.types.generator && has_method(t, "__await__") && has_method(t, "send") &&
                has_method(t, "throw") && has_method(t, "close");
    return Value::boolean(like);
}

bool is_partial_value(const Value& f) {
    Type* t = type_of(f);
    return t->name == "partial" && t->module == "functools";
}

bool coroutine_function(VM& vm, Value f) {
    for (int guard = 0; guard < 100; ++guard) {
        Type* t = type_of(f);
        if (t == vm.types.function) return (f.as<Function>()->code_obj()->co->flags & lang::kCoCoroutine) != 0;
        if (t == vm.types.method) {
            f = f.as<BoundMethod>()->func;
            continue;
        }
        if (is_partial_value(f)) {
            Value inner = get_attr_opt(vm, f, "func");
            if (has_error(vm)) clear_error(vm);
            if (!inner) return false;
            f = inner;
            continue;
        }
        return false;
    }
    return false;
}

Value m_is_coroutine_function(VM& vm, Args a) {
    if (!arity(vm, a, "is_coroutine_function", 1, 1)) return {};
    return Value::boolean(coroutine_function(vm, a[0]));
}

Value m_is_partial(VM& vm, Args a) {
    if (!arity(vm, a, "is_partial", 1, 1)) return {};
    return Value::boolean(is_partial_value(a[0]));
}

Value m_function_source(VM& vm, Args a) {
    if (!arity(vm, a, "function_source", 1, 1)) return {};
    Value f = a[0];
    // inspect.unwrap: follow __wrapped__ (set by functools.wraps).
    for (int guard = 0; guard < 100; ++guard) {
        if (type_of(f) != vm.types.function) break;
        Value inner = get_attr_opt(vm, f, "__wrapped__");
        if (has_error(vm)) clear_error(vm);
        if (!inner) break;
        f = inner;
    }
    if (type_of(f) != vm.types.function) return Value::none();
    const auto& co = *f.as<Function>()->code_obj()->co;
    return new_tuple(vm, {new_str(vm, co.filename), Value::integer(co.firstlineno),
                          Value::boolean(is_prelude_filename(co.filename))});
}

Value m_coro_repr(VM& vm, Args a) {
    if (!arity(vm, a, "coro_repr", 1, 1)) return {};
    return new_str(vm, coro_repr(vm, a[0]));
}

Value m_extract_stack(VM& vm, Args a) {
    if (!arity(vm, a, "extract_stack", 0, 0)) return {};
    std::vector<Value> frames;
    for (Frame* f = vm.thread.frame; f; f = f->back) {
        const auto& co = *f->code_obj()->co;
        if (is_prelude_filename(co.filename) || (co.flags & lang::kCoHiddenFrame)) continue;
        int line = f->line();
        std::string text = source_line(f, line);
        frames.push_back(new_tuple(vm, {new_str(vm, co.filename), Value::integer(line), new_str(vm, co.name),
                                        text.empty() ? Value::none() : new_str(vm, text)}));
    }
    std::reverse(frames.begin(), frames.end());
    return new_list(vm, std::move(frames));
}

// The source line a frame is at (what linecache.getline gives for f_lineno), "" if unknown.
Value m_frame_source(VM& vm, Args a) {
    if (!arity(vm, a, "frame_source", 1, 1)) return {};
    if (!is_type(a[0], vm.types.frame)) return raise_fmt(vm, vm.exc.TypeError, "frame_source() expects a frame, not {}", type_name(a[0]));
    Frame* f = a[0].as<Frame>();
    Value line = get_attr(vm, a[0], "f_lineno");
    if (!line) return {};
    return new_str(vm, source_line(f, static_cast<int>(line.as_int())));
}

Value m_set_coroutine_origin_tracking(VM& vm, Args a) {
    if (!arity(vm, a, "set_coroutine_origin_tracking", 1, 1)) return {};
    int on = truthy(vm, a[0]);
    if (on < 0) return {};
    AioState& st = aio_state(vm);
    // asyncio sets depth 10 (constants.DEBUG_STACK_DEPTH), then puts back what was there.
    if (on && !st.origin_tracking) st.saved_origin_depth = vm.coroutine_origin_depth;
    vm.coroutine_origin_depth = on ? 10 : st.saved_origin_depth;
    st.origin_tracking = on != 0;
    return Value::none();
}

Value m_debug_default(VM& vm, Args a) {
    if (!arity(vm, a, "debug_default", 0, 0)) return {};
    return Value::boolean(false);
}

// --- exceptions and lifetime

Value m_forget_caller_frame(VM& vm, Args a) {
    if (!arity(vm, a, "forget_caller_frame", 1, 1)) return {};
    if (!is_exception(a[0])) return Value::none();
    auto* e = a[0].as<ExceptionObject>();
    if (e->traceback && is_type(e->traceback, vm.types.traceback)) {
        Value next = e->traceback.as<Traceback>()->next;
        e->traceback = next;
    }
    return Value::none();
}

// --- async generator hooks (kept in the module, so the VM owns the references)

Value m_get_asyncgen_hooks(VM& vm, Args a) {
    if (!arity(vm, a, "get_asyncgen_hooks", 0, 0)) return {};
    Value hooks = module_attr(vm, "_asyncgen_hooks");
    if (hooks && is_tuple(hooks)) return hooks;
    return new_tuple(vm, {Value::none(), Value::none()});
}

Value m_set_asyncgen_hooks(VM& vm, Args a) {
    if (!arity(vm, a, "set_asyncgen_hooks", 2, 2)) return {};
    for (std::size_t i = 0; i < 2; ++i)
        if (!a[i].is_none() && !is_callable(a[i]))
            return raise_fmt(vm, vm.exc.TypeError, "callable {} expected, got {}", i == 0 ? "firstiter" : "finalizer", type_name(a[i]));
    Value mod = vm.modules.as<Dict>()->get("_looplab");
    if (mod && is_type(mod, vm.types.module))
        mod.as<Module>()->globals()->set(vm, "_asyncgen_hooks", new_tuple(vm, {a[0], a[1]}));
    return Value::none();
}

// --- the trace hook

Value m_event(VM& vm, Args a) {
    if (a.size() < 1 || !is_str(a[0])) return raise(vm, vm.exc.TypeError, "event(kind: str, *details)");
    emit_event(vm, str_view(a[0]), a.skip(1));
    return has_error(vm) ? Value() : Value::none();
}

}  // namespace

void emit_event(VM& vm, std::string_view kind, Args details) {
    AioState& st = aio_state(vm);
    if (kind == "handle_run" || kind == "iteration_end") {
        // The previous handle is gone by now: whatever it alone kept alive dies here.
        collect_weak_sets(vm, false);
    } else if (kind == "handle_done" && details.size() > 0) {
        Value cb = handle_callback(vm, details[0]);
        if (cb && is_type(cb, vm.types.method)) {
            const Value& owner = cb.as<BoundMethod>()->self;
            if (owner.is_obj()) st.death_candidate = owner.obj();
        }
    }
    if (st.sink) st.sink->on_event(vm, kind, details);
    if (has_error(vm) && !vm.budget_exhausted) clear_error(vm);
}

bool init_looplab_module(VM& vm, Module* m) {
    AioState& st = aio_state(vm);
    if (!st.weak_set_type) st.weak_set_type = make_weak_set_type(vm);
    def_value(vm, m, "LIB", new_str(vm, kLib));
    def_value(vm, m, "WeakSet", Value::borrow(st.weak_set_type));
    def_value(vm, m, "_asyncgen_hooks", new_tuple(vm, {Value::none(), Value::none()}));
    def_function(vm, m, "clock", m_clock);
    def_function(vm, m, "advance_to", m_advance_to);
    def_function(vm, m, "deadlock", m_deadlock);
    def_function(vm, m, "stderr", m_stderr);
    def_function(vm, m, "format_exception", m_format_exception);
    def_function(vm, m, "warn", m_warn);
    def_function(vm, m, "is_coroutine", m_is_coroutine);
    def_function(vm, m, "is_coroutine_function", m_is_coroutine_function);
    def_function(vm, m, "is_partial", m_is_partial);
    def_function(vm, m, "function_source", m_function_source);
    def_function(vm, m, "coro_repr", m_coro_repr);
    def_function(vm, m, "extract_stack", m_extract_stack);
    def_function(vm, m, "frame_source", m_frame_source);
    def_function(vm, m, "set_coroutine_origin_tracking", m_set_coroutine_origin_tracking);
    def_function(vm, m, "debug_default", m_debug_default);
    def_function(vm, m, "forget_caller_frame", m_forget_caller_frame);
    def_function(vm, m, "get_asyncgen_hooks", m_get_asyncgen_hooks);
    def_function(vm, m, "set_asyncgen_hooks", m_set_asyncgen_hooks);
    def_function(vm, m, "event", m_event);
    init_future_iter(vm, m);
    init_sleep0(vm, m);
    init_handles(vm, m);
    return true;
}

}  // namespace ll::aio
