// The bytecode compiler: a scope-analysed AST -> CodeObjects (one per module, class body,
// function, lambda and comprehension), with positions and exception tables as CPython 3.13.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/code.hpp"
#include "engine/lang/scope.hpp"
#include "engine/lang/syntax_error.hpp"

namespace ll::lang {

// A SyntaxWarning the compiler found (CPython prints these before running the file).
struct CompileWarning {
    std::string message;  // e.g. "'int' object is not callable; perhaps you missed a comma?"
    int lineno = 0;
};

struct CompileResult {
    std::shared_ptr<CodeObject> code;  // the module's code object (nullptr on error)
    std::vector<CompileWarning> warnings;  // in source order of discovery
    std::optional<SyntaxError> error;  // a SyntaxError found while compiling or by the front end
    bool ok() const { return code != nullptr; }
};

// Compiles a module that parse_and_analyze() accepted. `source` is kept by every code object
// (for traceback lines).
CompileResult compile_module(const Module& module, const SymbolTable& symbols, std::shared_ptr<const std::string> source);

// Parse + scope analysis + compile.
CompileResult compile_source(std::string_view source, std::string filename, const CompileOptions& options = {});

}  // namespace ll::lang
