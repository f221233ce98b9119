// libFuzzer target over source text: lex -> parse -> scopes -> compile -> run with a small
// instruction budget and memory cap. Any crash, sanitizer report, hang or leak is a bug: hostile
// programs must only ever produce Python exceptions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/vm/vm.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ll;
    if (size > 4096) return 0;  // long inputs add time, not coverage
    std::string source(reinterpret_cast<const char*>(data), size);
    vm::VM vm;
    vm.write_stdout = [](std::string_view) {};
    vm.write_stderr = [](std::string_view) {};
    vm.heap.byte_limit = 64u << 20;
    vm.recursion_limit = 200;
    vm::Value frame;
    vm::Value module = vm::compile_main(vm, source, "/fuzz/input.py", frame);
    if (!module) {
        vm::Value exc = vm::take_error(vm);
        (void)vm::format_exception(vm, exc);  // rendering a SyntaxError must not crash either
        return 0;
    }
    vm::Budget budget;
    budget.remaining = 20000;
    vm::Value result;
    if (vm::run(vm, frame.as<vm::Frame>(), budget, result) == vm::Exit::Raised) {
        vm::Value exc = vm::take_error(vm);
        (void)vm::format_exception(vm, exc);
    }
    vm::clear_error(vm);
    return 0;
}
