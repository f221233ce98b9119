// The cycle collector's entry point (gc.cpp); the `gc` module (lib_gc.cpp) calls it.
#pragma once

#include <cstddef>

#include "engine/vm/vm.hpp"

namespace ll::vm {

// Finds the objects only reference cycles keep alive, finalizes them and frees those not
// resurrected. Returns how many unreachable objects it found, counted as CPython counts them.
std::size_t collect_cycles(VM& vm);

}  // namespace ll::vm
