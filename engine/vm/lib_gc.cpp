// The gc module: collect() runs the cycle collector (gc.cpp); enable/disable/isenabled switch
// the automatic collections the interpreter starts as objects accumulate; garbage is CPython's
// list of uncollectable objects, always empty here (every cycle can be broken).
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/gc.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

namespace {

Value gc_collect(VM& vm, Args a) {
    if (a.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "collect() takes at most 1 argument ({} given)", a.size());
    Value gen = a.size() == 1 ? a[0] : Value();
    for (std::uint32_t i = 0; i < a.kwcount; ++i) {
        if (a.kwname(i) != "generation" || gen)
            return raise_fmt(vm, vm.exc.TypeError, "collect() got an unexpected keyword argument '{}'", a.kwname(i));
        gen = a.kwvalues[i];
    }
    if (gen) {
        std::int64_t g = 0;
        if (!index_int64(vm, gen, g)) return {};
        if (g < 0 || g > 2) return raise(vm, vm.exc.ValueError, "invalid generation");
    }
    return Value::integer(static_cast<std::int64_t>(collect_cycles(vm)));
}

Value gc_enable(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "gc.enable") || !check_none(vm, a.size(), "gc.enable")) return {};
    lib_state(vm).gc_enabled = true;
    return Value::none();
}

Value gc_disable(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "gc.disable") || !check_none(vm, a.size(), "gc.disable")) return {};
    lib_state(vm).gc_enabled = false;
    return Value::none();
}

Value gc_isenabled(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "gc.isenabled") || !check_none(vm, a.size(), "gc.isenabled")) return {};
    return Value::boolean(lib_state(vm).gc_enabled);
}

}  // namespace

bool init_gc(VM& vm, Module* m) {
    def_function(vm, m, "collect", gc_collect);
    def_function(vm, m, "enable", gc_enable);
    def_function(vm, m, "disable", gc_disable);
    def_function(vm, m, "isenabled", gc_isenabled);
    def_value(vm, m, "garbage", new_list(vm));
    return true;
}

}  // namespace ll::vm::lib
