// The asyncio prelude's Python files, embedded at build time (cmake/embed_python.cmake
// generates the table from engine/aio/prelude/**/*.py).
#pragma once

#include <span>

namespace ll::aio {

struct PreludeModule {
    const char* name;      // "asyncio", "asyncio.tasks", "contextlib"
    const char* filename;  // "<asyncio>/tasks.py", "<contextlib>": library frames for tracebacks
    const char* source;
    bool is_package;       // asyncio/__init__.py: relative imports resolve against "asyncio"
};

std::span<const PreludeModule> prelude_modules();

}  // namespace ll::aio
