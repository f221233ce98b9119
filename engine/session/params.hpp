// Exercise parameters: top-level assignments a program declares with a trailing comment,
// `LIMIT = 3  # param: 1..10`. The session reports them and rewrites their literals.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ll::session {

struct ParamDecl {
    std::string name;
    std::string value;           // the literal as written in the program, e.g. "3" or "'b.com'"
    int line = 0;                // 1-based
    std::string spec;            // the text after "param:", trimmed
    std::optional<double> min, max, step;  // "1..10", "0.5..5 step 0.5"
    bool integer = false;        // both bounds are integers: an int slider
    std::vector<std::string> choices;      // "fast | slow" or "'a', 'b'"
};

// Where a line's comment starts: its `#` outside string literals, or npos.
std::size_t comment_start(const std::string& line);

// Every declaration, in source order.
std::vector<ParamDecl> parse_params(const std::string& source);

// The source with each named parameter's literal replaced (unknown names are ignored; the
// comment and everything else stay byte for byte, so line numbers do not move).
std::string apply_params(const std::string& source, const std::map<std::string, std::string>& values);

}  // namespace ll::session
