// Python exception objects, the built-in exception class hierarchy, and tracebacks.
#pragma once

#include <string>

#include "engine/vm/object.hpp"

namespace ll::vm {

struct Frame;

// One traceback entry (CPython's traceback object): a frame and the instruction it was at.
struct Traceback : Object {
    Traceback(Type* t, Value f, std::uint32_t lasti_, Value nxt) : Object(t), frame(std::move(f)), lasti(lasti_), next(std::move(nxt)) {}
    Value frame;          // Frame (kept alive like CPython: its locals stay alive too)
    std::uint32_t lasti;  // instruction index, or kAtEntry
    Value next;           // Traceback or null (towards the frame that raised)
    // Raised before the frame's first instruction: throw() into a generator or coroutine that
    // never started (a task cancelled before its first step). CPython shows the def line (its
    // RETURN_GENERATOR), which is co_firstlineno.
    static constexpr std::uint32_t kAtEntry = 0xFFFFFFFFu;
    int line() const;  // the line this entry shows
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// An instance of BaseException or a subclass (user subclasses share this layout).
struct ExceptionObject : PlainInstance {
    explicit ExceptionObject(Type* t) : PlainInstance(t) {}
    Value args;        // Tuple
    Value cause;       // __cause__ or null (None)
    Value context;     // __context__ or null
    Value traceback;   // Traceback or null
    Value notes;       // __notes__ list or null
    bool suppress_context = false;
    // ExceptionGroup: the message and the tuple of exceptions. StopIteration: value.
    Value eg_message;
    Value eg_exceptions;
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// The built-in exception classes (one per VM).
struct ExceptionTypes {
#define LL_EXC(name, base) Type* name = nullptr;
#include "engine/vm/exceptions.def"
};

}  // namespace ll::vm
