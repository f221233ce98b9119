// The tokenizer: turns source text into Tokens with INDENT/DEDENT, implicit line joining inside
// brackets, backslash continuations and CPython 3.12+ f-string tokens (FSTRING_START/MIDDLE/END
// with the replacement fields tokenized as ordinary tokens). Reports CPython's tokenizer errors.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/lang/syntax_error.hpp"
#include "engine/lang/token.hpp"

namespace ll::lang {

// An open bracket still unclosed where tokenizing stopped.
struct OpenBracket {
    char ch = '(';   // '(', '[' or '{'
    int lineno = 0;  // where it was opened
    int col = 0;     // byte column
};

struct LexResult {
    std::vector<Token> tokens;          // always ends with EndMarker (or stops at the error)
    std::optional<SyntaxError> error;   // first tokenizer error that CPython raises eagerly
    std::size_t error_token = 0;        // index in `tokens` at which the error was found
    bool error_overrides = true;        // CPython also reports this error when the parser failed
                                        // earlier in the file (it tokenizes the rest and raised
                                        // errors win), except for the errors its tokenizer only
                                        // signals by status (unindent mismatch, TabError, too
                                        // deep, line continuation) and errors inside f-strings
    std::vector<OpenBracket> open_brackets;  // brackets still open at end of input
};

// Tokenizes a whole source file. The source must outlive the tokens' use (tokens point into it
// by offset only, so the text is read back with `token_text`).
LexResult tokenize(std::string_view source);

// The source text a token covers.
inline std::string_view token_text(std::string_view source, const Token& t) {
    return source.substr(t.start, t.end - t.start);
}

}  // namespace ll::lang
