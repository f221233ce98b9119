// Internal helpers shared by scope.cpp (symbol table) and scope_checks.cpp (compiler checks).
#pragma once

#include <optional>
#include <string>

#include "engine/lang/ast.hpp"
#include "engine/lang/scope.hpp"
#include "engine/lang/syntax_error.hpp"

namespace ll::lang::detail {

// A SyntaxError located at a node (CPython's SET_ERROR_LOCATION / compiler_error).
SyntaxError error_at_node(const Module& m, const Node* n, std::string msg);

// The SyntaxErrors CPython's compiler raises for code that parsed and has a symbol table
// ('return' outside function, 'break' outside loop, await/async misuse, starred misuse, ...),
// in compile order. Needs the resolved scopes (generator/coroutine flags).
std::optional<SyntaxError> run_compile_checks(const Module& module, Scope* module_scope);

}  // namespace ll::lang::detail
