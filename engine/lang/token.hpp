// Token kinds and the Token record produced by the lexer (CPython's token module, with
// operators and keywords given their own kinds so the parser switches on one small enum).
#pragma once

#include <cstdint>
#include <string_view>

namespace ll::lang {

enum class Tok : std::uint8_t {
    // Structure
    EndMarker, Newline, Indent, Dedent,
    // Atoms
    Name, Number, String,
    FStringStart,   // `f"` / `rf'''` ...: opens an f-string
    FStringMiddle,  // literal text inside an f-string (escapes not yet decoded)
    FStringEnd,     // the closing quote(s) of an f-string
    // Operators and delimiters
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar,
    Amper, Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde,
    CircumFlex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual,
    PercentEqual, AmperEqual, VBarEqual, CircumFlexEqual, LeftShiftEqual, RightShiftEqual,
    DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual,
    Exclamation,
    // Keywords (hard keywords only; `match`/`case`/`type`/`_` stay Names)
    KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
    KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal, KwIf,
    KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise, KwReturn, KwTry,
    KwWhile, KwWith, KwYield,
    // A character that starts no token (`$`, `?`, a stray backquote): the parser reports it as
    // "invalid syntax", like CPython's one-character OP token.
    Unknown,
};

// Source text of an operator/keyword kind ("(", "**=", "while"), or a descriptive name for the
// other kinds ("NAME", "NEWLINE", ...).
const char* to_string(Tok kind);

// One token. Positions follow CPython: 1-based lines, 0-based byte columns, end exclusive.
struct Token {
    Tok kind = Tok::EndMarker;  // what it is
    int lineno = 0;             // start line
    int col = 0;                // start byte column
    int end_lineno = 0;         // end line
    int end_col = 0;            // end byte column (exclusive)
    std::uint32_t start = 0;    // byte offset of the first character in the source
    std::uint32_t end = 0;      // byte offset just past the token
    std::uint16_t level = 0;    // bracket nesting depth once this token is read (CPython's
                                // tok->level: 1 for the '(' of `f(`, 0 for its ')')
};

}  // namespace ll::lang
