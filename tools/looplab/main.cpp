// looplab: the command-line runner. `looplab run FILE.py` behaves like `python3 FILE.py`
// (stdout, traceback on stderr, exit status), optionally printing the event loop's trace;
// `looplab notebook FILE.py` runs `# %%` cells as Jupyter does; `looplab dis FILE.py` prints
// the bytecode. Argument parsing and usage live here.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "engine/lang/compiler.hpp"
#include "tools/looplab/cli.hpp"

namespace {

using namespace ll;

constexpr const char* kUsage =
    "usage: looplab run [--trace] [--json] [--budget N] [--memory-mb M] [--cpu-cost S] FILE.py\n"
    "       looplab notebook [--trace] [--json] [--budget N] [--memory-mb M] [--cpu-cost S] FILE.py\n"
    "       looplab dis FILE.py\n"
    "       looplab --help\n"
    "\n"
    "run       runs FILE.py like `python3 FILE.py`, asyncio on a virtual clock: the same stdout,\n"
    "          traceback on stderr and exit status (1 for an uncaught exception or a SyntaxError).\n"
    "notebook  runs FILE.py as a notebook: its cells are separated by lines starting with `# %%`\n"
    "          (Jupytext / VS Code) and run one after another against shared globals, inside an\n"
    "          event loop that is already running, as in Jupyter: top-level `await` works and\n"
    "          asyncio.run() fails. A cell's last expression, unless None, is printed as\n"
    "          `Out[N]: repr`; a failing cell prints its traceback and the next cell runs.\n"
    "          Between cells the loop runs what is ready but the clock stands still; after the\n"
    "          last cell pending tasks are cancelled as asyncio.run does. Exit status 1 when a\n"
    "          cell failed, else 0. The options are run's.\n"
    "dis       prints the bytecode FILE.py compiles to.\n"
    "\n"
    "options of run and notebook:\n"
    "  --trace        also narrate the event loop, one line per tick, on stderr (interleaved\n"
    "                 with the program's own stderr; stdout stays the program's output):\n"
    "                   tick 3 t=1.0  Task-2 awaited asyncio.sleep(2): it waits until t=3.0 (pending)\n"
    "  --json         print the trace on stdout as JSON lines, one event per line, with the\n"
    "                 fields tick, time, kind, task (and state, detail); the program's prints\n"
    "                 are \"print\" events there. With --trace too, the narration is on stderr.\n"
    "  --budget N     calls + backward jumps the program may make (with --trace/--json: per\n"
    "                 tick) before it is stopped as an endless loop (default 2000000000)\n"
    "  --memory-mb M  heap limit in MiB; beyond it the program gets a MemoryError (default 1024)\n"
    "  --cpu-cost S   turn the CPU cost model on: each step (a call or a loop iteration) takes S\n"
    "                 virtual seconds, and threads take turns holding the GIL (default 0: off)\n"
    "\n"
    "exit status: the program's (0, 1, sys.exit(n)); 2 for a bad command line or a file that\n"
    "cannot be opened; 3 when the program is stopped: its budget ran out (the line is named)\n"
    "or the event loop deadlocked (idle, with no timer and nothing that could wake it).\n";

int bad_usage(const std::string& message) {
    std::fprintf(stderr, "looplab: %s\n", message.c_str());
    std::fputs("usage: looplab run [--trace] [--json] [--budget N] [--memory-mb M] [--cpu-cost S] FILE.py\n"
               "Try `looplab --help' for more information.\n",
               stderr);
    return 2;
}

// A positive decimal integer, or false.
bool parse_count(const std::string& text, std::int64_t& out) {
    if (text.empty() || text[0] < '0' || text[0] > '9') return false;
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v <= 0) return false;
    out = v;
    return true;
}

int dis_file(const std::string& path) {
    std::string source;
    int status = 0;
    if (!cli::read_program(path, source, status)) return status;
    std::string filename = cli::absolute_path(path);
    lang::CompileResult r = lang::compile_source(source, filename);
    if (!r.ok()) {
        std::fputs(lang::format_syntax_error(*r.error, filename).c_str(), stderr);
        return 1;
    }
    std::fputs(lang::disassemble(*r.code).c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    }
    std::string cmd = argv[1];
    if (cmd != "run" && cmd != "notebook" && cmd != "dis")
        return bad_usage("unknown command '" + cmd + "' (expected run, notebook or dis)");

    cli::RunOptions options;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        bool has_value = false;
        if (arg.rfind("--", 0) == 0) {
            std::size_t eq = arg.find('=');
            if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg.resize(eq);
                has_value = true;
            }
        }
        bool takes_value = arg == "--budget" || arg == "--memory-mb" || arg == "--cpu-cost";
        if (takes_value && !has_value) {
            if (i + 1 >= argc) return bad_usage(arg + " needs a value");
            value = argv[++i];
        } else if (!takes_value && has_value) {
            return bad_usage(arg + " takes no value");
        }
        if (cmd == "dis" && arg.size() > 1 && arg[0] == '-') return bad_usage("unknown option '" + arg + "' for dis");
        if (arg == "--trace") {
            options.trace = true;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--budget") {
            if (!parse_count(value, options.budget)) return bad_usage("--budget expects a positive integer, not '" + value + "'");
        } else if (arg == "--cpu-cost") {
            char* end = nullptr;
            double cost = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(cost >= 0) || cost > 1)
                return bad_usage("--cpu-cost expects seconds per step between 0 and 1, not '" + value + "'");
            options.cpu_cost = cost;
        } else if (arg == "--memory-mb") {
            std::int64_t mb = 0;
            if (!parse_count(value, mb) || mb > (std::int64_t{1} << 20))
                return bad_usage("--memory-mb expects a positive integer (MiB), not '" + value + "'");
            options.memory_mb = static_cast<std::size_t>(mb);
        } else if (arg.size() > 1 && arg[0] == '-') {
            return bad_usage("unknown option '" + arg + "'");
        } else if (!options.file.empty()) {
            return bad_usage("one program file only (got '" + options.file + "' and '" + arg + "')");
        } else {
            options.file = arg;
        }
    }
    if (options.file.empty()) return bad_usage("no program file given");
    if (cmd == "dis") return dis_file(options.file);
    if (cmd == "notebook") return cli::run_notebook(options);
    if (options.trace || options.json) return cli::run_traced(options);
    return cli::run_plain(options);
}
