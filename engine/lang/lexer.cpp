// The tokenizer, following CPython 3.13's Parser/lexer: the same tokens (including the 3.12
// f-string tokens), the same INDENT/DEDENT rules and the same error messages and positions.
#include "engine/lang/lexer.hpp"

#include <fmt/format.h>

#include <cstring>
#include <string>

namespace ll::lang {

const char* to_string(Tok kind) {
    switch (kind) {
        case Tok::EndMarker: return "ENDMARKER";
        case Tok::Newline: return "NEWLINE";
        case Tok::Indent: return "INDENT";
        case Tok::Dedent: return "DEDENT";
        case Tok::Name: return "NAME";
        case Tok::Number: return "NUMBER";
        case Tok::String: return "STRING";
        case Tok::FStringStart: return "FSTRING_START";
        case Tok::FStringMiddle: return "FSTRING_MIDDLE";
        case Tok::FStringEnd: return "FSTRING_END";
        case Tok::LPar: return "(";
        case Tok::RPar: return ")";
        case Tok::LSqb: return "[";
        case Tok::RSqb: return "]";
        case Tok::LBrace: return "{";
        case Tok::RBrace: return "}";
        case Tok::Colon: return ":";
        case Tok::Comma: return ",";
        case Tok::Semi: return ";";
        case Tok::Plus: return "+";
        case Tok::Minus: return "-";
        case Tok::Star: return "*";
        case Tok::Slash: return "/";
        case Tok::VBar: return "|";
        case Tok::Amper: return "&";
        case Tok::Less: return "<";
        case Tok::Greater: return ">";
        case Tok::Equal: return "=";
        case Tok::Dot: return ".";
        case Tok::Percent: return "%";
        case Tok::EqEqual: return "==";
        case Tok::NotEqual: return "!=";
        case Tok::LessEqual: return "<=";
        case Tok::GreaterEqual: return ">=";
        case Tok::Tilde: return "~";
        case Tok::CircumFlex: return "^";
        case Tok::LeftShift: return "<<";
        case Tok::RightShift: return ">>";
        case Tok::DoubleStar: return "**";
        case Tok::PlusEqual: return "+=";
        case Tok::MinEqual: return "-=";
        case Tok::StarEqual: return "*=";
        case Tok::SlashEqual: return "/=";
        case Tok::PercentEqual: return "%=";
        case Tok::AmperEqual: return "&=";
        case Tok::VBarEqual: return "|=";
        case Tok::CircumFlexEqual: return "^=";
        case Tok::LeftShiftEqual: return "<<=";
        case Tok::RightShiftEqual: return ">>=";
        case Tok::DoubleStarEqual: return "**=";
        case Tok::DoubleSlash: return "//";
        case Tok::DoubleSlashEqual: return "//=";
        case Tok::At: return "@";
        case Tok::AtEqual: return "@=";
        case Tok::RArrow: return "->";
        case Tok::Ellipsis: return "...";
        case Tok::ColonEqual: return ":=";
        case Tok::Exclamation: return "!";
        case Tok::KwFalse: return "False";
        case Tok::KwNone: return "None";
        case Tok::KwTrue: return "True";
        case Tok::KwAnd: return "and";
        case Tok::KwAs: return "as";
        case Tok::KwAssert: return "assert";
        case Tok::KwAsync: return "async";
        case Tok::KwAwait: return "await";
        case Tok::KwBreak: return "break";
        case Tok::KwClass: return "class";
        case Tok::KwContinue: return "continue";
        case Tok::KwDef: return "def";
        case Tok::KwDel: return "del";
        case Tok::KwElif: return "elif";
        case Tok::KwElse: return "else";
        case Tok::KwExcept: return "except";
        case Tok::KwFinally: return "finally";
        case Tok::KwFor: return "for";
        case Tok::KwFrom: return "from";
        case Tok::KwGlobal: return "global";
        case Tok::KwIf: return "if";
        case Tok::KwImport: return "import";
        case Tok::KwIn: return "in";
        case Tok::KwIs: return "is";
        case Tok::KwLambda: return "lambda";
        case Tok::KwNonlocal: return "nonlocal";
        case Tok::KwNot: return "not";
        case Tok::KwOr: return "or";
        case Tok::KwPass: return "pass";
        case Tok::KwRaise: return "raise";
        case Tok::KwReturn: return "return";
        case Tok::KwTry: return "try";
        case Tok::KwWhile: return "while";
        case Tok::KwWith: return "with";
        case Tok::KwYield: return "yield";
        case Tok::Unknown: return "OP";
    }
    return "?";
}

namespace {

constexpr int kMaxParenLevel = 200;  // CPython's MAXLEVEL
constexpr int kMaxIndent = 100;      // CPython's MAXINDENT
constexpr int kTabSize = 8;

Tok keyword_kind(std::string_view s) {
    struct Kw { const char* text; Tok kind; };
    static const Kw kws[] = {
        {"False", Tok::KwFalse}, {"None", Tok::KwNone}, {"True", Tok::KwTrue}, {"and", Tok::KwAnd},
        {"as", Tok::KwAs}, {"assert", Tok::KwAssert}, {"async", Tok::KwAsync}, {"await", Tok::KwAwait},
        {"break", Tok::KwBreak}, {"class", Tok::KwClass}, {"continue", Tok::KwContinue},
        {"def", Tok::KwDef}, {"del", Tok::KwDel}, {"elif", Tok::KwElif}, {"else", Tok::KwElse},
        {"except", Tok::KwExcept}, {"finally", Tok::KwFinally}, {"for", Tok::KwFor},
        {"from", Tok::KwFrom}, {"global", Tok::KwGlobal}, {"if", Tok::KwIf}, {"import", Tok::KwImport},
        {"in", Tok::KwIn}, {"is", Tok::KwIs}, {"lambda", Tok::KwLambda}, {"nonlocal", Tok::KwNonlocal},
        {"not", Tok::KwNot}, {"or", Tok::KwOr}, {"pass", Tok::KwPass}, {"raise", Tok::KwRaise},
        {"return", Tok::KwReturn}, {"try", Tok::KwTry}, {"while", Tok::KwWhile}, {"with", Tok::KwWith},
        {"yield", Tok::KwYield},
    };
    if (s.size() < 2 || s.size() > 8) return Tok::Name;
    char c = s[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return Tok::Name;
    for (const Kw& k : kws)
        if (k.text[0] == c && s == k.text) return k.kind;
    return Tok::Name;
}

bool is_ident_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes the UTF-8 code point at s[i] (length in *len).
unsigned decode_utf8(std::string_view s, std::size_t i, std::size_t* len) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    unsigned cp = n == 1 ? c : c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    *len = n;
    return cp;
}

// Non-ASCII characters that are certainly not identifier characters (punctuation, symbols,
// spaces and quotes that learners paste from documents). CPython checks XID_Start/XID_Continue;
// we reject the common offenders and accept the rest.
bool is_invalid_identifier_cp(unsigned cp) {
    return (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x23FF) ||
           (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3000 && cp <= 0x3003) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFEFF;
}

// A lexer mode for f-strings (CPython's tokenizer_mode).
struct Mode {
    enum Kind { FString, Field, Spec } kind;
    char quote = '"';      // FString: the quote character
    int quote_size = 1;    // FString: 1 or 3
    bool raw = false;      // FString: r prefix
    std::size_t paren_depth = 0;  // Field/Spec: index of the field's '{' in the paren stack
    int start_line = 0;    // FString: line of the opening quote
    int start_col = 0;     // FString: byte column of the prefix
    std::size_t start_line_offset = 0;  // FString: offset of that line's start
};

class Lexer {
public:
    explicit Lexer(std::string_view src) : src_(src) {}

    LexResult run() {
        indents_.push_back(0);
        alt_indents_.push_back(0);
        while (!done_) step();
        out_.open_brackets = parens_;
        return std::move(out_);
    }

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t line_start_ = 0;
    bool at_bol_ = true;
    bool done_ = false;
    bool emitted_content_on_line_ = false;  // a token was emitted since the last NEWLINE
    static constexpr std::size_t npos_ = static_cast<std::size_t>(-1);
    std::size_t comment_start_ = npos_;     // where the last comment began
    std::vector<int> indents_, alt_indents_;
    std::vector<OpenBracket> parens_;
    std::vector<Mode> modes_;
    LexResult out_;

    int peek(std::size_t k = 0) const {
        return pos_ + k < src_.size() ? static_cast<unsigned char>(src_[pos_ + k]) : -1;
    }
    int col() const { return static_cast<int>(pos_ - line_start_); }

    void newline_at(std::size_t nl_pos) {
        ++line_;
        line_start_ = nl_pos + 1;
    }

    void emit(Tok kind, std::size_t start, int start_line, std::size_t start_line_start) {
        Token t;
        t.kind = kind;
        t.lineno = start_line;
        t.col = static_cast<int>(start - start_line_start);
        t.end_lineno = line_;
        t.end_col = static_cast<int>(pos_ - line_start_);
        t.start = static_cast<std::uint32_t>(start);
        t.end = static_cast<std::uint32_t>(pos_);
        t.level = static_cast<std::uint16_t>(parens_.size());
        out_.tokens.push_back(t);
        if (kind != Tok::Newline && kind != Tok::Indent && kind != Tok::Dedent) emitted_content_on_line_ = true;
    }
    void emit_here(Tok kind, std::size_t start) { emit(kind, start, line_, line_start_); }

    // Number of code points in the bytes [from, to) of the source.
    int chars_between(std::size_t from, std::size_t to) const {
        int n = 0;
        for (std::size_t i = from; i < to && i < src_.size(); ++i)
            if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++n;
        return n;
    }

    std::string line_text_at(std::size_t start) const {
        std::size_t end = src_.find('\n', start);
        return std::string(src_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
    }

    // Raises a tokenizer error; offsets are 1-based character columns like CPython's.
    void fail(SyntaxErrorKind kind, std::string msg, int lineno, std::size_t line_start, int offset, int end_offset) {
        SyntaxError e;
        e.kind = kind;
        e.message = std::move(msg);
        e.lineno = lineno;
        e.end_lineno = lineno;
        e.offset = offset;
        e.end_offset = end_offset;
        e.text = line_text_at(line_start);
        out_.error = std::move(e);
        out_.error_token = out_.tokens.size();
        out_.error_overrides = modes_.empty();
        done_ = true;
    }
    // An error CPython's tokenizer reports through its status code rather than by raising.
    void fail_status(SyntaxErrorKind kind, std::string msg, int lineno, std::size_t line_start, int offset,
                     int end_offset) {
        fail(kind, std::move(msg), lineno, line_start, offset, end_offset);
        out_.error_overrides = false;
    }
    // CPython's syntaxerror(): the location is the current position (chars from line start).
    void fail_at_cur(std::string msg) {
        int c = chars_between(line_start_, pos_);
        fail(SyntaxErrorKind::SyntaxError, std::move(msg), line_, line_start_, c, c);
    }

    void step() {
        if (!modes_.empty() && modes_.back().kind != Mode::Field) {
            lex_fstring_middle();
            return;
        }
        if (at_bol_) {
            at_bol_ = false;
            if (!handle_indentation()) return;
        }
        lex_token();
    }

    // [SECTION] indentation ---------------------------------------------------------------------

    // Measures the indentation of a new line and emits INDENT/DEDENT. Returns false on error.
    bool handle_indentation() {
        int c_col = 0, alt_col = 0;
        while (true) {
            int c = peek();
            if (c == ' ') { ++c_col; ++alt_col; }
            else if (c == '\t') { c_col = (c_col / kTabSize + 1) * kTabSize; ++alt_col; }
            else if (c == '\f') { c_col = alt_col = 0; }
            else break;
            ++pos_;
        }
        int c = peek();
        if (c == '\\' && peek(1) != '\n' && peek(1) != -1) {
            // A stray backslash at the start of a line is reported before the indentation.
            fail_status(SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", line_,
                        line_start_, chars_between(line_start_, pos_ + 2) - 1 + 1, 0);
            return false;
        }
        bool blank = c == '#' || c == '\n' || (c == '\\' && peek(1) == '\n');
        if (c == -1) {
            // End of input: dedent to column 0 (CPython treats EOF as an empty, non-blank line).
            c_col = alt_col = 0;
        }
        if (blank || !parens_.empty()) return true;
        if (c_col == indents_.back()) {
            if (alt_col != alt_indents_.back()) return tab_error();
        } else if (c_col > indents_.back()) {
            if (static_cast<int>(indents_.size()) >= kMaxIndent) {
                fail_status(SyntaxErrorKind::IndentationError, "too many levels of indentation", line_, line_start_, 0, -1 + 1);
                return false;
            }
            if (alt_col <= alt_indents_.back()) return tab_error();
            indents_.push_back(c_col);
            alt_indents_.push_back(alt_col);
            Token t;
            t.kind = Tok::Indent;
            t.lineno = t.end_lineno = line_;
            t.col = 0;
            t.end_col = col();
            t.start = static_cast<std::uint32_t>(line_start_);
            t.end = static_cast<std::uint32_t>(pos_);
            out_.tokens.push_back(t);
        } else {
            // Check the target level first: CPython reports a mismatch before any DEDENT.
            std::size_t keep = indents_.size();
            while (keep > 1 && c_col < indents_[keep - 1]) --keep;
            if (c_col != indents_[keep - 1]) {
                // CPython reports it after reading the whole line: offset = line length + 1.
                std::size_t eol = src_.find('\n', line_start_);
                if (eol == std::string_view::npos) eol = src_.size();
                fail_status(SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level",
                            line_, line_start_, chars_between(line_start_, eol) + 1, -1);
                return false;
            }
            while (indents_.size() > 1 && c_col < indents_.back()) {
                indents_.pop_back();
                alt_indents_.pop_back();
                Token t;
                t.kind = Tok::Dedent;
                t.lineno = t.end_lineno = line_;
                t.col = t.end_col = col();
                t.start = t.end = static_cast<std::uint32_t>(pos_);
                out_.tokens.push_back(t);
            }
            if (c_col != indents_.back()) {
                // CPython reports it after reading the whole line: offset = line length + 1.
                std::size_t eol = src_.find('\n', line_start_);
                if (eol == std::string_view::npos) eol = src_.size();
                fail_status(SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level",
                     line_, line_start_, chars_between(line_start_, eol) + 1, -1);
                return false;
            }
            if (alt_col != alt_indents_.back()) return tab_error();
        }
        return true;
    }

    bool tab_error() {
        fail_status(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", line_, line_start_, 1, 0);
        return false;
    }

    // [SECTION] ordinary tokens -----------------------------------------------------------------

    void lex_token() {
        // Skip spaces, comments and line continuations.
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\t' || c == '\f') { ++pos_; continue; }
            if (c == '#') {
                comment_start_ = pos_;
                while (peek() != -1 && peek() != '\n') ++pos_;
                continue;
            }
            if (c == '\\') {
                if (peek(1) == '\n') {
                    pos_ += 2;
                    newline_at(pos_ - 1);
                    if (peek() == -1) {
                        fail_at_cur("unexpected EOF while parsing");
                        return;
                    }
                    continue;
                }
                if (peek(1) == -1) {
                    ++pos_;
                    fail_at_cur("unexpected EOF while parsing");
                    return;
                }
                // CPython: col = (cur - line_start) - 1 after reading the next character.
                fail_status(SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", line_,
                     line_start_, chars_between(line_start_, pos_ + 2) - 1 + 1, 0);
                return;
            }
            break;
        }
        std::size_t start = pos_;
        int c = peek();
        if (c == -1) {
            end_of_input();
            return;
        }
        if (c == '\n') {
            ++pos_;
            if (!parens_.empty() || !emitted_content_on_line_) {
                newline_at(pos_ - 1);
                at_bol_ = true;
                return;
            }
            // NEWLINE token: from a trailing comment (CPython's tokenizer starts it there) or
            // the newline character, to just past the newline.
            Token t;
            t.kind = Tok::Newline;
            t.lineno = t.end_lineno = line_;
            if (comment_start_ != npos_ && comment_start_ >= line_start_ && comment_start_ < start) {
                t.col = static_cast<int>(comment_start_ - line_start_);
                t.end_col = static_cast<int>(start - line_start_) + 1;
                t.start = static_cast<std::uint32_t>(comment_start_);
                t.end = static_cast<std::uint32_t>(pos_);
                out_.tokens.push_back(t);
                emitted_content_on_line_ = false;
                newline_at(pos_ - 1);
                at_bol_ = true;
                return;
            }
            t.col = static_cast<int>(start - line_start_);
            t.end_col = t.col + 1;
            t.start = static_cast<std::uint32_t>(start);
            t.end = static_cast<std::uint32_t>(pos_);
            out_.tokens.push_back(t);
            emitted_content_on_line_ = false;
            newline_at(pos_ - 1);
            at_bol_ = true;
            return;
        }
        if (is_ident_start(static_cast<unsigned char>(c))) {
            lex_name_or_string();
            return;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
            lex_number();
            return;
        }
        if (c == '\'' || c == '"') {
            lex_string(start, start);
            return;
        }
        lex_operator();
    }

    void end_of_input() {
        if (!parens_.empty()) {
            // CPython hands the parser an error token; the parser reports "'(' was never closed".
            done_ = true;
            out_.error_token = out_.tokens.size();
            Token t;
            t.kind = Tok::EndMarker;
            t.lineno = t.end_lineno = line_;
            t.col = t.end_col = col();
            t.start = t.end = static_cast<std::uint32_t>(pos_);
            out_.tokens.push_back(t);
            return;
        }
        if (emitted_content_on_line_) {
            // Implicit NEWLINE at end of input, one column wide like CPython's.
            Token t;
            t.kind = Tok::Newline;
            t.lineno = t.end_lineno = line_;
            t.col = col();
            t.end_col = t.col + 1;
            t.start = t.end = static_cast<std::uint32_t>(pos_);
            out_.tokens.push_back(t);
            emitted_content_on_line_ = false;
        }
        // Without a final newline CPython reads one anyway: the end tokens sit on the next line.
        if (!src_.empty() && src_.back() != '\n') {
            ++line_;
            line_start_ = pos_;
        }
        // Dedent everything.
        while (indents_.size() > 1) {
            indents_.pop_back();
            Token t;
            t.kind = Tok::Dedent;
            t.lineno = t.end_lineno = line_;
            t.col = t.end_col = col();
            t.start = t.end = static_cast<std::uint32_t>(pos_);
            out_.tokens.push_back(t);
        }
        Token t;
        t.kind = Tok::EndMarker;
        t.lineno = t.end_lineno = line_;
        t.col = t.end_col = col();
        t.start = t.end = static_cast<std::uint32_t>(pos_);
        out_.tokens.push_back(t);
        done_ = true;
    }

    void lex_name_or_string() {
        std::size_t start = pos_;
        // String prefixes: any of r, b, u, f (case-insensitive) in a valid combination.
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        while (true) {
            int c = peek();
            int lc = c | 0x20;
            if (!(saw_b || saw_u || saw_f) && (lc == 'b')) saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && lc == 'u') saw_u = true;
            else if (!(saw_r || saw_u) && lc == 'r') saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && lc == 'f') saw_f = true;
            else break;
            ++pos_;
            if (peek() == '\'' || peek() == '"') {
                lex_string(start, pos_);
                return;
            }
        }
        while (pos_ < src_.size()) {
            auto c = static_cast<unsigned char>(src_[pos_]);
            if (c < 0x80) {
                if (!is_ident_char(c)) break;
                ++pos_;
                continue;
            }
            std::size_t len = 0;
            unsigned cp = decode_utf8(src_, pos_, &len);
            if (is_invalid_identifier_cp(cp)) {
                invalid_character(cp, len);
                return;
            }
            pos_ += len;
        }
        std::string_view text = src_.substr(start, pos_ - start);
        emit_here(keyword_kind(text), start);
    }

    void invalid_character(unsigned cp, std::size_t len) {
        int c = chars_between(line_start_, pos_) + 1;
        std::string ch(src_.substr(pos_, len));
        fail(SyntaxErrorKind::SyntaxError, fmt::format("invalid character '{}' (U+{:04X})", ch, cp), line_, line_start_, c, c);
    }

    // [SECTION] numbers -------------------------------------------------------------------------

    // CPython's verify_end_of_number: a number directly followed by a letter is an error, except
    // before the keywords that may legally follow a number (and, else, for, if, in, is, not, or).
    bool verify_end_of_number(const char* kind) {
        int c = peek();
        auto ahead = [&](const char* s) { return src_.substr(pos_ + 1, std::strlen(s)) == s; };
        bool ok_kw = (c == 'a' && ahead("nd")) || (c == 'e' && ahead("lse")) || (c == 'f' && ahead("or")) ||
                     (c == 'i' && (peek(1) == 'f' || peek(1) == 'n' || peek(1) == 's')) ||
                     (c == 'o' && ahead("r")) || (c == 'n' && ahead("ot"));
        if (ok_kw) return true;
        if (c >= 0 && c < 128 && is_ident_char(static_cast<unsigned char>(c))) {
            fail_at_cur(fmt::format("invalid {} literal", kind));
            return false;
        }
        return true;
    }

    // Digits with single underscores between them; returns false (after failing) on a bad '_'.
    bool decimal_tail() {
        while (true) {
            while (is_digit(peek())) ++pos_;
            if (peek() != '_') return true;
            ++pos_;
            if (!is_digit(peek())) {
                fail_at_cur("invalid decimal literal");
                return false;
            }
        }
    }

    void lex_number() {
        std::size_t start = pos_;
        int c = peek();
        if (c == '0' && ((peek(1) | 0x20) == 'x' || (peek(1) | 0x20) == 'o' || (peek(1) | 0x20) == 'b')) {
            int kind = peek(1) | 0x20;
            pos_ += 2;
            const char* name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            auto valid = [&](int d) { return kind == 'x' ? is_hex(d) : kind == 'o' ? (d >= '0' && d <= '7') : (d == '0' || d == '1'); };
            bool any = false;
            while (true) {
                if (peek() == '_') ++pos_;
                if (!valid(peek())) {
                    if (kind != 'x' && is_digit(peek())) {
                        ++pos_;
                        fail_at_cur(fmt::format("invalid digit '{}' in {} literal", static_cast<char>(src_[pos_ - 1]), name));
                        return;
                    }
                    if (!any || src_[pos_ - 1] == '_') {
                        fail_at_cur(fmt::format("invalid {} literal", name));
                        return;
                    }
                    break;
                }
                while (valid(peek())) { ++pos_; any = true; }
                if (peek() != '_') {
                    if (kind != 'x' && is_digit(peek())) {
                        ++pos_;
                        fail_at_cur(fmt::format("invalid digit '{}' in {} literal", static_cast<char>(src_[pos_ - 1]), name));
                        return;
                    }
                    break;
                }
            }
            if (!verify_end_of_number(name)) return;
            emit_here(Tok::Number, start);
            return;
        }
        bool is_float = false;
        if (c == '.') {
            is_float = true;
        } else if (c == '0') {
            // Leading zeros: only "0", "00", ... are integers; "0123" is an error; floats are fine.
            bool nonzero = false;
            while (true) {
                if (peek() == '_') {
                    ++pos_;
                    if (!is_digit(peek())) {
                        fail_at_cur("invalid decimal literal");
                        return;
                    }
                }
                if (peek() != '0') break;
                ++pos_;
            }
            std::size_t zeros_end = pos_ + 1;
            if (is_digit(peek())) {
                nonzero = true;
                if (!decimal_tail()) return;
            }
            int n = peek();
            if (n != '.' && (n | 0x20) != 'e' && (n | 0x20) != 'j' && nonzero) {
                fail(SyntaxErrorKind::SyntaxError,
                     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                     line_, line_start_, chars_between(line_start_, start) + 1, chars_between(line_start_, zeros_end));
                return;
            }
        } else {
            if (!decimal_tail()) return;
        }
        if (peek() == '.') {
            is_float = true;
            ++pos_;
            if (is_digit(peek()) && !decimal_tail()) return;
        }
        if ((peek() | 0x20) == 'e') {
            std::size_t e_pos = pos_;
            ++pos_;
            if (peek() == '+' || peek() == '-') {
                ++pos_;
                if (!is_digit(peek())) {
                    fail_at_cur("invalid decimal literal");
                    return;
                }
            } else if (!is_digit(peek())) {
                // "1e" followed by a non-digit: the 'e' is not part of the number.
                pos_ = e_pos;
                if (!verify_end_of_number("decimal")) return;
                emit_here(Tok::Number, start);
                return;
            }
            is_float = true;
            if (!decimal_tail()) return;
        }
        if ((peek() | 0x20) == 'j') {
            ++pos_;
            if (!verify_end_of_number("imaginary")) return;
            emit_here(Tok::Number, start);
            return;
        }
        (void)is_float;
        if (!verify_end_of_number("decimal")) return;
        emit_here(Tok::Number, start);
    }

    // [SECTION] strings -------------------------------------------------------------------------

    // `start` is where the prefix begins, `quote_pos` where the quote is.
    void lex_string(std::size_t start, std::size_t quote_pos) {
        bool is_f = false, is_raw = false;
        for (std::size_t i = start; i < quote_pos; ++i) {
            int lc = src_[i] | 0x20;
            if (lc == 'f') is_f = true;
            if (lc == 'r') is_raw = true;
        }
        char quote = src_[quote_pos];
        int qsize = 1;
        pos_ = quote_pos + 1;
        if (peek() == quote && peek(1) == quote) {
            qsize = 3;
            pos_ += 2;
        }
        if (is_f) {
            Mode m;
            m.kind = Mode::FString;
            m.quote = quote;
            m.quote_size = qsize;
            m.raw = is_raw;
            m.start_line = line_;
            m.start_col = static_cast<int>(start - line_start_);
            m.start_line_offset = line_start_;
            emit_here(Tok::FStringStart, start);
            modes_.push_back(m);
            return;
        }
        int first_line = line_;
        std::size_t first_line_start = line_start_;
        if (qsize == 1 && peek() == quote) {  // empty string ''
            ++pos_;
            emit(Tok::String, start, first_line, first_line_start);
            return;
        }
        int end_quotes = 0;
        while (end_quotes != qsize) {
            int c = peek();
            if (c == -1 || (qsize == 1 && c == '\n')) {
                unterminated_string(start, quote_pos, quote, qsize, first_line, first_line_start);
                return;
            }
            ++pos_;
            if (c == quote) {
                ++end_quotes;
            } else {
                end_quotes = 0;
                if (c == '\n') newline_at(pos_ - 1);
                if (c == '\\') {
                    int n = peek();
                    if (n != -1) {
                        ++pos_;
                        if (n == '\n') newline_at(pos_ - 1);
                    }
                }
            }
        }
        emit(Tok::String, start, first_line, first_line_start);
    }

    void unterminated_string(std::size_t start, std::size_t quote_pos, char quote, int qsize, int first_line,
                             std::size_t first_line_start) {
        // At the end of the input, a final newline does not start another line.
        int detected = peek() == -1 && pos_ > 0 && src_[pos_ - 1] == '\n' ? line_ - 1 : line_;
        // CPython points just past the token's first character (the prefix, if any).
        (void)quote_pos;
        int offset = chars_between(first_line_start, start) + 1;
        // Inside an f-string replacement field, a quote matching the f-string's own quote means
        // the '}' is missing.
        for (auto it = modes_.rbegin(); it != modes_.rend(); ++it) {
            if (it->kind == Mode::FString) {
                if (it->quote == quote && it->quote_size == qsize) {
                    fail(SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", first_line, first_line_start, offset, offset);
                    return;
                }
                break;
            }
        }
        fail(SyntaxErrorKind::SyntaxError,
             qsize == 3 ? fmt::format("unterminated triple-quoted string literal (detected at line {})", detected)
                        : fmt::format("unterminated string literal (detected at line {})", detected),
             first_line, first_line_start, offset, offset);
    }

    // Literal text of an f-string or of a format spec, up to '{', '}' or the closing quote.
    void lex_fstring_middle() {
        // Find the enclosing f-string.
        const Mode* fs = nullptr;
        for (auto it = modes_.rbegin(); it != modes_.rend(); ++it)
            if (it->kind == Mode::FString) { fs = &*it; break; }
        bool in_spec = modes_.back().kind == Mode::Spec;
        std::size_t start = pos_;
        int start_line = line_;
        std::size_t start_line_start = line_start_;
        auto flush = [&] {
            if (pos_ > start) emit(Tok::FStringMiddle, start, start_line, start_line_start);
        };
        while (true) {
            int c = peek();
            if (c == -1 || (fs->quote_size == 1 && c == '\n')) {
                if (in_spec) {
                    flush();
                    // CPython: "f-string: expecting '}'" at the current position.
                    int off = chars_between(line_start_, pos_) + 1;
                    fail(SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", line_, line_start_, off, off);
                    return;
                }
                int off = chars_between(fs->start_line_offset, fs->start_line_offset + static_cast<std::size_t>(fs->start_col)) + 1;
                int detected = c == -1 && pos_ > 0 && src_[pos_ - 1] == '\n' ? line_ - 1 : line_;
                fail(SyntaxErrorKind::SyntaxError,
                     fmt::format("unterminated {}f-string literal (detected at line {})", fs->quote_size == 3 ? "triple-quoted " : "", detected),
                     fs->start_line, fs->start_line_offset, off, off);
                return;
            }
            if (c == fs->quote && (fs->quote_size == 1 || (peek(1) == c && peek(2) == c))) {
                if (in_spec) {
                    // The quote ends the f-string even inside a format spec (CPython): the
                    // parser then reports the missing '}', and the '{' stays open.
                    flush();
                    std::size_t q = pos_;
                    pos_ += static_cast<std::size_t>(fs->quote_size);
                    emit_here(Tok::FStringEnd, q);
                    while (!modes_.empty() && modes_.back().kind != Mode::FString) modes_.pop_back();
                    if (!modes_.empty()) modes_.pop_back();
                    return;
                }
                flush();
                std::size_t q = pos_;
                int ql = line_;
                std::size_t qls = line_start_;
                pos_ += static_cast<std::size_t>(fs->quote_size);
                emit(Tok::FStringEnd, q, ql, qls);
                modes_.pop_back();
                return;
            }
            if (c == '{') {
                if (peek(1) == '{' && !in_spec) {
                    pos_ += 2;
                    continue;
                }
                flush();
                std::size_t b = pos_;
                ++pos_;
                if (!open_paren('{', b)) return;
                emit_here(Tok::LBrace, b);
                Mode m;
                m.kind = Mode::Field;
                m.paren_depth = parens_.size() - 1;
                modes_.push_back(m);
                return;
            }
            if (c == '}') {
                if (in_spec) {
                    flush();
                    std::size_t b = pos_;
                    ++pos_;
                    parens_.pop_back();
                    emit_here(Tok::RBrace, b);
                    modes_.pop_back();  // Spec
                    modes_.pop_back();  // Field
                    return;
                }
                if (peek(1) == '}') {
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                fail_at_cur("f-string: single '}' is not allowed");
                return;
            }
            if (c == '\\' && !fs->raw) {
                ++pos_;
                int n = peek();
                if (n == '\n') { ++pos_; newline_at(pos_ - 1); }
                else if (n == 'N' && peek(1) == '{') {
                    // \N{...} is one escape; its braces are not replacement fields.
                    while (peek() != -1 && peek() != '}' && peek() != '\n') ++pos_;
                    if (peek() == '}') ++pos_;
                } else if (n != -1 && n != '{' && n != '}') ++pos_;
                continue;
            }
            if (c == '\n') {
                ++pos_;
                newline_at(pos_ - 1);
                continue;
            }
            ++pos_;
        }
    }

    // [SECTION] operators -----------------------------------------------------------------------

    bool open_paren(char ch, std::size_t at) {
        if (static_cast<int>(parens_.size()) >= kMaxParenLevel) {
            fail_at_cur("too many nested parentheses");
            return false;
        }
        parens_.push_back({ch, line_, static_cast<int>(at - line_start_)});
        return true;
    }

    void lex_operator() {
        std::size_t start = pos_;
        int c = peek(), c1 = peek(1), c2 = peek(2);
        Tok kind = Tok::Unknown;
        int len = 1;
        auto three = [&](char a, char b, char d) { return c == a && c1 == b && c2 == d; };
        if (three('*', '*', '=')) { kind = Tok::DoubleStarEqual; len = 3; }
        else if (three('/', '/', '=')) { kind = Tok::DoubleSlashEqual; len = 3; }
        else if (three('<', '<', '=')) { kind = Tok::LeftShiftEqual; len = 3; }
        else if (three('>', '>', '=')) { kind = Tok::RightShiftEqual; len = 3; }
        else if (three('.', '.', '.')) { kind = Tok::Ellipsis; len = 3; }
        else {
            len = 2;
            switch (c) {
                case '=': kind = c1 == '=' ? Tok::EqEqual : Tok::Equal; break;
                case '!': kind = c1 == '=' ? Tok::NotEqual : Tok::Exclamation; break;
                case '<': kind = c1 == '=' ? Tok::LessEqual : c1 == '<' ? Tok::LeftShift : Tok::Less; break;
                case '>': kind = c1 == '=' ? Tok::GreaterEqual : c1 == '>' ? Tok::RightShift : Tok::Greater; break;
                case '*': kind = c1 == '*' ? Tok::DoubleStar : c1 == '=' ? Tok::StarEqual : Tok::Star; break;
                case '/': kind = c1 == '/' ? Tok::DoubleSlash : c1 == '=' ? Tok::SlashEqual : Tok::Slash; break;
                case '+': kind = c1 == '=' ? Tok::PlusEqual : Tok::Plus; break;
                case '-': kind = c1 == '=' ? Tok::MinEqual : c1 == '>' ? Tok::RArrow : Tok::Minus; break;
                case '%': kind = c1 == '=' ? Tok::PercentEqual : Tok::Percent; break;
                case '&': kind = c1 == '=' ? Tok::AmperEqual : Tok::Amper; break;
                case '|': kind = c1 == '=' ? Tok::VBarEqual : Tok::VBar; break;
                case '^': kind = c1 == '=' ? Tok::CircumFlexEqual : Tok::CircumFlex; break;
                case '@': kind = c1 == '=' ? Tok::AtEqual : Tok::At; break;
                case ':': kind = c1 == '=' ? Tok::ColonEqual : Tok::Colon; break;
                case '(': kind = Tok::LPar; break;
                case ')': kind = Tok::RPar; break;
                case '[': kind = Tok::LSqb; break;
                case ']': kind = Tok::RSqb; break;
                case '{': kind = Tok::LBrace; break;
                case '}': kind = Tok::RBrace; break;
                case ',': kind = Tok::Comma; break;
                case ';': kind = Tok::Semi; break;
                case '.': kind = Tok::Dot; break;
                case '~': kind = Tok::Tilde; break;
                default: kind = Tok::Unknown; break;
            }
            // Single-character results consume one byte.
            static const Tok two_char[] = {Tok::EqEqual, Tok::NotEqual, Tok::LessEqual, Tok::LeftShift, Tok::GreaterEqual,
                                           Tok::RightShift, Tok::DoubleStar, Tok::StarEqual, Tok::DoubleSlash, Tok::SlashEqual,
                                           Tok::PlusEqual, Tok::MinEqual, Tok::RArrow, Tok::PercentEqual, Tok::AmperEqual,
                                           Tok::VBarEqual, Tok::CircumFlexEqual, Tok::AtEqual, Tok::ColonEqual};
            len = 1;
            for (Tok t : two_char)
                if (t == kind) len = 2;
        }
        // Inside an f-string replacement field, at the field's own bracket level, ':' starts the
        // format spec (even `:=` is not a walrus there, as in CPython) and '}' ends the field.
        if (!modes_.empty() && modes_.back().kind == Mode::Field &&
            parens_.size() == modes_.back().paren_depth + 1) {
            if (c == ':' ) {
                pos_ = start + 1;
                emit_here(Tok::Colon, start);
                Mode m;
                m.kind = Mode::Spec;
                m.paren_depth = modes_.back().paren_depth;
                modes_.push_back(m);
                return;
            }
        }
        if (kind == Tok::Unknown) {
            std::size_t n = 0;
            unsigned cp = decode_utf8(src_, pos_, &n);
            if (cp >= 0x80) {
                invalid_character(cp, n);
                return;
            }
            pos_ = start + 1;
            emit_here(Tok::Unknown, start);
            return;
        }
        pos_ = start + static_cast<std::size_t>(len);
        if (kind == Tok::LPar || kind == Tok::LSqb || kind == Tok::LBrace) {
            if (!open_paren(static_cast<char>(c), start)) return;
        } else if (kind == Tok::RPar || kind == Tok::RSqb || kind == Tok::RBrace) {
            if (parens_.empty()) {
                fail_at_cur(fmt::format("unmatched '{}'", static_cast<char>(c)));
                return;
            }
            OpenBracket open = parens_.back();
            char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
            if (want != c) {
                if (open.lineno != line_) {
                    fail_at_cur(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                            static_cast<char>(c), open.ch, open.lineno));
                } else {
                    fail_at_cur(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'",
                                            static_cast<char>(c), open.ch));
                }
                return;
            }
            parens_.pop_back();
            if (kind == Tok::RBrace && !modes_.empty() && modes_.back().kind == Mode::Field &&
                parens_.size() == modes_.back().paren_depth) {
                modes_.pop_back();  // end of a replacement field
            }
        }
        emit_here(kind, start);
    }
};

}  // namespace

LexResult tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace ll::lang
