// Parser driver: token access, error reporting with CPython's locations and priorities, spans,
// assignment-target validation, and parse_module().
#include "engine/lang/parser.hpp"

#include <fmt/format.h>

#include "engine/lang/parser_internal.hpp"

namespace ll::lang {
namespace detail {

Parser::Parser(std::string_view src, const LexResult& lex, Module& module)
    : src_(src), lex_(lex), toks_(lex.tokens), m_(module) {
    // Peeking past the end (only possible after a tokenizer error) yields an end marker.
    if (!toks_.empty()) {
        eof_token_ = toks_.back();
        eof_token_.start = eof_token_.end;
        eof_token_.lineno = eof_token_.end_lineno;
        eof_token_.col = eof_token_.end_col;
    }
    eof_token_.kind = Tok::EndMarker;
}

const Token& Parser::tok(std::size_t ahead) {
    std::size_t i = pos_ + ahead;
    if (i > furthest_) furthest_ = i;
    if (i > max_fetched_) max_fetched_ = i;
    return i < toks_.size() ? toks_[i] : eof_token_;
}

const Token& Parser::advance() {
    const Token& t = tok();
    if (pos_ < toks_.size()) ++pos_;
    return t;
}

bool Parser::accept(Tok k) {
    if (kind() != k) return false;
    advance();
    return true;
}

// [SECTION] errors -----------------------------------------------------------------------------

namespace {

std::string line_with_newline(std::string_view src, int lineno) {
    std::size_t pos = 0;
    for (int l = 1; l < lineno; ++l) {
        pos = src.find('\n', pos);
        if (pos == std::string_view::npos) return {};
        ++pos;
    }
    if (pos > src.size()) return {};
    std::size_t end = src.find('\n', pos);
    return std::string(src.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1));
}

// CPython's _PyPegen_byte_offset_to_character_offset on a 1-based byte offset.
int byte_to_char_offset(const std::string& text, int byte_offset) {
    if (byte_offset <= 0) return byte_offset;
    // CPython's tokenizer sees every line with a newline, even the last one.
    std::string line = text.empty() || text.back() != '\n' ? text + "\n" : text;
    auto n = static_cast<std::size_t>(byte_offset);
    if (n > line.size() + 1) n = line.size() + 1;
    int chars = 0;
    // Decoding the first n-1 bytes gives the number of characters before the column; the
    // offset is one more than that.
    for (std::size_t i = 0; i + 1 < n && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
}

}  // namespace

std::nullptr_t Parser::error_at(int lineno, int col, int end_lineno, int end_col, std::string msg, SyntaxErrorKind kind) {
    if (error_) return nullptr;
    SyntaxError e;
    e.kind = kind;
    e.message = std::move(msg);
    e.lineno = lineno;
    e.end_lineno = end_lineno;
    e.text = line_with_newline(src_, lineno);
    e.offset = byte_to_char_offset(e.text, col + 1);
    e.end_offset = end_col < 0 ? end_col + 1 : byte_to_char_offset(e.text, end_col + 1);
    error_ = std::move(e);
    return nullptr;
}

std::nullptr_t Parser::error_token(const Token& t, std::string msg, SyntaxErrorKind kind) {
    return error_at(t.lineno, t.col, t.end_lineno, t.end_col, std::move(msg), kind);
}

std::nullptr_t Parser::error_node(const Node* n, std::string msg) {
    return error_at(n->span.lineno, n->span.col_offset, n->span.end_lineno, n->span.end_col_offset, std::move(msg));
}

std::nullptr_t Parser::error_range(const Node* a, const Node* b, std::string msg) {
    return error_at(a->span.lineno, a->span.col_offset, b->span.end_lineno, b->span.end_col_offset, std::move(msg));
}

std::nullptr_t Parser::raise_at_last(std::string msg, SyntaxErrorKind kind) {
    const Token& t = furthest_ < toks_.size() ? toks_[furthest_] : eof_token_;
    if (t.kind == Tok::EndMarker || (t.kind == Tok::Dedent && t.start >= src_.size())) {
        // CPython's end-of-input tokens have no column: it reports the end of the last line
        // of the file, with no end.
        int line = 1;
        for (char c : src_) line += c == '\n';
        if (!src_.empty() && src_.back() == '\n') --line;
        std::string text = line_with_newline(src_, line);
        int len = static_cast<int>(text.size()) - (!text.empty() && text.back() == '\n' ? 1 : 0);
        return error_at(line, len, line, -2, std::move(msg), kind);
    }
    return error_token(t, std::move(msg), kind);
}

std::nullptr_t Parser::generic_error() {
    if (error_) return nullptr;
    const Token& t = furthest_ < toks_.size() ? toks_[furthest_] : eof_token_;
    if (t.kind == Tok::Indent || t.kind == Tok::Dedent) {
        const char* msg = t.kind == Tok::Indent ? "unexpected indent" : "unexpected unindent";
        return error_at(t.lineno, t.end_col - 1, t.lineno, -2, msg, SyntaxErrorKind::IndentationError);
    }
    return raise_at_last("invalid syntax");
}

std::nullptr_t Parser::expected_block(const char* what, int lineno) {
    return raise_at_last(fmt::format("expected an indented block after {} on line {}", what, lineno),
                         SyntaxErrorKind::IndentationError);
}

std::nullptr_t Parser::too_deep() {
    if (error_) return nullptr;
    SyntaxError e;
    e.kind = SyntaxErrorKind::MemoryError;
    e.message = "Parser stack overflowed - Python source too complex to parse";
    error_ = std::move(e);
    return nullptr;
}

// [SECTION] spans ------------------------------------------------------------------------------

void Parser::set_span(Node* n, const Token& first, const Token& last) {
    n->span = {first.lineno, first.col, last.end_lineno, last.end_col};
}
void Parser::set_span(Node* n, const Node* first, const Node* last) {
    n->span = {first->span.lineno, first->span.col_offset, last->span.end_lineno, last->span.end_col_offset};
}
void Parser::set_span(Node* n, const Token& first, const Node* last) {
    n->span = {first.lineno, first.col, last->span.end_lineno, last->span.end_col_offset};
}
void Parser::set_span(Node* n, const Node* first, const Token& last) {
    n->span = {first->span.lineno, first->span.col_offset, last.end_lineno, last.end_col};
}

// [SECTION] targets ----------------------------------------------------------------------------

const char* Parser::expr_name(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Attribute: return "attribute";
        case ExprKind::Subscript: return "subscript";
        case ExprKind::Starred: return "starred";
        case ExprKind::Name: return "name";
        case ExprKind::List: return "list";
        case ExprKind::Tuple: return "tuple";
        case ExprKind::Lambda: return "lambda";
        case ExprKind::Call: return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp: return "expression";
        case ExprKind::GeneratorExp: return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom: return "yield expression";
        case ExprKind::Await: return "await expression";
        case ExprKind::ListComp: return "list comprehension";
        case ExprKind::SetComp: return "set comprehension";
        case ExprKind::DictComp: return "dict comprehension";
        case ExprKind::Dict: return "dict literal";
        case ExprKind::Set: return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue: return "f-string expression";
        case ExprKind::Constant: {
            auto& c = static_cast<const Constant&>(*e);
            switch (c.value_kind) {
                case ConstantKind::None: return "None";
                case ConstantKind::True: return "True";
                case ConstantKind::False: return "False";
                case ConstantKind::Ellipsis: return "ellipsis";
                default: return "literal";
            }
        }
        case ExprKind::Compare: return "comparison";
        case ExprKind::IfExp: return "conditional expression";
        case ExprKind::NamedExpr: return "named expression";
        case ExprKind::Slice: return "slice";
    }
    return "expression";
}

Expr* Parser::invalid_target(Expr* e, TargetUse use) {
    switch (e->kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript: return nullptr;
        case ExprKind::Starred:
            if (use == TargetUse::Delete) return e;
            return invalid_target(static_cast<Starred*>(e)->value, use);
        case ExprKind::Tuple:
            for (Expr* x : static_cast<Tuple*>(e)->elts)
                if (Expr* bad = invalid_target(x, use)) return bad;
            return nullptr;
        case ExprKind::List:
            for (Expr* x : static_cast<List*>(e)->elts)
                if (Expr* bad = invalid_target(x, use)) return bad;
            return nullptr;
        case ExprKind::Compare:
            // `for x in y in z`: CPython blames the left side when the comparison is an `in`.
            if (use == TargetUse::For || use == TargetUse::Comprehension) {
                auto* c = static_cast<Compare*>(e);
                if (c->ops[0] == CmpOpKind::In) return invalid_target(c->left, use);
            }
            return e;
        default: return e;
    }
}

bool Parser::set_store(Expr* e, TargetUse use) {
    if (Expr* bad = invalid_target(e, use)) {
        if (use == TargetUse::Delete) error_node(bad, fmt::format("cannot delete {}", expr_name(bad)));
        else error_node(bad, fmt::format("cannot assign to {}", expr_name(bad)));
        return false;
    }
    ExprContext ctx = use == TargetUse::Delete ? ExprContext::Del : ExprContext::Store;
    struct Setter {
        ExprContext ctx;
        void operator()(Expr* x) const {
            switch (x->kind) {
                case ExprKind::Name: static_cast<Name*>(x)->ctx = ctx; break;
                case ExprKind::Attribute: static_cast<Attribute*>(x)->ctx = ctx; break;
                case ExprKind::Subscript: static_cast<Subscript*>(x)->ctx = ctx; break;
                case ExprKind::Starred: {
                    auto* s = static_cast<Starred*>(x);
                    s->ctx = ctx;
                    (*this)(s->value);
                    break;
                }
                case ExprKind::Tuple: {
                    auto* t = static_cast<Tuple*>(x);
                    t->ctx = ctx;
                    for (Expr* y : t->elts) (*this)(y);
                    break;
                }
                case ExprKind::List: {
                    auto* l = static_cast<List*>(x);
                    l->ctx = ctx;
                    for (Expr* y : l->elts) (*this)(y);
                    break;
                }
                default: break;
            }
        }
    };
    Setter{ctx}(e);
    return true;
}

// [SECTION] file -------------------------------------------------------------------------------

std::optional<SyntaxError> Parser::parse_file() {
    while (!failed() && !at(Tok::EndMarker)) {
        if (!parse_statement(m_.body)) break;
    }
    if (!failed() && pos_ < toks_.size() && kind() != Tok::EndMarker) generic_error();
    if (!failed() && lex_.error) generic_error();  // the parser reached the tokenizer error

    bool lex_error = lex_.error.has_value();
    bool indent_error = failed() && error_->kind == SyntaxErrorKind::IndentationError &&
                        (error_->message == "unexpected indent" || error_->message == "unexpected unindent");
    if (failed() && error_->kind == SyntaxErrorKind::MemoryError) return error_;
    bool reached_lex_error = furthest_ >= lex_.error_token || max_fetched_ >= lex_.error_token;
    if (lex_error && ((!indent_error && lex_.error_overrides) || reached_lex_error || !failed())) {
        // Tokenizer errors win over parser errors (CPython tokenizes the rest of the file
        // after a parser error and reports a tokenizer error found there instead).
        return lex_.error;
    }
    if (failed() && !lex_.open_brackets.empty() && !indent_error) {
        // Input ended inside brackets: CPython reports the innermost unclosed bracket when the
        // parser error is at the end or on a later line than that bracket.
        const OpenBracket& b = lex_.open_brackets.back();
        // CPython compares with the line of the furthest token the parser fetched.
        bool at_eof = furthest_ + 1 >= toks_.size();
        const Token& furthest = max_fetched_ < toks_.size() ? toks_[max_fetched_] : eof_token_;
        if (at_eof || furthest.lineno > b.lineno) {
            error_.reset();
            error_at(b.lineno, b.col, b.lineno, -1, fmt::format("'{}' was never closed", b.ch));
        }
    }
    return error_;
}

}  // namespace detail

ParseResult parse_module(std::string_view source, std::string filename) {
    ParseResult r;
    auto module = std::make_unique<Module>();
    module->filename = std::move(filename);
    // Universal newlines (as when CPython reads a file) and no BOM.
    std::string text;
    text.reserve(source.size());
    std::size_t i = 0;
    if (source.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    for (; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            text += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            text += c;
        }
    }
    module->source = std::move(text);
    if (module->source.find('\0') != std::string::npos) {
        SyntaxError e;
        e.message = "source code cannot contain null bytes";
        r.error = std::move(e);
        return r;
    }
    LexResult lex = tokenize(module->source);
    detail::Parser parser(module->source, lex, *module);
    std::optional<SyntaxError> err = parser.parse_file();
    if (err) {
        r.error = std::move(err);
        return r;
    }
    r.module = std::move(module);
    return r;
}

}  // namespace ll::lang
