// Test helper for the library's tests: runs a Python snippet in a fresh VM and compares what it
// printed, line by line, with what CPython 3.13 printed for the same snippet (pasted expectations).
#pragma once

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

namespace ll::vm::testing {

// stdout of `source` run as __main__; an uncaught exception's traceback is appended.
inline std::string run_program(std::string_view source) {
    VM vm;
    std::string out;
    vm.write_stdout = [&](std::string_view s) { out += s; };
    vm.write_stderr = [&](std::string_view s) { out += s; };
    Value m = vm.run_source(source, "main.py");
    if (!m) {
        Value e = take_error(vm);
        if (e) out += format_exception(vm, e);
    }
    return out;
}

// Runs `source` (as /t.py) in a fresh VM; returns stdout, then "|" and stderr if anything went there.
inline std::string run_out_err(const std::string& source) {
    VM vm;
    std::string out, err;
    vm.write_stdout = [&](std::string_view s) { out.append(s); };
    vm.write_stderr = [&](std::string_view s) { err.append(s); };
    Value m = vm.run_source(source, "/t.py");
    if (!m) print_exception(vm, take_error(vm));
    return err.empty() ? out : out + "|" + err;
}

inline std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Runs `source` and checks its output against `expected` (CPython's output), one CHECK per line
// so a failure names the line and shows both texts.
inline void check_program(std::string_view source, std::string_view expected) {
    std::string got = run_program(source);
    std::vector<std::string> g = split_lines(got), e = split_lines(std::string(expected));
    for (std::size_t i = 0; i < e.size(); ++i) {
        CAPTURE(i + 1);
        std::string actual = i < g.size() ? g[i] : std::string("<missing line>");
        CHECK(actual == e[i]);
    }
    CHECK_MESSAGE(g.size() == e.size(), "output has " << g.size() << " lines, CPython printed " << e.size());
}

}  // namespace ll::vm::testing
