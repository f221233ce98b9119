// What the prelude and the session ask about code: coroutine reprs, the calling stack without
// prelude frames, where a function was defined.
#pragma once

#include <string>

#include "engine/vm/vm.hpp"

namespace ll::aio {

// CPython's _format_coroutine: "main() running at /p.py:5" or "main() done, defined at /p.py:4".
std::string coro_repr(vm::VM& vm, const vm::Value& coro);

// The innermost frame of the running stack that is not prelude code (nullptr: none).
vm::Frame* innermost_user_frame(vm::VM& vm);

// Line `line` (1-based) of a code object's source, stripped; empty when unknown.
std::string source_line(const vm::Frame* frame, int line);

}  // namespace ll::aio
