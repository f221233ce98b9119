// Expectation tables produced by CPython 3.13 (see gen_cpython_cases.py), shared by the
// engine/lang tests.
#pragma once

#include <string>
#include <vector>

namespace ll::lang::test {

// A program CPython rejects, with the SyntaxError attributes it reports.
struct ErrorCase {
    std::string source;
    std::string type;     // "SyntaxError", "IndentationError", "TabError" or "MemoryError"
    std::string message;
    int lineno, offset, end_lineno, end_offset;
};

// A program and CPython's ast.dump(tree, include_attributes=True).
struct AstCase {
    std::string source;
    std::string dump;
};

// How CPython's bytecode accesses one name inside one code object.
struct NameAccessCase {
    std::string qualname;  // code object's co_qualname
    std::string name;      // the identifier
    std::string access;    // "Fast", "Deref", "Global", "Name" or "ClassDeref"
};

// One code object's attributes.
struct ScopeCase {
    std::string qualname;
    std::vector<std::string> varnames, cellvars, freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    bool generator, coroutine, async_generator;
};

struct NameCase {
    std::string source;
    std::vector<NameAccessCase> accesses;
    std::vector<ScopeCase> scopes;
};

// A source and its tokens as "TYPE text line,col-line,col" (byte columns).
struct TokenCase {
    std::string source;
    std::vector<std::string> tokens;
};

const std::vector<ErrorCase>& cpython_error_cases();
const std::vector<TokenCase>& cpython_token_cases();
const std::vector<AstCase>& cpython_ast_cases();
const std::vector<NameCase>& cpython_name_cases();

}  // namespace ll::lang::test
