// SyntaxError / IndentationError / TabError values produced by the lexer, parser and scope pass,
// and their rendering exactly as CPython 3.13 prints them when running a file.
#pragma once

#include <string>
#include <string_view>

namespace ll::lang {

// Which exception class CPython would raise.
enum class SyntaxErrorKind {
    SyntaxError,       // plain SyntaxError
    IndentationError,  // subclass of SyntaxError ("unexpected indent", "expected an indented block ...")
    TabError,          // subclass of IndentationError ("inconsistent use of tabs and spaces ...")
    MemoryError,       // not a SyntaxError: CPython's parser stack overflow on absurdly deep
                       // nesting ("Parser stack overflowed - Python source too complex to parse");
                       // lineno/offset/text are unset
};

// The attributes of a CPython SyntaxError instance, with CPython's conventions.
struct SyntaxError {
    SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError;  // exception class
    std::string message;                                   // SyntaxError.msg, e.g. "expected ':'"
    int lineno = 0;      // 1-based line (SyntaxError.lineno)
    int offset = 0;      // 1-based column in *characters* (code points), like SyntaxError.offset; 0 = none
    int end_lineno = 0;  // 1-based end line (SyntaxError.end_lineno); 0 = none
    int end_offset = 0;  // 1-based exclusive end column in characters (SyntaxError.end_offset); 0 = none
    std::string text;    // the offending source line including its trailing '\n' if it had one
                         // (SyntaxError.text); empty when CPython would give None

    // "SyntaxError", "IndentationError" or "TabError".
    const char* type_name() const;
};

// What `python3 FILE.py` prints on stderr for this error (3.13 layout, no colour), e.g.
//   File "/abs/t.py", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n
std::string format_syntax_error(const SyntaxError& error, std::string_view filename);

}  // namespace ll::lang
