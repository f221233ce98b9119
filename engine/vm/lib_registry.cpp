// Registers the library modules (lib_*.cpp) with a fresh VM; each loads lazily at its first import.
#include "engine/vm/extensions.hpp"
#include "engine/vm/vm.hpp"

namespace ll::vm {

namespace lib {
bool init_heapq(VM& vm, Module* m);
bool init_random(VM& vm, Module* m);
bool init_math(VM& vm, Module* m);
bool init_time(VM& vm, Module* m);
bool init_sys(VM& vm, Module* m);
bool init_gc(VM& vm, Module* m);
void register_collections(VM& vm);
void register_itertools(VM& vm);
void register_functools(VM& vm);
void register_string(VM& vm);
}  // namespace lib

void register_lib_modules(VM& vm) {
    vm.register_native_module("heapq", lib::init_heapq);
    vm.register_native_module("random", lib::init_random);
    vm.register_native_module("math", lib::init_math);
    vm.register_native_module("time", lib::init_time);
    vm.register_native_module("sys", lib::init_sys);
    vm.register_native_module("gc", lib::init_gc);
    lib::register_collections(vm);
    lib::register_itertools(vm);
    lib::register_functools(vm);
    lib::register_string(vm);
}

}  // namespace ll::vm
