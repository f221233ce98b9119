// looplab: the native command-line runner. `looplab run FILE.py` behaves like `python3 FILE.py`
// (stdout, traceback on stderr, exit status); `looplab dis FILE.py` prints the bytecode.
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/aio/aio.hpp"
#include "engine/lang/compiler.hpp"
#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

namespace ll::vm {
Value compile_main(VM& vm, std::string_view source, const std::string& filename, Value& frame_out);
}

namespace {

using namespace ll;

int usage() {
    std::fputs("usage: looplab run [--budget N] [--memory-mb M] FILE.py\n       looplab dis FILE.py\n", stderr);
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

std::string absolute_path(const std::string& path) {
    char buf[PATH_MAX];
    if (realpath(path.c_str(), buf)) return buf;
    return path;
}

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

int run_file(const std::string& path, std::int64_t budget_limit, std::size_t memory_limit) {
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "looplab: can't open file '%s': [Errno 2] No such file or directory\n", path.c_str());
        return 2;
    }
    std::string filename = absolute_path(path);
    int status = 0;
    std::string out_buffer;
    {
        vm::VM vm;
        aio::install(vm);  // asyncio and contextlib: the embedded prelude
        vm.heap.byte_limit = memory_limit ? vm::allocated_bytes() + memory_limit : 0;
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
            budget.remaining = budget_limit;
            vm::Value result;
            vm::Exit e = vm::run(vm, frame.as<vm::Frame>(), budget, result);
            if (e == vm::Exit::OutOfBudget || vm.budget_exhausted) {
                vm::Frame* top = frame.as<vm::Frame>()->paused_top;
                int line = top ? top->line() : 0;
                std::string where = top ? top->code_obj()->co->qualname : "<module>";
                std::fflush(stdout);
                std::fprintf(stderr, "looplab: stopped: the program used its whole instruction budget (%lld) "
                                     "at line %d, in %s (an endless loop?)\n",
                             static_cast<long long>(budget_limit), line, where.c_str());
                vm::clear_error(vm);
                status = 3;
            } else if (e == vm::Exit::Raised) {
                vm::Value exc = vm::take_error(vm);
                if (vm::type_of(exc)->is_subtype(vm.exc.SystemExit)) {
                    status = system_exit_status(vm, exc);
                } else {
                    vm::print_exception(vm, exc);
                    status = 1;
                }
            }
            result = vm::Value();
            frame = vm::Value();
            if (status != 3) clear_main(vm);
        }
        vm.modules.as<vm::Dict>()->clear();
        std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
        out_buffer.clear();
        std::fflush(stdout);
    }
    return status;
}

int dis_file(const std::string& path) {
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "looplab: can't open file '%s'\n", path.c_str());
        return 2;
    }
    lang::CompileResult r = lang::compile_source(source, absolute_path(path));
    if (!r.ok()) {
        std::fputs(lang::format_syntax_error(*r.error, absolute_path(path)).c_str(), stderr);
        return 1;
    }
    std::fputs(lang::disassemble(*r.code).c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    std::string cmd = argv[1];
    std::int64_t budget = 2'000'000'000;
    std::size_t memory_mb = 1024;
    std::string file;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--budget") == 0 && i + 1 < argc) budget = std::atoll(argv[++i]);
        else if (std::strcmp(argv[i], "--memory-mb") == 0 && i + 1 < argc) memory_mb = static_cast<std::size_t>(std::atoll(argv[++i]));
        else file = argv[i];
    }
    if (file.empty()) return usage();
    if (cmd == "run") return run_file(file, budget, memory_mb << 20);
    if (cmd == "dis") return dis_file(file);
    return usage();
}
