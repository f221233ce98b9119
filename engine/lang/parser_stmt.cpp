// Statement parsing: simple and compound statements, blocks, parameters, imports, with
// CPython 3.13's messages for the common mistakes (missing ':', missing indented block, ...).
#include <fmt/format.h>

#include "engine/lang/parser_internal.hpp"

namespace ll::lang::detail {

namespace {
const Node* last_of(const std::vector<Stmt*>& body) { return body.back(); }
}  // namespace

bool Parser::expect_colon() {
    if (accept(Tok::Colon)) return true;
    if (at(Tok::Newline)) error_token(tok(), "expected ':'");
    else generic_error();
    return false;
}

// CPython marks some colons as forced (`&&':'`): any other token gives "expected ':'".
static bool forced_colon(Parser& p) {
    if (p.accept(Tok::Colon)) return true;
    p.error_token(p.tok(), "expected ':'");
    return false;
}

bool Parser::parse_block(std::vector<Stmt*>& out, const char* what, int header_line) {
    if (accept(Tok::Newline)) {
        if (!at(Tok::Indent)) {
            expected_block(what, header_line);
            return false;
        }
        advance();
        std::size_t before = out.size();
        while (!at(Tok::Dedent) && !at(Tok::EndMarker)) {
            if (!parse_statement(out)) return false;
        }
        if (out.size() == before) {
            // Only possible when the token stream was cut short by a tokenizer error.
            generic_error();
            return false;
        }
        accept(Tok::Dedent);
        return true;
    }
    return parse_simple_statements(out);
}

bool Parser::parse_statement(std::vector<Stmt*>& out) {
    Stmt* s = nullptr;
    switch (kind()) {
        case Tok::KwIf: s = parse_if(false); break;
        case Tok::KwWhile: s = parse_while(); break;
        case Tok::KwFor: s = parse_for(nullptr); break;
        case Tok::KwWith: s = parse_with(nullptr); break;
        case Tok::KwTry: s = parse_try(); break;
        case Tok::KwDef: s = parse_funcdef({}, nullptr); break;
        case Tok::KwClass: s = parse_classdef({}); break;
        case Tok::At: s = parse_decorated(); break;
        case Tok::KwAsync: {
            Tok next = kind(1);
            if (next == Tok::KwDef || next == Tok::KwFor || next == Tok::KwWith) {
                const Token& async_tok = advance();
                s = next == Tok::KwDef ? parse_funcdef({}, &async_tok)
                  : next == Tok::KwFor ? parse_for(&async_tok) : parse_with(&async_tok);
            } else {
                advance();
                generic_error();
            }
            break;
        }
        default:
            if (at_name("match") && kind(1) != Tok::Equal && kind(1) != Tok::Dot && kind(1) != Tok::Newline) {
                // A match statement? Loop Lab's Python has none; say so clearly.
                std::size_t save = pos_;
                std::size_t save_furthest = furthest_;
                const Token& kw = advance();
                Expr* subject = parse_star_named_expression();
                if (subject && !failed() && at(Tok::Colon) && kind(1) == Tok::Newline) {
                    error_token(kw, "the match statement is not supported in Loop Lab");
                    return false;
                }
                error_.reset();
                pos_ = save;
                furthest_ = save_furthest;
            }
            return parse_simple_statements(out);
    }
    if (!s) return false;
    out.push_back(s);
    return true;
}

bool Parser::parse_simple_statements(std::vector<Stmt*>& out) {
    while (true) {
        Stmt* s = parse_simple_statement();
        if (!s) return false;
        out.push_back(s);
        if (!accept(Tok::Semi)) break;
        if (at(Tok::Newline)) break;
    }
    if (!accept(Tok::Newline)) {
        generic_error();
        return false;
    }
    return true;
}

Stmt* Parser::parse_simple_statement() {
    const Token& t = tok();
    switch (t.kind) {
        case Tok::KwPass: { advance(); auto* s = m_.make<Pass>(); set_span(s, t, t); return s; }
        case Tok::KwBreak: { advance(); auto* s = m_.make<Break>(); set_span(s, t, t); return s; }
        case Tok::KwContinue: { advance(); auto* s = m_.make<Continue>(); set_span(s, t, t); return s; }
        case Tok::KwReturn: return parse_return();
        case Tok::KwRaise: return parse_raise();
        case Tok::KwGlobal: return parse_global_nonlocal(true);
        case Tok::KwNonlocal: return parse_global_nonlocal(false);
        case Tok::KwDel: return parse_del();
        case Tok::KwAssert: return parse_assert();
        case Tok::KwImport: return parse_import();
        case Tok::KwFrom: return parse_from_import();
        default: return parse_expression_statement();
    }
}

namespace {
bool augassign_op(Tok k, BinOpKind& op) {
    switch (k) {
        case Tok::PlusEqual: op = BinOpKind::Add; return true;
        case Tok::MinEqual: op = BinOpKind::Sub; return true;
        case Tok::StarEqual: op = BinOpKind::Mult; return true;
        case Tok::AtEqual: op = BinOpKind::MatMult; return true;
        case Tok::SlashEqual: op = BinOpKind::Div; return true;
        case Tok::PercentEqual: op = BinOpKind::Mod; return true;
        case Tok::AmperEqual: op = BinOpKind::BitAnd; return true;
        case Tok::VBarEqual: op = BinOpKind::BitOr; return true;
        case Tok::CircumFlexEqual: op = BinOpKind::BitXor; return true;
        case Tok::LeftShiftEqual: op = BinOpKind::LShift; return true;
        case Tok::RightShiftEqual: op = BinOpKind::RShift; return true;
        case Tok::DoubleStarEqual: op = BinOpKind::Pow; return true;
        case Tok::DoubleSlashEqual: op = BinOpKind::FloorDiv; return true;
        default: return false;
    }
}

bool is_bitwise_level(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
        case ExprKind::Starred: case ExprKind::NamedExpr: case ExprKind::Yield: case ExprKind::YieldFrom:
            return false;
        case ExprKind::UnaryOp: return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
        default: return true;
    }
}
}  // namespace

Stmt* Parser::parse_expression_statement() {
    const Token& first = tok();
    std::size_t first_index = pos_;
    Expr* e = parse_yield_or_star_expressions();
    if (!e) return nullptr;
    BinOpKind op;
    if (at(Tok::Colon)) {
        bool parenthesized = toks_[first_index].kind == Tok::LPar;
        if (e->kind == ExprKind::Tuple && !parenthesized) {
            return error_node(static_cast<Tuple*>(e)->elts[0], "only single target (not tuple) can be annotated");
        }
        if (e->kind == ExprKind::Tuple || e->kind == ExprKind::List) {
            return error_node(e, fmt::format("only single target (not {}) can be annotated", expr_name(e)));
        }
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
            // CPython's rule needs an annotation expression after the ':'.
            bool annotation_follows = pos_ + 1 < toks_.size() && starts_expression(toks_[pos_ + 1].kind);
            if (!annotation_follows) return generic_error();
            return error_node(e, "illegal target for annotation");
        }
        advance();
        auto* s = m_.make<AnnAssign>();
        set_store(e, TargetUse::Assign);
        s->target = e;
        s->simple = e->kind == ExprKind::Name && !parenthesized;
        s->annotation = parse_expression();
        if (!s->annotation) return nullptr;
        if (accept(Tok::Equal)) {
            s->value = parse_yield_or_star_expressions();
            if (!s->value) return nullptr;
        }
        set_span(s, first, prev());
        return s;
    }
    if (augassign_op(kind(), op)) {
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
            return error_node(e, fmt::format("'{}' is an illegal expression for augmented assignment", expr_name(e)));
        }
        advance();
        Expr* value = parse_yield_or_star_expressions();
        if (!value) return nullptr;
        set_store(e, TargetUse::Assign);
        auto* s = m_.make<AugAssign>();
        s->target = e;
        s->op = op;
        s->value = value;
        set_span(s, first, prev());
        return s;
    }
    if (at(Tok::Equal)) {
        std::vector<Expr*> items{e};
        std::vector<std::size_t> starts{first_index};  // first token of each item
        while (accept(Tok::Equal)) {
            starts.push_back(pos_);
            Expr* v = parse_yield_or_star_expressions();
            if (!v) return nullptr;
            items.push_back(v);
        }
        // Validate the targets the way CPython's invalid_assignment rules do.
        if (items.size() == 2) {
            bool excluded = e->kind == ExprKind::List || e->kind == ExprKind::Tuple ||
                            e->kind == ExprKind::GeneratorExp || first.kind == Tok::KwTrue ||
                            first.kind == Tok::KwFalse || first.kind == Tok::KwNone;
            Tok vk = toks_[first_index].kind;
            (void)vk;
            const Expr* v = items[1];
            bool value_bitwise = v->kind != ExprKind::Yield && v->kind != ExprKind::YieldFrom &&
                                 v->kind != ExprKind::Starred && v->kind != ExprKind::Lambda &&
                                 !(v->kind == ExprKind::UnaryOp && static_cast<const UnaryOp*>(v)->op == UnaryOpKind::Not) &&
                                 !(v->kind == ExprKind::Tuple && !static_cast<const Tuple*>(v)->elts.empty() &&
                                   static_cast<const Tuple*>(v)->elts[0]->kind == ExprKind::Starred &&
                                   static_cast<const Tuple*>(v)->elts[0]->span.col_offset == v->span.col_offset);
            if (!excluded && is_bitwise_level(e) && value_bitwise && invalid_target(e, TargetUse::Assign)) {
                return error_node(e, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                                 expr_name(e)));
            }
        }
        for (std::size_t i = 0; i + 1 < items.size(); ++i) {
            Expr* t = items[i];
            if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) && toks_[starts[i]].kind != Tok::LPar) {
                return error_node(t, "assignment to yield expression not possible");
            }
            if (!set_store(t, TargetUse::Assign)) return nullptr;
        }
        auto* s = m_.make<Assign>();
        s->value = items.back();
        items.pop_back();
        s->targets = std::move(items);
        set_span(s, first, prev());
        return s;
    }
    auto* s = m_.make<ExprStmt>();
    s->value = e;
    set_span(s, first, prev());
    return s;
}

Stmt* Parser::parse_return() {
    const Token& kw = advance();
    auto* s = m_.make<Return>();
    if (at(Tok::Star) || starts_expression(kind())) {
        s->value = parse_star_expressions();
        if (!s->value) return nullptr;
    }
    set_span(s, kw, prev());
    return s;
}

Stmt* Parser::parse_raise() {
    const Token& kw = advance();
    auto* s = m_.make<Raise>();
    if (starts_expression(kind())) {
        s->exc = parse_expression();
        if (!s->exc) return nullptr;
        if (accept(Tok::KwFrom)) {
            s->cause = parse_expression();
            if (!s->cause) return nullptr;
        }
    }
    set_span(s, kw, prev());
    return s;
}

Stmt* Parser::parse_global_nonlocal(bool is_global) {
    const Token& kw = advance();
    std::vector<std::string> names;
    while (true) {
        if (!at(Tok::Name)) return generic_error();
        names.emplace_back(text(advance()));
        if (!accept(Tok::Comma)) break;
    }
    if (is_global) {
        auto* s = m_.make<Global>();
        s->names = std::move(names);
        set_span(s, kw, prev());
        return s;
    }
    auto* s = m_.make<Nonlocal>();
    s->names = std::move(names);
    set_span(s, kw, prev());
    return s;
}

Stmt* Parser::parse_del() {
    const Token& kw = advance();
    auto* s = m_.make<Delete>();
    while (true) {
        Expr* t;
        if (at(Tok::Star)) {
            const Token& star = advance();
            Expr* v = parse_bitwise_or();
            if (!v) return nullptr;
            auto* st = m_.make<Starred>();
            st->value = v;
            set_span(st, star, prev());
            t = st;
        } else {
            t = parse_bitwise_or();
            if (!t) return nullptr;
        }
        if (!set_store(t, TargetUse::Delete)) return nullptr;
        s->targets.push_back(t);
        if (!accept(Tok::Comma)) break;
        if (at(Tok::Newline) || at(Tok::Semi)) break;
    }
    set_span(s, kw, prev());
    return s;
}

Stmt* Parser::parse_assert() {
    const Token& kw = advance();
    auto* s = m_.make<Assert>();
    s->test = parse_expression();
    if (!s->test) return nullptr;
    if (accept(Tok::Comma)) {
        s->msg = parse_expression();
        if (!s->msg) return nullptr;
    }
    set_span(s, kw, prev());
    return s;
}

std::string Parser::parse_dotted_name() {
    std::string name(text(advance()));
    while (at(Tok::Dot) && kind(1) == Tok::Name) {
        advance();
        name += '.';
        name += text(advance());
    }
    return name;
}

Stmt* Parser::parse_import() {
    const Token& kw = advance();
    auto* s = m_.make<Import>();
    if (!at(Tok::Name)) {
        if (!at(Tok::Newline)) return generic_error();
        const Token& t = tok();
        return error_at(t.lineno, t.col, t.lineno, t.col, "Expected one or more names after 'import'");
    }
    while (true) {
        if (!at(Tok::Name)) return generic_error();
        const Token& first = tok();
        auto* a = m_.make<Alias>();
        a->name = parse_dotted_name();
        if (accept(Tok::KwAs)) {
            if (!at(Tok::Name)) return generic_error();
            a->asname = std::string(text(advance()));
        }
        set_span(a, first, prev());
        s->names.push_back(a);
        if (!accept(Tok::Comma)) break;
    }
    set_span(s, kw, prev());
    return s;
}

Stmt* Parser::parse_from_import() {
    const Token& kw = advance();
    auto* s = m_.make<ImportFrom>();
    while (at(Tok::Dot) || at(Tok::Ellipsis)) s->level += advance().kind == Tok::Dot ? 1 : 3;
    if (at(Tok::Name)) s->module = parse_dotted_name();
    else if (s->level == 0) return generic_error();
    if (!accept(Tok::KwImport)) return generic_error();
    if (at(Tok::Star)) {
        const Token& star = advance();
        auto* a = m_.make<Alias>();
        a->name = "*";
        set_span(a, star, star);
        s->names.push_back(a);
        set_span(s, kw, prev());
        return s;
    }
    bool paren = accept(Tok::LPar);
    if (!at(Tok::Name)) {
        if (paren || !at(Tok::Newline)) return generic_error();
        const Token& t = tok();
        return error_at(t.lineno, t.col, t.lineno, t.col, "Expected one or more names after 'import'");
    }
    while (true) {
        if (!at(Tok::Name)) return generic_error();
        const Token& name = advance();
        auto* a = m_.make<Alias>();
        a->name = std::string(text(name));
        if (accept(Tok::KwAs)) {
            if (!at(Tok::Name)) return generic_error();
            a->asname = std::string(text(advance()));
        }
        set_span(a, name, prev());
        s->names.push_back(a);
        if (!accept(Tok::Comma)) break;
        if (paren && at(Tok::RPar)) break;
        if (!paren && at(Tok::Newline)) {
            return raise_at_last("trailing comma not allowed without surrounding parentheses");
        }
    }
    if (paren && !accept(Tok::RPar)) return generic_error();
    set_span(s, kw, prev());
    return s;
}

// [SECTION] compound statements ----------------------------------------------------------------

Stmt* Parser::parse_if(bool is_elif) {
    const Token& kw = advance();
    auto* s = m_.make<If>();
    s->test = parse_named_expression();
    if (!s->test || !expect_colon()) return nullptr;
    if (!parse_block(s->body, is_elif ? "'elif' statement" : "'if' statement", kw.lineno)) return nullptr;
    if (at(Tok::KwElif)) {
        Stmt* elif = parse_if(true);
        if (!elif) return nullptr;
        s->orelse.push_back(elif);
    } else if (at(Tok::KwElse)) {
        const Token& else_kw = advance();
        if (!forced_colon(*this)) return nullptr;
        if (!parse_block(s->orelse, "'else' statement", else_kw.lineno)) return nullptr;
    }
    set_span(s, kw, last_of(s->orelse.empty() ? s->body : s->orelse));
    return s;
}

Stmt* Parser::parse_while() {
    const Token& kw = advance();
    auto* s = m_.make<While>();
    s->test = parse_named_expression();
    if (!s->test || !expect_colon()) return nullptr;
    if (!parse_block(s->body, "'while' statement", kw.lineno)) return nullptr;
    if (at(Tok::KwElse)) {
        const Token& else_kw = advance();
        if (!forced_colon(*this)) return nullptr;
        if (!parse_block(s->orelse, "'else' statement", else_kw.lineno)) return nullptr;
    }
    set_span(s, kw, last_of(s->orelse.empty() ? s->body : s->orelse));
    return s;
}

Stmt* Parser::parse_for(const Token* async_tok) {
    const Token& kw = advance();
    auto* s = m_.make<For>();
    s->is_async = async_tok != nullptr;
    s->target = parse_target_list(TargetUse::For, true);
    if (!s->target) return nullptr;
    if (!accept(Tok::KwIn)) return generic_error();
    s->iter = parse_star_expressions();
    if (!s->iter || !expect_colon()) return nullptr;
    if (!parse_block(s->body, "'for' statement", kw.lineno)) return nullptr;
    if (at(Tok::KwElse)) {
        const Token& else_kw = advance();
        if (!forced_colon(*this)) return nullptr;
        if (!parse_block(s->orelse, "'else' statement", else_kw.lineno)) return nullptr;
    }
    set_span(s, async_tok ? *async_tok : kw, last_of(s->orelse.empty() ? s->body : s->orelse));
    return s;
}

Stmt* Parser::parse_with(const Token* async_tok) {
    const Token& kw = advance();
    auto* s = m_.make<With>();
    s->is_async = async_tok != nullptr;
    auto parse_item = [this]() -> WithItem* {
        auto* item = m_.make<WithItem>();
        const Token& first = tok();
        item->context_expr = parse_expression();
        if (!item->context_expr) return nullptr;
        if (accept(Tok::KwAs)) {
            Expr* t;
            if (at(Tok::Star)) {
                const Token& star = advance();
                Expr* v = parse_bitwise_or();
                if (!v) return nullptr;
                auto* st = m_.make<Starred>();
                st->value = v;
                set_span(st, star, prev());
                t = st;
            } else {
                t = parse_bitwise_or();
                if (!t) return nullptr;
            }
            if (!set_store(t, TargetUse::With)) return nullptr;
            item->optional_vars = t;
        }
        set_span(item, first, prev());
        return item;
    };
    bool done = false;
    if (at(Tok::LPar)) {
        // `with (a as b, c):` — try the parenthesized form first, as CPython does.
        std::size_t save = pos_;
        advance();
        std::vector<WithItem*> items;
        bool ok = true;
        while (true) {
            WithItem* item = parse_item();
            if (!item) { ok = false; break; }
            items.push_back(item);
            if (!accept(Tok::Comma)) break;
            if (at(Tok::RPar)) break;
        }
        if (ok && accept(Tok::RPar) && at(Tok::Colon)) {
            s->items = std::move(items);
            done = true;
        } else {
            if (error_ && error_->kind == SyntaxErrorKind::MemoryError) return nullptr;
            error_.reset();
            pos_ = save;
        }
    }
    if (!done) {
        while (true) {
            WithItem* item = parse_item();
            if (!item) return nullptr;
            s->items.push_back(item);
            if (!accept(Tok::Comma)) break;
        }
    }
    if (!expect_colon()) return nullptr;
    if (!parse_block(s->body, "'with' statement", kw.lineno)) return nullptr;
    set_span(s, async_tok ? *async_tok : kw, last_of(s->body));
    return s;
}

Stmt* Parser::parse_try() {
    const Token& kw = advance();
    auto* s = m_.make<Try>();
    if (!forced_colon(*this)) return nullptr;
    if (!parse_block(s->body, "'try' statement", kw.lineno)) return nullptr;
    bool any_plain = false, any_star = false;
    while (at(Tok::KwExcept)) {
        const Token& ekw = advance();
        bool star = accept(Tok::Star);
        if ((star && any_plain) || (!star && any_star)) {
            return error_token(ekw, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        (star ? any_star : any_plain) = true;
        auto* h = m_.make<ExceptHandler>();
        if (!at(Tok::Colon)) {
            h->type = parse_expression();
            if (!h->type) return nullptr;
            if (at(Tok::Comma)) {
                // `except A, B:` (Python 2 style)
                std::size_t save = pos_;
                advance();
                Expr* more = parse_expression();
                if (more && !failed() && (at(Tok::Colon) || at(Tok::Comma))) {
                    const Token& last = prev();
                    return error_at(h->type->span.lineno, h->type->span.col_offset, last.end_lineno, last.end_col,
                                    "multiple exception types must be parenthesized");
                }
                error_.reset();
                pos_ = save;
                return generic_error();
            }
            if (accept(Tok::KwAs)) {
                if (!at(Tok::Name)) return generic_error();
                h->name = std::string(text(advance()));
            }
        } else if (star) {
            return error_token(tok(), "expected one or more exception types");
        }
        if (!expect_colon()) return nullptr;
        if (!parse_block(h->body, star ? "'except*' statement" : "'except' statement", ekw.lineno)) return nullptr;
        set_span(h, ekw, last_of(h->body));
        s->handlers.push_back(h);
    }
    s->is_star = any_star;
    if (!s->handlers.empty() && at(Tok::KwElse)) {
        const Token& else_kw = advance();
        if (!forced_colon(*this)) return nullptr;
        if (!parse_block(s->orelse, "'else' statement", else_kw.lineno)) return nullptr;
    }
    if (at(Tok::KwFinally)) {
        const Token& fkw = advance();
        if (!forced_colon(*this)) return nullptr;
        if (!parse_block(s->finalbody, "'finally' statement", fkw.lineno)) return nullptr;
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
        return raise_at_last("expected 'except' or 'finally' block");
    }
    const std::vector<Stmt*>& last = !s->finalbody.empty() ? s->finalbody
                                   : !s->orelse.empty() ? s->orelse
                                   : std::vector<Stmt*>{};
    if (!last.empty()) set_span(s, kw, last_of(last));
    else set_span(s, kw, s->handlers.back());
    return s;
}

Arg* Parser::parse_param(bool allow_annotation) {
    const Token& name = advance();
    auto* a = m_.make<Arg>();
    a->arg = std::string(text(name));
    set_span(a, name, name);
    if (allow_annotation && accept(Tok::Colon)) {
        a->annotation = parse_expression();
        if (!a->annotation) return nullptr;
        set_span(a, name, prev());
    }
    return a;
}

bool Parser::parse_parameters(Arguments& args, Tok closer, bool allow_annotations) {
    bool seen_slash = false, seen_star = false, seen_default = false;
    const Token* bare_star = nullptr;
    while (!at(closer)) {
        if (at(Tok::Slash)) {
            const Token& slash = advance();
            if (seen_slash) { error_token(slash, "/ may appear only once"); return false; }
            if (seen_star) { error_token(slash, "/ must be ahead of *"); return false; }
            if (args.args.empty()) { error_token(slash, "at least one argument must precede /"); return false; }
            args.posonlyargs = std::move(args.args);
            args.args.clear();
            seen_slash = true;
        } else if (at(Tok::Star)) {
            const Token& star = advance();
            if (seen_star) { error_token(star, "* argument may appear only once"); return false; }
            seen_star = true;
            if (at(Tok::Name)) {
                args.vararg = parse_param(allow_annotations);
                if (!args.vararg) return false;
            } else {
                bare_star = &star;
                if (!at(Tok::Comma) || kind(1) == closer || kind(1) == Tok::DoubleStar) {
                    error_token(star, "named arguments must follow bare *");
                    return false;
                }
            }
        } else if (at(Tok::DoubleStar)) {
            advance();
            if (!at(Tok::Name)) { generic_error(); return false; }
            args.kwarg = parse_param(allow_annotations);
            if (!args.kwarg) return false;
            if (at(Tok::Comma) && kind(1) != closer) {
                advance();
                if (at(Tok::Name) || at(Tok::Star) || at(Tok::DoubleStar) || at(Tok::Slash)) {
                    error_token(tok(), "arguments cannot follow var-keyword argument");
                    return false;
                }
                generic_error();
                return false;
            }
        } else if (at(Tok::Name)) {
            Arg* a = parse_param(allow_annotations);
            if (!a) return false;
            Expr* def = nullptr;
            if (accept(Tok::Equal)) {
                def = parse_expression();
                if (!def) return false;
            }
            if (seen_star) {
                args.kwonlyargs.push_back(a);
                args.kw_defaults.push_back(def);
            } else {
                if (def) {
                    seen_default = true;
                    args.defaults.push_back(def);
                } else if (seen_default) {
                    error_node(a, "parameter without a default follows parameter with a default");
                    return false;
                }
                args.args.push_back(a);
            }
        } else {
            generic_error();
            return false;
        }
        if (!accept(Tok::Comma)) break;
    }
    (void)bare_star;
    return true;
}

Stmt* Parser::parse_funcdef(std::vector<Expr*> decorators, const Token* async_tok) {
    const Token& kw = advance();  // 'def'
    auto* s = m_.make<FunctionDef>();
    s->is_async = async_tok != nullptr;
    s->decorator_list = std::move(decorators);
    if (!at(Tok::Name)) return generic_error();
    s->name = std::string(text(advance()));
    if (!accept(Tok::LPar)) return error_token(tok(), "expected '('");
    if (!parse_parameters(s->args, Tok::RPar, true)) return nullptr;
    if (!accept(Tok::RPar)) return generic_error();
    if (accept(Tok::RArrow)) {
        s->returns = parse_expression();
        if (!s->returns) return nullptr;
    }
    if (!forced_colon(*this)) return nullptr;
    if (!parse_block(s->body, "function definition", kw.lineno)) return nullptr;
    set_span(s, async_tok ? *async_tok : kw, last_of(s->body));
    return s;
}

Stmt* Parser::parse_classdef(std::vector<Expr*> decorators) {
    const Token& kw = advance();  // 'class'
    auto* s = m_.make<ClassDef>();
    s->decorator_list = std::move(decorators);
    if (!at(Tok::Name)) return generic_error();
    const Token& name = advance();
    s->name = std::string(text(name));
    if (at(Tok::LPar)) {
        auto* dummy = m_.make<Name>();
        set_span(dummy, name, name);
        auto* call = as<Call>(parse_call(dummy, &name));
        if (!call) return nullptr;
        s->bases = std::move(call->args);
        s->keywords = std::move(call->keywords);
    }
    if (!expect_colon()) return nullptr;
    if (!parse_block(s->body, "class definition", kw.lineno)) return nullptr;
    set_span(s, kw, last_of(s->body));
    return s;
}

Stmt* Parser::parse_decorated() {
    std::vector<Expr*> decorators;
    while (accept(Tok::At)) {
        Expr* d = parse_named_expression();
        if (!d) return nullptr;
        if (!accept(Tok::Newline)) return generic_error();
        decorators.push_back(d);
    }
    if (at(Tok::KwDef)) return parse_funcdef(std::move(decorators), nullptr);
    if (at(Tok::KwClass)) return parse_classdef(std::move(decorators));
    if (at(Tok::KwAsync) && kind(1) == Tok::KwDef) {
        const Token& async_tok = advance();
        return parse_funcdef(std::move(decorators), &async_tok);
    }
    return generic_error();
}

}  // namespace ll::lang::detail
