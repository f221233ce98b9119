// Python syntax highlighting, one line at a time. The only state carried from one line to the
// next is "inside a triple-quoted string", so a line's spans can be cached and recomputed only
// when the line or the state it starts in changes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ll::web {

enum class TokenKind : std::uint8_t {
    text,          // names, whitespace
    keyword,       // def, async, await, if, ...
    constant,      // True, False, None
    builtin,       // print, len, range, ValueError, ...
    string,
    number,
    comment,
    decorator,     // @name.attr
    definition,    // the name after def / class
    punctuation,   // operators and brackets
    fstring_brace, // { and } of an f-string replacement field
};

const char* token_kind_name(TokenKind kind);

// What a line starts inside of. Compared for equality to know if a cached line is still valid.
struct LexState {
    char quote = 0;     // 0: not in a string; '\'' or '"': inside a triple-quoted string
    bool fstring = false;
    bool raw = false;
    bool operator==(const LexState&) const = default;
};

struct TokenSpan {
    std::uint32_t begin = 0; // byte offsets in the line
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::text;
};

// Splits `line` (no newline) into spans covering every non-blank byte, appended to `out`;
// returns the state the next line starts in.
LexState highlight_python_line(std::string_view line, LexState start, std::vector<TokenSpan>& out);

} // namespace ll::web
