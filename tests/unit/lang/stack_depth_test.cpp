// The flow analysis of stack depth (stack_depth.cpp): hand-made bytecode with known depths, and
// agreement with the compiler's own running count on every program of the repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/lang/compiler.hpp"
#include "engine/lang/stack_depth.hpp"

using namespace ll::lang;

namespace {

CodeObject code_of(std::vector<Instr> code, std::vector<ExceptionEntry> table = {}) {
    CodeObject co;
    co.code = std::move(code);
    co.exception_table = std::move(table);
    return co;
}

// Every code object of a compiled program: the flow depth is found, and the frame gets exactly
// that unless dead code (which only the compiler's running count sees) went deeper.
int check_all(const CodeObject& co, const std::string& where) {
    int checked = 1;
    bool all_reached = false;
    const int flow = flow_max_depth(co, &all_reached);
    INFO(where, ": ", co.qualname);
    CHECK(flow >= 0);
    if (all_reached) CHECK(co.max_stack == flow);
    else CHECK(co.max_stack >= flow);
    for (const auto& c : co.consts)
        if (c.kind == ConstValue::Kind::Code) checked += check_all(*c.code, where);
    return checked;
}

}  // namespace

TEST_CASE("stack depth: straight code, a branch that pops, and a loop") {
    // x = a if c else b: LOAD c; POP_JUMP_IF_FALSE else; LOAD a; JUMP end; else: LOAD b; end: STORE; RETURN_CONST
    CodeObject branch = code_of({Instr(Op::LOAD_CONST, 0), Instr(Op::POP_JUMP_IF_FALSE, 4), Instr(Op::LOAD_CONST, 1),
                                 Instr(Op::JUMP_FORWARD, 5), Instr(Op::LOAD_CONST, 2), Instr(Op::STORE_FAST, 0),
                                 Instr(Op::RETURN_CONST, 0)});
    CHECK(flow_max_depth(branch) == 1);
    // for x in it: f(x) -- the iterator stays under the body's pushes; exhausted, it is dropped.
    CodeObject loop = code_of({Instr(Op::LOAD_FAST, 0), Instr(Op::GET_ITER, 0), Instr(Op::FOR_ITER, 9),
                               Instr(Op::STORE_FAST, 1), Instr(Op::LOAD_GLOBAL, 1), Instr(Op::LOAD_FAST, 1),
                               Instr(Op::CALL, 1), Instr(Op::POP_TOP, 0), Instr(Op::JUMP_BACKWARD, 2),
                               Instr(Op::RETURN_CONST, 0)});
    CHECK(flow_max_depth(loop) == 4);  // the iterator, NULL, the function, the argument
}

TEST_CASE("stack depth: an exception handler starts at its entry depth plus the exception") {
    // try: (a deep expression) except: (push two more) -- the handler's depth comes from the table.
    CodeObject co = code_of({Instr(Op::LOAD_CONST, 0), Instr(Op::LOAD_CONST, 0), Instr(Op::BINARY_OP, 0),
                             Instr(Op::POP_TOP, 0), Instr(Op::RETURN_CONST, 0),
                             // handler at 5: [lasti, exc] on an empty stack, then two pushes
                             Instr(Op::PUSH_EXC_INFO, 0), Instr(Op::LOAD_CONST, 0), Instr(Op::LOAD_CONST, 0),
                             Instr(Op::RERAISE, 0)},
                            {ExceptionEntry{0, 4, 5, 0, true}});
    CHECK(flow_max_depth(co) == 5);
    co.exception_table[0].push_lasti = false;
    CHECK(flow_max_depth(co) == 4);
}

TEST_CASE("stack depth: two paths that meet with different depths are reported") {
    CodeObject co = code_of({Instr(Op::LOAD_CONST, 0), Instr(Op::POP_JUMP_IF_FALSE, 3), Instr(Op::LOAD_CONST, 0),
                             Instr(Op::RETURN_CONST, 0)});
    CHECK(flow_max_depth(co) == -1);
}

TEST_CASE("stack depth: the compiler's count agrees with the flow analysis on every program here") {
    namespace fs = std::filesystem;
    const fs::path root(LOOPLAB_SOURCE_DIR);
    int programs = 0, codes = 0;
    for (const char* dir : {"engine", "tests/diff", "lessons", "bench"}) {
        if (!fs::exists(root / dir)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            if (entry.path().extension() != ".py") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            CompileOptions options;
            options.top_level_await = entry.path().string().find("notebook") != std::string::npos;
            CompileResult r = compile_source(text.str(), entry.path().string(), options);
            if (!r.ok()) continue;  // the corpus has programs that are SyntaxErrors on purpose
            ++programs;
            codes += check_all(*r.code, entry.path().string());
        }
    }
    MESSAGE("checked ", codes, " code objects of ", programs, " programs");
    CHECK(programs > 400);
}
