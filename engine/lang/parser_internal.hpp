// Internal declarations shared by the parser's source files (parser.cpp: driver and errors,
// parser_expr.cpp: expressions, parser_stmt.cpp: statements, parser_strings.cpp: literals).
// Not part of the front end's interface: include parser.hpp instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/lexer.hpp"
#include "engine/lang/syntax_error.hpp"

namespace ll::lang::detail {

// What a target is being used for (decides the error message for invalid targets).
enum class TargetUse { Assign, Delete, For, With, Comprehension };

class Parser {
public:
    Parser(std::string_view src, const LexResult& lex, Module& module);
    // Parses the whole file; returns the error CPython would report, if any.
    std::optional<SyntaxError> parse_file();

    // [SECTION] tokens
    const Token& tok(std::size_t ahead = 0);  // peek; records how far the parser looked
    Tok kind(std::size_t ahead = 0) { return tok(ahead).kind; }
    bool at(Tok k) { return kind() == k; }
    const Token& advance();                   // consume and return the current token
    bool accept(Tok k);                       // consume if the current token is k
    const Token& prev() const { return toks_[pos_ - 1]; }  // last consumed token
    std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }
    bool at_name(std::string_view s) { return at(Tok::Name) && text(tok()) == s; }

    // [SECTION] errors (all return nullptr so `return error(...)` works in node parsers)
    bool failed() const { return error_.has_value(); }
    std::nullptr_t error_at(int lineno, int col, int end_lineno, int end_col, std::string msg,
                            SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);  // byte columns, 0-based
    std::nullptr_t error_token(const Token& t, std::string msg, SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
    std::nullptr_t error_node(const Node* n, std::string msg);
    std::nullptr_t error_range(const Node* a, const Node* b, std::string msg);
    std::nullptr_t generic_error();       // "invalid syntax" at the furthest token looked at
    std::nullptr_t raise_at_last(std::string msg, SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
                                          // CPython's RAISE_SYNTAX_ERROR: at the furthest token
    std::nullptr_t expected_block(const char* what, int lineno);
    std::nullptr_t too_deep();

    // [SECTION] spans
    static void set_span(Node* n, const Token& first, const Token& last);
    static void set_span(Node* n, const Node* first, const Node* last);
    static void set_span(Node* n, const Token& first, const Node* last);
    static void set_span(Node* n, const Node* first, const Token& last);

    // [SECTION] statements (parser_stmt.cpp)
    bool parse_statement(std::vector<Stmt*>& out);
    bool parse_simple_statements(std::vector<Stmt*>& out);
    Stmt* parse_simple_statement();
    Stmt* parse_expression_statement();
    bool parse_block(std::vector<Stmt*>& out, const char* what, int header_line);
    bool expect_colon();
    Stmt* parse_if(bool is_elif);
    Stmt* parse_while();
    Stmt* parse_for(const Token* async_tok);
    Stmt* parse_with(const Token* async_tok);
    Stmt* parse_try();
    Stmt* parse_funcdef(std::vector<Expr*> decorators, const Token* async_tok);
    Stmt* parse_classdef(std::vector<Expr*> decorators);
    Stmt* parse_decorated();
    Stmt* parse_import();
    Stmt* parse_from_import();
    Stmt* parse_global_nonlocal(bool is_global);
    Stmt* parse_return();
    Stmt* parse_raise();
    Stmt* parse_assert();
    Stmt* parse_del();
    bool parse_parameters(Arguments& args, Tok closer, bool allow_annotations);
    Arg* parse_param(bool allow_annotation);
    std::string parse_dotted_name();

    // [SECTION] expressions (parser_expr.cpp)
    Expr* parse_star_expressions();        // a, *b, c  (tuple without parentheses)
    Expr* parse_star_expression();         // *x | expression
    Expr* parse_star_named_expression();   // *x | named_expression
    Expr* parse_named_expression();        // NAME := expr | expression
    Expr* parse_expression();              // ternary / lambda / disjunction
    Expr* parse_expression_no_check();     // same, without the adjacent-expression check
    Expr* parse_yield_expr();
    Expr* parse_yield_or_star_expressions();
    Expr* parse_lambda();
    Expr* parse_disjunction();
    Expr* parse_conjunction();
    Expr* parse_inversion();
    Expr* parse_comparison();
    Expr* parse_bitwise_or();
    Expr* parse_binary(int min_prec);       // precedence climbing, 1 (|) .. 6 (* / // % @)
    Expr* parse_factor();
    Expr* parse_power();
    Expr* parse_await_primary();
    Expr* parse_primary();
    Expr* parse_atom();
    Expr* parse_paren_atom();
    Expr* parse_list_atom();
    Expr* parse_brace_atom();
    Expr* parse_call(Expr* func, const Token* start = nullptr);   // start: first token of the primary
    Expr* parse_subscript(Expr* value, const Token* start = nullptr);
    Expr* parse_slice();
    bool parse_comprehension_clauses(std::vector<Comprehension*>& out);
    Expr* parse_target_list(TargetUse use, bool allow_trailing_comma);  // for-loop / comprehension targets
    bool starts_expression(Tok k);
    Expr* check_adjacent_expression(Expr* a);  // "Perhaps you forgot a comma?" and friends

    // [SECTION] targets
    bool set_store(Expr* e, TargetUse use);   // validates a target and sets ctx; reports errors
    Expr* invalid_target(Expr* e, TargetUse use);  // first sub-expression that cannot be a target
    static const char* expr_name(const Expr* e);   // CPython's _PyPegen_get_expr_name

    // [SECTION] literals (parser_strings.cpp)
    Expr* parse_strings();
    Expr* parse_number(const Token& t);
    bool decode_string_token(const Token& t, std::string& out, bool& is_bytes);
    bool decode_escapes(std::string_view body, const Token& t, std::size_t body_offset, bool is_bytes,
                        std::string& out);
    // Literal text waiting to become a Constant part of a JoinedStr.
    struct StrAccum {
        std::string text;
        bool has = false;
        Span span;
        void add(std::string_view s, const Span& where);
    };
    void flush(StrAccum& acc, std::vector<Expr*>& parts);
    bool parse_fstring(std::vector<Expr*>& parts, StrAccum& acc);
    bool parse_fstring_field(std::vector<Expr*>& parts, StrAccum& acc);
    Expr* parse_format_spec(const Token& colon);
    bool decode_fstring_middle(const Token& t, bool raw, std::string& out);

    // Depth guard for recursion (unary chains, nested lambdas, ...).
    struct Depth {
        Parser& p;
        bool overflow;
        explicit Depth(Parser& parser) : p(parser), overflow(++parser.depth_ > kMaxDepth) {}
        ~Depth() { --p.depth_; }
    };
    static constexpr int kMaxDepth = 1000;

    std::string_view src_;
    const LexResult& lex_;
    const std::vector<Token>& toks_;
    Module& m_;
    std::size_t pos_ = 0;
    std::size_t furthest_ = 0;  // furthest token index looked at by the main parse: where
                                // a generic "invalid syntax" is reported (pegen's last_token)
    std::size_t max_fetched_ = 0;  // furthest token ever looked at, also by error probes that
                                   // backtracked (pegen's p->fill - 1)
    int depth_ = 0;
    std::optional<SyntaxError> error_;
    Token eof_token_;           // returned when peeking past the last token
    // Function/loop context is checked by the scope pass, not here.
};

}  // namespace ll::lang::detail
