// Heap frames and generator-like objects. A Frame owns its code, pc, locals, cells and value
// stack, so suspending a generator or coroutine is just leaving its frame where it is.
#pragma once

#include <memory>
#include <new>
#include <string>
#include <vector>

#include "engine/vm/function.hpp"

namespace ll::vm {

struct Generator;

// The slot count a frame is allocated with: `new (FrameSlots{n}) Frame(type, code, n)`.
struct FrameSlots {
    std::size_t n;
};

// Aligned as a Value: the slots follow the frame directly (on wasm32 the pointers are 4 bytes).
struct alignas(alignof(Value)) Frame : Object {
    Frame(Type* t, Code* code, std::size_t nslots);
    ~Frame() override;
    // One block holds the frame and its slots: a call costs one allocation, not two. A destroying
    // delete: it reads nslots(), for the block's size, before the destructor runs.
    static void* operator new(std::size_t size, FrameSlots slots);
    static void operator delete(void* p, FrameSlots slots);  // only if the constructor throws
    static void operator delete(Frame* p, std::destroying_delete_t);

    // A suspended coroutine keeps its frame for as long as it waits, so a frame's size is part of
    // every waiting task's: the flags are bit-fields in the header's last two bytes (see
    // Object::seq), the slot count comes from the code, the references are ObjRefs (8 bytes, not
    // a Value's 16), and the globals are the function's (a module or class body keeps its
    // globals and namespace in two slots: see Code::has_namespace). 80 bytes in all.
    bool is_entry : 1 = false;      // RETURN here leaves run() (a native called into Python)
    bool executing : 1 = false;
    bool paused_before : 1 = false; // stopped by budget/line step: pc is the next instruction, line() is its line
    bool throw_pending : 1 = false; // a generator's throw() passes through here (interp.cpp's inline throw)
    // An inline __init__ call: the instance the class call returns waits on the caller's stack
    // (where the call's result goes), and RETURN leaves it there instead of pushing None.
    bool init_call : 1 = false;
    bool has_paused_top : 1 = false; // VM::paused_tops holds our paused_top()
    ObjRef code;        // Code
    ObjRef func;        // Function, or null for module bodies (the builtins are func's, or the VM's: see builtins_of)
    Frame* back = nullptr;      // caller while executing (not owned)
    Generator* owner = nullptr; // generator/coroutine owning this frame (not owned)
    std::uint32_t pc = 0;       // next instruction to execute
    std::uint32_t sp = 0;       // stack depth (stack() + sp is the top)
    int last_line = -1;         // for line-step mode

    Code* code_obj() const { return code.as<Code>(); }
    // The globals (a Dict): the function's, or a module or class body's own.
    Dict* globals() {
        Code* c = code_obj();
        return c->has_namespace ? slots()[c->stack_base - 2].as<Dict>() : func.as<Function>()->globals.as<Dict>();
    }
    // The namespace LOAD_NAME and STORE_NAME use (a mapping) in module and class bodies; null in
    // functions.
    const Value& locals() {
        Code* c = code_obj();
        return c->has_namespace ? slots()[c->stack_base - 1] : kNoLocals;
    }
    void set_namespace(Value globals, Value locals) {
        Code* c = code_obj();
        assert(c->has_namespace);
        slots()[c->stack_base - 2] = std::move(globals);
        slots()[c->stack_base - 1] = std::move(locals);
    }
    void set_locals(Value locals) {
        assert(code_obj()->has_namespace);
        slots()[code_obj()->stack_base - 1] = std::move(locals);
    }
    static const Value kNoLocals;
    // [locals][cells+free][globals, namespace: module and class bodies][stack], stored right
    // after the Frame.
    std::uint32_t nslots() const { return code_obj()->frame_slots; }
    // An entry frame: the innermost frame when run() stopped early (null: not paused). Rare, so
    // kept in a VM table rather than in every frame.
    Frame* paused_top() const;
    void set_paused_top(Frame* top);
    Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    Value* fast() { return slots(); }
    Value* cells() { return slots() + code_obj()->nlocals; }
    Value* stack() { return slots() + code_obj()->stack_base; }
    int line() const;  // current line (of the running or last instruction)
    void clear_stack();
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// Inline: every Python call makes a frame (make_call_frame in functions.cpp).
inline Frame::Frame(Type* t, Code* c, std::size_t n) : Object(t), code(ObjRef::borrow(c)) {
    assert(n == c->frame_slots);
    Value* s = slots();
    for (std::size_t i = 0; i < n; ++i) new (s + i) Value();
}

enum class GenKind : std::uint8_t { Generator, Coroutine, AsyncGenerator };
enum class GenState : std::uint8_t { Created, Suspended, Running, Closed };

// One entry of the handled-exception stack (sys.exc_info()): each generator has its own, so its
// `except` state survives suspension (CPython's _PyErr_StackItem). The entries below it are in
// Thread::exc_outer while it runs, not linked from here: every coroutine has one of these.
// An ObjRef (8 bytes): "none being handled" is null, never None.
struct ExcStateNode {
    ObjRef value;                   // the exception being handled here, or null
};

// Generator, coroutine and async generator objects (they own their frame).
struct Generator : Object {
    Generator(Type* t, GenKind k, Value f);
    ~Generator() override;
    // The kind, state and flags are bit-fields in the two bytes the header leaves free (see
    // Object::seq): with the frame and the exception state, a coroutine is 48 bytes.
    GenKind kind : 2;
    GenState state : 2 = GenState::Created;
    bool running_async : 1 = false;  // async generator: an asend/athrow is in progress
    // Async generator: aclose() was called, or it ended (CPython's ag_closed): athrow() and
    // aclose() give StopAsyncIteration, and destruction closes it without the loop's finalizer.
    bool ag_closed : 1 = false;
    bool hooks_called : 1 = false;
    bool last_yield_wrapped : 1 = false;  // async generator: the last yield was a value for asend
    bool frame_released : 1 = false;      // `frame` holds the Code: the generator finished
    // __name__ or __qualname__ differ from its code's (a renamed function made it, or they were
    // set): both are in VM::generator_names. Otherwise they are the code's, and cost no field.
    bool own_names : 1 = false;
    // An ObjRef, not a Value: every suspended task keeps two or more coroutines (see Frame).
    // The Frame while the generator can run. A finished generator lets its frame go and keeps
    // the Code it ran instead (gi_code, its names, the repr of a done task's coroutine): one
    // field for both keeps a coroutine small.
    ObjRef frame;
    ExcStateNode exc_state;
    // Where a coroutine was created while origin tracking was on (asyncio debug mode) is not a
    // field but in VM::coroutine_origins: a field would make every coroutine 16 bytes bigger.
    Frame* frame_obj() const { return frame_released || frame.is_null() ? nullptr : frame.as<Frame>(); }
    Code* code_obj() const;      // the code it runs or ran (null only once the collector cleared it)
    void release_frame();        // finished: drop the frame, keep its code
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// What the UI shows for one suspended frame of a task's bookmark.
struct FrameInfo {
    std::string function;   // co_qualname
    std::string filename;
    int line = 0;
    std::vector<std::pair<std::string, std::string>> locals;  // name, repr
};

// The chain of suspended frames of a coroutine: the coroutine's own frame, then whatever it
// awaits (another coroutine, a generator-based awaitable...), outermost first.
// A coroutine paused mid-run (a line step inside it) continues up to `innermost`, the paused
// frame on top of the thread's chain (the session's entry frame's paused_top).
std::vector<FrameInfo> frame_chain(VM& vm, const Value& coro, const Frame* innermost = nullptr);

}  // namespace ll::vm
