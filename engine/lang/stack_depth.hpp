// The value stack's depth: each instruction's net effect on it, and the deepest it gets on any
// path through a code object (what a frame must have room for).
#pragma once

#include <cstdint>

#include "engine/lang/code.hpp"

namespace ll::lang {

// The net change an instruction makes to the stack depth when it falls through to the next.
int stack_effect(Op op, std::uint32_t arg);

// The deepest stack on any path from the first instruction, jumps and exception handlers
// included; -1 if two paths reach an instruction with different depths (a compiler bug).
// `all_reached`, if given, tells whether every instruction is on some path (no dead code).
int flow_max_depth(const CodeObject& co, bool* all_reached = nullptr);

}  // namespace ll::lang
