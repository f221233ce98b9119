// Expression parsing: CPython's grammar from star_expressions down to atoms, by recursive
// descent with one function per precedence level, plus CPython's targeted error messages.
#include <fmt/format.h>

#include "engine/lang/parser_internal.hpp"

namespace ll::lang::detail {

bool Parser::starts_expression(Tok k) {
    switch (k) {
        case Tok::Name: case Tok::Number: case Tok::String: case Tok::FStringStart: case Tok::LPar:
        case Tok::LSqb: case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde:
        case Tok::KwNot: case Tok::KwLambda: case Tok::KwAwait: case Tok::KwNone: case Tok::KwTrue:
        case Tok::KwFalse: case Tok::Ellipsis:
            return true;
        default:
            return false;
    }
}

namespace {
bool is_soft_keyword(std::string_view s) { return s == "match" || s == "case" || s == "type" || s == "_"; }
}  // namespace

// CPython's invalid_expression / invalid_legacy_expression: an expression directly followed by
// another one.
Expr* Parser::check_adjacent_expression(Expr* a) {
    if (failed() || !a || !starts_expression(kind())) return a;
    std::size_t b_start = pos_;
    // Find the first token of `a` by its position.
    std::size_t a_start = b_start;
    while (a_start > 0 && (toks_[a_start - 1].lineno > a->span.lineno ||
                           (toks_[a_start - 1].lineno == a->span.lineno && toks_[a_start - 1].col >= a->span.col_offset)))
        --a_start;
    auto* name = as<Name>(a);
    if (name && (name->id == "print" || name->id == "exec") && !at(Tok::LPar)) {
        Expr* b = parse_star_expressions();
        if (b && !failed()) {
            return error_range(a, b, fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?",
                                                 name->id, name->id));
        }
        error_.reset();
        pos_ = b_start;
        furthest_ = b_start;
        return generic_error();
    }
    const Token& first = toks_[a_start];
    bool skip = (first.kind == Tok::Name && is_soft_keyword(text(first))) ||
                (first.kind == Tok::Name && a_start + 1 < toks_.size() && toks_[a_start + 1].kind == Tok::String);
    if (!skip) {
        Expr* b = parse_expression_no_check();
        if (b && !failed() && prev().level > 0) {
            return error_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
        error_.reset();
    } else if (first.kind == Tok::Name && toks_[b_start].kind == Tok::String) {
        // `f "x" y`: CPython tries again from the string: "x" followed by y.
        Expr* b = parse_expression_no_check();
        if (b && !failed() && starts_expression(kind())) {
            Expr* c = parse_expression_no_check();
            if (c && !failed() && prev().level > 0) {
                return error_range(b, c, "invalid syntax. Perhaps you forgot a comma?");
            }
        }
        error_.reset();
    }
    pos_ = b_start;
    furthest_ = b_start;
    return generic_error();
}

Expr* Parser::parse_star_expressions() {
    const Token& first = tok();
    Expr* e = parse_star_expression();
    if (!e || !at(Tok::Comma)) return e;
    auto* t = m_.make<Tuple>();
    t->elts.push_back(e);
    while (accept(Tok::Comma)) {
        if (!at(Tok::Star) && !starts_expression(kind())) break;
        Expr* x = parse_star_expression();
        if (!x) return nullptr;
        t->elts.push_back(x);
    }
    set_span(t, first, prev());
    return t;
}

Expr* Parser::parse_star_expression() {
    if (at(Tok::Star)) {
        const Token& star = advance();
        Expr* v = parse_bitwise_or();
        if (!v) return nullptr;
        auto* s = m_.make<Starred>();
        s->value = v;
        set_span(s, star, prev());
        return s;
    }
    return parse_expression();
}

Expr* Parser::parse_star_named_expression() {
    if (at(Tok::Star)) {
        const Token& star = advance();
        Expr* v = parse_bitwise_or();
        if (!v) return nullptr;
        auto* s = m_.make<Starred>();
        s->value = v;
        set_span(s, star, prev());
        return s;
    }
    return parse_named_expression();
}

Expr* Parser::parse_named_expression() {
    if (at(Tok::Name) && kind(1) == Tok::ColonEqual) {
        const Token& name_tok = advance();
        advance();
        auto* target = m_.make<Name>();
        target->id = std::string(text(name_tok));
        target->ctx = ExprContext::Store;
        set_span(target, name_tok, name_tok);
        Expr* value = parse_expression();
        if (!value) return nullptr;
        auto* n = m_.make<NamedExpr>();
        n->target = target;
        n->value = value;
        set_span(n, name_tok, prev());
        return n;
    }
    Expr* e = parse_expression();
    if (e && at(Tok::ColonEqual)) {
        return error_node(e, fmt::format("cannot use assignment expressions with {}", expr_name(e)));
    }
    if (e && at(Tok::Equal) && as<Name>(e) && !failed()) {
        // `if x = 1:`: CPython suggests '==' or ':=' (invalid_named_expression).
        std::size_t save = pos_;
        advance();
        Expr* b = parse_bitwise_or();
        if (b && !failed() && !at(Tok::Equal) && !at(Tok::ColonEqual)) {
            return error_range(e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        error_.reset();
        pos_ = save;
    } else if (e && at(Tok::Equal) && !failed()) {
        Expr* inner = e;
        bool excluded = inner->kind == ExprKind::List || inner->kind == ExprKind::Tuple ||
                        inner->kind == ExprKind::GeneratorExp ||
                        (inner->kind == ExprKind::Constant &&
                         (static_cast<Constant*>(inner)->value_kind == ConstantKind::None ||
                          static_cast<Constant*>(inner)->value_kind == ConstantKind::True ||
                          static_cast<Constant*>(inner)->value_kind == ConstantKind::False));
        bool bitwise_level = inner->kind != ExprKind::Compare && inner->kind != ExprKind::BoolOp &&
                             inner->kind != ExprKind::IfExp && inner->kind != ExprKind::Lambda &&
                             !(inner->kind == ExprKind::UnaryOp && static_cast<UnaryOp*>(inner)->op == UnaryOpKind::Not);
        if (!excluded && bitwise_level) {
            std::size_t save = pos_;
            advance();
            Expr* b = parse_bitwise_or();
            if (b && !failed() && !at(Tok::Equal) && !at(Tok::ColonEqual)) {
                return error_node(e, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                                 expr_name(e)));
            }
            error_.reset();
            pos_ = save;
        }
    }
    return e;
}

Expr* Parser::parse_expression() {
    Expr* e = parse_expression_no_check();
    if (e && e->kind != ExprKind::IfExp && e->kind != ExprKind::Lambda) return check_adjacent_expression(e);
    return e;
}

Expr* Parser::parse_expression_no_check() {
    Depth d(*this);
    if (d.overflow) return too_deep();
    if (at(Tok::KwLambda)) return parse_lambda();
    const Token& start = tok();
    Expr* body = parse_disjunction();
    if (!body || !at(Tok::KwIf)) return body;
    advance();
    Expr* test = parse_disjunction();
    if (!test) return nullptr;
    if (!accept(Tok::KwElse)) {
        if (at(Tok::Colon)) return generic_error();
        return error_range(body, test, "expected 'else' after 'if' expression");
    }
    Expr* orelse = parse_expression();
    if (!orelse) return nullptr;
    auto* n = m_.make<IfExp>();
    n->test = test;
    n->body = body;
    n->orelse = orelse;
    set_span(n, start, prev());
    return n;
}

Expr* Parser::parse_yield_expr() {
    const Token& y = advance();  // 'yield'
    if (accept(Tok::KwFrom)) {
        Expr* v = parse_expression();
        if (!v) return nullptr;
        auto* n = m_.make<YieldFrom>();
        n->value = v;
        set_span(n, y, prev());
        return n;
    }
    auto* n = m_.make<Yield>();
    if (at(Tok::Star) || starts_expression(kind())) {
        n->value = parse_star_expressions();
        if (!n->value) return nullptr;
        set_span(n, y, prev());
    } else {
        set_span(n, y, y);
    }
    return n;
}

Expr* Parser::parse_yield_or_star_expressions() {
    if (at(Tok::KwYield)) return parse_yield_expr();
    return parse_star_expressions();
}

Expr* Parser::parse_lambda() {
    const Token& kw = advance();
    auto* n = m_.make<Lambda>();
    if (!at(Tok::Colon) && !parse_parameters(n->args, Tok::Colon, false)) return nullptr;
    if (!accept(Tok::Colon)) return generic_error();
    Expr* body = parse_expression();
    if (!body) return nullptr;
    n->body = body;
    set_span(n, kw, prev());
    return n;
}

Expr* Parser::parse_disjunction() {
    const Token& start = tok();
    Expr* first = parse_conjunction();
    if (!first || !at(Tok::KwOr)) return first;
    auto* n = m_.make<BoolOp>();
    n->op = BoolOpKind::Or;
    n->values.push_back(first);
    while (accept(Tok::KwOr)) {
        Expr* x = parse_conjunction();
        if (!x) return nullptr;
        n->values.push_back(x);
    }
    set_span(n, start, prev());
    return n;
}

Expr* Parser::parse_conjunction() {
    const Token& start = tok();
    Expr* first = parse_inversion();
    if (!first || !at(Tok::KwAnd)) return first;
    auto* n = m_.make<BoolOp>();
    n->op = BoolOpKind::And;
    n->values.push_back(first);
    while (accept(Tok::KwAnd)) {
        Expr* x = parse_inversion();
        if (!x) return nullptr;
        n->values.push_back(x);
    }
    set_span(n, start, prev());
    return n;
}

Expr* Parser::parse_inversion() {
    if (at(Tok::KwNot)) {
        Depth d(*this);
        if (d.overflow) return too_deep();
        const Token& kw = advance();
        Expr* operand = parse_inversion();
        if (!operand) return nullptr;
        auto* n = m_.make<UnaryOp>();
        n->op = UnaryOpKind::Not;
        n->operand = operand;
        set_span(n, kw, prev());
        return n;
    }
    return parse_comparison();
}

Expr* Parser::parse_comparison() {
    const Token& start = tok();
    Expr* left = parse_bitwise_or();
    if (!left) return nullptr;
    Compare* n = nullptr;
    while (true) {
        CmpOpKind op;
        switch (kind()) {
            case Tok::EqEqual: op = CmpOpKind::Eq; break;
            case Tok::NotEqual: op = CmpOpKind::NotEq; break;
            case Tok::Less: op = CmpOpKind::Lt; break;
            case Tok::LessEqual: op = CmpOpKind::LtE; break;
            case Tok::Greater: op = CmpOpKind::Gt; break;
            case Tok::GreaterEqual: op = CmpOpKind::GtE; break;
            case Tok::KwIn: op = CmpOpKind::In; break;
            case Tok::KwIs: op = kind(1) == Tok::KwNot ? CmpOpKind::IsNot : CmpOpKind::Is; break;
            case Tok::KwNot:
                if (kind(1) != Tok::KwIn) return n ? static_cast<Expr*>(n) : left;
                op = CmpOpKind::NotIn;
                break;
            default: return n ? static_cast<Expr*>(n) : left;
        }
        advance();
        if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn) advance();
        Expr* right = parse_bitwise_or();
        if (!right) return nullptr;
        if (!n) {
            n = m_.make<Compare>();
            n->left = left;
        }
        n->ops.push_back(op);
        n->comparators.push_back(right);
        set_span(n, start, prev());
    }
}

Expr* Parser::parse_bitwise_or() { return parse_binary(1); }

namespace {
// Binding power of a binary operator token, loosest first: | ^ & (<< >>) (+ -) (* / // % @);
// 0 when the token is not a binary operator.
int binary_precedence(Tok k, BinOpKind& op) {
    switch (k) {
        case Tok::VBar: op = BinOpKind::BitOr; return 1;
        case Tok::CircumFlex: op = BinOpKind::BitXor; return 2;
        case Tok::Amper: op = BinOpKind::BitAnd; return 3;
        case Tok::LeftShift: op = BinOpKind::LShift; return 4;
        case Tok::RightShift: op = BinOpKind::RShift; return 4;
        case Tok::Plus: op = BinOpKind::Add; return 5;
        case Tok::Minus: op = BinOpKind::Sub; return 5;
        case Tok::Star: op = BinOpKind::Mult; return 6;
        case Tok::Slash: op = BinOpKind::Div; return 6;
        case Tok::DoubleSlash: op = BinOpKind::FloorDiv; return 6;
        case Tok::Percent: op = BinOpKind::Mod; return 6;
        case Tok::At: op = BinOpKind::MatMult; return 6;
        default: return 0;
    }
}
}  // namespace

// Precedence climbing over the left-associative binary operators: one stack frame per
// precedence level actually used, not one per grammar level.
Expr* Parser::parse_binary(int min_prec) {
    const Token& start = tok();
    Expr* left = parse_factor();
    if (!left) return nullptr;
    int saved_depth = depth_;
    while (true) {
        BinOpKind op = BinOpKind::Add;
        int prec = binary_precedence(kind(), op);
        if (prec == 0 || prec < min_prec) break;
        // Each link of a long chain nests the tree one level deeper: count it like recursion so
        // that later passes over the tree stay within a bounded depth.
        if (++depth_ > kMaxDepth) {
            depth_ = saved_depth;
            return too_deep();
        }
        advance();
        Expr* right = parse_binary(prec + 1);
        if (!right) {
            depth_ = saved_depth;
            return nullptr;
        }
        auto* n = m_.make<BinOp>();
        n->left = left;
        n->op = op;
        n->right = right;
        set_span(n, start, prev());
        left = n;
    }
    depth_ = saved_depth;
    return left;
}

Expr* Parser::parse_factor() {
    Tok k = kind();
    if (k == Tok::Plus || k == Tok::Minus || k == Tok::Tilde) {
        Depth d(*this);
        if (d.overflow) return too_deep();
        const Token& op = advance();
        Expr* operand = parse_factor();
        if (!operand) return nullptr;
        auto* n = m_.make<UnaryOp>();
        n->op = k == Tok::Plus ? UnaryOpKind::UAdd : k == Tok::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
        n->operand = operand;
        set_span(n, op, prev());
        return n;
    }
    return parse_power();
}

Expr* Parser::parse_power() {
    const Token& start = tok();
    Expr* base = parse_await_primary();
    if (!base || !at(Tok::DoubleStar)) return base;
    Depth d(*this);
    if (d.overflow) return too_deep();
    advance();
    Expr* exp = parse_factor();
    if (!exp) return nullptr;
    auto* n = m_.make<BinOp>();
    n->left = base;
    n->op = BinOpKind::Pow;
    n->right = exp;
    set_span(n, start, prev());
    return n;
}

Expr* Parser::parse_await_primary() {
    if (at(Tok::KwAwait)) {
        const Token& kw = advance();
        Expr* v = parse_primary();
        if (!v) return nullptr;
        auto* n = m_.make<Await>();
        n->value = v;
        set_span(n, kw, prev());
        return n;
    }
    return parse_primary();
}

Expr* Parser::parse_primary() {
    const Token& start = tok();
    Expr* e = parse_atom();
    if (!e) return nullptr;
    int saved_depth = depth_;
    while (true) {
        Tok k = kind();
        if (k != Tok::Dot && k != Tok::LPar && k != Tok::LSqb) break;
        if (++depth_ > kMaxDepth) {
            depth_ = saved_depth;
            return too_deep();
        }
        if (k == Tok::Dot) {
            advance();
            if (!at(Tok::Name)) {
                depth_ = saved_depth;
                return generic_error();
            }
            const Token& name = advance();
            auto* a = m_.make<Attribute>();
            a->value = e;
            a->attr = std::string(text(name));
            set_span(a, start, name);
            e = a;
        } else if (k == Tok::LPar) {
            e = parse_call(e, &start);
        } else {
            e = parse_subscript(e, &start);
        }
        if (!e) break;
    }
    depth_ = saved_depth;
    return e;
}

Expr* Parser::parse_call(Expr* func, const Token* start) {
    const Token& open = advance();  // '('
    auto* call = m_.make<Call>();
    call->func = func;
    bool seen_keyword = false, seen_double_star = false;
    Expr* genexp = nullptr;  // an unparenthesized generator expression argument
    std::size_t positional_count = 0;
    while (!at(Tok::RPar)) {
        if (at(Tok::Star)) {
            const Token& star = advance();
            Expr* v = parse_expression();
            if (!v) return nullptr;
            auto* s = m_.make<Starred>();
            s->value = v;
            set_span(s, star, prev());
            if (seen_double_star) {
                // CPython's range starts at the comma before the '*'.
                const Token& comma = toks_[&star - toks_.data() - 1];
                return error_at(comma.lineno, comma.col, v->span.end_lineno, v->span.end_col_offset,
                                "iterable argument unpacking follows keyword argument unpacking");
            }
            call->args.push_back(s);
            ++positional_count;
        } else if (at(Tok::DoubleStar)) {
            const Token& ds = advance();
            Expr* v = parse_expression();
            if (!v) return nullptr;
            auto* kw = m_.make<Keyword>();
            kw->value = v;
            set_span(kw, ds, prev());
            call->keywords.push_back(kw);
            seen_double_star = true;
        } else if (at(Tok::Name) && kind(1) == Tok::Equal) {
            const Token& name = advance();
            const Token& eq = advance();
            if (at(Tok::RPar) || at(Tok::Comma)) {
                return error_at(name.lineno, name.col, eq.end_lineno, eq.end_col, "expected argument value expression");
            }
            Expr* v = parse_expression();
            if (!v) return nullptr;
            auto* kw = m_.make<Keyword>();
            kw->arg = std::string(text(name));
            kw->value = v;
            set_span(kw, name, prev());
            call->keywords.push_back(kw);
            seen_keyword = true;
        } else {
            Expr* e = at(Tok::Name) && kind(1) == Tok::ColonEqual ? parse_named_expression() : parse_expression();
            if (!e) return nullptr;
            if (at(Tok::Equal)) {
                // `f(a.b=1)` / `f(True=1)`: CPython's invalid_kwarg.
                if (auto* c = as<Constant>(e); c && (c->value_kind == ConstantKind::True ||
                                                     c->value_kind == ConstantKind::False ||
                                                     c->value_kind == ConstantKind::None)) {
                    return error_node(e, fmt::format("cannot assign to {}", expr_name(e)));
                }
                const Token& eq = tok();
                return error_at(e->span.lineno, e->span.col_offset, eq.end_lineno, eq.end_col,
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
                auto* g = m_.make<GeneratorExp>();
                g->elt = e;
                if (!parse_comprehension_clauses(g->generators)) return nullptr;
                set_span(g, e, g->generators.back());
                if (genexp || !call->args.empty() || !call->keywords.empty() || at(Tok::Comma)) {
                    if (at(Tok::Comma) && kind(1) == Tok::RPar && call->args.empty() && call->keywords.empty()) {
                        // f(x for x in y,) is accepted by CPython
                    } else {
                        return error_node(g, "Generator expression must be parenthesized");
                    }
                }
                genexp = g;
                e = g;
            } else if (genexp) {
                return error_node(genexp, "Generator expression must be parenthesized");
            }
            // CPython reports these at the token after the argument.
            if (seen_double_star) return error_token(tok(), "positional argument follows keyword argument unpacking");
            if (seen_keyword) return error_token(tok(), "positional argument follows keyword argument");
            call->args.push_back(e);
            ++positional_count;
        }
        if (!accept(Tok::Comma)) break;
    }
    if (!at(Tok::RPar)) return generic_error();
    const Token& close = advance();
    if (genexp && call->args.size() == 1 && call->keywords.empty()) {
        // A lone generator argument's span includes the call's parentheses.
        set_span(genexp, open, close);
    }
    if (start) set_span(call, *start, close);
    else set_span(call, func, close);
    return call;
}

Expr* Parser::parse_slice() {
    // slice: [expression] ':' [expression] [':' [expression]] | named_expression | *expression
    const Token& first = tok();
    if (at(Tok::Star)) return parse_star_named_expression();
    Expr* lower = nullptr;
    if (!at(Tok::Colon)) {
        lower = parse_named_expression();
        if (!lower || !at(Tok::Colon)) return lower;
    }
    advance();  // ':'
    auto* s = m_.make<Slice>();
    s->lower = lower;
    if (!at(Tok::Colon) && !at(Tok::RSqb) && !at(Tok::Comma)) {
        s->upper = parse_expression();
        if (!s->upper) return nullptr;
    }
    if (accept(Tok::Colon)) {
        if (!at(Tok::RSqb) && !at(Tok::Comma)) {
            s->step = parse_expression();
            if (!s->step) return nullptr;
        }
    }
    set_span(s, first, prev());
    return s;
}

Expr* Parser::parse_subscript(Expr* value, const Token* start) {
    advance();  // '['
    const Token& first = tok();
    Expr* first_elt = parse_slice();
    if (!first_elt) return nullptr;
    Expr* index = first_elt;
    if (first_elt->kind == ExprKind::Starred && !at(Tok::Comma)) {
        // a[*b] is a one-element tuple (PEP 646).
        auto* t = m_.make<Tuple>();
        t->elts.push_back(first_elt);
        t->span = first_elt->span;
        index = t;
    } else if (at(Tok::Comma)) {
        auto* t = m_.make<Tuple>();
        t->elts.push_back(first_elt);
        while (accept(Tok::Comma)) {
            if (at(Tok::RSqb)) break;
            Expr* x = parse_slice();
            if (!x) return nullptr;
            t->elts.push_back(x);
        }
        set_span(t, first, prev());
        index = t;
    }
    if (!at(Tok::RSqb)) return generic_error();
    const Token& close = advance();
    auto* s = m_.make<Subscript>();
    s->value = value;
    s->slice = index;
    if (start) set_span(s, *start, close);
    else set_span(s, value, close);
    return s;
}

Expr* Parser::parse_atom() {
    const Token& t = tok();
    switch (t.kind) {
        case Tok::Name: {
            advance();
            auto* n = m_.make<Name>();
            n->id = std::string(text(t));
            set_span(n, t, t);
            return n;
        }
        case Tok::KwTrue: case Tok::KwFalse: case Tok::KwNone: case Tok::Ellipsis: {
            advance();
            auto* c = m_.make<Constant>();
            c->value_kind = t.kind == Tok::KwTrue ? ConstantKind::True : t.kind == Tok::KwFalse ? ConstantKind::False
                          : t.kind == Tok::KwNone ? ConstantKind::None : ConstantKind::Ellipsis;
            set_span(c, t, t);
            return c;
        }
        case Tok::Number: advance(); return parse_number(t);
        case Tok::String: case Tok::FStringStart: return parse_strings();
        case Tok::LPar: return parse_paren_atom();
        case Tok::LSqb: return parse_list_atom();
        case Tok::LBrace: return parse_brace_atom();
        default: return generic_error();
    }
}

Expr* Parser::parse_paren_atom() {
    const Token& open = advance();
    if (at(Tok::RPar)) {
        const Token& close = advance();
        auto* t = m_.make<Tuple>();
        set_span(t, open, close);
        return t;
    }
    if (at(Tok::KwYield)) {
        Expr* y = parse_yield_expr();
        if (!y) return nullptr;
        if (!accept(Tok::RPar)) return generic_error();
        return y;
    }
    Expr* first = parse_star_named_expression();
    if (!first) return nullptr;
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        auto* g = m_.make<GeneratorExp>();
        g->elt = first;
        if (!parse_comprehension_clauses(g->generators)) return nullptr;
        if (!at(Tok::RPar)) return generic_error();
        set_span(g, open, advance());
        return g;
    }
    if (at(Tok::Comma)) {
        auto* t = m_.make<Tuple>();
        t->elts.push_back(first);
        while (accept(Tok::Comma)) {
            if (at(Tok::RPar)) break;
            Expr* x = parse_star_named_expression();
            if (!x) return nullptr;
            t->elts.push_back(x);
        }
        if (!at(Tok::RPar)) return generic_error();
        set_span(t, open, advance());
        return t;
    }
    if (!at(Tok::RPar)) return generic_error();
    advance();
    return first;
}

Expr* Parser::parse_list_atom() {
    const Token& open = advance();
    auto* list = m_.make<List>();
    if (at(Tok::RSqb)) {
        set_span(list, open, advance());
        return list;
    }
    Expr* first = parse_star_named_expression();
    if (!first) return nullptr;
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        auto* c = m_.make<ListComp>();
        c->elt = first;
        if (!parse_comprehension_clauses(c->generators)) return nullptr;
        if (!at(Tok::RSqb)) return generic_error();
        set_span(c, open, advance());
        return c;
    }
    list->elts.push_back(first);
    while (accept(Tok::Comma)) {
        if (at(Tok::RSqb)) break;
        Expr* x = parse_star_named_expression();
        if (!x) return nullptr;
        list->elts.push_back(x);
    }
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        return error_range(first, list->elts.back(), "did you forget parentheses around the comprehension target?");
    }
    if (!at(Tok::RSqb)) return generic_error();
    set_span(list, open, advance());
    return list;
}

Expr* Parser::parse_brace_atom() {
    const Token& open = advance();
    if (at(Tok::RBrace)) {
        auto* d = m_.make<Dict>();
        set_span(d, open, advance());
        return d;
    }
    // Decide between dict and set from the first entry.
    Expr* first_key = nullptr;
    Expr* first_value = nullptr;
    bool is_dict = false;
    if (at(Tok::DoubleStar)) {
        advance();
        first_value = parse_bitwise_or();
        if (!first_value) return nullptr;
        is_dict = true;
    } else {
        Expr* e = at(Tok::Star) ? parse_star_named_expression() : parse_expression_no_check();
        if (!e) return nullptr;
        if (at(Tok::Colon) && e->kind != ExprKind::Starred) {
            advance();
            is_dict = true;
            first_key = e;
            if (at(Tok::Star)) return error_token(tok(), "cannot use a starred expression in a dictionary value");
            if (at(Tok::RBrace) || at(Tok::Comma)) {
                const Token& colon = prev();
                return error_token(colon, "expression expected after dictionary key and ':'");
            }
            first_value = parse_expression();
            if (!first_value) return nullptr;
        } else {
            if (e->kind != ExprKind::Starred) {
                if (at(Tok::ColonEqual) || at(Tok::Equal)) {
                    // Let the named-expression rules report it.
                } else {
                    e = check_adjacent_expression(e);
                    if (!e) return nullptr;
                }
            }
            first_key = e;
        }
    }
    if (!is_dict) {
        if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
            auto* c = m_.make<SetComp>();
            c->elt = first_key;
            if (!parse_comprehension_clauses(c->generators)) return nullptr;
            if (!at(Tok::RBrace)) return generic_error();
            set_span(c, open, advance());
            return c;
        }
        auto* s = m_.make<Set>();
        s->elts.push_back(first_key);
        while (accept(Tok::Comma)) {
            if (at(Tok::RBrace)) break;
            Expr* x = parse_star_named_expression();
            if (!x) return nullptr;
            s->elts.push_back(x);
        }
        if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
            return error_range(first_key, s->elts.back(), "did you forget parentheses around the comprehension target?");
        }
        if (!at(Tok::RBrace)) return generic_error();
        set_span(s, open, advance());
        return s;
    }
    if (first_key && (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor))) {
        auto* c = m_.make<DictComp>();
        c->key = first_key;
        c->value = first_value;
        if (!parse_comprehension_clauses(c->generators)) return nullptr;
        if (!at(Tok::RBrace)) return generic_error();
        set_span(c, open, advance());
        return c;
    }
    auto* d = m_.make<Dict>();
    d->keys.push_back(first_key);
    d->values.push_back(first_value);
    while (accept(Tok::Comma)) {
        if (at(Tok::RBrace)) break;
        if (accept(Tok::DoubleStar)) {
            Expr* v = parse_bitwise_or();
            if (!v) return nullptr;
            d->keys.push_back(nullptr);
            d->values.push_back(v);
            continue;
        }
        Expr* k = parse_expression_no_check();
        if (!k) return nullptr;
        if (!at(Tok::Colon)) {
            return error_at(k->span.lineno, k->span.col_offset, k->span.lineno, -1, "':' expected after dictionary key");
        }
        advance();
        if (at(Tok::Star)) return error_token(tok(), "cannot use a starred expression in a dictionary value");
        if (at(Tok::RBrace) || at(Tok::Comma)) return error_token(prev(), "expression expected after dictionary key and ':'");
        Expr* v = parse_expression();
        if (!v) return nullptr;
        d->keys.push_back(k);
        d->values.push_back(v);
    }
    if (!at(Tok::RBrace)) return generic_error();
    set_span(d, open, advance());
    return d;
}

bool Parser::parse_comprehension_clauses(std::vector<Comprehension*>& out) {
    while (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        auto* c = m_.make<Comprehension>();
        const Token& first = tok();
        if (accept(Tok::KwAsync)) c->is_async = true;
        advance();  // 'for'
        c->target = parse_target_list(TargetUse::Comprehension, true);
        if (!c->target) return false;
        if (!accept(Tok::KwIn)) {
            raise_at_last("'in' expected after for-loop variables");
            return false;
        }
        c->iter = parse_disjunction();
        if (!c->iter) return false;
        while (accept(Tok::KwIf)) {
            Expr* cond = parse_disjunction();
            if (!cond) return false;
            c->ifs.push_back(cond);
        }
        set_span(c, first, prev());
        out.push_back(c);
    }
    return true;
}

Expr* Parser::parse_target_list(TargetUse use, bool allow_trailing_comma) {
    const Token& first = tok();
    std::vector<Expr*> elts;
    bool comma = false;
    while (true) {
        Expr* e;
        if (at(Tok::Star)) {
            const Token& star = advance();
            Expr* v = parse_bitwise_or();
            if (!v) return nullptr;
            auto* s = m_.make<Starred>();
            s->value = v;
            set_span(s, star, prev());
            e = s;
        } else {
            e = parse_bitwise_or();
            if (!e) return nullptr;
        }
        elts.push_back(e);
        if (!at(Tok::Comma)) break;
        advance();
        comma = true;
        if (!allow_trailing_comma || (!at(Tok::Star) && !starts_expression(kind()))) break;
    }
    Expr* target = elts[0];
    if (comma) {
        auto* t = m_.make<Tuple>();
        t->elts = std::move(elts);
        set_span(t, first, prev());
        target = t;
    }
    if (!set_store(target, use)) return nullptr;
    return target;
}

}  // namespace ll::lang::detail
