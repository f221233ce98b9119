// ll::aio::install: the one call that gives a VM `import asyncio` (the embedded prelude) and
// `_looplab`, and routes time.sleep's clock moves into the trace.
#include "engine/aio/aio.hpp"
#include "engine/aio/aio_state.hpp"
#include "engine/aio/prelude_sources.hpp"
#include "engine/aio/relative_imports.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::aio {

void install(vm::VM& vm) {
    reset_aio_state(vm);
    for (const PreludeModule& m : prelude_modules()) {
        // Stopgap: engine/vm has no relative imports yet, so the package's are made absolute.
        std::string name = m.name;
        std::string package = m.is_package ? name : name.substr(0, name.rfind('.'));
        std::string source = name.find('.') == std::string::npos && !m.is_package
                                 ? std::string(m.source)
                                 : absolutize_relative_imports(m.source, package);
        vm.register_source_module(name, m.filename, std::move(source));
    }
    vm.register_native_module("_looplab", init_looplab_module);
    // A blocking time.sleep(x) froze the loop for x seconds: the trace shows the clock jump.
    vm::lib::lib_state(vm).on_blocking_sleep = [](vm::VM& v, double seconds) {
        if (EventSink* sink = aio_state(v).sink) {
            double now = vm::virtual_clock(v);
            sink->on_clock(v, now - seconds, now, true);
        }
        return true;
    };
}

}  // namespace ll::aio
