// The Python files of engine/sim (threading, concurrent.futures, looplab), embedded at build time
// (engine/sim/embed_python.cmake generates the table from engine/sim/python/**/*.py).
#pragma once

#include <span>

namespace ll::sim {

struct PythonModule {
    const char* name;      // "threading", "concurrent.futures"
    const char* filename;  // "<threading>", "<concurrent>/futures.py": library frames
    const char* source;
    bool is_package;
};

std::span<const PythonModule> python_modules();

}  // namespace ll::sim
