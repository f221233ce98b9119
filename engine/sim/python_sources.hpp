// The Python files of engine/sim (threading, concurrent.futures, looplab), embedded at build time
// (cmake/embed_python.cmake generates the table from engine/sim/python/**/*.py), in the same
// table form as the asyncio prelude.
#pragma once

#include <span>

#include "engine/aio/prelude_sources.hpp"

namespace ll::sim {

std::span<const aio::PreludeModule> python_modules();

}  // namespace ll::sim
