// Scope analysis after CPython 3.13's Python/symtable.c (collect names, then resolve them into
// LOCAL/CELL/FREE/GLOBAL), plus the SyntaxErrors CPython's compiler raises for parsed code
// ('return' outside function, 'break' outside loop, await/async misuse, ...).
//
// Index: [SECTION] Scope queries, [SECTION] Collect (pass 1), [SECTION] Resolve (pass 2),
//        [SECTION] Entry points; the compiler checks (pass 3) are in scope_checks.cpp
#include "engine/lang/scope.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/lang/parser.hpp"
#include "engine/lang/scope_internal.hpp"

namespace ll::lang {

// [SECTION] Scope queries ----------------------------------------------------------------------

const Symbol* Scope::find(std::string_view id) const {
    auto it = symbol_index.find(std::string(id));
    return it == symbol_index.end() ? nullptr : &symbols[it->second];
}

SymbolScope Scope::scope_of(std::string_view id) const {
    const Symbol* s = find(id);
    return s ? s->scope : SymbolScope::GlobalImplicit;
}

bool Scope::is_function_like() const {
    return kind == ScopeKind::Function || kind == ScopeKind::Lambda || kind == ScopeKind::Comprehension;
}

NameAccess Scope::access_of(std::string_view id) const {
    // CPython's compiler_nameop.
    switch (scope_of(id)) {
        case SymbolScope::Free:
        case SymbolScope::Cell: return NameAccess::Deref;
        case SymbolScope::Local: return is_function_like() ? NameAccess::Fast : NameAccess::Name;
        case SymbolScope::GlobalImplicit: return is_function_like() ? NameAccess::Global : NameAccess::Name;
        case SymbolScope::GlobalExplicit: return NameAccess::Global;
        case SymbolScope::Unresolved: return NameAccess::Name;
    }
    return NameAccess::Name;
}

std::string mangle_name(std::string_view private_class, std::string_view name) {
    if (private_class.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return std::string(name);
    if (name.substr(name.size() - 2) == "__" || name.find('.') != std::string_view::npos) return std::string(name);
    std::size_t skip = private_class.find_first_not_of('_');
    if (skip == std::string_view::npos) return std::string(name);
    return "_" + std::string(private_class.substr(skip)) + std::string(name);
}

// Builds a SyntaxError located at a node (CPython's SET_ERROR_LOCATION / compiler_error).
SyntaxError detail::error_at_node(const Module& m, const Node* n, std::string msg) {
    SyntaxError e;
    e.message = std::move(msg);
    e.lineno = n->span.lineno;
    e.end_lineno = n->span.end_lineno;
    std::string line = m.line_text(n->span.lineno);
    auto to_chars = [&](int byte_col) {
        int chars = 0;
        for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
            if ((static_cast<unsigned char>(line[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) ++chars;
        if (byte_col > static_cast<int>(line.size())) chars += byte_col - static_cast<int>(line.size());
        return chars;
    };
    e.offset = to_chars(n->span.col_offset) + 1;
    e.end_offset = to_chars(n->span.end_col_offset) + 1;
    e.text = line;
    // SyntaxError.text keeps the line's newline when the source has one.
    std::size_t lines = 1 + static_cast<std::size_t>(std::count(m.source.begin(), m.source.end(), '\n'));
    if (static_cast<std::size_t>(n->span.lineno) < lines) e.text += '\n';
    return e;
}

namespace {

using detail::error_at_node;

constexpr std::uint32_t kDefBound = kDefLocal | kDefParam | kDefImport;


// [SECTION] Collect (pass 1) -------------------------------------------------------------------

class Collector {
public:
    Collector(Module& m, SymbolTable& t) : m_(m), t_(t) {}

    std::optional<SyntaxError> error;            // first symtable error (pass 1 order)
    std::vector<std::pair<Name*, Scope*>> names;  // every Name node and the scope it is in
    // Where each `global`/`nonlocal` name was declared, for pass-2 errors.
    std::vector<std::tuple<Scope*, std::string, const Stmt*>> directives;

    void run() {
        Scope* mod = new_scope(ScopeKind::Module, "<module>", nullptr, 1);
        t_.module_scope = mod;
        cur_ = mod;
        for (Stmt* s : m_.body) stmt(s);
    }

private:
    Module& m_;
    SymbolTable& t_;
    Scope* cur_ = nullptr;
    int comp_iter_expr_ = 0;     // inside a comprehension's outermost iterable
    bool comp_iter_target_ = false;  // visiting a comprehension's iteration target

    bool failed() const { return error.has_value(); }
    void fail(const Node* n, std::string msg) {
        if (!error) error = error_at_node(m_, n, std::move(msg));
    }
    // PyCF_ALLOW_TOP_LEVEL_AWAIT: module-level await / async for / async with / an async
    // comprehension make the module code a coroutine (CPython's ste_coroutine on ModuleBlock).
    void note_top_level_async() {
        if (m_.top_level_await && cur_->kind == ScopeKind::Module) cur_->is_coroutine = true;
    }

    Scope* new_scope(ScopeKind kind, std::string name, const Node* node, int lineno) {
        auto s = std::make_unique<Scope>();
        s->kind = kind;
        s->name = std::move(name);
        s->node = node;
        s->lineno = lineno;
        s->parent = cur_;
        if (cur_) {
            cur_->children.push_back(s.get());
            s->is_nested = cur_->is_function_like() || cur_->is_nested;
            s->private_class = cur_->private_class;
        }
        if (kind == ScopeKind::Class) s->private_class = s->name;
        Scope* raw = s.get();
        t_.scopes.push_back(std::move(s));
        return raw;
    }

    Symbol& symbol(Scope* s, const std::string& id) {
        auto it = s->symbol_index.find(id);
        if (it != s->symbol_index.end()) return s->symbols[it->second];
        s->symbol_index.emplace(id, s->symbols.size());
        s->symbols.push_back(Symbol{id, 0, SymbolScope::Unresolved});
        return s->symbols.back();
    }

    void add(Scope* s, const std::string& id, std::uint32_t flag, const Node* where) {
        Symbol& sym = symbol(s, id);
        if ((flag & kDefParam) && (sym.flags & kDefParam)) {
            fail(where, fmt::format("duplicate argument '{}' in function definition", id));
            return;
        }
        sym.flags |= flag;
        if (comp_iter_target_ && (flag & kDefLocal)) sym.flags |= kDefCompIter;
    }
    void add(const std::string& id, std::uint32_t flag, const Node* where) { add(cur_, id, flag, where); }

    // CPython records every `global` declaration in the module's own symbol dict too
    // (symtable_add_def_helper writes DEF_GLOBAL into st_global), so module-level code then
    // accesses that name with LOAD_GLOBAL/STORE_GLOBAL.
    void add_module_global(const std::string& id, const Node* where) {
        if (cur_ != t_.module_scope) add(t_.module_scope, id, kDefGlobal, where);
    }

    void stmts(const std::vector<Stmt*>& body) {
        for (Stmt* s : body) {
            if (failed()) return;
            stmt(s);
        }
    }
    void exprs(const std::vector<Expr*>& es) {
        for (Expr* e : es)
            if (e) expr(e);
    }

    void params(const Arguments& a) {
        for (Arg* p : a.posonlyargs) add(p->arg, kDefParam, p);
        for (Arg* p : a.args) add(p->arg, kDefParam, p);
        for (Arg* p : a.kwonlyargs) add(p->arg, kDefParam, p);
        if (a.vararg) add(a.vararg->arg, kDefParam, a.vararg);
        if (a.kwarg) add(a.kwarg->arg, kDefParam, a.kwarg);
    }
    void annotations(const Arguments& a) {
        auto ann = [&](Arg* p) {
            if (p && p->annotation) expr(p->annotation);
        };
        for (Arg* p : a.posonlyargs) ann(p);
        for (Arg* p : a.args) ann(p);
        ann(a.vararg);
        for (Arg* p : a.kwonlyargs) ann(p);
        ann(a.kwarg);
    }
    void fill_signature(Scope* s, const Arguments& a) {
        s->posonlyargcount = static_cast<int>(a.posonlyargs.size());
        s->argcount = static_cast<int>(a.posonlyargs.size() + a.args.size());
        s->kwonlyargcount = static_cast<int>(a.kwonlyargs.size());
        s->has_varargs = a.vararg != nullptr;
        s->has_varkeywords = a.kwarg != nullptr;
    }

    void declare(Stmt* s, const std::vector<std::string>& ids, bool is_global) {
        const char* what = is_global ? "global" : "nonlocal";
        if (!is_global && cur_->kind == ScopeKind::Module) {
            fail(s, "nonlocal declaration not allowed at module level");
            return;
        }
        for (const std::string& id : ids) {
            const Symbol* sym = cur_->find(id);
            std::uint32_t f = sym ? sym->flags : 0;
            if (f & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
                std::string msg = (f & kDefParam) ? fmt::format("name '{}' is parameter and {}", id, what)
                                : (f & kUse) ? fmt::format("name '{}' is used prior to {} declaration", id, what)
                                : (f & kDefAnnot) ? fmt::format("annotated name '{}' can't be {}", id, what)
                                : fmt::format("name '{}' is assigned to before {} declaration", id, what);
                fail(s, std::move(msg));
                return;
            }
            add(id, is_global ? kDefGlobal : kDefNonlocal, s);
            if (is_global) add_module_global(id, s);
            directives.emplace_back(cur_, id, s);
            auto& list = is_global ? cur_->explicit_globals : cur_->nonlocals;
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
        }
    }

    void stmt(Stmt* s) {
        if (failed()) return;
        switch (s->kind) {
            case StmtKind::FunctionDef: {
                auto* f = static_cast<FunctionDef*>(s);
                exprs(f->decorator_list);
                exprs(f->args.defaults);
                exprs(f->args.kw_defaults);
                annotations(f->args);
                if (f->returns) expr(f->returns);
                Scope* outer = cur_;
                // co_firstlineno is the first decorator's line.
                int first_line = f->decorator_list.empty() ? f->span.lineno : f->decorator_list[0]->span.lineno;
                Scope* fs = new_scope(ScopeKind::Function, f->name, f, first_line);
                fs->is_coroutine = f->is_async;
                f->scope = fs;
                fill_signature(fs, f->args);
                cur_ = fs;
                params(f->args);
                stmts(f->body);
                cur_ = outer;
                add(f->name, kDefLocal, f);
                break;
            }
            case StmtKind::ClassDef: {
                auto* c = static_cast<ClassDef*>(s);
                exprs(c->decorator_list);
                exprs(c->bases);
                for (Keyword* k : c->keywords) expr(k->value);
                Scope* outer = cur_;
                int first_line = c->decorator_list.empty() ? c->span.lineno : c->decorator_list[0]->span.lineno;
                Scope* cs = new_scope(ScopeKind::Class, c->name, c, first_line);
                c->scope = cs;
                cur_ = cs;
                stmts(c->body);
                cur_ = outer;
                add(c->name, kDefLocal, c);
                break;
            }
            case StmtKind::Return: {
                auto* r = static_cast<Return*>(s);
                if (r->value) {
                    expr(r->value);
                    cur_->has_return_value = true;
                }
                break;
            }
            case StmtKind::Delete: exprs(static_cast<Delete*>(s)->targets); break;
            case StmtKind::Assign: {
                auto* a = static_cast<Assign*>(s);
                expr(a->value);
                exprs(a->targets);
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
                if (auto* n = as<Name>(a->target)) {
                    const Symbol* sym = cur_->find(n->id);
                    if (sym && (sym->flags & (kDefGlobal | kDefNonlocal)) && a->simple) {
                        fail(s, fmt::format("annotated name '{}' can't be {}", n->id,
                                            (sym->flags & kDefGlobal) ? "global" : "nonlocal"));
                        return;
                    }
                    if (a->simple) add(n->id, kDefAnnot | kDefLocal, n);
                    else if (a->value) add(n->id, kDefLocal, n);
                    names.emplace_back(n, cur_);
                } else {
                    expr(a->target);
                }
                expr(a->annotation);
                if (a->value) expr(a->value);
                break;
            }
            case StmtKind::For: {
                auto* f = static_cast<For*>(s);
                if (f->is_async) note_top_level_async();
                expr(f->iter);
                expr(f->target);
                stmts(f->body);
                stmts(f->orelse);
                break;
            }
            case StmtKind::While: {
                auto* w = static_cast<While*>(s);
                expr(w->test);
                stmts(w->body);
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
                if (w->is_async) note_top_level_async();
                for (WithItem* item : w->items) {
                    expr(item->context_expr);
                    if (item->optional_vars) expr(item->optional_vars);
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
                for (ExceptHandler* h : t->handlers) {
                    if (h->type) expr(h->type);
                    if (!h->name.empty()) add(h->name, kDefLocal, h);
                    stmts(h->body);
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
                for (Alias* a : static_cast<Import*>(s)->names) {
                    std::string bound = !a->asname.empty() ? a->asname : a->name.substr(0, a->name.find('.'));
                    add(bound, kDefImport, a);
                }
                break;
            case StmtKind::ImportFrom:
                for (Alias* a : static_cast<ImportFrom*>(s)->names) {
                    if (a->name == "*") {
                        if (cur_->kind != ScopeKind::Module) {
                            fail(a, "import * only allowed at module level");
                            return;
                        }
                        continue;
                    }
                    add(!a->asname.empty() ? a->asname : a->name, kDefImport, a);
                }
                break;
            case StmtKind::Global: declare(s, static_cast<Global*>(s)->names, true); break;
            case StmtKind::Nonlocal: declare(s, static_cast<Nonlocal*>(s)->names, false); break;
            case StmtKind::Expr: expr(static_cast<ExprStmt*>(s)->value); break;
            case StmtKind::Pass:
            case StmtKind::Break:
            case StmtKind::Continue: break;
        }
    }

    static const char* comprehension_scope_name(ExprKind k) {
        switch (k) {
            case ExprKind::ListComp: return "<listcomp>";
            case ExprKind::SetComp: return "<setcomp>";
            case ExprKind::DictComp: return "<dictcomp>";
            default: return "<genexpr>";
        }
    }
    static const char* comprehension_noun(ExprKind k) {
        switch (k) {
            case ExprKind::ListComp: return "list comprehension";
            case ExprKind::SetComp: return "set comprehension";
            case ExprKind::DictComp: return "dict comprehension";
            default: return "generator expression";
        }
    }

    void comprehension(Expr* e, const std::vector<Comprehension*>& gens, Expr* elt, Expr* value, Scope** slot) {
        bool is_generator = e->kind == ExprKind::GeneratorExp;
        Comprehension* outermost = gens[0];
        ++comp_iter_expr_;
        expr(outermost->iter);
        --comp_iter_expr_;
        if (failed()) return;
        Scope* outer = cur_;
        Scope* cs = new_scope(ScopeKind::Comprehension, comprehension_scope_name(e->kind), e, e->span.lineno);
        *slot = cs;
        cs->comprehension_inlined = !is_generator;
        cs->argcount = 1;
        cur_ = cs;
        if (outermost->is_async) cs->is_coroutine = true;
        add(".0", kDefParam, e);
        comp_iter_target_ = true;
        expr(outermost->target);
        comp_iter_target_ = false;
        exprs(outermost->ifs);
        for (std::size_t i = 1; i < gens.size(); ++i) {
            Comprehension* g = gens[i];
            if (g->is_async) cs->is_coroutine = true;
            expr(g->iter);
            comp_iter_target_ = true;
            expr(g->target);
            comp_iter_target_ = false;
            exprs(g->ifs);
        }
        expr(elt);
        if (value) expr(value);
        cs->is_generator = is_generator;
        bool is_async = cs->is_coroutine && !is_generator;
        cur_ = outer;
        if (failed()) return;
        bool outer_async_def = outer->kind == ScopeKind::Function && outer->is_coroutine;
        bool top_level = outer->kind == ScopeKind::Module && m_.top_level_await;
        if (is_async && !outer_async_def && outer->kind != ScopeKind::Comprehension && !top_level) {
            fail(e, "asynchronous comprehension outside of an asynchronous function");
            return;
        }
        if (is_async) outer->is_coroutine = outer->kind == ScopeKind::Comprehension ? true : outer->is_coroutine;
        // CPython's compiler_comprehension: any async comprehension at top level, a generator
        // expression included, makes the module code a coroutine.
        if (cs->is_coroutine) note_top_level_async();
    }

    void named_expr(NamedExpr* n) {
        auto* target = static_cast<Name*>(n->target);
        if (comp_iter_expr_ > 0) {
            fail(n, "assignment expression cannot be used in a comprehension iterable expression");
            return;
        }
        expr(n->value);
        if (failed()) return;
        if (cur_->kind == ScopeKind::Comprehension) {
            // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
            for (Scope* s = cur_; s; s = s->parent) {
                if (s->kind == ScopeKind::Comprehension) {
                    const Symbol* sym = s->find(target->id);
                    if (sym && (sym->flags & kDefCompIter)) {
                        fail(target, fmt::format("assignment expression cannot rebind comprehension iteration variable '{}'",
                                            target->id));
                        return;
                    }
                    continue;
                }
                if (s->kind == ScopeKind::Class) {
                    fail(target, "assignment expression within a comprehension cannot be used in a class body");
                    return;
                }
                if (s->kind == ScopeKind::Module) {
                    add(cur_, target->id, kDefGlobal, n);
                    add_module_global(target->id, n);
                } else {
                    add(cur_, target->id, kDefNonlocal, n);
                }
                add(s, target->id, kDefLocal, n);
                break;
            }
            names.emplace_back(target, cur_);
            return;
        }
        expr(target);
    }

    void expr(Expr* e) {
        if (failed() || !e) return;
        switch (e->kind) {
            case ExprKind::BoolOp: exprs(static_cast<BoolOp*>(e)->values); break;
            case ExprKind::NamedExpr: named_expr(static_cast<NamedExpr*>(e)); break;
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
                Scope* outer = cur_;
                Scope* ls = new_scope(ScopeKind::Lambda, "<lambda>", l, l->span.lineno);
                l->scope = ls;
                fill_signature(ls, l->args);
                cur_ = ls;
                params(l->args);
                expr(l->body);
                cur_ = outer;
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
            case ExprKind::Set: exprs(static_cast<Set*>(e)->elts); break;
            case ExprKind::ListComp: {
                auto* c = static_cast<ListComp*>(e);
                comprehension(e, c->generators, c->elt, nullptr, &c->scope);
                break;
            }
            case ExprKind::SetComp: {
                auto* c = static_cast<SetComp*>(e);
                comprehension(e, c->generators, c->elt, nullptr, &c->scope);
                break;
            }
            case ExprKind::DictComp: {
                auto* c = static_cast<DictComp*>(e);
                comprehension(e, c->generators, c->key, c->value, &c->scope);
                break;
            }
            case ExprKind::GeneratorExp: {
                auto* c = static_cast<GeneratorExp*>(e);
                comprehension(e, c->generators, c->elt, nullptr, &c->scope);
                break;
            }
            case ExprKind::Await:
                expr(static_cast<Await*>(e)->value);
                if (cur_->kind == ScopeKind::Comprehension) cur_->is_coroutine = true;
                note_top_level_async();
                break;
            case ExprKind::Yield:
            case ExprKind::YieldFrom: {
                Expr* v = e->kind == ExprKind::Yield ? static_cast<Yield*>(e)->value : static_cast<YieldFrom*>(e)->value;
                if (v) expr(v);
                if (failed()) return;
                cur_->has_yield = true;
                cur_->is_generator = true;
                if (cur_->kind == ScopeKind::Comprehension) {
                    fail(e, fmt::format("'yield' inside {}", comprehension_noun(static_cast<const Expr*>(cur_->node)->kind)));
                }
                break;
            }
            case ExprKind::Compare: {
                auto* c = static_cast<Compare*>(e);
                expr(c->left);
                exprs(c->comparators);
                break;
            }
            case ExprKind::Call: {
                auto* c = static_cast<Call*>(e);
                expr(c->func);
                exprs(c->args);
                for (Keyword* k : c->keywords) expr(k->value);
                break;
            }
            case ExprKind::FormattedValue: {
                auto* f = static_cast<FormattedValue*>(e);
                expr(f->value);
                if (f->format_spec) expr(f->format_spec);
                break;
            }
            case ExprKind::JoinedStr: exprs(static_cast<JoinedStr*>(e)->values); break;
            case ExprKind::Constant: break;
            case ExprKind::Attribute: expr(static_cast<Attribute*>(e)->value); break;
            case ExprKind::Subscript: {
                auto* s = static_cast<Subscript*>(e);
                expr(s->value);
                expr(s->slice);
                break;
            }
            case ExprKind::Starred: expr(static_cast<Starred*>(e)->value); break;
            case ExprKind::Name: {
                auto* n = static_cast<Name*>(e);
                add(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, n);
                if (n->ctx == ExprContext::Load && cur_->is_function_like() && n->id == "super") {
                    add("__class__", kUse, n);
                }
                names.emplace_back(n, cur_);
                break;
            }
            case ExprKind::List: exprs(static_cast<List*>(e)->elts); break;
            case ExprKind::Tuple: exprs(static_cast<Tuple*>(e)->elts); break;
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

// [SECTION] Resolve (pass 2) -------------------------------------------------------------------

class Resolver {
public:
    Resolver(const Module& m, const std::vector<std::tuple<Scope*, std::string, const Stmt*>>& directives)
        : m_(m), directives_(directives) {}

    std::optional<SyntaxError> error;

    // CPython's analyze_block. `bound` is null for the module (no enclosing function).
    void block(Scope* s, const std::set<std::string>* bound, std::set<std::string>& free, std::set<std::string>& global) {
        std::set<std::string> local;
        std::set<std::string> newbound, newfree, newglobal;
        if (s->kind == ScopeKind::Class) {
            newglobal = global;
            if (bound) newbound = *bound;
        }
        for (Symbol& sym : s->symbols) {
            name(s, sym, bound, local, free, global);
            if (error) return;
        }
        if (s->kind != ScopeKind::Class) {
            if (s->is_function_like()) newbound.insert(local.begin(), local.end());
            if (bound) newbound.insert(bound->begin(), bound->end());
            newglobal.insert(global.begin(), global.end());
        } else {
            newbound.insert("__class__");
        }
        for (Scope* child : s->children) {
            std::set<std::string> child_free;
            std::set<std::string> child_global = newglobal;
            block(child, &newbound, child_free, child_global);
            if (error) return;
            newfree.insert(child_free.begin(), child_free.end());
        }
        if (s->is_function_like()) {
            // analyze_cells: locals captured by children become cells.
            for (Symbol& sym : s->symbols) {
                if (sym.scope == SymbolScope::Local && newfree.count(sym.name)) {
                    sym.scope = SymbolScope::Cell;
                    newfree.erase(sym.name);
                }
            }
        } else if (s->kind == ScopeKind::Class) {
            if (newfree.erase("__class__")) s->needs_class_cell = true;
        }
        // update_symbols: names free in children but not mentioned here are free here too
        // (when an enclosing function binds them).
        for (const std::string& id : newfree) {
            auto it = s->symbol_index.find(id);
            if (it != s->symbol_index.end()) {
                Symbol& sym = s->symbols[it->second];
                if (s->kind == ScopeKind::Class && sym.scope != SymbolScope::Free) {
                    // A class binding the name and a method capturing the outer one: the
                    // class still needs the outer cell (CPython's DEF_FREE_CLASS).
                    sym.flags |= kDefFree;
                }
                continue;
            }
            if (bound && !bound->count(id)) continue;
            s->symbol_index.emplace(id, s->symbols.size());
            s->symbols.push_back(Symbol{id, kDefFree, SymbolScope::Free});
        }
        free.insert(newfree.begin(), newfree.end());
    }

private:
    const Module& m_;
    const std::vector<std::tuple<Scope*, std::string, const Stmt*>>& directives_;

    const Stmt* directive(const Scope* s, const std::string& id) const {
        for (auto& [scope, name, stmt] : directives_)
            if (scope == s && name == id) return stmt;
        return nullptr;
    }
    void fail(const Scope* s, const std::string& id, std::string msg) {
        if (error) return;
        const Node* where = directive(s, id);
        if (!where) where = s->node;
        if (where) error = error_at_node(m_, where, std::move(msg));
        else {
            SyntaxError e;
            e.message = std::move(msg);
            error = std::move(e);
        }
    }

    void name(Scope* s, Symbol& sym, const std::set<std::string>* bound, std::set<std::string>& local,
              std::set<std::string>& free, std::set<std::string>& global) {
        const std::string& id = sym.name;
        if (sym.flags & kDefGlobal) {
            if (sym.flags & kDefNonlocal) {
                fail(s, id, fmt::format("name '{}' is nonlocal and global", id));
                return;
            }
            sym.scope = SymbolScope::GlobalExplicit;
            global.insert(id);
            return;
        }
        if (sym.flags & kDefNonlocal) {
            if (!bound) {
                fail(s, id, "nonlocal declaration not allowed at module level");
                return;
            }
            if (!bound->count(id)) {
                fail(s, id, fmt::format("no binding for nonlocal '{}' found", id));
                return;
            }
            sym.scope = SymbolScope::Free;
            free.insert(id);
            return;
        }
        if (sym.flags & kDefBound) {
            sym.scope = SymbolScope::Local;
            local.insert(id);
            global.erase(id);
            return;
        }
        if (bound && bound->count(id)) {
            sym.scope = SymbolScope::Free;
            free.insert(id);
            return;
        }
        sym.scope = SymbolScope::GlobalImplicit;
    }
};

// Fills varnames, cellvars, freevars and qualname of every scope (what CPython's compiler
// derives from the symbol table for each code object).
void finish_scope(Scope* s) {
    if (s->is_function_like()) {
        for (const Symbol& sym : s->symbols)
            if (sym.flags & kDefParam) s->varnames.push_back(sym.name);
        for (const Symbol& sym : s->symbols)
            if (sym.scope == SymbolScope::Local && !(sym.flags & kDefParam)) s->varnames.push_back(sym.name);
    }
    for (const Symbol& sym : s->symbols) {
        if (sym.scope == SymbolScope::Cell) s->cellvars.push_back(sym.name);
        if (sym.scope == SymbolScope::Free && s->kind != ScopeKind::Class) s->freevars.push_back(sym.name);
        // A class that binds a name its methods take from an enclosing function still passes
        // the outer cell along (CPython's DEF_FREE_CLASS).
        if (s->kind == ScopeKind::Class && (sym.scope == SymbolScope::Free || (sym.flags & kDefFree)))
            s->freevars.push_back(sym.name);
    }
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
    std::sort(s->cellvars.begin(), s->cellvars.end());
    std::sort(s->freevars.begin(), s->freevars.end());
    if (s->kind == ScopeKind::Function && s->is_coroutine && s->is_generator) s->is_async_generator = true;
    if (s->kind == ScopeKind::Comprehension && s->is_coroutine && s->is_generator) s->is_async_generator = true;
    // compiler_set_qualname
    const Scope* p = s->parent;
    if (!p || p->kind == ScopeKind::Module) {
        s->qualname = s->name;
    } else {
        bool force_global = (s->kind == ScopeKind::Function || s->kind == ScopeKind::Class) &&
                            p->scope_of(s->name) == SymbolScope::GlobalExplicit;
        if (force_global) s->qualname = s->name;
        else if (p->kind == ScopeKind::Function || p->kind == ScopeKind::Lambda) s->qualname = p->qualname + ".<locals>." + s->name;
        else s->qualname = p->qualname + "." + s->name;
    }
    for (Scope* c : s->children) finish_scope(c);
}

}  // namespace

// [SECTION] Entry points -----------------------------------------------------------------------

ScopeResult analyze_scopes(Module& module) {
    ScopeResult r;
    r.table = std::make_unique<SymbolTable>();
    Collector collector(module, *r.table);
    collector.run();
    if (collector.error) {
        r.error = std::move(collector.error);
        return r;
    }
    Resolver resolver(module, collector.directives);
    std::set<std::string> free, global;
    resolver.block(r.table->module_scope, nullptr, free, global);
    if (resolver.error) {
        r.error = std::move(resolver.error);
        return r;
    }
    finish_scope(r.table->module_scope);
    for (auto& [name, scope] : collector.names) {
        name->symbol_scope = scope->scope_of(name->id);
        NameAccess access = scope->access_of(name->id);
        if (access == NameAccess::Deref && scope->kind == ScopeKind::Class && name->ctx == ExprContext::Load) {
            access = NameAccess::ClassDeref;
        }
        name->access = access;
    }
    if (auto err = detail::run_compile_checks(module, r.table->module_scope)) r.error = std::move(err);
    return r;
}

FrontEndResult parse_and_analyze(std::string_view source, std::string filename, const CompileOptions& options) {
    FrontEndResult out;
    ParseResult p = parse_module(source, std::move(filename));
    if (!p.ok()) {
        out.error = std::move(p.error);
        return out;
    }
    p.module->top_level_await = options.top_level_await;
    p.module->value_of_last_expression = options.value_of_last_expression;
    ScopeResult s = analyze_scopes(*p.module);
    out.module = std::move(p.module);
    out.symbols = std::move(s.table);
    out.error = std::move(s.error);
    return out;
}

}  // namespace ll::lang
