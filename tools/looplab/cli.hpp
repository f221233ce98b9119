// What the parts of the looplab command line share: the parsed options and the two ways to run
// a program (plain, exactly like `python3 FILE.py`; or through the session, with its trace).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace ll::cli {

struct RunOptions {
    std::string file;              // as given on the command line
    bool trace = false;            // --trace: narrated ticks on stderr
    bool json = false;             // --json: the trace as JSON lines on stdout
    std::int64_t budget = 2'000'000'000;  // --budget: calls + backward jumps (per tick with a trace)
    std::size_t memory_mb = 1024;  // --memory-mb
    double cpu_cost = 0;           // --cpu-cost: virtual seconds per step (0: the model is off)
};

// The exit status of a run stopped by its budget or by a deadlocked loop.
constexpr int kExitStopped = 3;

// CPython's way of making the script path absolute: the working directory joined to it as given,
// with no "." or ".." removed and no symlink resolved (tracebacks show it).
std::string absolute_path(const std::string& path);

// Reads the program. On failure prints CPython's message ("looplab: can't open file '...':
// [Errno 2] No such file or directory") and returns false with the exit status in `status`.
bool read_program(const std::string& path, std::string& source, int& status);

int run_plain(const RunOptions& options);
int run_traced(const RunOptions& options);
int run_notebook(const RunOptions& options);  // `looplab notebook`: `# %%` cells, a running loop

}  // namespace ll::cli
