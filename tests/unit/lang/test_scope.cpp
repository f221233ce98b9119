// Scope analysis: name resolution and code-object attributes compared with what CPython 3.13's
// compiler produces (cpython_names.cpp), plus targeted checks of the scope tree.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>

#include "engine/lang/scope.hpp"
#include "tests/unit/lang/cpython_cases.hpp"

using namespace ll::lang;

namespace {

const char* access_name(NameAccess a) {
    switch (a) {
        case NameAccess::Fast: return "Fast";
        case NameAccess::Deref: return "Deref";
        case NameAccess::Global: return "Global";
        case NameAccess::Name: return "Name";
        case NameAccess::ClassDeref: return "ClassDeref";
        case NameAccess::Unresolved: return "Unresolved";
    }
    return "?";
}

// Calls fn(name, scope) for every Name node, knowing which scope each one is evaluated in.
struct NameWalker {
    std::function<void(const Name&, const Scope&)> fn;

    void stmts(const std::vector<Stmt*>& body, const Scope* s) {
        for (const Stmt* st : body) stmt(st, s);
    }
    void exprs(const std::vector<Expr*>& es, const Scope* s) {
        for (const Expr* e : es) expr(e, s);
    }
    void args(const Arguments& a, const Scope* s) {
        exprs(a.defaults, s);
        exprs(a.kw_defaults, s);
        for (const auto* list : {&a.posonlyargs, &a.args, &a.kwonlyargs})
            for (const Arg* p : *list) expr(p->annotation, s);
        if (a.vararg) expr(a.vararg->annotation, s);
        if (a.kwarg) expr(a.kwarg->annotation, s);
    }
    void comp(const std::vector<Comprehension*>& gens, std::initializer_list<const Expr*> results, const Scope* outer,
              const Scope* inner) {
        expr(gens[0]->iter, outer);
        for (std::size_t i = 0; i < gens.size(); ++i) {
            if (i) expr(gens[i]->iter, inner);
            expr(gens[i]->target, inner);
            exprs(gens[i]->ifs, inner);
        }
        for (const Expr* r : results) expr(r, inner);
    }
    void stmt(const Stmt* st, const Scope* s) {
        switch (st->kind) {
            case StmtKind::FunctionDef: {
                auto* f = static_cast<const FunctionDef*>(st);
                exprs(f->decorator_list, s);
                args(f->args, s);
                expr(f->returns, s);
                stmts(f->body, f->scope);
                break;
            }
            case StmtKind::ClassDef: {
                auto* c = static_cast<const ClassDef*>(st);
                exprs(c->decorator_list, s);
                exprs(c->bases, s);
                for (const Keyword* k : c->keywords) expr(k->value, s);
                stmts(c->body, c->scope);
                break;
            }
            case StmtKind::Return: expr(static_cast<const Return*>(st)->value, s); break;
            case StmtKind::Delete: exprs(static_cast<const Delete*>(st)->targets, s); break;
            case StmtKind::Assign: {
                auto* a = static_cast<const Assign*>(st);
                exprs(a->targets, s);
                expr(a->value, s);
                break;
            }
            case StmtKind::AugAssign: {
                auto* a = static_cast<const AugAssign*>(st);
                expr(a->target, s);
                expr(a->value, s);
                break;
            }
            case StmtKind::AnnAssign: {
                auto* a = static_cast<const AnnAssign*>(st);
                expr(a->target, s);
                expr(a->value, s);
                break;
            }
            case StmtKind::For: {
                auto* f = static_cast<const For*>(st);
                expr(f->target, s);
                expr(f->iter, s);
                stmts(f->body, s);
                stmts(f->orelse, s);
                break;
            }
            case StmtKind::While: {
                auto* w = static_cast<const While*>(st);
                expr(w->test, s);
                stmts(w->body, s);
                stmts(w->orelse, s);
                break;
            }
            case StmtKind::If: {
                auto* i = static_cast<const If*>(st);
                expr(i->test, s);
                stmts(i->body, s);
                stmts(i->orelse, s);
                break;
            }
            case StmtKind::With: {
                auto* w = static_cast<const With*>(st);
                for (const WithItem* item : w->items) {
                    expr(item->context_expr, s);
                    expr(item->optional_vars, s);
                }
                stmts(w->body, s);
                break;
            }
            case StmtKind::Raise: {
                auto* r = static_cast<const Raise*>(st);
                expr(r->exc, s);
                expr(r->cause, s);
                break;
            }
            case StmtKind::Try: {
                auto* t = static_cast<const Try*>(st);
                stmts(t->body, s);
                for (const ExceptHandler* h : t->handlers) {
                    expr(h->type, s);
                    stmts(h->body, s);
                }
                stmts(t->orelse, s);
                stmts(t->finalbody, s);
                break;
            }
            case StmtKind::Assert: {
                auto* a = static_cast<const Assert*>(st);
                expr(a->test, s);
                expr(a->msg, s);
                break;
            }
            case StmtKind::Expr: expr(static_cast<const ExprStmt*>(st)->value, s); break;
            default: break;
        }
    }
    void expr(const Expr* e, const Scope* s) {
        if (!e) return;
        switch (e->kind) {
            case ExprKind::Name: fn(static_cast<const Name&>(*e), *s); break;
            case ExprKind::BoolOp: exprs(static_cast<const BoolOp*>(e)->values, s); break;
            case ExprKind::NamedExpr: {
                auto* n = static_cast<const NamedExpr*>(e);
                expr(n->target, s);
                expr(n->value, s);
                break;
            }
            case ExprKind::BinOp: {
                auto* b = static_cast<const BinOp*>(e);
                expr(b->left, s);
                expr(b->right, s);
                break;
            }
            case ExprKind::UnaryOp: expr(static_cast<const UnaryOp*>(e)->operand, s); break;
            case ExprKind::Lambda: {
                auto* l = static_cast<const Lambda*>(e);
                args(l->args, s);
                expr(l->body, l->scope);
                break;
            }
            case ExprKind::IfExp: {
                auto* i = static_cast<const IfExp*>(e);
                expr(i->test, s);
                expr(i->body, s);
                expr(i->orelse, s);
                break;
            }
            case ExprKind::Dict: {
                auto* d = static_cast<const Dict*>(e);
                exprs(d->keys, s);
                exprs(d->values, s);
                break;
            }
            case ExprKind::Set: exprs(static_cast<const Set*>(e)->elts, s); break;
            case ExprKind::ListComp: {
                auto* c = static_cast<const ListComp*>(e);
                comp(c->generators, {c->elt}, s, c->scope);
                break;
            }
            case ExprKind::SetComp: {
                auto* c = static_cast<const SetComp*>(e);
                comp(c->generators, {c->elt}, s, c->scope);
                break;
            }
            case ExprKind::DictComp: {
                auto* c = static_cast<const DictComp*>(e);
                comp(c->generators, {c->key, c->value}, s, c->scope);
                break;
            }
            case ExprKind::GeneratorExp: {
                auto* c = static_cast<const GeneratorExp*>(e);
                comp(c->generators, {c->elt}, s, c->scope);
                break;
            }
            case ExprKind::Await: expr(static_cast<const Await*>(e)->value, s); break;
            case ExprKind::Yield: expr(static_cast<const Yield*>(e)->value, s); break;
            case ExprKind::YieldFrom: expr(static_cast<const YieldFrom*>(e)->value, s); break;
            case ExprKind::Compare: {
                auto* c = static_cast<const Compare*>(e);
                expr(c->left, s);
                exprs(c->comparators, s);
                break;
            }
            case ExprKind::Call: {
                auto* c = static_cast<const Call*>(e);
                expr(c->func, s);
                exprs(c->args, s);
                for (const Keyword* k : c->keywords) expr(k->value, s);
                break;
            }
            case ExprKind::FormattedValue: {
                auto* f = static_cast<const FormattedValue*>(e);
                expr(f->value, s);
                expr(f->format_spec, s);
                break;
            }
            case ExprKind::JoinedStr: exprs(static_cast<const JoinedStr*>(e)->values, s); break;
            case ExprKind::Attribute: expr(static_cast<const Attribute*>(e)->value, s); break;
            case ExprKind::Subscript: {
                auto* sub = static_cast<const Subscript*>(e);
                expr(sub->value, s);
                expr(sub->slice, s);
                break;
            }
            case ExprKind::Starred: expr(static_cast<const Starred*>(e)->value, s); break;
            case ExprKind::List: exprs(static_cast<const List*>(e)->elts, s); break;
            case ExprKind::Tuple: exprs(static_cast<const Tuple*>(e)->elts, s); break;
            case ExprKind::Slice: {
                auto* sl = static_cast<const Slice*>(e);
                expr(sl->lower, s);
                expr(sl->upper, s);
                expr(sl->step, s);
                break;
            }
            case ExprKind::Constant: break;
        }
    }
};

void collect(const Scope* s, std::map<std::string, const Scope*>& out) {
    out[s->qualname] = s;
    for (const Scope* c : s->children) collect(c, out);
}

}  // namespace

TEST_CASE("name resolution and code attributes match CPython 3.13") {
    for (const auto& c : test::cpython_name_cases()) {
        INFO("source: " << c.source);
        auto r = parse_and_analyze(c.source, "t.py");
        REQUIRE_MESSAGE(r.ok(), (r.error ? r.error->message : std::string()));
        std::map<std::string, const Scope*> by_qualname;
        collect(r.symbols->module_scope, by_qualname);

        std::set<std::tuple<std::string, std::string, std::string>> expected;
        for (const auto& a : c.accesses) expected.emplace(a.qualname, a.name, a.access);
        // Every access CPython makes is what our scope says for that name.
        for (const auto& a : c.accesses) {
            INFO(a.qualname << " " << a.name << " " << a.access);
            REQUIRE(by_qualname.count(a.qualname));
            const Scope* s = by_qualname[a.qualname];
            std::string ours = access_name(s->access_of(a.name));
            if (a.access == "ClassDeref") CHECK((ours == "Deref" && s->kind == ScopeKind::Class));
            else CHECK(ours == a.access);
        }
        // Every Name node resolves to one of the accesses CPython makes for it.
        NameWalker walker;
        walker.fn = [&](const Name& n, const Scope& s) {
            INFO(s.qualname << " " << n.id << " " << access_name(n.access));
            if (n.id.rfind("__", 0) == 0) return;
            CHECK(expected.count({s.qualname, n.id, access_name(n.access)}) == 1);
        };
        walker.stmts(r.module->body, r.symbols->module_scope);

        for (const auto& sc : c.scopes) {
            INFO("scope " << sc.qualname);
            REQUIRE(by_qualname.count(sc.qualname));
            const Scope* s = by_qualname[sc.qualname];
            CHECK(s->varnames == sc.varnames);
            CHECK(s->cellvars == sc.cellvars);
            CHECK(s->freevars == sc.freevars);
            CHECK(s->argcount == sc.argcount);
            CHECK(s->posonlyargcount == sc.posonlyargcount);
            CHECK(s->kwonlyargcount == sc.kwonlyargcount);
            CHECK((s->is_generator && !s->is_coroutine) == sc.generator);
            CHECK((s->is_coroutine && !s->is_generator) == sc.coroutine);
            CHECK(s->is_async_generator == sc.async_generator);
        }
    }
}

TEST_CASE("scope tree: kinds, nodes and comprehension inlining") {
    auto r = parse_and_analyze(
        "def f():\n"
        "    a = [x for x in range(3)]\n"
        "    b = (y for y in a)\n"
        "    g = lambda: a\n"
        "    class C:\n"
        "        def m(self): return __class__\n"
        "    return b, g, C\n",
        "t.py");
    REQUIRE(r.ok());
    const Scope* mod = r.symbols->module_scope;
    CHECK(mod->kind == ScopeKind::Module);
    REQUIRE(mod->children.size() == 1);
    const Scope* f = mod->children[0];
    CHECK(f->kind == ScopeKind::Function);
    CHECK(f->node == r.module->body[0]);
    CHECK(as<FunctionDef>(r.module->body[0])->scope == f);
    REQUIRE(f->children.size() == 4);
    CHECK(f->children[0]->name == "<listcomp>");
    CHECK(f->children[0]->comprehension_inlined);
    CHECK(f->children[0]->varnames == std::vector<std::string>{".0", "x"});
    CHECK(f->children[1]->name == "<genexpr>");
    CHECK_FALSE(f->children[1]->comprehension_inlined);
    CHECK(f->children[1]->is_generator);
    CHECK(f->children[1]->qualname == "f.<locals>.<genexpr>");
    CHECK(f->children[2]->kind == ScopeKind::Lambda);
    CHECK(f->children[2]->freevars == std::vector<std::string>{"a"});
    const Scope* c = f->children[3];
    CHECK(c->kind == ScopeKind::Class);
    CHECK(c->needs_class_cell);
    CHECK(c->cellvars == std::vector<std::string>{"__class__"});
    CHECK(c->children[0]->freevars == std::vector<std::string>{"__class__"});
    CHECK(c->children[0]->qualname == "f.<locals>.C.m");
    CHECK(f->cellvars == std::vector<std::string>{"a"});
}

TEST_CASE("async flags") {
    auto r = parse_and_analyze(
        "async def agen():\n    yield 1\n"
        "async def coro():\n    return [await x for x in y]\n"
        "def gen():\n    x = yield\n"
        "g = (await x for x in y)\n",
        "t.py");
    REQUIRE(r.ok());
    const auto& kids = r.symbols->module_scope->children;
    REQUIRE(kids.size() == 4);
    CHECK(kids[0]->is_async_generator);
    CHECK(kids[1]->is_coroutine);
    CHECK_FALSE(kids[1]->is_generator);
    CHECK(kids[1]->children[0]->is_coroutine);  // async comprehension
    CHECK(kids[2]->is_generator);
    CHECK(kids[2]->has_yield);
    CHECK(kids[3]->is_async_generator);  // asynchronous generator expression
}

TEST_CASE("private name mangling") {
    // Expected names from CPython 3.13: class _C: def m(self): self.__x -> _C__x, etc.
    CHECK(mangle_name("C", "__x") == "_C__x");
    CHECK(mangle_name("_C", "__x") == "_C__x");
    CHECK(mangle_name("__C", "__x") == "_C__x");
    CHECK(mangle_name("C", "__x__") == "__x__");
    CHECK(mangle_name("C", "_x") == "_x");
    CHECK(mangle_name("___", "__x") == "__x");
    CHECK(mangle_name("", "__x") == "__x");
    auto r = parse_and_analyze("class A:\n    def m(self):\n        def g(): pass\n    class B:\n        pass\ndef f(): pass\n", "t.py");
    REQUIRE(r.ok());
    const Scope* a = r.symbols->module_scope->children[0];
    CHECK(a->private_class == "A");
    CHECK(a->children[0]->private_class == "A");
    CHECK(a->children[0]->children[0]->private_class == "A");
    CHECK(a->children[1]->private_class == "B");
    CHECK(r.symbols->module_scope->children[1]->private_class.empty());
}

TEST_CASE("first line of decorated definitions is the decorator's (co_firstlineno)") {
    // CPython 3.13: f.__code__.co_firstlineno == 2 for this source.
    auto r = parse_and_analyze("import functools\n@functools.cache\n\ndef f():\n    return (lambda: 1)\n", "t.py");
    REQUIRE(r.ok());
    const Scope* f = r.symbols->module_scope->children[0];
    CHECK(f->lineno == 2);
    CHECK(f->children[0]->lineno == 5);
}
