// The VM: one Python interpreter instance (heap, built-in types, modules, the running thread)
// and the extension API natives use: making objects, raising, calling back into Python,
// registering built-ins and modules. See engine/vm/README.md for the guide.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "engine/vm/exceptions.hpp"
#include "engine/vm/frame.hpp"
#include "engine/vm/function.hpp"
#include "engine/vm/object.hpp"

namespace ll::lang {
struct CompileOptions;  // engine/lang/scope.hpp
}

namespace ll::vm {

// Every live object of a VM, so teardown can free cycles; also the memory accounting. The
// objects come from the heap's own pool (heap.cpp), which is how it finds them all.
struct HeapStore;
class Heap {
public:
    void added(Object* o);    // an object's constructor: it is this VM's now
    void removed(Object* o);  // its destructor
    void free_all();          // teardown: destroys every object, cycles included
    std::size_t live_objects() const { return count_; }
    // Every live object, in no particular order (see Object::seq), for the collector. It may not
    // run while objects are made or freed.
    void visit_objects(void (*fn)(Object*, void*), void* arg);
    HeapStore& store();
    std::size_t bytes = 0;          // bytes currently allocated by objects (approximate)
    std::size_t byte_limit = 0;     // 0: unlimited; beyond allocated_bytes() > byte_limit the VM raises MemoryError
    bool tearing_down = false;
    // Automatic cycle collection (gc.cpp) starts at a Python call once this many objects live.
    std::size_t collect_at = 100000;

private:
    std::vector<Object*> objects();  // the same, listed (teardown destroys them after the walk)
    HeapStore* store_ = nullptr;
    std::size_t count_ = 0;
    std::uint64_t next_seq_ = 0;
};

// The built-in classes (one per VM; instances point at them).
struct BuiltinTypes {
    Type *object = nullptr, *type = nullptr, *none = nullptr, *not_implemented = nullptr,
         *ellipsis = nullptr, *bool_ = nullptr, *int_ = nullptr, *float_ = nullptr, *str = nullptr,
         *tuple = nullptr, *list = nullptr, *dict = nullptr, *set = nullptr, *frozenset = nullptr,
         *range = nullptr, *slice = nullptr, *function = nullptr, *builtin_function = nullptr,
         *method = nullptr, *cell = nullptr, *code = nullptr, *frame = nullptr,
         *traceback = nullptr, *generator = nullptr, *coroutine = nullptr,
         *async_generator = nullptr, *module = nullptr, *property = nullptr,
         *staticmethod = nullptr, *classmethod = nullptr, *getset = nullptr, *super = nullptr,
         *member_descriptor = nullptr,
         // iterators and views
         *list_iterator = nullptr, *tuple_iterator = nullptr, *str_iterator = nullptr,
         *range_iterator = nullptr, *dict_keys = nullptr, *dict_values = nullptr,
         *dict_items = nullptr, *dict_keyiterator = nullptr, *dict_valueiterator = nullptr,
         *dict_itemiterator = nullptr, *set_iterator = nullptr, *seq_iterator = nullptr,
         *callable_iterator = nullptr, *coroutine_wrapper = nullptr,
         *async_gen_asend = nullptr, *async_gen_athrow = nullptr;
};

// Instruction budget for run(). Decremented on backward jumps and calls.
struct Budget {
    std::int64_t remaining = INT64_MAX;
    bool stop_on_line_change = false;  // line-step mode: stop when the running frame's line changes
    bool pausing = false;  // `remaining` was zeroed by the embedder to pause, not spent by the program
    // Set by a native that blocked a simulated thread (engine/sim): the frame pauses right after
    // that native call returns, before the next instruction, so nothing runs while it is blocked.
    bool yield_now = false;
};

enum class Exit { Returned, Yielded, Raised, OutOfBudget };

// The Python thread of execution (one for now; simulated threads may add more).
struct Thread {
    Frame* frame = nullptr;        // innermost executing frame
    Value exc;                     // the exception being raised (propagating), or null
    ExcStateNode base_exc_state;   // bottom of the handled-exception stack
    ExcStateNode* exc_info = &base_exc_state;  // top: sys.exc_info()
    // The entries below the top, innermost last: a running generator's entry is pushed over
    // the one that was on top (generators resume and suspend in stack order).
    std::vector<ExcStateNode*> exc_outer;
    int depth = 0;                 // Python frames on the stack (recursion limit)
    int native_depth = 0;          // nested run() calls from natives (no suspension allowed)
};

// What a native module's init function gets: fill the module's namespace.
using ModuleInit = bool (*)(VM& vm, Module* module);

class VM {
public:
    VM();
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    Heap heap;
    BuiltinTypes types;
    ExceptionTypes exc;
    Thread thread;

    // Singletons (allocated once per VM).
    Value none_value() const { return Value::none(); }
    Value not_implemented;  // NotImplemented
    Value ellipsis;         // Ellipsis
    Value empty_tuple;
    Value empty_str;

    Value builtins;   // Dict: the builtins module's namespace
    Value modules;    // Dict: sys.modules
    Value main_module;

    // Limits for untrusted code.
    int recursion_limit = 1000;
    Budget* current_budget = nullptr;  // the budget of the outermost run(); nested runs share it
    bool budget_exhausted = false;     // a nested run ran out: unwind everything, no handlers
    // sys.set_coroutine_origin_tracking_depth: frames recorded for each new coroutine (asyncio's
    // debug mode sets 10), shown by "coroutine ... was never awaited"; 0 records nothing.
    int coroutine_origin_depth = 0;
    // The origins recorded: a coroutine's (filename, lineno, name, source line or None) tuples,
    // innermost first, dropped when the coroutine goes.
    std::unordered_map<const Generator*, ObjRef> coroutine_origins;
    // `await x` where x's type has this native as its __await__ (asyncio's Future, engine/aio):
    // x itself stays on the awaiting frame's stack, and no iterator object is made for it (each
    // waiting task would keep one). SEND steps it with direct_await_send, as the iterator would;
    // direct_await_iter makes that iterator when Python code asks to see it (cr_await).
    NativeFn direct_await = nullptr;
    Str* direct_await_name = nullptr;  // "__await__", interned
    Value (*direct_await_send)(VM& vm, const Value& awaited, bool& returned) = nullptr;
    Value (*direct_await_iter)(VM& vm, const Value& awaited) = nullptr;
    // "__lt__" ... "__ge__" interned, by CompareOp (filled on first use, see type.cpp).
    Str* compare_names[6] = {};
    // Frame::paused_top() of the entry frames a run stopped early.
    std::unordered_map<const Frame*, Frame*> paused_tops;
    // The __name__ and __qualname__ of the generators that have their own (Generator::own_names).
    std::unordered_map<const Generator*, std::pair<Value, Value>> generator_names;
    // The dicts of slotted instances that have one (Instance::side_dict).
    std::unordered_map<const Instance*, ObjRef> instance_dicts;

    // Steps (calls and backward jumps: what a Budget counts) since the VM started. When `steps`
    // reaches `step_alarm`, the interpreter calls `step_hook` at that safe point (engine/sim's CPU
    // cost model and GIL switches); false from the hook means it raised.
    std::int64_t steps = 0;
    std::int64_t step_alarm = INT64_MAX;
    bool (*step_hook)(VM& vm) = nullptr;

    // Output: print() and tracebacks go through these (the CLI buffers stdout).
    std::function<void(std::string_view)> write_stdout;
    std::function<void(std::string_view)> write_stderr;

    // --- strings
    Str* intern(std::string_view s);             // borrowed: the intern table keeps it alive
    Value str(std::string s);                    // new str value

    // --- modules
    void register_native_module(std::string name, ModuleInit init);
    // A module written in Python and compiled from source on first import (the asyncio prelude).
    void register_source_module(std::string name, std::string filename, std::string source);
    // `import name`: an already-imported module, or load it; null + ModuleNotFoundError otherwise.
    Value import_module(std::string_view name);

    // --- running code
    // Compiles and runs `source` as __main__ (or the given module name). Returns the module, or
    // null with the exception set (a SyntaxError is raised as a Python SyntaxError).
    Value run_source(std::string_view source, std::string filename, std::string_view module_name = "__main__");

    // The warnings machinery's hook (warnings.warn / coroutine never awaited): prints
    // "file:line: Category: message" once per (text, category, location) like CPython.
    void warn(Type* category, std::string message, int stacklevel = 1);
    void warn_explicit(Type* category, std::string message, std::string filename, int lineno, std::string source_line);

    struct NativeModuleEntry {
        ModuleInit init = nullptr;
        std::string filename, source;  // for source modules
    };
    std::unordered_map<std::string, NativeModuleEntry> module_registry;
    std::unordered_map<std::string, Value> interned;  // text -> Str
    struct InternCacheEntry {
        const char* ptr = nullptr;
        std::size_t len = 0;
        Str* str = nullptr;
    };
    InternCacheEntry intern_cache[256];  // by the caller's buffer address: literals hit every time
    std::vector<std::string> warnings_seen;            // "once per location" registry

    // Type attribute lookup cache (Type::lookup): entries are valid for one generation; any change
    // to any type's dict bumps it (type_modified()).
    struct AttrCacheEntry {
        const Type* type = nullptr;
        const Str* name = nullptr;
        std::uint64_t generation = 0;
        Value value;  // null: "not found"
        // Where this name was last found in an instance's own dict (entries() position): the
        // instances of one class usually store their attributes in the same order, so the next
        // instance most likely has it at the same place (checked, never trusted).
        std::int32_t dict_hint = -1;
    };
    static constexpr std::size_t kAttrCacheSize = 4096;
    std::unique_ptr<AttrCacheEntry[]> attr_cache{new AttrCacheEntry[kAttrCacheSize]};
    std::uint64_t type_generation = 1;

    // Frame chain helpers for natives that need the running Python frame (super(), warnings).
    Frame* current_frame() const { return thread.frame; }
};

// Bytes currently allocated by the whole process through operator new (the memory cap's meter).
std::size_t allocated_bytes();

// The VM a thread is currently using (set by VM's constructor; one active VM per thread).
// Inline: the interpreter's hot paths (type_of, dict keys, object headers) ask for it constantly.
namespace detail {
extern constinit thread_local VM* tl_vm;
}
inline VM& current_vm() { return *detail::tl_vm; }
void set_current_vm(VM* vm);

// ------------------------------------------------------------------------------------------
// Making objects (each returns a new reference)
// ------------------------------------------------------------------------------------------
Value new_str(VM& vm, std::string s);
Value new_int(VM& vm, base::BigInt v);       // normalises to an inline int when it fits
Value new_tuple(VM& vm, std::vector<Value> items);
Value new_tuple(VM& vm, std::span<const Value> items);
Value new_tuple(VM& vm, std::initializer_list<Value> items);
Value new_list(VM& vm, std::vector<Value> items = {});
Value new_dict(VM& vm);
Value new_set(VM& vm, bool frozen = false);
Value new_cell(VM& vm, Value v);
Value new_builtin_function(VM& vm, std::string name, NativeFn fn, Value self = {});
// Call after changing a type's dict directly (not needed after def_* or setattr on the class).
inline void type_modified(VM& vm) { ++vm.type_generation; }
// A new class: name, base (object when null), namespace dict (or null for empty).
// Runs __set_name__ hooks and the base's __init_subclass__ (with `kwargs`), as type() does.
Value new_class(VM& vm, std::string name, Type* base, Value ns = {}, std::string module = "builtins", Args kwargs = {});

// ------------------------------------------------------------------------------------------
// Defining built-ins
// ------------------------------------------------------------------------------------------
// A method of a built-in type: `fn` gets self as args[0].
void def_method(VM& vm, Type* type, std::string_view name, NativeFn fn);
// A static/class-level callable on a type (e.g. dict.fromkeys, int.from_bytes): args[0] is the class.
void def_classmethod(VM& vm, Type* type, std::string_view name, NativeFn fn);
void def_staticmethod(VM& vm, Type* type, std::string_view name, NativeFn fn);
void def_getset(VM& vm, Type* type, std::string_view name, GetterFn get, SetterFn set = nullptr);
// A function in a module (or in builtins: pass vm.builtins.as<Dict>()).
void def_function(VM& vm, Dict* ns, std::string_view name, NativeFn fn);
void def_function(VM& vm, Module* module, std::string_view name, NativeFn fn);
void def_value(VM& vm, Module* module, std::string_view name, Value v);

// ------------------------------------------------------------------------------------------
// Raising and inspecting exceptions. Raising functions return a null Value so natives can write
// `return raise(vm, vm.exc.TypeError, "...");`
// ------------------------------------------------------------------------------------------
Value raise(VM& vm, Type* type, std::string message);
template <class... A>
Value raise_fmt(VM& vm, Type* type, fmt::format_string<A...> f, A&&... a) {
    return raise(vm, type, fmt::format(f, std::forward<A>(a)...));
}
Value raise_value(VM& vm, Value exc);          // an exception instance or class
Value raise_with_args(VM& vm, Type* type, std::vector<Value> args);  // e.g. KeyError(key)
bool has_error(VM& vm);
bool error_matches(VM& vm, Type* type);       // the pending exception is an instance of type
Value take_error(VM& vm);                      // fetch and clear
void clear_error(VM& vm);
Value make_exception(VM& vm, Type* type, std::vector<Value> args);
Value raise_from_base(VM& vm, const base::Error& e);  // base::Result errors by type name
Value no_memory(VM& vm);

// ------------------------------------------------------------------------------------------
// Calling Python from native code. May run arbitrary Python (nested run()); a generator or
// coroutine cannot suspend across this boundary (RuntimeError). Null on error.
// ------------------------------------------------------------------------------------------
Value call(VM& vm, const Value& callable, Args args);
Value call(VM& vm, const Value& callable, std::initializer_list<Value> args);
Value call_method(VM& vm, const Value& self, std::string_view name, std::initializer_list<Value> args);

// ------------------------------------------------------------------------------------------
// The interpreter (interp.cpp)
// ------------------------------------------------------------------------------------------
// Runs the thread until its entry frame returns/yields/raises or the budget runs out. `result`
// receives the return or yielded value; on Raised the exception is vm.thread.exc.
Exit run(VM& vm, Frame* entry, Budget& budget, Value& result);
// The same, resuming a paused chain: `start` is the top frame (entry->paused_top after a pause),
// and `throwing` resumes it with vm.thread.exc raised at its current instruction.
Exit run_frames(VM& vm, Frame* entry, Frame* start, Budget& budget, Value& result, bool throwing);

// Generator/coroutine protocol (generator.cpp). `send` with a null value = first next().
// Returns Returned (result: the return value), Yielded (result: yielded value), Raised, or
// OutOfBudget (resume by calling gen_resume again with the same budget).
Exit gen_send(VM& vm, Generator* gen, Value value, Budget& budget, Value& result);
Exit gen_throw(VM& vm, Generator* gen, Value exc, Budget& budget, Value& result);
Exit gen_resume(VM& vm, Generator* gen, Budget& budget, Value& result);  // after OutOfBudget
bool gen_close(VM& vm, Generator* gen);  // false: error
Value gen_name(VM& vm, Generator* gen);      // __name__ (a str)
Value gen_qualname(VM& vm, Generator* gen);  // __qualname__ (a str)

// Compiles `source` as __main__ and leaves its module frame in `frame_out`, not yet run, so the
// driver (CLI, session, tests) runs it with its own budget and can resume it. Returns the module,
// or null with the SyntaxError raised.
Value compile_main(VM& vm, std::string_view source, const std::string& filename, Value& frame_out,
                   std::string_view module_name = "__main__");

// Compiles `source` with `options` (engine/lang/scope.hpp) into a function of no arguments whose
// code runs in `module`'s namespace, as exec(code, module.__dict__) would: a notebook cell.
// Calling it runs the code, or, when top-level await made it a coroutine, returns the coroutine.
// Null with the SyntaxError raised on failure; SyntaxWarnings are emitted as for a module.
Value compile_in_module(VM& vm, std::string_view source, const std::string& filename,
                        const lang::CompileOptions& options, const Value& module);

// Prints an uncaught exception the way CPython does ("Traceback (most recent call last): ...").
std::string format_exception(VM& vm, const Value& exc);
void print_exception(VM& vm, const Value& exc);  // to vm.write_stderr

}  // namespace ll::vm
