// Installs the library's built-in functions and the methods of the built-in types (builtins_*.cpp)
// into a fresh VM; called once by the VM constructor, after the core types and builtins exist.
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/extensions.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm {

void register_builtins_ext(VM& vm) {
    lib::reset_lib_state(vm);
    lib::init_builtin_functions(vm);
    lib::init_builtin_iterators(vm);
    lib::init_list_methods(vm);
    lib::init_str_methods(vm);
    lib::init_dict_methods(vm);
    lib::init_number_methods(vm);
    lib::init_set_methods(vm);
    lib::init_dunder_methods(vm);
}

}  // namespace ll::vm
