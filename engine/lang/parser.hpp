// The recursive-descent parser: tokens -> AST (ast.hpp) with CPython's spans and CPython 3.13's
// syntax error messages and locations.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/lang/ast.hpp"
#include "engine/lang/syntax_error.hpp"

namespace ll::lang {

// The outcome of parsing one file.
struct ParseResult {
    std::unique_ptr<Module> module;    // the tree (nullptr when there is an error)
    std::optional<SyntaxError> error;  // the error CPython would report, if any
    bool ok() const { return !error.has_value(); }
};

// Parses a whole file (CPython's `exec` mode). Never throws on bad input; nesting deeper than
// CPython allows is reported as CPython does ("too many nested parentheses").
ParseResult parse_module(std::string_view source, std::string filename);

}  // namespace ll::lang
