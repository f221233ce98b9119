// `looplab run FILE.py` without a trace: the program runs straight through one VM frame and
// behaves like `python3 FILE.py` (stdout, traceback on stderr, exit status). The differential
// corpus compares this path with CPython byte for byte.
#include <cstdio>
#include <string>
#include <vector>

#include "engine/aio/aio.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/gc.hpp"
#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"
#include "tools/looplab/cli.hpp"

namespace ll::cli {

namespace {

// CPython's handling of an uncaught SystemExit: the exit status, and what it prints.
int system_exit_status(vm::VM& vm, const vm::Value& exc) {
    auto* eo = exc.as<vm::ExceptionObject>();
    auto& args = eo->args.as<vm::Tuple>()->items;
    vm::Value code = args.empty() ? vm::Value::none() : args.size() == 1 ? args[0] : eo->args;
    if (code.is_none()) return 0;
    std::int64_t n;
    if (vm::to_int64(code, n)) return static_cast<int>(n & 0xff);
    vm::Value s = vm::str(vm, code);
    if (s) vm.write_stderr(s.as<vm::Str>()->text + "\n");
    return 1;
}

// Interpreter shutdown: clear __main__'s globals the way CPython does, so finalizers run.
void clear_main(vm::VM& vm) {
    if (vm.main_module.is_null()) return;
    vm::Dict* d = vm.main_module.as<vm::Module>()->globals();
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<vm::Value> keys;
        for (auto& e : d->entries())
            if (!e.key.is_null() && vm::is_str(e.key)) keys.push_back(e.key);
        for (auto& k : keys) {
            const std::string& name = k.as<vm::Str>()->text;
            if (name == "__builtins__") continue;
            bool underscore = !name.empty() && name[0] == '_';
            if (pass == 0 && !(underscore && !(name.size() > 1 && name[1] == '_'))) continue;
            d->set(vm, k, vm::Value::none());
        }
    }
}

}  // namespace

int run_plain(const RunOptions& options) {
    std::string source;
    int status = 0;
    if (!read_program(options.file, source, status)) return status;
    std::string filename = absolute_path(options.file);
    std::string out_buffer;
    {
        vm::VM vm;
        aio::install(vm);  // asyncio and contextlib: the embedded prelude
        sim::install(vm);  // threading, concurrent.futures, looplab: simulated threads
        if (options.cpu_cost > 0) sim::set_cpu_cost(vm, options.cpu_cost);
        std::size_t memory_limit = options.memory_mb << 20;
        vm.heap.byte_limit = memory_limit ? vm::allocated_bytes() + memory_limit : 0;
        // stdout is buffered (as CPython's is into a pipe); stderr goes out at once.
        vm.write_stdout = [&](std::string_view s) {
            out_buffer.append(s);
            if (out_buffer.size() > (1u << 16)) {
                std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
                out_buffer.clear();
            }
        };
        vm.write_stderr = [&](std::string_view s) {
            std::fwrite(s.data(), 1, s.size(), stderr);
            std::fflush(stderr);
        };
        vm::Value frame;
        vm::Value mod = vm::compile_main(vm, source, filename, frame);
        if (!mod) {
            vm::Value exc = vm::take_error(vm);
            vm::print_exception(vm, exc);
            status = 1;
        } else {
            vm::Budget budget;
            budget.remaining = options.budget;
            vm::Value result;
            vm::Exit e = vm::run(vm, frame.as<vm::Frame>(), budget, result);
            // The end of the main program: an uncaught exception is printed first, then the main
            // thread waits for the threads still running (CPython's threading._shutdown).
            vm::Value main_exc;
            if (e == vm::Exit::Raised && !vm.budget_exhausted && !aio::deadlocked(vm)) {
                main_exc = vm::take_error(vm);
                if (!vm::type_of(main_exc)->is_subtype(vm.exc.SystemExit)) vm::print_exception(vm, main_exc);
            }
            if ((e == vm::Exit::Returned || main_exc) && !sim::finish_main(vm)) e = vm::Exit::Raised;
            else if (main_exc) {
                vm::clear_error(vm);
                vm.thread.exc = main_exc;
            }
            if (aio::deadlocked(vm)) {
                // The loop already said why on stderr, in the oracle's words.
                vm::clear_error(vm);
                status = kExitStopped;
            } else if (e == vm::Exit::OutOfBudget || vm.budget_exhausted) {
                vm::Frame* top = frame.as<vm::Frame>()->paused_top();
                int line = top ? top->line() : 0;
                std::string where = top ? top->code_obj()->co->qualname : "<module>";
                std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
                out_buffer.clear();
                std::fflush(stdout);
                std::fprintf(stderr, "looplab: stopped: the program used its whole instruction budget (%lld) "
                                     "at line %d, in %s (an endless loop?)\n",
                             static_cast<long long>(options.budget), line, where.c_str());
                vm::clear_error(vm);
                status = kExitStopped;
            } else if (e == vm::Exit::Raised) {
                vm::Value exc = vm::take_error(vm);
                if (vm::type_of(exc)->is_subtype(vm.exc.SystemExit)) {
                    status = system_exit_status(vm, exc);
                } else {
                    if (!main_exc || !exc.is(main_exc)) vm::print_exception(vm, exc);
                    status = 1;
                }
            }
            result = vm::Value();
            frame = vm::Value();
            if (status != kExitStopped) {
                clear_main(vm);
                // CPython collects cycles while it tears modules down: their __del__ run.
                vm::collect_cycles(vm);
            }
        }
        vm.modules.as<vm::Dict>()->clear();
        std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
        out_buffer.clear();
        std::fflush(stdout);
    }
    return status;
}

}  // namespace ll::cli
