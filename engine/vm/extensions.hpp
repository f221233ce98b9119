// The two hooks through which the built-ins and library modules written in builtins_*.cpp and
// lib_*.cpp are installed into a fresh VM (called once by the VM constructor, in this order).
#pragma once

namespace ll::vm {

class VM;

// Defined in builtins_registry.cpp: methods of built-in types and extra builtins functions.
void register_builtins_ext(VM& vm);
// Defined in lib_registry.cpp: native and embedded-source modules (vm.register_*_module).
void register_lib_modules(VM& vm);

}  // namespace ll::vm
