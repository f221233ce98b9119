// Pass 3 of the scope analysis: the SyntaxErrors CPython 3.13's compiler (Python/compile.c)
// raises for programs that parse and have a symbol table: 'return'/'yield'/'await' outside a
// function, 'break'/'continue' outside a loop, async constructs outside async functions,
// starred-expression misuse, repeated keyword arguments, ...
#include <fmt/format.h>

#include "engine/lang/scope_internal.hpp"

namespace ll::lang::detail {

namespace {

class CompileChecker {
public:
    explicit CompileChecker(const Module& m) : m_(m) {}
    std::optional<SyntaxError> error;

    void run(Scope* module_scope, const std::vector<Stmt*>& body) {
        scope_ = module_scope;
        stmts(body);
    }

private:
    const Module& m_;
    Scope* scope_ = nullptr;
    int loops_ = 0;          // enclosing loops in the current scope
    int except_star_ = 0;    // enclosing except* handlers in the current scope (loops reset it)

    void fail(const Node* n, std::string msg) {
        if (!error) error = error_at_node(m_, n, std::move(msg));
    }
    bool async_def() const { return (scope_->kind == ScopeKind::Function && scope_->is_coroutine) || top_level_await(); }
    // PyCF_ALLOW_TOP_LEVEL_AWAIT: the module body (not a class body in it) may await.
    bool top_level_await() const { return m_.top_level_await && scope_->kind == ScopeKind::Module; }

    void stmts(const std::vector<Stmt*>& body) {
        for (Stmt* s : body) {
            if (error) return;
            stmt(s);
        }
    }
    void exprs(const std::vector<Expr*>& es, bool star_ok = false) {
        for (Expr* e : es)
            if (e) expr(e, star_ok);
    }

    struct ScopeSwitch {
        CompileChecker& c;
        Scope* saved;
        int loops, except_star;
        ScopeSwitch(CompileChecker& checker, Scope* s)
            : c(checker), saved(checker.scope_), loops(checker.loops_), except_star(checker.except_star_) {
            c.scope_ = s;
            c.loops_ = 0;
            c.except_star_ = 0;
        }
        ~ScopeSwitch() {
            c.scope_ = saved;
            c.loops_ = loops;
            c.except_star_ = except_star;
        }
    };

    // An assignment target: Starred only inside a tuple/list, at most one per level.
    void target(Expr* t) {
        if (t->kind == ExprKind::Starred) {
            fail(t, "starred assignment target must be in a list or tuple");
            return;
        }
        unpack_target(t);
    }
    void unpack_target(Expr* t) {
        const std::vector<Expr*>* elts = nullptr;
        if (auto* tu = as<Tuple>(t)) elts = &tu->elts;
        if (auto* li = as<List>(t)) elts = &li->elts;
        if (!elts) {
            expr(t);
            return;
        }
        bool seen_star = false;
        for (Expr* e : *elts) {
            if (e->kind == ExprKind::Starred) {
                if (seen_star) {
                    fail(t, "multiple starred expressions in assignment");
                    return;
                }
                seen_star = true;
                unpack_target(static_cast<Starred*>(e)->value);
            } else {
                unpack_target(e);
            }
        }
    }

    void function_body(Scope* s, const std::vector<Stmt*>& body) {
        ScopeSwitch sw(*this, s);
        stmts(body);
    }

    void stmt(Stmt* s) {
        if (error) return;
        switch (s->kind) {
            case StmtKind::FunctionDef: {
                auto* f = static_cast<FunctionDef*>(s);
                exprs(f->decorator_list);
                exprs(f->args.defaults);
                exprs(f->args.kw_defaults);
                function_body(f->scope, f->body);
                break;
            }
            case StmtKind::ClassDef: {
                auto* c = static_cast<ClassDef*>(s);
                exprs(c->decorator_list);
                exprs(c->bases, true);
                keywords(c->keywords);
                function_body(c->scope, c->body);
                break;
            }
            case StmtKind::Return: {
                auto* r = static_cast<Return*>(s);
                if (!scope_->is_function_like()) {
                    fail(s, "'return' outside function");
                    return;
                }
                if (except_star_ > 0) {
                    fail(s, "'break', 'continue' and 'return' cannot appear in an except* block");
                    return;
                }
                if (r->value && scope_->is_coroutine && scope_->is_generator) {
                    fail(s, "'return' with value in async generator");
                    return;
                }
                if (r->value) expr(r->value);
                break;
            }
            case StmtKind::Delete: exprs(static_cast<Delete*>(s)->targets); break;
            case StmtKind::Assign: {
                auto* a = static_cast<Assign*>(s);
                expr(a->value);
                for (Expr* t : a->targets) target(t);
                break;
            }
            case StmtKind::AugAssign: {
                auto* a = static_cast<AugAssign*>(s);
                expr(a->target);
                expr(a->value);
                break;
            }
            case StmtKind::AnnAssign: {
                auto* a = static_cast<AnnAssign*>(s);
                if (a->value) expr(a->value);
                expr(a->target);
                break;
            }
            case StmtKind::For: {
                auto* f = static_cast<For*>(s);
                if (f->is_async && !async_def()) {
                    fail(s, "'async for' outside async function");
                    return;
                }
                expr(f->iter);
                target(f->target);
                ++loops_;
                int saved_star = except_star_;
                except_star_ = 0;
                stmts(f->body);
                except_star_ = saved_star;
                --loops_;
                stmts(f->orelse);
                break;
            }
            case StmtKind::While: {
                auto* w = static_cast<While*>(s);
                expr(w->test);
                ++loops_;
                int saved_star = except_star_;
                except_star_ = 0;
                stmts(w->body);
                except_star_ = saved_star;
                --loops_;
                stmts(w->orelse);
                break;
            }
            case StmtKind::If: {
                auto* i = static_cast<If*>(s);
                expr(i->test);
                stmts(i->body);
                stmts(i->orelse);
                break;
            }
            case StmtKind::With: {
                auto* w = static_cast<With*>(s);
                if (w->is_async && !async_def()) {
                    fail(s, "'async with' outside async function");
                    return;
                }
                for (WithItem* item : w->items) {
                    expr(item->context_expr);
                    if (item->optional_vars) target(item->optional_vars);
                }
                stmts(w->body);
                break;
            }
            case StmtKind::Raise: {
                auto* r = static_cast<Raise*>(s);
                if (r->exc) expr(r->exc);
                if (r->cause) expr(r->cause);
                break;
            }
            case StmtKind::Try: {
                auto* t = static_cast<Try*>(s);
                stmts(t->body);
                for (std::size_t i = 0; i < t->handlers.size(); ++i) {
                    ExceptHandler* h = t->handlers[i];
                    if (!h->type && i + 1 < t->handlers.size()) {
                        fail(h, "default 'except:' must be last");
                        return;
                    }
                    if (h->type) expr(h->type);
                    if (t->is_star) ++except_star_;
                    stmts(h->body);
                    if (t->is_star) --except_star_;
                }
                stmts(t->orelse);
                stmts(t->finalbody);
                break;
            }
            case StmtKind::Assert: {
                auto* a = static_cast<Assert*>(s);
                expr(a->test);
                if (a->msg) expr(a->msg);
                break;
            }
            case StmtKind::Import:
            case StmtKind::ImportFrom:
            case StmtKind::Global:
            case StmtKind::Nonlocal:
            case StmtKind::Pass: break;
            case StmtKind::Expr: expr(static_cast<ExprStmt*>(s)->value); break;
            case StmtKind::Break:
                if (loops_ == 0) fail(s, "'break' outside loop");
                else if (except_star_ > 0) fail(s, "'break', 'continue' and 'return' cannot appear in an except* block");
                break;
            case StmtKind::Continue:
                if (loops_ == 0) fail(s, "'continue' not properly in loop");
                else if (except_star_ > 0) fail(s, "'break', 'continue' and 'return' cannot appear in an except* block");
                break;
        }
    }

    void keywords(const std::vector<Keyword*>& kws) {
        for (std::size_t i = 0; i < kws.size(); ++i) {
            if (kws[i]->arg.empty()) continue;
            for (std::size_t j = i + 1; j < kws.size(); ++j) {
                if (kws[j]->arg == kws[i]->arg) {
                    fail(kws[j], fmt::format("keyword argument repeated: {}", kws[i]->arg));
                    return;
                }
            }
        }
        for (Keyword* k : kws) expr(k->value);
    }

    void generators(Scope* s, const std::vector<Comprehension*>& gens, std::initializer_list<Expr*> results) {
        expr(gens[0]->iter);
        ScopeSwitch sw(*this, s);
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (i > 0) expr(gens[i]->iter);
            target(gens[i]->target);
            exprs(gens[i]->ifs);
        }
        for (Expr* r : results) expr(r);
    }

    void expr(Expr* e, bool star_ok = false) {
        if (error || !e) return;
        switch (e->kind) {
            case ExprKind::BoolOp: exprs(static_cast<BoolOp*>(e)->values); break;
            case ExprKind::NamedExpr: expr(static_cast<NamedExpr*>(e)->value); break;
            case ExprKind::BinOp: {
                auto* b = static_cast<BinOp*>(e);
                expr(b->left);
                expr(b->right);
                break;
            }
            case ExprKind::UnaryOp: expr(static_cast<UnaryOp*>(e)->operand); break;
            case ExprKind::Lambda: {
                auto* l = static_cast<Lambda*>(e);
                exprs(l->args.defaults);
                exprs(l->args.kw_defaults);
                ScopeSwitch sw(*this, l->scope);
                expr(l->body);
                break;
            }
            case ExprKind::IfExp: {
                auto* i = static_cast<IfExp*>(e);
                expr(i->test);
                expr(i->body);
                expr(i->orelse);
                break;
            }
            case ExprKind::Dict: {
                auto* d = static_cast<Dict*>(e);
                for (std::size_t i = 0; i < d->values.size(); ++i) {
                    if (d->keys[i]) expr(d->keys[i]);
                    expr(d->values[i]);
                }
                break;
            }
            case ExprKind::Set: exprs(static_cast<Set*>(e)->elts, true); break;
            case ExprKind::ListComp: {
                auto* c = static_cast<ListComp*>(e);
                generators(c->scope, c->generators, {c->elt});
                break;
            }
            case ExprKind::SetComp: {
                auto* c = static_cast<SetComp*>(e);
                generators(c->scope, c->generators, {c->elt});
                break;
            }
            case ExprKind::DictComp: {
                auto* c = static_cast<DictComp*>(e);
                generators(c->scope, c->generators, {c->key, c->value});
                break;
            }
            case ExprKind::GeneratorExp: {
                auto* c = static_cast<GeneratorExp*>(e);
                generators(c->scope, c->generators, {c->elt});
                break;
            }
            case ExprKind::Await:
                if (top_level_await()) {
                    expr(static_cast<Await*>(e)->value);
                    break;
                }
                if (!scope_->is_function_like()) {
                    fail(e, "'await' outside function");
                    return;
                }
                if (!async_def() && scope_->kind != ScopeKind::Comprehension) {
                    fail(e, "'await' outside async function");
                    return;
                }
                expr(static_cast<Await*>(e)->value);
                break;
            case ExprKind::Yield:
                if (!scope_->is_function_like()) {
                    fail(e, "'yield' outside function");
                    return;
                }
                expr(static_cast<Yield*>(e)->value, true);
                break;
            case ExprKind::YieldFrom:
                if (!scope_->is_function_like()) {
                    fail(e, "'yield' outside function");
                    return;
                }
                if (scope_->kind == ScopeKind::Function && scope_->is_coroutine) {
                    fail(e, "'yield from' inside async function");
                    return;
                }
                expr(static_cast<YieldFrom*>(e)->value);
                break;
            case ExprKind::Compare: {
                auto* c = static_cast<Compare*>(e);
                expr(c->left);
                exprs(c->comparators);
                break;
            }
            case ExprKind::Call: {
                auto* c = static_cast<Call*>(e);
                expr(c->func);
                exprs(c->args, true);
                keywords(c->keywords);
                break;
            }
            case ExprKind::FormattedValue: {
                auto* f = static_cast<FormattedValue*>(e);
                expr(f->value, true);
                if (f->format_spec) expr(f->format_spec);
                break;
            }
            case ExprKind::JoinedStr: exprs(static_cast<JoinedStr*>(e)->values); break;
            case ExprKind::Constant:
            case ExprKind::Name: break;
            case ExprKind::Attribute: expr(static_cast<Attribute*>(e)->value); break;
            case ExprKind::Subscript: {
                auto* s = static_cast<Subscript*>(e);
                expr(s->value);
                expr(s->slice, true);
                break;
            }
            case ExprKind::Starred:
                if (!star_ok) {
                    fail(e, "can't use starred expression here");
                    return;
                }
                expr(static_cast<Starred*>(e)->value);
                break;
            case ExprKind::List: exprs(static_cast<List*>(e)->elts, true); break;
            case ExprKind::Tuple: exprs(static_cast<Tuple*>(e)->elts, true); break;
            case ExprKind::Slice: {
                auto* s = static_cast<Slice*>(e);
                if (s->lower) expr(s->lower);
                if (s->upper) expr(s->upper);
                if (s->step) expr(s->step);
                break;
            }
        }
    }
};

}  // namespace

std::optional<SyntaxError> run_compile_checks(const Module& module, Scope* module_scope) {
    CompileChecker checker(module);
    checker.run(module_scope, module.body);
    return std::move(checker.error);
}

}  // namespace ll::lang::detail
