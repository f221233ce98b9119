// A small Python lexer for colouring, not for parsing: it never fails, it only has to agree with
// the real lexer on what a reader sees (strings, comments, numbers, names). f-string
// replacement fields are lexed as code, so `{took:.1f}` shows its expression in code colours.
#include "python_highlight.h"

#include <algorithm>
#include <iterator>

namespace ll::web {
namespace {

constexpr std::string_view keywords[] = {
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

constexpr std::string_view constants[] = {"True", "False", "None", "NotImplemented", "Ellipsis", "__debug__"};

constexpr std::string_view builtins[] = {
    "print", "len", "range", "enumerate", "zip", "sorted", "sum", "min", "max", "abs",
    "round", "isinstance", "issubclass", "str", "int", "float", "list", "dict", "set", "frozenset", "tuple",
    "repr", "type", "iter", "next", "aiter", "anext", "any", "all", "map", "filter", "reversed", "bool",
    "bytes", "object", "super", "property", "staticmethod", "classmethod", "getattr", "setattr", "hasattr",
    "delattr", "callable", "id", "hash", "hex", "oct", "bin", "chr", "ord", "format", "divmod", "pow",
    "vars", "dir", "input", "open", "self", "cls",
    "BaseException", "Exception", "BaseExceptionGroup", "ExceptionGroup", "ArithmeticError",
    "AssertionError", "AttributeError", "GeneratorExit", "ImportError", "IndexError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotImplementedError", "OSError", "OverflowError", "RecursionError", "RuntimeError",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemExit", "TimeoutError", "TypeError",
    "UnboundLocalError", "ValueError", "ZeroDivisionError", "Warning", "RuntimeWarning",
};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word)
{
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(unsigned char c) { return is_alpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || is_digit(c); }

// A valid string prefix (case-insensitive): r u f b br rb fr rf.
bool string_prefix(std::string_view p, bool& fstring, bool& raw)
{
    fstring = false;
    raw = false;
    bool bytes = false;
    bool unicode = false;
    for (char ch : p) {
        switch (ch) {
        case 'r': case 'R': if (raw) return false; raw = true; break;
        case 'f': case 'F': if (fstring) return false; fstring = true; break;
        case 'b': case 'B': if (bytes) return false; bytes = true; break;
        case 'u': case 'U': if (unicode) return false; unicode = true; break;
        default: return false;
        }
    }
    if (unicode && p.size() > 1) return false;
    return !(fstring && bytes);
}

class LineLexer {
public:
    LineLexer(std::string_view s, std::vector<TokenSpan>& out) : s_(s), n_(s.size()), out_(out) {}

    LexState run(LexState start)
    {
        if (start.quote != 0 && !string_body(start.quote, true, start.fstring, start.raw, 0)) {
            return start;
        }
        code(false, 0);
        return pending_;
    }

private:
    void emit(std::size_t b, std::size_t e, TokenKind k)
    {
        if (e <= b) return;
        if (!out_.empty() && out_.back().kind == k && out_.back().end == b) {
            out_.back().end = static_cast<std::uint32_t>(e);
        } else {
            out_.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), k});
        }
    }

    // Lexes a string's body from i_ (just after the opening quotes); `begin` is where the span
    // started (its prefix and quotes). True if the string closed on this line.
    bool string_body(char q, bool triple, bool fstring, bool raw, std::size_t begin)
    {
        std::size_t seg = begin;
        while (i_ < n_) {
            const char c = s_[i_];
            if (c == '\\') { // raw strings keep the backslash, but it still protects the quote
                i_ = std::min(n_, i_ + 2);
                continue;
            }
            if (c == q && (!triple || (i_ + 2 < n_ && s_[i_ + 1] == q && s_[i_ + 2] == q))) {
                i_ += triple ? 3 : 1;
                emit(seg, i_, TokenKind::string);
                return true;
            }
            if (fstring && c == '{') {
                if (i_ + 1 < n_ && s_[i_ + 1] == '{') {
                    i_ += 2;
                    continue;
                }
                emit(seg, i_, TokenKind::string);
                emit(i_, i_ + 1, TokenKind::fstring_brace);
                ++i_;
                code(true, q);
                if (i_ < n_ && s_[i_] == '}') {
                    emit(i_, i_ + 1, TokenKind::fstring_brace);
                    ++i_;
                }
                seg = i_;
                continue;
            }
            if (fstring && c == '}' && i_ + 1 < n_ && s_[i_ + 1] == '}') {
                i_ += 2;
                continue;
            }
            ++i_;
        }
        (void)raw;
        emit(seg, n_, TokenKind::string);
        return false;
    }

    void number()
    {
        const std::size_t b = i_;
        while (i_ < n_) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (is_alpha(c) || is_digit(c) || c == '_' || c == '.') {
                ++i_;
            } else if ((c == '+' || c == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E') &&
                       !(s_[b] == '0' && b + 1 < n_ && (s_[b + 1] == 'x' || s_[b + 1] == 'X'))) {
                ++i_;
            } else {
                break;
            }
        }
        emit(b, i_, TokenKind::number);
    }

    bool only_blanks_before(std::size_t pos) const
    {
        return std::all_of(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(pos),
                           [](char ch) { return ch == ' ' || ch == '\t'; });
    }

    // Code until the end of the line, or, inside an f-string field, until its closing '}'.
    void code(bool in_field, char field_quote)
    {
        int depth = 0;
        bool next_is_definition = false;
        while (i_ < n_) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == ' ' || c == '\t') {
                ++i_;
                continue;
            }
            if (in_field) {
                if ((c == '}' && depth == 0) || c == static_cast<unsigned char>(field_quote)) return;
                if (c == ':' && depth == 0 && !(i_ + 1 < n_ && s_[i_ + 1] == '=')) { // the format spec
                    const std::size_t b = i_;
                    while (i_ < n_ && s_[i_] != '}' && s_[i_] != field_quote) ++i_;
                    emit(b, i_, TokenKind::string);
                    return;
                }
            }
            if (c == '#') {
                if (in_field) return;
                emit(i_, n_, TokenKind::comment);
                i_ = n_;
                return;
            }
            if (c == '@' && !in_field && only_blanks_before(i_) && i_ + 1 < n_ &&
                is_ident_start(static_cast<unsigned char>(s_[i_ + 1]))) {
                const std::size_t b = i_++;
                while (i_ < n_ && (is_ident_char(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
                emit(b, i_, TokenKind::decorator);
                continue;
            }
            if (is_ident_start(c) || c == '"' || c == '\'') {
                std::size_t j = i_;
                while (j < n_ && j - i_ < 2 && is_alpha(static_cast<unsigned char>(s_[j]))) ++j;
                bool fstring = false;
                bool raw = false;
                if (j < n_ && (s_[j] == '"' || s_[j] == '\'') && string_prefix(s_.substr(i_, j - i_), fstring, raw)) {
                    const char q = s_[j];
                    const bool triple = j + 2 < n_ && s_[j + 1] == q && s_[j + 2] == q;
                    const std::size_t b = i_;
                    i_ = j + (triple ? 3 : 1);
                    next_is_definition = false;
                    if (!string_body(q, triple, fstring, raw, b) && triple && !in_field) {
                        pending_ = LexState{q, fstring, raw};
                        return;
                    }
                    continue;
                }
            }
            if (is_digit(c) || (c == '.' && i_ + 1 < n_ && is_digit(static_cast<unsigned char>(s_[i_ + 1])))) {
                number();
                next_is_definition = false;
                continue;
            }
            if (is_ident_start(c)) {
                const std::size_t b = i_;
                while (i_ < n_ && is_ident_char(static_cast<unsigned char>(s_[i_]))) ++i_;
                const std::string_view word = s_.substr(b, i_ - b);
                TokenKind kind = TokenKind::text;
                if (next_is_definition) {
                    kind = TokenKind::definition;
                } else if (contains(keywords, word)) {
                    kind = TokenKind::keyword;
                } else if (contains(constants, word)) {
                    kind = TokenKind::constant;
                } else if (contains(builtins, word) && !(b > 0 && s_[b - 1] == '.')) {
                    kind = TokenKind::builtin; // `x.print` is an attribute, not the builtin
                }
                next_is_definition = (word == "def" || word == "class");
                emit(b, i_, kind);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') ++depth;
            if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
            // A UTF-8 sequence is copied whole, so spans never split a character.
            std::size_t e = i_ + 1;
            while (e < n_ && (static_cast<unsigned char>(s_[e]) & 0xC0) == 0x80) ++e;
            emit(i_, e, TokenKind::punctuation);
            i_ = e;
            next_is_definition = false;
        }
    }

    std::string_view s_;
    std::size_t n_;
    std::size_t i_ = 0;
    std::vector<TokenSpan>& out_;
    LexState pending_;
};

} // namespace

const char* token_kind_name(TokenKind kind)
{
    switch (kind) {
    case TokenKind::text: return "text";
    case TokenKind::keyword: return "keyword";
    case TokenKind::constant: return "constant";
    case TokenKind::builtin: return "builtin";
    case TokenKind::string: return "string";
    case TokenKind::number: return "number";
    case TokenKind::comment: return "comment";
    case TokenKind::decorator: return "decorator";
    case TokenKind::definition: return "definition";
    case TokenKind::punctuation: return "punctuation";
    case TokenKind::fstring_brace: return "fstring_brace";
    }
    return "text";
}

LexState highlight_python_line(std::string_view line, LexState start, std::vector<TokenSpan>& out)
{
    return LineLexer(line, out).run(start);
}

} // namespace ll::web
