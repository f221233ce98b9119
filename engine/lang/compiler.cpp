// The bytecode compiler: walks the scope-analysed AST and emits one CodeObject per scope, with
// a source position (and caret anchors) per instruction and a 3.11-style exception table built
// from the handler active at each instruction.
//
// Index: [SECTION] Unit (emission, labels, tables), [SECTION] Names, [SECTION] Statements,
//        [SECTION] Exceptions and with, [SECTION] Expressions, [SECTION] Functions and classes,
//        [SECTION] Entry points
#include "engine/lang/compiler.hpp"
#include "engine/lang/stack_depth.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "engine/lang/parser.hpp"

namespace ll::lang {

namespace {

// Must match vm::BinOp and vm::CompareOp (engine/vm/type.hpp).
int binop_arg(BinOpKind k, bool inplace) {
    int v = 0;
    switch (k) {
        case BinOpKind::Add: v = 0; break;
        case BinOpKind::BitAnd: v = 1; break;
        case BinOpKind::FloorDiv: v = 2; break;
        case BinOpKind::LShift: v = 3; break;
        case BinOpKind::MatMult: v = 4; break;
        case BinOpKind::Mult: v = 5; break;
        case BinOpKind::Mod: v = 6; break;
        case BinOpKind::BitOr: v = 7; break;
        case BinOpKind::Pow: v = 8; break;
        case BinOpKind::RShift: v = 9; break;
        case BinOpKind::Sub: v = 10; break;
        case BinOpKind::Div: v = 11; break;
        case BinOpKind::BitXor: v = 12; break;
    }
    return inplace ? v + 13 : v;
}

constexpr std::uint32_t kDocFlag = 0x4000000;  // consts[0] is the docstring

// [SECTION] Unit ---------------------------------------------------------------------------------

struct Handler {
    int label;
    int depth;
    bool lasti;
};

// What break/continue/return must unwind through.
enum class BlockKind { WhileLoop, ForLoop, AsyncForLoop, TryFinally, FinallyBody, With, AsyncWith, HandlerBody, NamedHandler, ExceptStar };

struct Block {
    BlockKind kind;
    int continue_label = -1;
    int break_label = -1;
    const Try* try_stmt = nullptr;       // TryFinally: the finally body to inline
    std::string handler_name;            // NamedHandler
    const Node* node = nullptr;
    int handler_depth = 0;               // depth of the handler stack when the block began
};

struct Unit {
    std::shared_ptr<CodeObject> co = std::make_shared<CodeObject>();
    const Scope* scope = nullptr;
    std::vector<int> handler_at;            // per instruction: index into handlers, -1 none
    std::vector<Handler> handlers;
    std::vector<int> handler_stack;         // active handler indices
    std::vector<int> label_pos;
    std::vector<std::pair<std::size_t, int>> fixups;  // instruction index -> label
    std::vector<Block> blocks;
    int depth = 0;
    int max_depth = 0;
    std::unordered_map<std::string, int> name_index;
    std::unordered_map<std::string, int> const_index;
    Position loc;
};

class Compiler {
public:
    Compiler(const Module& m, const SymbolTable& t, std::shared_ptr<const std::string> src)
        : module_(m), table_(t), source_(std::move(src)) {
        // Line starts for anchor scanning.
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < source_->size(); ++i)
            if ((*source_)[i] == '\n') line_starts_.push_back(i + 1);
    }

    CompileResult compile() {
        push_unit(table_.module_scope, "<module>", "<module>", 1);
        const std::vector<Stmt*>& body = module_.body;
        const ExprStmt* last = nullptr;
        if (module_.value_of_last_expression && !body.empty() && body.back()->kind == StmtKind::Expr)
            last = static_cast<const ExprStmt*>(body.back());
        if (body.empty() || body[0] != last) store_docstring(body);
        for (Stmt* s : body)
            if (s != last) stmt(s);
        if (error_) return fail_result();
        if (last) {
            // A notebook cell: the final expression statement's value is the code's result
            // (what IPython compiles in 'single' mode to show as Out[N]).
            set_loc(last);
            expr(last->value);
            set_loc(last);
            emit(Op::RETURN_VALUE);
            if (error_) return fail_result();
        } else {
            set_loc_none();
            emit(Op::RETURN_CONST, const_none());
        }
        CompileResult r;
        r.code = pop_unit();
        if (error_) return fail_result();
        r.warnings = std::move(warnings_);
        return r;
    }

private:
    CompileResult fail_result() {
        CompileResult r;
        r.error = error_;
        return r;
    }

    // --- errors
    void fail(const Node* n, std::string msg) {
        if (error_) return;
        SyntaxError e;
        e.message = std::move(msg);
        e.lineno = n->span.lineno;
        e.offset = n->span.col_offset + 1;
        e.end_lineno = n->span.end_lineno;
        e.end_offset = n->span.end_col_offset + 1;
        e.text = module_.line_text(n->span.lineno) + "\n";
        error_ = e;
    }

    // --- units
    Unit& u() { return *units_.back(); }

    void push_unit(const Scope* scope, const std::string& name, const std::string& qualname, int firstlineno) {
        auto unit = std::make_unique<Unit>();
        unit->scope = scope;
        auto& co = *unit->co;
        co.name = name;
        co.qualname = qualname;
        co.filename = module_.filename;
        co.firstlineno = firstlineno;
        co.source = source_;
        if (scope) {
            co.varnames = scope->varnames;
            co.cellvars = scope->cellvars;
            co.freevars = scope->freevars;
            co.argcount = scope->argcount;
            co.posonlyargcount = scope->posonlyargcount;
            co.kwonlyargcount = scope->kwonlyargcount;
            if (scope->has_varargs) co.flags |= kCoVarargs;
            if (scope->has_varkeywords) co.flags |= kCoVarkeywords;
            if (scope->is_function_like()) co.flags |= kCoOptimized | kCoNewLocals;
            if (scope->is_nested) co.flags |= kCoNested;
            if (scope->is_async_generator) co.flags |= kCoAsyncGenerator;
            else if (scope->is_coroutine && scope->kind != ScopeKind::Comprehension) co.flags |= kCoCoroutine;
            else if (scope->is_coroutine && scope->kind == ScopeKind::Comprehension && scope->is_generator) co.flags |= kCoAsyncGenerator;
            else if (scope->is_coroutine && scope->kind == ScopeKind::Comprehension) co.flags |= kCoCoroutine;
            else if (scope->is_generator) co.flags |= kCoGenerator;
        }
        units_.push_back(std::move(unit));
    }

    std::shared_ptr<CodeObject> pop_unit() {
        Unit& un = u();
        auto& co = *un.co;
        for (auto& [at, label] : un.fixups) {
            int target = un.label_pos[static_cast<std::size_t>(label)];
            co.code[at] = Instr(co.code[at].op(), static_cast<std::uint32_t>(target));
        }
        // Exception table: runs of instructions sharing a handler.
        std::size_t n = co.code.size();
        std::size_t i = 0;
        while (i < n) {
            int h = un.handler_at[i];
            std::size_t j = i + 1;
            while (j < n && un.handler_at[j] == h) ++j;
            if (h >= 0) {
                const Handler& hd = un.handlers[static_cast<std::size_t>(h)];
                ExceptionEntry e;
                e.start = static_cast<std::uint32_t>(i);
                e.end = static_cast<std::uint32_t>(j);
                e.target = static_cast<std::uint32_t>(un.label_pos[static_cast<std::size_t>(hd.label)]);
                e.depth = static_cast<std::uint32_t>(hd.depth);
                e.push_lasti = hd.lasti;
                co.exception_table.push_back(e);
            }
            i = j;
        }
        // The running count above follows the emission order, and each statement that jumps
        // away (return, break, continue inside handlers) must set it right by hand; that is how
        // it once undercounted. So the deepest stack is also found by following every path
        // through the finished bytecode (stack_depth.cpp), and the frame gets the larger of the
        // two: a push beyond the frame would corrupt the heap, and release builds do not check
        // (debug builds check every push against it, and that the two counts agree).
        const int flow = flow_max_depth(co);
        assert(flow >= 0 && flow <= un.max_depth);
        co.max_stack = flow < 0 ? un.max_depth + 1 : std::max(flow, un.max_depth);
        auto result = un.co;
        units_.pop_back();
        return result;
    }

    // --- emission
    void adjust(int delta) {
        u().depth += delta;
        if (u().depth > u().max_depth) u().max_depth = u().depth;
    }

    std::size_t emit(Op op, std::uint32_t arg = 0) {
        Unit& un = u();
        un.co->code.push_back(Instr(op, arg));
        un.co->positions.push_back(un.loc);
        un.handler_at.push_back(un.handler_stack.empty() ? -1 : un.handler_stack.back());
        adjust(stack_effect(op, arg));
        return un.co->code.size() - 1;
    }

    int new_label() {
        u().label_pos.push_back(-1);
        return static_cast<int>(u().label_pos.size()) - 1;
    }
    void bind(int label) { u().label_pos[static_cast<std::size_t>(label)] = static_cast<int>(u().co->code.size()); }
    void emit_jump(Op op, int label) {
        std::size_t at = emit(op, 0);
        u().fixups.emplace_back(at, label);
    }
    // Jump to an already-bound label (a loop head): counts against the budget.
    void emit_jump_back(int label) { emit_jump(Op::JUMP_BACKWARD, label); }
    void set_depth(int d) { u().depth = d; }
    int depth() const { return units_.back()->depth; }

    int push_handler(int label, int depth_at, bool lasti = false) {
        u().handlers.push_back({label, depth_at, lasti});
        int idx = static_cast<int>(u().handlers.size()) - 1;
        u().handler_stack.push_back(idx);
        return idx;
    }
    void pop_handler() { u().handler_stack.pop_back(); }

    // --- positions
    void set_loc(const Node* n) {
        Position p;
        p.lineno = n->span.lineno;
        p.end_lineno = n->span.end_lineno;
        p.col = n->span.col_offset;
        p.end_col = n->span.end_col_offset;
        u().loc = p;
    }
    void set_loc_expr(const Expr* e) {
        set_loc(e);
        compute_anchors(e, u().loc);
    }
    void set_loc_none() {
        Position p = u().loc;
        p.col = p.end_col = -1;
        p.end_lineno = p.lineno;
        p.anchor_start = p.anchor_end = -1;
        p.full_line_call = false;
        u().loc = p;
    }
    struct LocSave {
        Compiler& c;
        Position saved;
        explicit LocSave(Compiler& comp) : c(comp), saved(comp.u().loc) {}
        ~LocSave() { c.u().loc = saved; }
    };

    char src_at(int line, int col) const {
        if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return '\n';
        std::size_t pos = line_starts_[static_cast<std::size_t>(line - 1)] + static_cast<std::size_t>(col);
        if (pos >= source_->size()) return '\n';
        return (*source_)[pos];
    }
    int line_len(int line) const {
        if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return 0;
        std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
        std::size_t end = source_->find('\n', start);
        if (end == std::string::npos) end = source_->size();
        return static_cast<int>(end - start);
    }
    // Next valid (line, col) at or after the position: skips past line ends.
    void next_valid(int& line, int& col) const {
        while (line <= static_cast<int>(line_starts_.size()) && col >= line_len(line)) {
            col = 0;
            ++line;
        }
    }
    // traceback.py's increment_until: skip to the first char satisfying stop, jumping over
    // comments and line continuations.
    template <class Stop>
    bool scan_until(int& line, int& col, int limit_line, Stop stop) const {
        next_valid(line, col);
        for (int guard = 0; guard < 100000; ++guard) {
            if (line > limit_line) return false;
            char ch = src_at(line, col);
            if (ch == '\\' || ch == '#') {
                ++line;
                col = 0;
                next_valid(line, col);
            } else if (!stop(ch)) {
                ++col;
                next_valid(line, col);
            } else {
                return true;
            }
        }
        return false;
    }

    void compute_anchors(const Expr* e, Position& p) {
        auto enc = [&](int line, int col) { return ((line - e->span.lineno) << 16) | (col & 0xffff); };
        if (auto* b = as<BinOp>(e)) {
            int line = b->left->span.end_lineno, col = b->left->span.end_col_offset;
            if (!scan_until(line, col, e->span.end_lineno, [](char c) { return c != ' ' && c != '\t' && c != '\f' && c != ')'; }))
                return;
            int right_col = col + 1;
            if (right_col < line_len(line) &&
                (b->right->span.lineno > line || right_col < b->right->span.col_offset)) {
                char ch = src_at(line, right_col);
                if (ch != ' ' && ch != '\t' && ch != '\\' && ch != '#') ++right_col;
            }
            p.anchor_start = enc(line, col);
            p.anchor_end = enc(line, right_col);
        } else if (auto* s = as<Subscript>(e)) {
            int line = s->value->span.end_lineno, col = s->value->span.end_col_offset;
            if (!scan_until(line, col, e->span.end_lineno, [](char c) { return c == '['; })) return;
            p.anchor_start = enc(line, col);
            p.anchor_end = enc(e->span.end_lineno, e->span.end_col_offset);
        } else if (auto* c = as<Call>(e)) {
            int line = c->func->span.end_lineno, col = c->func->span.end_col_offset;
            if (!scan_until(line, col, e->span.end_lineno, [](char ch) { return ch == '('; })) return;
            p.anchor_start = enc(line, col);
            p.anchor_end = enc(e->span.end_lineno, e->span.end_col_offset);
        }
    }

    // --- constants and names
    std::uint32_t add_const(ConstValue c, const std::string& key) {
        if (!key.empty()) {
            auto it = u().const_index.find(key);
            if (it != u().const_index.end()) return static_cast<std::uint32_t>(it->second);
        }
        u().co->consts.push_back(std::move(c));
        int idx = static_cast<int>(u().co->consts.size()) - 1;
        if (!key.empty()) u().const_index[key] = idx;
        return static_cast<std::uint32_t>(idx);
    }
    std::uint32_t const_none() {
        ConstValue c;
        return add_const(c, "N");
    }
    std::uint32_t const_bool(bool b) {
        ConstValue c;
        c.kind = b ? ConstValue::Kind::True : ConstValue::Kind::False;
        return add_const(c, b ? "T" : "F");
    }
    std::uint32_t const_int(std::int64_t v) {
        ConstValue c;
        c.kind = ConstValue::Kind::Int;
        c.int_value = v;
        return add_const(c, "i" + std::to_string(v));
    }
    std::uint32_t const_str(const std::string& s) {
        ConstValue c;
        c.kind = ConstValue::Kind::Str;
        c.text = s;
        return add_const(c, "s" + s);
    }
    std::uint32_t const_code(std::shared_ptr<CodeObject> code) {
        ConstValue c;
        c.kind = ConstValue::Kind::Code;
        c.code = std::move(code);
        return add_const(c, "");
    }
    std::uint32_t const_tuple_of_strings(const std::vector<std::string>& names) {
        ConstValue c;
        c.kind = ConstValue::Kind::Tuple;
        std::string key = "t";
        for (auto& n : names) {
            ConstValue s;
            s.kind = ConstValue::Kind::Str;
            s.text = n;
            c.items.push_back(s);
            key += n + "\x1f";
        }
        return add_const(c, key);
    }
    std::uint32_t constant(const Constant& k) {
        ConstValue c;
        switch (k.value_kind) {
            case ConstantKind::None: return const_none();
            case ConstantKind::True: return const_bool(true);
            case ConstantKind::False: return const_bool(false);
            case ConstantKind::Ellipsis:
                c.kind = ConstValue::Kind::Ellipsis;
                return add_const(c, "E");
            case ConstantKind::Int:
                if (k.int_fits) return const_int(k.int_value);
                c.kind = ConstValue::Kind::BigInt;
                c.text = k.int_digits;
                return add_const(c, "b" + k.int_digits);
            case ConstantKind::Float: {
                c.kind = ConstValue::Kind::Float;
                c.float_value = k.float_value;
                std::uint64_t bits;
                std::memcpy(&bits, &k.float_value, sizeof bits);
                return add_const(c, "f" + std::to_string(bits));
            }
            case ConstantKind::Str:
            case ConstantKind::Bytes: return const_str(k.str_value);
        }
        return const_none();
    }
    // An attribute name as emitted: `obj.__x` inside class A is `obj._A__x` (private name
    // mangling; plain names are not mangled here, as the symbol table keeps them as written).
    std::uint32_t attr_idx(const std::string& attr) { return name_idx(mangled(attr)); }
    // Names looked up by text (globals, class and module bodies) are mangled the same way, so
    // that `def __step` in a class body binds what `self.__step` finds. Fast and cell variables
    // are resolved by the symbol table on the names as written, and need no mangling.
    std::string mangled(const std::string& n) { return u().scope ? mangle_name(u().scope->private_class, n) : n; }
    std::uint32_t name_idx(const std::string& n) {
        auto it = u().name_index.find(n);
        if (it != u().name_index.end()) return static_cast<std::uint32_t>(it->second);
        u().co->names.push_back(n);
        int idx = static_cast<int>(u().co->names.size()) - 1;
        u().name_index[n] = idx;
        return static_cast<std::uint32_t>(idx);
    }
    std::uint32_t fast_idx(const std::string& n) {
        auto& v = u().co->varnames;
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i] == n) return static_cast<std::uint32_t>(i);
        v.push_back(n);
        return static_cast<std::uint32_t>(v.size() - 1);
    }
    std::uint32_t deref_idx(const std::string& n) {
        auto& c = u().co->cellvars;
        for (std::size_t i = 0; i < c.size(); ++i)
            if (c[i] == n) return static_cast<std::uint32_t>(i);
        auto& f = u().co->freevars;
        for (std::size_t i = 0; i < f.size(); ++i)
            if (f[i] == n) return static_cast<std::uint32_t>(c.size() + i);
        // Not known as a cell: treat as a new free variable (should not happen after scope pass).
        f.push_back(n);
        return static_cast<std::uint32_t>(c.size() + f.size() - 1);
    }

    // [SECTION] Names -------------------------------------------------------------------------------

    NameAccess access_for(const std::string& n) const {
        const Scope* s = units_.back()->scope;
        return s ? s->access_of(n) : NameAccess::Name;
    }

    void load_name(const std::string& n, NameAccess acc, bool push_null = false) {
        if (acc == NameAccess::Unresolved) acc = access_for(n);
        switch (acc) {
            case NameAccess::Fast: emit(Op::LOAD_FAST, fast_idx(n)); break;
            case NameAccess::Deref: emit(Op::LOAD_DEREF, deref_idx(n)); break;
            case NameAccess::ClassDeref:
                emit(Op::LOAD_LOCALS);
                emit(Op::LOAD_FROM_DICT_OR_DEREF, deref_idx(n));
                break;
            case NameAccess::Global:
                emit(Op::LOAD_GLOBAL, (name_idx(mangled(n)) << 1) | (push_null ? 1 : 0));
                return;
            default: emit(Op::LOAD_NAME, name_idx(mangled(n))); break;
        }
        if (push_null) emit(Op::PUSH_NULL);
    }
    void store_name(const std::string& n, NameAccess acc = NameAccess::Unresolved) {
        if (acc == NameAccess::Unresolved) acc = access_for(n);
        switch (acc) {
            case NameAccess::Fast: emit(Op::STORE_FAST, fast_idx(n)); break;
            case NameAccess::Deref:
            case NameAccess::ClassDeref: emit(Op::STORE_DEREF, deref_idx(n)); break;
            case NameAccess::Global: emit(Op::STORE_GLOBAL, name_idx(mangled(n))); break;
            default: emit(Op::STORE_NAME, name_idx(mangled(n))); break;
        }
    }
    void delete_name(const std::string& n, NameAccess acc = NameAccess::Unresolved) {
        if (acc == NameAccess::Unresolved) acc = access_for(n);
        switch (acc) {
            case NameAccess::Fast: emit(Op::DELETE_FAST, fast_idx(n)); break;
            case NameAccess::Deref:
            case NameAccess::ClassDeref: emit(Op::DELETE_DEREF, deref_idx(n)); break;
            case NameAccess::Global: emit(Op::DELETE_GLOBAL, name_idx(mangled(n))); break;
            default: emit(Op::DELETE_NAME, name_idx(mangled(n))); break;
        }
    }

    // [SECTION] Statements --------------------------------------------------------------------------

    // CPython's compiler_body: a module or class body that starts with a string stores it as
    // __doc__ (the statement itself then compiles to a NOP, as every constant statement does).
    void store_docstring(const std::vector<Stmt*>& stmts) {
        if (stmts.empty()) return;
        auto* es = as<ExprStmt>(stmts[0]);
        auto* c = es ? as<Constant>(es->value) : nullptr;
        if (!c || c->value_kind != ConstantKind::Str) return;
        LocSave ls(*this);
        set_loc(stmts[0]);
        emit(Op::LOAD_CONST, const_str(c->str_value));
        store_name("__doc__");
    }

    void body(const std::vector<Stmt*>& stmts) {
        for (Stmt* s : stmts) {
            if (error_) return;
            stmt(s);
        }
    }

    void stmt(const Stmt* s) {
        LocSave ls(*this);
        set_loc(s);
        switch (s->kind) {
            case StmtKind::FunctionDef: function_def(static_cast<const FunctionDef*>(s)); break;
            case StmtKind::ClassDef: class_def(static_cast<const ClassDef*>(s)); break;
            case StmtKind::Return: return_stmt(static_cast<const Return*>(s)); break;
            case StmtKind::Delete:
                for (Expr* t : static_cast<const Delete*>(s)->targets) delete_target(t);
                break;
            case StmtKind::Assign: assign(static_cast<const Assign*>(s)); break;
            case StmtKind::AugAssign: aug_assign(static_cast<const AugAssign*>(s)); break;
            case StmtKind::AnnAssign: {
                auto* a = static_cast<const AnnAssign*>(s);
                if (a->value) {
                    expr(a->value);
                    store_target(a->target);
                } else if (!as<Name>(a->target)) {
                    // `obj.attr: int` evaluates the object.
                    if (auto* at = as<Attribute>(a->target)) {
                        expr(at->value);
                        emit(Op::POP_TOP);
                    }
                }
                break;
            }
            case StmtKind::For: for_stmt(static_cast<const For*>(s)); break;
            case StmtKind::While: while_stmt(static_cast<const While*>(s)); break;
            case StmtKind::If: if_stmt(static_cast<const If*>(s)); break;
            case StmtKind::With: with_stmt(static_cast<const With*>(s), 0); break;
            case StmtKind::Raise: raise_stmt(static_cast<const Raise*>(s)); break;
            case StmtKind::Try: try_stmt(static_cast<const Try*>(s)); break;
            case StmtKind::Assert: assert_stmt(static_cast<const Assert*>(s)); break;
            case StmtKind::Import: import_stmt(static_cast<const Import*>(s)); break;
            case StmtKind::ImportFrom: import_from(static_cast<const ImportFrom*>(s)); break;
            case StmtKind::Global:
            case StmtKind::Nonlocal:
            case StmtKind::Pass: emit(Op::NOP); break;
            case StmtKind::Expr: {
                auto* e = static_cast<const ExprStmt*>(s);
                if (auto* c = as<Constant>(e->value); c && units_.size() > 0) {
                    (void)c;
                    emit(Op::NOP);
                    break;
                }
                expr(e->value);
                set_loc(s);
                emit(Op::POP_TOP);
                break;
            }
            case StmtKind::Break: break_stmt(s); break;
            case StmtKind::Continue: continue_stmt(s); break;
        }
    }

    void assign(const Assign* a) {
        expr(a->value);
        // `x = f(...)` with a single Name target: CPython shows no carets when the call fails.
        if (a->targets.size() == 1 && as<Name>(a->targets[0])) mark_full_line_call(a->value);
        for (std::size_t i = 0; i < a->targets.size(); ++i) {
            if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
            store_target(a->targets[i]);
        }
    }

    void mark_full_line_call(const Expr* value) {
        auto* c = as<Call>(value);
        if (!c || !as<Name>(c->func)) return;
        // The CALL instruction of this call is the last one emitted with its span.
        auto& co = *u().co;
        for (std::size_t i = co.code.size(); i-- > 0;) {
            Op op = co.code[i].op();
            if ((op == Op::CALL || op == Op::CALL_KW || op == Op::CALL_FUNCTION_EX) && co.positions[i].lineno == c->span.lineno &&
                co.positions[i].col == c->span.col_offset && co.positions[i].end_col == c->span.end_col_offset) {
                co.positions[i].full_line_call = true;
                return;
            }
        }
    }

    void store_target(const Expr* t) {
        LocSave ls(*this);
        switch (t->kind) {
            case ExprKind::Name: {
                auto* n = static_cast<const Name*>(t);
                set_loc(t);
                store_name(n->id, n->access);
                break;
            }
            case ExprKind::Attribute: {
                auto* at = static_cast<const Attribute*>(t);
                expr(at->value);
                set_loc_expr(t);
                emit(Op::STORE_ATTR, attr_idx(at->attr));
                break;
            }
            case ExprKind::Subscript: {
                auto* sub = static_cast<const Subscript*>(t);
                expr(sub->value);
                if (auto* sl = as<Slice>(sub->slice); sl && !sl->step) {
                    slice_part(sl->lower);
                    slice_part(sl->upper);
                    set_loc_expr(t);
                    emit(Op::STORE_SLICE);
                } else {
                    expr(sub->slice);
                    set_loc_expr(t);
                    emit(Op::STORE_SUBSCR);
                }
                break;
            }
            case ExprKind::Tuple:
            case ExprKind::List: {
                const auto& elts = t->kind == ExprKind::Tuple ? static_cast<const Tuple*>(t)->elts : static_cast<const List*>(t)->elts;
                set_loc(t);
                int star = -1;
                for (std::size_t i = 0; i < elts.size(); ++i)
                    if (as<Starred>(elts[i])) {
                        if (star >= 0) {
                            fail(elts[i], "multiple starred expressions in assignment");
                            return;
                        }
                        star = static_cast<int>(i);
                    }
                if (star >= 0) {
                    std::uint32_t before = static_cast<std::uint32_t>(star);
                    std::uint32_t after = static_cast<std::uint32_t>(elts.size() - static_cast<std::size_t>(star) - 1);
                    emit(Op::UNPACK_EX, before | (after << 8));
                } else {
                    emit(Op::UNPACK_SEQUENCE, static_cast<std::uint32_t>(elts.size()));
                }
                for (Expr* e : elts) {
                    if (auto* st = as<Starred>(e)) store_target(st->value);
                    else store_target(e);
                }
                break;
            }
            case ExprKind::Starred: store_target(static_cast<const Starred*>(t)->value); break;
            default: fail(t, "cannot assign to expression"); break;
        }
    }

    void delete_target(const Expr* t) {
        LocSave ls(*this);
        switch (t->kind) {
            case ExprKind::Name: {
                auto* n = static_cast<const Name*>(t);
                set_loc(t);
                delete_name(n->id, n->access);
                break;
            }
            case ExprKind::Attribute: {
                auto* at = static_cast<const Attribute*>(t);
                expr(at->value);
                set_loc_expr(t);
                emit(Op::DELETE_ATTR, attr_idx(at->attr));
                break;
            }
            case ExprKind::Subscript: {
                auto* sub = static_cast<const Subscript*>(t);
                expr(sub->value);
                expr(sub->slice);
                set_loc_expr(t);
                emit(Op::DELETE_SUBSCR);
                break;
            }
            case ExprKind::Tuple:
                for (Expr* e : static_cast<const Tuple*>(t)->elts) delete_target(e);
                break;
            case ExprKind::List:
                for (Expr* e : static_cast<const List*>(t)->elts) delete_target(e);
                break;
            default: fail(t, "cannot delete expression"); break;
        }
    }

    void aug_assign(const AugAssign* a) {
        int arg = binop_arg(a->op, true);
        const Expr* t = a->target;
        if (auto* n = as<Name>(t)) {
            {
                LocSave ls(*this);
                set_loc(t);
                load_name(n->id, n->access);
            }
            expr(a->value);
            set_loc(a);
            emit(Op::BINARY_OP, static_cast<std::uint32_t>(arg));
            set_loc(t);
            store_name(n->id, n->access);
        } else if (auto* at = as<Attribute>(t)) {
            expr(at->value);
            emit(Op::COPY, 1);
            {
                LocSave ls(*this);
                set_loc_expr(t);
                emit(Op::LOAD_ATTR, attr_idx(at->attr) << 1);
            }
            expr(a->value);
            set_loc(a);
            emit(Op::BINARY_OP, static_cast<std::uint32_t>(arg));
            emit(Op::SWAP, 2);
            set_loc_expr(t);
            emit(Op::STORE_ATTR, attr_idx(at->attr));
        } else if (auto* sub = as<Subscript>(t)) {
            expr(sub->value);
            expr(sub->slice);
            emit(Op::COPY, 2);
            emit(Op::COPY, 2);
            {
                LocSave ls(*this);
                set_loc_expr(t);
                emit(Op::BINARY_SUBSCR);
            }
            expr(a->value);
            set_loc(a);
            emit(Op::BINARY_OP, static_cast<std::uint32_t>(arg));
            // [container, key, result] -> [result, container, key]
            emit(Op::SWAP, 3);
            emit(Op::SWAP, 2);
            set_loc_expr(t);
            emit(Op::STORE_SUBSCR);
        } else {
            fail(t, "'expression' is an illegal expression for augmented assignment");
        }
    }

    void if_stmt(const If* s) {
        int else_label = new_label(), end = new_label();
        jump_if(s->test, false, else_label);
        body(s->body);
        if (!s->orelse.empty()) {
            set_loc_none();
            emit_jump(Op::JUMP_FORWARD, end);
            bind(else_label);
            body(s->orelse);
        } else {
            bind(else_label);
        }
        bind(end);
    }

    // Compiles a condition and jumps to `label` when its truth equals `when`.
    void jump_if(const Expr* test, bool when, int label) {
        if (auto* u1 = as<UnaryOp>(test); u1 && u1->op == UnaryOpKind::Not) {
            jump_if(u1->operand, !when, label);
            return;
        }
        if (auto* b = as<BoolOp>(test)) {
            bool is_and = b->op == BoolOpKind::And;
            // and: jump when false if any is false; or: jump when true if any is true.
            if (is_and != when) {
                for (Expr* v : b->values) jump_if(v, when, label);
            } else {
                int skip = new_label();
                for (std::size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], !when, skip);
                jump_if(b->values.back(), when, label);
                bind(skip);
            }
            return;
        }
        expr(test);
        emit_jump(when ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
    }

    void while_stmt(const While* s) {
        int head = new_label(), end = new_label(), orelse = new_label();
        bind(head);
        jump_if(s->test, false, orelse);
        Block b;
        b.kind = BlockKind::WhileLoop;
        b.continue_label = head;
        b.break_label = end;
        b.handler_depth = static_cast<int>(u().handler_stack.size());
        u().blocks.push_back(b);
        body(s->body);
        u().blocks.pop_back();
        set_loc_none();
        emit_jump_back(head);
        bind(orelse);
        body(s->orelse);
        bind(end);
    }

    void for_stmt(const For* s) {
        if (s->is_async) {
            async_for_stmt(s);
            return;
        }
        int head = new_label(), end = new_label(), orelse = new_label();
        expr(s->iter);
        {
            LocSave ls(*this);
            set_loc_expr(s->iter);
            emit(Op::GET_ITER);
            bind(head);
            emit_jump(Op::FOR_ITER, orelse);
        }
        store_target(s->target);
        Block b;
        b.kind = BlockKind::ForLoop;
        b.continue_label = head;
        b.break_label = end;
        b.handler_depth = static_cast<int>(u().handler_stack.size());
        u().blocks.push_back(b);
        body(s->body);
        u().blocks.pop_back();
        set_loc_none();
        emit_jump_back(head);
        // FOR_ITER pops the iterator when exhausted.
        set_depth(depth() - 1);
        bind(orelse);
        body(s->orelse);
        bind(end);
    }

    void async_for_stmt(const For* s) {
        int head = new_label(), end = new_label(), orelse = new_label(), handler = new_label();
        expr(s->iter);
        int base = depth();
        {
            LocSave ls(*this);
            set_loc(s->iter);
            emit(Op::GET_AITER);
            bind(head);
            push_handler(handler, base);
            set_loc(s);  // CPython: __anext__ is awaited at the whole statement's span
            emit(Op::GET_ANEXT);
            emit(Op::LOAD_CONST, const_none());
            await_loop();
            pop_handler();
        }
        store_target(s->target);
        Block b;
        b.kind = BlockKind::AsyncForLoop;
        b.continue_label = head;
        b.break_label = end;
        b.handler_depth = static_cast<int>(u().handler_stack.size());
        u().blocks.push_back(b);
        body(s->body);
        u().blocks.pop_back();
        set_loc_none();
        emit_jump_back(head);
        // Handler: [aiter, exc]: StopAsyncIteration ends the loop (END_ASYNC_FOR pops both).
        set_depth(base + 1);
        bind(handler);
        {
            LocSave ls(*this);
            set_loc(s->iter);
            emit(Op::END_ASYNC_FOR);
        }
        bind(orelse);
        body(s->orelse);
        bind(end);
    }

    // [receiver, value] -> [result]: the SEND / YIELD_VALUE loop of await and yield from.
    void await_loop() {
        int send = new_label(), exit = new_label();
        bind(send);
        emit_jump(Op::SEND, exit);
        emit(Op::YIELD_VALUE, 2);
        emit_jump(Op::JUMP_BACKWARD, send);
        bind(exit);
        emit(Op::END_SEND);
    }

    void unwind_block(const Block& b, bool preserve_tos) {
        if (b.kind != BlockKind::WhileLoop && b.kind != BlockKind::ForLoop && b.kind != BlockKind::AsyncForLoop &&
            static_cast<int>(u().handler_stack.size()) > b.handler_depth)
            u().handler_stack.resize(static_cast<std::size_t>(b.handler_depth));
        switch (b.kind) {
            case BlockKind::WhileLoop: break;
            case BlockKind::ForLoop:
            case BlockKind::AsyncForLoop:
                if (preserve_tos) emit(Op::SWAP, 2);
                emit(Op::POP_TOP);
                break;
            case BlockKind::TryFinally: {
                // Inline the finally body with this block (and its handler) removed.
                body_with_popped_finally(b, preserve_tos);
                break;
            }
            case BlockKind::FinallyBody:
                // Leaving a finally body that runs because of an exception: [prev, exc].
                if (preserve_tos) emit(Op::SWAP, 2);
                emit(Op::POP_TOP);  // exc
                if (preserve_tos) emit(Op::SWAP, 2);
                emit(Op::POP_EXCEPT);
                break;
            case BlockKind::With:
            case BlockKind::AsyncWith:
                if (preserve_tos) emit(Op::SWAP, 2);
                emit(Op::PUSH_NULL);
                emit(Op::LOAD_CONST, const_none());
                emit(Op::LOAD_CONST, const_none());
                emit(Op::LOAD_CONST, const_none());
                emit(Op::CALL, 3);
                if (b.kind == BlockKind::AsyncWith) {
                    emit(Op::GET_AWAITABLE, 2);
                    emit(Op::LOAD_CONST, const_none());
                    await_loop();
                }
                emit(Op::POP_TOP);
                break;
            case BlockKind::HandlerBody:
            case BlockKind::NamedHandler:
            case BlockKind::ExceptStar:
                if (preserve_tos) emit(Op::SWAP, 2);
                emit(Op::POP_EXCEPT);
                if (b.kind == BlockKind::NamedHandler) {
                    emit(Op::LOAD_CONST, const_none());
                    store_name(b.handler_name);
                    delete_name(b.handler_name);
                }
                break;
        }
    }

    void body_with_popped_finally(const Block& b, bool preserve_tos) {
        // The finally body runs outside the try's handler and outside this block.
        (void)preserve_tos;
        std::vector<Block> saved_blocks = u().blocks;
        if (!u().blocks.empty()) u().blocks.pop_back();
        body(b.try_stmt->finalbody);
        u().blocks = saved_blocks;
    }

    // return, break and continue leave the code that follows them (reached only by a jump)
    // at the depth they started from: their unwinding pops must not lower its count.
    void return_stmt(const Return* r) {
        const int start_depth = depth();
        bool preserve = r->value != nullptr;
        if (r->value) {
            expr(r->value);
            mark_full_line_call(r->value);
        }
        set_loc(r);
        // Unwind every block from the innermost.
        std::vector<int> saved_handlers = u().handler_stack;
        std::vector<Block> blocks = u().blocks;
        for (std::size_t i = blocks.size(); i-- > 0;) {
            std::vector<Block> keep(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            u().blocks = keep;
            set_loc(r);
            unwind_block(blocks[i], preserve);
        }
        set_loc(r);
        if (r->value) emit(Op::RETURN_VALUE);
        else emit(Op::RETURN_CONST, const_none());
        u().blocks = blocks;
        u().handler_stack = saved_handlers;
        set_depth(start_depth);
    }

    void break_stmt(const Stmt* s) {
        const int start_depth = depth();
        std::vector<int> saved_handlers = u().handler_stack;
        std::vector<Block> blocks = u().blocks;
        for (std::size_t i = blocks.size(); i-- > 0;) {
            const Block& b = blocks[i];
            if (b.kind == BlockKind::WhileLoop || b.kind == BlockKind::ForLoop || b.kind == BlockKind::AsyncForLoop) {
                if (b.kind != BlockKind::WhileLoop) emit(Op::POP_TOP);
                set_loc(s);
                emit_jump(Op::JUMP_FORWARD, b.break_label);
                set_depth(start_depth);
                u().blocks = blocks;
                u().handler_stack = saved_handlers;
                return;
            }
            std::vector<Block> keep(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            u().blocks = keep;
            unwind_block(b, false);
        }
        u().blocks = blocks;
        u().handler_stack = saved_handlers;
        fail(s, "'break' outside loop");
    }

    void continue_stmt(const Stmt* s) {
        const int start_depth = depth();
        std::vector<int> saved_handlers = u().handler_stack;
        std::vector<Block> blocks = u().blocks;
        for (std::size_t i = blocks.size(); i-- > 0;) {
            const Block& b = blocks[i];
            if (b.kind == BlockKind::WhileLoop || b.kind == BlockKind::ForLoop || b.kind == BlockKind::AsyncForLoop) {
                set_loc(s);
                emit_jump_back(b.continue_label);
                set_depth(start_depth);
                u().blocks = blocks;
                u().handler_stack = saved_handlers;
                return;
            }
            std::vector<Block> keep(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            u().blocks = keep;
            unwind_block(b, false);
        }
        u().blocks = blocks;
        u().handler_stack = saved_handlers;
        fail(s, "'continue' not properly in loop");
    }

    void raise_stmt(const Raise* r) {
        std::uint32_t n = 0;
        if (r->exc) {
            expr(r->exc);
            ++n;
            if (r->cause) {
                expr(r->cause);
                ++n;
            }
        }
        set_loc(r);
        emit(Op::RAISE_VARARGS, n);
    }

    void assert_stmt(const Assert* a) {
        int end = new_label();
        jump_if(a->test, true, end);
        // CPython locates the raise at the tested expression.
        set_loc_expr(a->test);
        emit(Op::LOAD_ASSERTION_ERROR);
        if (a->msg) {
            emit(Op::PUSH_NULL);
            expr(a->msg);
            set_loc_expr(a->test);
            emit(Op::CALL, 1);
        }
        emit(Op::RAISE_VARARGS, 1);
        bind(end);
    }

    void import_stmt(const Import* s) {
        for (Alias* a : s->names) {
            LocSave ls(*this);
            set_loc(s);
            emit(Op::LOAD_CONST, const_int(0));
            emit(Op::LOAD_CONST, const_none());
            emit(Op::IMPORT_NAME, name_idx(a->name));
            if (!a->asname.empty()) {
                // `import a.b as c` binds the submodule.
                std::size_t pos = 0;
                std::string rest = a->name;
                while ((pos = rest.find('.')) != std::string::npos) {
                    std::size_t next = rest.find('.', pos + 1);
                    std::string attr = rest.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
                    emit(Op::IMPORT_FROM, name_idx(attr));
                    emit(Op::SWAP, 2);
                    emit(Op::POP_TOP);
                    rest = rest.substr(pos + 1);
                }
                store_name(a->asname);
            } else {
                std::string top = a->name.substr(0, a->name.find('.'));
                store_name(top);
            }
        }
    }

    void import_from(const ImportFrom* s) {
        std::vector<std::string> names;
        for (Alias* a : s->names) names.push_back(a->name);
        emit(Op::LOAD_CONST, const_int(s->level));
        emit(Op::LOAD_CONST, const_tuple_of_strings(names));
        emit(Op::IMPORT_NAME, name_idx(s->module));
        if (names.size() == 1 && names[0] == "*") {
            emit(Op::IMPORT_STAR);
            return;
        }
        for (Alias* a : s->names) {
            emit(Op::IMPORT_FROM, name_idx(a->name));
            store_name(a->asname.empty() ? a->name : a->asname);
        }
        emit(Op::POP_TOP);
    }

    // [SECTION] Exceptions and with -----------------------------------------------------------------

    void try_stmt(const Try* t) {
        emit(Op::NOP);  // CPython's NOP on the `try:` line: a line step stops there
        if (!t->finalbody.empty()) {
            try_finally(t);
            return;
        }
        if (t->is_star) try_except_star(t, t->body);
        else try_except(t, t->body);
    }

    void try_finally(const Try* t) {
        int handler = new_label(), end = new_label(), cleanup = new_label();
        int base = depth();
        Block b;
        b.kind = BlockKind::TryFinally;
        b.try_stmt = t;
        b.handler_depth = static_cast<int>(u().handler_stack.size());
        push_handler(handler, base);
        u().blocks.push_back(b);
        if (!t->handlers.empty()) {
            if (t->is_star) try_except_star(t, t->body);
            else try_except(t, t->body);
        } else {
            body(t->body);
        }
        u().blocks.pop_back();
        pop_handler();
        // Normal path: run the finally body.
        set_loc_none();
        emit(Op::NOP);
        body(t->finalbody);
        set_loc_none();
        emit_jump(Op::JUMP_FORWARD, end);
        // Exception path: [exc] -> PUSH_EXC_INFO -> [prev, exc]; finally; RERAISE.
        set_depth(base + 1);
        bind(handler);
        Block fb;
        fb.kind = BlockKind::FinallyBody;
        fb.handler_depth = static_cast<int>(u().handler_stack.size());
        push_handler(cleanup, base + 1, false);
        emit(Op::PUSH_EXC_INFO);
        u().blocks.push_back(fb);
        body(t->finalbody);
        u().blocks.pop_back();
        set_loc_none();
        emit(Op::RERAISE, 0);
        pop_handler();
        emit_cleanup(cleanup, base);
        bind(end);
        set_depth(base);
    }

    // cleanup: [prev, exc2] -> restore exc_info to prev, re-raise exc2.
    void emit_cleanup(int label, int base) {
        set_depth(base + 2);
        bind(label);
        set_loc_none();
        emit(Op::COPY, 2);
        emit(Op::POP_EXCEPT);
        emit(Op::RERAISE, 0);
        set_depth(base);
    }

    void try_except(const Try* t, const std::vector<Stmt*>& try_body) {
        int handler = new_label(), end = new_label(), cleanup = new_label(), orelse = new_label();
        int base = depth();
        push_handler(handler, base);
        body(try_body);
        pop_handler();
        bind(orelse);
        body(t->orelse);
        set_loc_none();
        emit_jump(Op::JUMP_FORWARD, end);
        set_depth(base + 1);
        bind(handler);
        int outer_handlers = static_cast<int>(u().handler_stack.size());
        push_handler(cleanup, base + 1);
        emit(Op::PUSH_EXC_INFO);  // [prev, exc]
        for (ExceptHandler* h : t->handlers) {
            LocSave ls(*this);
            set_loc(h);
            int next = new_label();
            if (h->type) {
                expr(h->type);
                set_loc(h);
                emit(Op::CHECK_EXC_MATCH);
                emit_jump(Op::POP_JUMP_IF_FALSE, next);
            }
            if (!h->name.empty()) {
                store_name(h->name);  // [prev]
                int named_cleanup = new_label();
                push_handler(named_cleanup, base + 1);
                Block hb;
        hb.kind = BlockKind::NamedHandler;
                hb.handler_name = h->name;
                hb.handler_depth = outer_handlers;
                u().blocks.push_back(hb);
                body(h->body);
                u().blocks.pop_back();
                pop_handler();
                // CPython gives the unbinding no location, so it inherits the body's last line:
                // a value freed by `del e` (a never-awaited coroutine) reports that line.
                Position handler_loc = u().loc;
                if (!u().co->positions.empty()) u().loc.lineno = u().co->positions.back().lineno;
                set_loc_none();
                emit(Op::POP_EXCEPT);
                emit(Op::LOAD_CONST, const_none());
                store_name(h->name);
                delete_name(h->name);
                emit_jump(Op::JUMP_FORWARD, end);
                u().loc = handler_loc;
                set_loc_none();
                // An exception inside the handler body: unbind the name, re-raise.
                set_depth(base + 2);
                bind(named_cleanup);
                emit(Op::LOAD_CONST, const_none());
                store_name(h->name);
                delete_name(h->name);
                emit(Op::RERAISE, 0);
            } else {
                emit(Op::POP_TOP);  // [prev]
                Block hb;
        hb.kind = BlockKind::HandlerBody;
                hb.handler_depth = outer_handlers;
                u().blocks.push_back(hb);
                body(h->body);
                u().blocks.pop_back();
                set_loc_none();
                emit(Op::POP_EXCEPT);
                emit_jump(Op::JUMP_FORWARD, end);
            }
            set_depth(base + 2);
            bind(next);
        }
        // No handler matched: re-raise (the cleanup restores exc_info).
        set_loc_none();
        emit(Op::RERAISE, 0);
        pop_handler();
        emit_cleanup(cleanup, base);
        bind(end);
        set_depth(base);
    }

    // except*: each clause takes the matching part of the group; what is left or raised again
    // is re-raised at the end (PREP_RERAISE_STAR).
    void try_except_star(const Try* t, const std::vector<Stmt*>& try_body) {
        int handler = new_label(), end = new_label(), cleanup = new_label(), orelse = new_label();
        int base = depth();
        push_handler(handler, base);
        body(try_body);
        pop_handler();
        bind(orelse);
        body(t->orelse);
        set_loc_none();
        emit_jump(Op::JUMP_FORWARD, end);
        set_depth(base + 1);
        bind(handler);
        push_handler(cleanup, base + 1);
        emit(Op::PUSH_EXC_INFO);       // [prev, exc]
        emit(Op::COPY, 1);             // [prev, orig, rest]  (orig == exc)
        emit(Op::BUILD_LIST, 0);       // [prev, orig, rest, raised]
        emit(Op::SWAP, 2);             // [prev, orig, raised, rest]
        int reraise_label = new_label();
        for (ExceptHandler* h : t->handlers) {
            LocSave ls(*this);
            set_loc(h);
            int next = new_label();
            // [prev, orig, raised, rest]
            expr(h->type);
            set_loc(h);
            emit(Op::CHECK_EG_MATCH);  // [prev, orig, raised, rest', match]
            emit(Op::COPY, 1);
            emit_jump(Op::POP_JUMP_IF_NONE, next);
            // match: handle it, with exc_info = match.
            int handler_exc = new_label();
            push_handler(handler_exc, base + 4);
            if (!h->name.empty()) store_name(h->name);
            else emit(Op::POP_TOP);
            // [prev, orig, raised, rest]
            body(h->body);
            pop_handler();
            if (!h->name.empty()) {
                emit(Op::LOAD_CONST, const_none());
                store_name(h->name);
                delete_name(h->name);
            }
            int after = new_label();
            emit_jump(Op::JUMP_FORWARD, after);
            // The handler raised: add the new exception to `raised`.
            set_depth(base + 5);
            bind(handler_exc);
            if (!h->name.empty()) {
                emit(Op::LOAD_CONST, const_none());
                store_name(h->name);
                delete_name(h->name);
            }
            // [prev, orig, raised, rest, newexc] -> append to raised
            emit(Op::LIST_APPEND, 2);
            emit_jump(Op::JUMP_FORWARD, after);
            set_depth(base + 5);
            bind(next);
            emit(Op::POP_TOP);  // drop None match
            bind(after);
            set_depth(base + 4);
            // if rest is None, stop checking further clauses.
            emit(Op::COPY, 1);
            emit_jump(Op::POP_JUMP_IF_NONE, reraise_label);
        }
        bind(reraise_label);
        // [prev, orig, raised, rest]: rest (unhandled) joins raised.
        emit(Op::LIST_APPEND, 1);  // [prev, orig, raised]
        emit(Op::PREP_RERAISE_STAR);  // [prev, to_raise]
        emit(Op::COPY, 1);
        int nothing = new_label();
        emit_jump(Op::POP_JUMP_IF_NONE, nothing);
        emit(Op::RERAISE, 0);
        set_depth(base + 2);
        bind(nothing);
        emit(Op::POP_TOP);    // [prev]
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP_FORWARD, end);
        pop_handler();
        emit_cleanup(cleanup, base);
        bind(end);
        set_depth(base);
    }

    void with_stmt(const With* s, std::size_t item) {
        if (item >= s->items.size()) {
            body(s->body);
            return;
        }
        const WithItem* wi = s->items[item];
        int handler = new_label(), end = new_label(), cleanup = new_label(), suppress = new_label();
        expr(wi->context_expr);
        set_loc(s);
        int base = depth() - 1;  // the exit function stays at base
        {
            LocSave ls(*this);
            set_loc(wi->context_expr);
            if (s->is_async) {
                emit(Op::BEFORE_ASYNC_WITH);
                emit(Op::GET_AWAITABLE, 1);
                emit(Op::LOAD_CONST, const_none());
                await_loop();
            } else {
                emit(Op::BEFORE_WITH);
            }
        }
        // [exit, value]
        Block b;
        b.kind = s->is_async ? BlockKind::AsyncWith : BlockKind::With;
        b.handler_depth = static_cast<int>(u().handler_stack.size());
        push_handler(handler, base + 1);
        u().blocks.push_back(b);
        if (wi->optional_vars) store_target(wi->optional_vars);
        else emit(Op::POP_TOP);
        with_stmt(s, item + 1);
        u().blocks.pop_back();
        pop_handler();
        // Normal exit: exit(None, None, None). Like CPython 3.13, the exit code (both paths)
        // points at the context expression, so a failing __exit__/__aexit__ shows it with carets.
        set_loc_expr(wi->context_expr);
        emit(Op::PUSH_NULL);
        emit(Op::LOAD_CONST, const_none());
        emit(Op::LOAD_CONST, const_none());
        emit(Op::LOAD_CONST, const_none());
        emit(Op::CALL, 3);
        if (s->is_async) {
            emit(Op::GET_AWAITABLE, 2);
            emit(Op::LOAD_CONST, const_none());
            await_loop();
        }
        emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, end);
        // Exception: [exit, exc] -> [exit, prev, exc, res]
        set_depth(base + 2);
        bind(handler);
        push_handler(cleanup, base + 2);
        emit(Op::PUSH_EXC_INFO);
        emit(Op::WITH_EXCEPT_START);
        if (s->is_async) {
            emit(Op::GET_AWAITABLE, 2);
            emit(Op::LOAD_CONST, const_none());
            await_loop();
        }
        emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
        emit(Op::RERAISE, 0);
        set_depth(base + 3);
        bind(suppress);
        emit(Op::POP_TOP);     // exc
        emit(Op::POP_EXCEPT);  // prev
        emit(Op::POP_TOP);     // exit
        pop_handler();
        emit_jump(Op::JUMP_FORWARD, end);
        // cleanup: [exit, prev, exc2]
        set_depth(base + 3);
        bind(cleanup);
        emit(Op::COPY, 2);
        emit(Op::POP_EXCEPT);
        emit(Op::RERAISE, 0);
        bind(end);
        set_depth(base);
    }

    // [SECTION] Expressions -------------------------------------------------------------------------

    void slice_part(const Expr* e) {
        if (e) expr(e);
        else emit(Op::LOAD_CONST, const_none());
    }

    void expr(const Expr* e) {
        if (error_) return;
        LocSave ls(*this);
        set_loc_expr(e);
        switch (e->kind) {
            case ExprKind::Constant: emit(Op::LOAD_CONST, constant(*static_cast<const Constant*>(e))); break;
            case ExprKind::Name: {
                auto* n = static_cast<const Name*>(e);
                load_name(n->id, n->access);
                break;
            }
            case ExprKind::BinOp: {
                auto* b = static_cast<const BinOp*>(e);
                expr(b->left);
                expr(b->right);
                set_loc_expr(e);
                emit(Op::BINARY_OP, static_cast<std::uint32_t>(binop_arg(b->op, false)));
                break;
            }
            case ExprKind::UnaryOp: {
                auto* un = static_cast<const UnaryOp*>(e);
                expr(un->operand);
                set_loc_expr(e);
                switch (un->op) {
                    case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
                    case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
                    case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
                    case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
                }
                break;
            }
            case ExprKind::BoolOp: {
                auto* b = static_cast<const BoolOp*>(e);
                int end = new_label();
                for (std::size_t i = 0; i + 1 < b->values.size(); ++i) {
                    expr(b->values[i]);
                    set_loc_expr(e);
                    emit_jump(b->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP, end);
                }
                expr(b->values.back());
                bind(end);
                break;
            }
            case ExprKind::Compare: compare(static_cast<const Compare*>(e)); break;
            case ExprKind::IfExp: {
                auto* c = static_cast<const IfExp*>(e);
                int orelse = new_label(), end = new_label();
                jump_if(c->test, false, orelse);
                expr(c->body);
                emit_jump(Op::JUMP_FORWARD, end);
                set_depth(depth() - 1);
                bind(orelse);
                expr(c->orelse);
                bind(end);
                break;
            }
            case ExprKind::NamedExpr: {
                auto* n = static_cast<const NamedExpr*>(e);
                expr(n->value);
                emit(Op::COPY, 1);
                store_target(n->target);
                break;
            }
            case ExprKind::Attribute: {
                auto* a = static_cast<const Attribute*>(e);
                if (zero_arg_super(a->value)) {
                    load_name("super", NameAccess::Global);
                    set_loc_expr(e);
                    emit(Op::LOAD_SUPER_ATTR, attr_idx(a->attr) << 1);
                    break;
                }
                expr(a->value);
                set_loc_expr(e);
                emit(Op::LOAD_ATTR, attr_idx(a->attr) << 1);
                break;
            }
            case ExprKind::Subscript: {
                auto* s = static_cast<const Subscript*>(e);
                check_subscripter(s->value);
                check_index(s);
                expr(s->value);
                if (auto* sl = as<Slice>(s->slice); sl && !sl->step) {
                    slice_part(sl->lower);
                    slice_part(sl->upper);
                    set_loc_expr(e);
                    emit(Op::BINARY_SLICE);
                } else {
                    expr(s->slice);
                    set_loc_expr(e);
                    emit(Op::BINARY_SUBSCR);
                }
                break;
            }
            case ExprKind::Slice: {
                auto* s = static_cast<const Slice*>(e);
                slice_part(s->lower);
                slice_part(s->upper);
                std::uint32_t n = 2;
                if (s->step) {
                    expr(s->step);
                    n = 3;
                }
                set_loc_expr(e);
                emit(Op::BUILD_SLICE, n);
                break;
            }
            case ExprKind::Call: call(static_cast<const Call*>(e)); break;
            case ExprKind::Tuple: sequence(static_cast<const Tuple*>(e)->elts, Op::BUILD_TUPLE); break;
            case ExprKind::List: sequence(static_cast<const List*>(e)->elts, Op::BUILD_LIST); break;
            case ExprKind::Set: sequence(static_cast<const Set*>(e)->elts, Op::BUILD_SET); break;
            case ExprKind::Dict: dict_display(static_cast<const Dict*>(e)); break;
            case ExprKind::JoinedStr: joined_str(static_cast<const JoinedStr*>(e)); break;
            case ExprKind::FormattedValue: formatted_value(static_cast<const FormattedValue*>(e)); break;
            case ExprKind::Lambda: lambda(static_cast<const Lambda*>(e)); break;
            case ExprKind::ListComp: {
                auto* c = static_cast<const ListComp*>(e);
                comprehension(e, c->scope, c->generators, c->elt, nullptr, 0);
                break;
            }
            case ExprKind::SetComp: {
                auto* c = static_cast<const SetComp*>(e);
                comprehension(e, c->scope, c->generators, c->elt, nullptr, 1);
                break;
            }
            case ExprKind::DictComp: {
                auto* c = static_cast<const DictComp*>(e);
                comprehension(e, c->scope, c->generators, c->key, c->value, 2);
                break;
            }
            case ExprKind::GeneratorExp: {
                auto* c = static_cast<const GeneratorExp*>(e);
                comprehension(e, c->scope, c->generators, c->elt, nullptr, 3);
                break;
            }
            case ExprKind::Await: {
                auto* a = static_cast<const Await*>(e);
                expr(a->value);
                set_loc_expr(e);
                emit(Op::GET_AWAITABLE, 0);
                emit(Op::LOAD_CONST, const_none());
                await_loop();
                break;
            }
            case ExprKind::Yield: {
                auto* y = static_cast<const Yield*>(e);
                if (y->value) expr(y->value);
                else emit(Op::LOAD_CONST, const_none());
                set_loc_expr(e);
                bool agen = (u().co->flags & kCoAsyncGenerator) != 0;
                emit(Op::YIELD_VALUE, agen ? 1 : 0);
                break;
            }
            case ExprKind::YieldFrom: {
                auto* y = static_cast<const YieldFrom*>(e);
                expr(y->value);
                set_loc_expr(e);
                emit(Op::GET_YIELD_FROM_ITER);
                emit(Op::LOAD_CONST, const_none());
                await_loop();
                break;
            }
            case ExprKind::Starred: fail(e, "can't use starred expression here"); break;
        }
    }

    void compare(const Compare* c) {
        check_compare(c);
        auto cmp_op = [&](CmpOpKind k) {
            switch (k) {
                case CmpOpKind::Lt: emit(Op::COMPARE_OP, 0); break;
                case CmpOpKind::LtE: emit(Op::COMPARE_OP, 1); break;
                case CmpOpKind::Eq: emit(Op::COMPARE_OP, 2); break;
                case CmpOpKind::NotEq: emit(Op::COMPARE_OP, 3); break;
                case CmpOpKind::Gt: emit(Op::COMPARE_OP, 4); break;
                case CmpOpKind::GtE: emit(Op::COMPARE_OP, 5); break;
                case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
                case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
                case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
                case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
            }
        };
        expr(c->left);
        if (c->ops.size() == 1) {
            expr(c->comparators[0]);
            set_loc_expr(c);
            cmp_op(c->ops[0]);
            return;
        }
        int cleanup = new_label(), end = new_label();
        for (std::size_t i = 0; i < c->ops.size(); ++i) {
            expr(c->comparators[i]);
            set_loc_expr(c);
            if (i + 1 < c->ops.size()) {
                emit(Op::SWAP, 2);
                emit(Op::COPY, 2);
                cmp_op(c->ops[i]);
                emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
            } else {
                cmp_op(c->ops[i]);
            }
        }
        emit_jump(Op::JUMP_FORWARD, end);
        // [x, False] -> [False]
        set_depth(depth() + 1);
        bind(cleanup);
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        bind(end);
    }

    bool has_starred(const std::vector<Expr*>& elts) {
        for (Expr* e : elts)
            if (as<Starred>(e)) return true;
        return false;
    }

    void sequence(const std::vector<Expr*>& elts, Op build) {
        if (!has_starred(elts)) {
            for (Expr* e : elts) expr(e);
            emit(build, static_cast<std::uint32_t>(elts.size()));
            return;
        }
        // With *x: build a list (or set) incrementally.
        bool is_set = build == Op::BUILD_SET;
        emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
        for (Expr* e : elts) {
            if (auto* st = as<Starred>(e)) {
                expr(st->value);
                emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
            } else {
                expr(e);
                emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
            }
        }
        if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
    }

    void dict_display(const Dict* d) {
        bool has_unpack = false;
        for (Expr* k : d->keys)
            if (!k) has_unpack = true;
        if (!has_unpack) {
            for (std::size_t i = 0; i < d->keys.size(); ++i) {
                expr(d->keys[i]);
                expr(d->values[i]);
            }
            emit(Op::BUILD_MAP, static_cast<std::uint32_t>(d->keys.size()));
            return;
        }
        emit(Op::BUILD_MAP, 0);
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
            if (!d->keys[i]) {
                expr(d->values[i]);
                emit(Op::DICT_UPDATE, 1);
            } else {
                expr(d->keys[i]);
                expr(d->values[i]);
                emit(Op::MAP_ADD, 1);
            }
        }
    }

    void joined_str(const JoinedStr* j) {
        if (j->values.size() == 1 && as<Constant>(j->values[0])) {
            expr(j->values[0]);
            return;
        }
        for (Expr* v : j->values) expr(v);
        if (j->values.size() != 1) emit(Op::BUILD_STRING, static_cast<std::uint32_t>(j->values.size()));
        else if (!as<FormattedValue>(j->values[0])) emit(Op::FORMAT_SIMPLE);
    }

    void formatted_value(const FormattedValue* f) {
        expr(f->value);
        set_loc_expr(f);
        if (f->conversion == 's') emit(Op::CONVERT_VALUE, 1);
        else if (f->conversion == 'r') emit(Op::CONVERT_VALUE, 2);
        else if (f->conversion == 'a') emit(Op::CONVERT_VALUE, 3);
        if (f->format_spec) {
            expr(f->format_spec);
            set_loc_expr(f);
            emit(Op::FORMAT_WITH_SPEC);
        } else {
            emit(Op::FORMAT_SIMPLE);
        }
    }

    // `super()` with no arguments, `super` being the global/builtin name, in a function: its
    // attributes load with LOAD_SUPER_ATTR (CPython's codegen), no super object made.
    bool zero_arg_super(const Expr* e) const {
        auto* c = as<Call>(e);
        if (!c || !c->args.empty() || !c->keywords.empty()) return false;
        auto* n = as<Name>(c->func);
        if (!n || n->id != "super" || n->access != NameAccess::Global) return false;
        // As CPython's can_optimize_super_call: a function with a first positional parameter
        // and the __class__ cell; otherwise super() is an ordinary call (and fails as one).
        const Scope* s = units_.back()->scope;
        if (!s || !s->is_function_like() || s->argcount == 0) return false;
        for (const std::string& fv : s->freevars)
            if (fv == "__class__") return true;
        return false;
    }

    void call(const Call* c) {
        check_caller(c->func);
        // Method call form: obj.meth(...) -> LOAD_ATTR with the method bit.
        if (auto* a = as<Attribute>(c->func); a && zero_arg_super(a->value)) {
            load_name("super", NameAccess::Global);
            LocSave ls(*this);
            set_loc_expr(a);
            emit(Op::LOAD_SUPER_ATTR, (attr_idx(a->attr) << 1) | 1);
        } else if (a) {
            expr(a->value);
            LocSave ls(*this);
            set_loc_expr(a);
            emit(Op::LOAD_ATTR, (attr_idx(a->attr) << 1) | 1);
        } else if (auto* n = as<Name>(c->func); n && n->access == NameAccess::Global) {
            LocSave ls(*this);
            set_loc(n);
            load_name(n->id, n->access, true);
        } else {
            expr(c->func);
            emit(Op::PUSH_NULL);
        }
        call_args(c, c->args, c->keywords);
    }

    // With [callable, self_or_null] on the stack, pushes the arguments and calls.
    void call_args(const Expr* at, const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords) {
        bool star = has_starred(args);
        bool dstar = false;
        for (Keyword* k : keywords)
            if (k->is_double_star()) dstar = true;
        if (!star && !dstar) {
            for (Expr* a : args) expr(a);
            std::vector<std::string> names;
            for (Keyword* k : keywords) {
                expr(k->value);
                names.push_back(k->arg);
            }
            set_loc_expr(at);
            if (names.empty()) emit(Op::CALL, static_cast<std::uint32_t>(args.size()));
            else {
                emit(Op::LOAD_CONST, const_tuple_of_strings(names));
                emit(Op::CALL_KW, static_cast<std::uint32_t>(args.size() + names.size()));
            }
            return;
        }
        // General form: positional args as a tuple, keywords as a dict. A lone `*x` goes to
        // CALL_FUNCTION_EX as it is (CPython's codegen): no list built and copied for f(*t), the
        // iterable is unpacked after the keywords are evaluated, and a non-iterable gets the
        // call's "f() argument after * must be an iterable" message.
        if (args.size() == 1 && as<Starred>(args[0])) expr(as<Starred>(args[0])->value);
        else sequence(args, Op::BUILD_TUPLE);
        bool has_kw = !keywords.empty();
        if (has_kw) {
            emit(Op::BUILD_MAP, 0);
            for (Keyword* k : keywords) {
                if (k->is_double_star()) {
                    expr(k->value);
                    emit(Op::DICT_MERGE, 1);
                } else {
                    emit(Op::LOAD_CONST, const_str(k->arg));
                    expr(k->value);
                    emit(Op::MAP_ADD, 1);
                }
            }
        }
        set_loc_expr(at);
        emit(Op::CALL_FUNCTION_EX, has_kw ? 1 : 0);
    }

    // kind: 0 list, 1 set, 2 dict, 3 generator expression
    void comprehension(const Expr* e, const Scope* scope, const std::vector<Comprehension*>& gens, const Expr* elt,
                       const Expr* value, int kind) {
        bool hidden = kind != 3;
        std::string name = scope ? scope->name : "<listcomp>";
        std::string qualname = scope ? scope->qualname : name;
        if (hidden) {
            // PEP 709: CPython 3.13 inlines these; tracebacks show the enclosing function.
            name = u().co->name;
            qualname = u().co->qualname;
        }
        push_unit(scope, name, qualname, e->span.lineno);
        if (hidden) u().co->flags |= kCoHiddenFrame;
        set_loc_expr(e);
        if (kind == 0) emit(Op::BUILD_LIST, 0);
        else if (kind == 1) emit(Op::BUILD_SET, 0);
        else if (kind == 2) emit(Op::BUILD_MAP, 0);
        comp_generator(e, gens, 0, elt, value, kind);
        set_loc_expr(e);
        if (kind == 3) emit(Op::RETURN_CONST, const_none());
        else emit(Op::RETURN_VALUE);
        auto code = pop_unit();
        make_closure(code, scope);
        // Call it with the outermost iterable's iterator.
        emit(Op::PUSH_NULL);
        expr(gens[0]->iter);
        set_loc_expr(e);
        if (gens[0]->is_async) emit(Op::GET_AITER);
        else emit(Op::GET_ITER);
        emit(Op::CALL, 1);
        bool is_async_comp = code->flags & kCoCoroutine;
        if (is_async_comp) {
            emit(Op::GET_AWAITABLE, 0);
            emit(Op::LOAD_CONST, const_none());
            await_loop();
        }
    }

    void comp_generator(const Expr* e, const std::vector<Comprehension*>& gens, std::size_t i, const Expr* elt, const Expr* value, int kind) {
        const Comprehension* g = gens[i];
        int head = new_label(), end = new_label();
        if (i == 0) {
            emit(Op::LOAD_FAST, fast_idx(".0"));
        } else {
            expr(g->iter);
            emit(g->is_async ? Op::GET_AITER : Op::GET_ITER);
        }
        int base = depth();
        if (g->is_async) {
            int handler = new_label();
            bind(head);
            push_handler(handler, base);
            emit(Op::GET_ANEXT);
            emit(Op::LOAD_CONST, const_none());
            await_loop();
            pop_handler();
            store_target(g->target);
            for (Expr* cond : g->ifs) jump_if(cond, false, head);
            comp_body(e, gens, i, elt, value, kind);
            emit_jump_back(head);
            set_depth(base + 1);
            bind(handler);
            emit(Op::END_ASYNC_FOR);
            bind(end);
            return;
        }
        bind(head);
        emit_jump(Op::FOR_ITER, end);
        store_target(g->target);
        for (Expr* cond : g->ifs) jump_if(cond, false, head);
        comp_body(e, gens, i, elt, value, kind);
        emit_jump_back(head);
        set_depth(base - 1);
        bind(end);
    }

    void comp_body(const Expr* e, const std::vector<Comprehension*>& gens, std::size_t i, const Expr* elt, const Expr* value, int kind) {
        if (i + 1 < gens.size()) {
            comp_generator(e, gens, i + 1, elt, value, kind);
            return;
        }
        std::uint32_t level = static_cast<std::uint32_t>(gens.size()) + 1;
        switch (kind) {
            case 0:
                expr(elt);
                emit(Op::LIST_APPEND, level);
                break;
            case 1:
                expr(elt);
                emit(Op::SET_ADD, level);
                break;
            case 2:
                expr(elt);
                expr(value);
                emit(Op::MAP_ADD, level);
                break;
            default: {
                expr(elt);
                set_loc_expr(e);
                bool agen = (u().co->flags & kCoAsyncGenerator) != 0;
                emit(Op::YIELD_VALUE, agen ? 1 : 0);
                emit(Op::POP_TOP);
                break;
            }
        }
    }

    // [SECTION] Functions and classes ---------------------------------------------------------------

    // Pushes the function object for `code` (defaults/kwdefaults already pushed per flags).
    void make_closure(const std::shared_ptr<CodeObject>& code, const Scope* scope, std::uint32_t flags = 0) {
        (void)scope;
        if (!code->freevars.empty()) {
            for (const std::string& fv : code->freevars) emit(Op::LOAD_CLOSURE, deref_idx(fv));
            emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(code->freevars.size()));
            flags |= 8;
        }
        emit(Op::LOAD_CONST, const_code(code));
        emit(Op::MAKE_FUNCTION, flags);
    }

    std::uint32_t push_defaults(const Arguments& args) {
        std::uint32_t flags = 0;
        if (!args.defaults.empty()) {
            for (Expr* d : args.defaults) expr(d);
            emit(Op::BUILD_TUPLE, static_cast<std::uint32_t>(args.defaults.size()));
            flags |= 1;
        }
        std::uint32_t nkw = 0;
        for (std::size_t i = 0; i < args.kwonlyargs.size(); ++i) {
            if (!args.kw_defaults[i]) continue;
            emit(Op::LOAD_CONST, const_str(args.kwonlyargs[i]->arg));
            expr(args.kw_defaults[i]);
            ++nkw;
        }
        if (nkw) {
            emit(Op::BUILD_MAP, nkw);
            flags |= 2;
        }
        return flags;
    }

    std::shared_ptr<CodeObject> function_body(const Scope* scope, const std::string& name, const std::vector<Stmt*>& stmts,
                                              int firstlineno) {
        push_unit(scope, name, scope ? scope->qualname : name, firstlineno);
        if (!stmts.empty()) {
            if (auto* es = as<ExprStmt>(stmts[0])) {
                if (auto* c = as<Constant>(es->value); c && c->value_kind == ConstantKind::Str) {
                    const_str(c->str_value);
                    u().co->flags |= kDocFlag;
                }
            }
        }
        if (u().co->consts.empty()) const_none();
        body(stmts);
        set_loc_none();
        emit(Op::RETURN_CONST, const_none());
        return pop_unit();
    }

    void function_def(const FunctionDef* f) {
        for (Expr* d : f->decorator_list) {
            expr(d);
            emit(Op::PUSH_NULL);
        }
        set_loc(f);
        std::uint32_t flags = push_defaults(f->args);
        // co_firstlineno: the scope's line, which is the first decorator's when there is one.
        auto code = function_body(f->scope, f->name, f->body, f->scope ? f->scope->lineno : f->span.lineno);
        if (error_) return;
        set_loc(f);
        make_closure(code, f->scope, flags);
        for (std::size_t i = f->decorator_list.size(); i-- > 0;) {
            LocSave ls(*this);
            set_loc(f->decorator_list[i]);
            emit(Op::CALL, 1);
        }
        set_loc(f);
        store_name(f->name);
    }

    void lambda(const Lambda* l) {
        std::uint32_t flags = push_defaults(l->args);
        push_unit(l->scope, "<lambda>", l->scope ? l->scope->qualname : "<lambda>", l->span.lineno);
        const_none();
        expr(l->body);
        set_loc_expr(l->body);
        emit(Op::RETURN_VALUE);
        auto code = pop_unit();
        set_loc_expr(l);
        make_closure(code, l->scope, flags);
    }

    void class_def(const ClassDef* c) {
        for (Expr* d : c->decorator_list) {
            expr(d);
            emit(Op::PUSH_NULL);
        }
        set_loc(c);
        emit(Op::LOAD_BUILD_CLASS);
        emit(Op::PUSH_NULL);
        // The class body.
        push_unit(c->scope, c->name, c->scope ? c->scope->qualname : c->name, c->scope ? c->scope->lineno : c->span.lineno);
        const Scope* cs = c->scope;
        set_loc(c);
        store_docstring(c->body);
        body(c->body);
        set_loc_none();
        bool has_class_cell = false;
        if (cs)
            for (auto& cv : cs->cellvars)
                if (cv == "__class__") has_class_cell = true;
        if (has_class_cell) {
            emit(Op::LOAD_CLOSURE, deref_idx("__class__"));
            emit(Op::RETURN_VALUE);
        } else {
            emit(Op::RETURN_CONST, const_none());
        }
        auto code = pop_unit();
        if (error_) return;
        set_loc(c);
        make_closure(code, cs);
        emit(Op::LOAD_CONST, const_str(c->name));
        std::vector<Expr*> args(c->bases.begin(), c->bases.end());
        // __build_class__(func, name, *bases, **keywords): [bc, null, func, name, bases...]
        bool star = has_starred(args);
        bool dstar = false;
        for (Keyword* k : c->keywords)
            if (k->is_double_star()) dstar = true;
        if (!star && !dstar) {
            for (Expr* a : args) expr(a);
            std::vector<std::string> names;
            for (Keyword* k : c->keywords) {
                expr(k->value);
                names.push_back(k->arg);
            }
            set_loc(c);
            if (names.empty()) emit(Op::CALL, static_cast<std::uint32_t>(args.size() + 2));
            else {
                emit(Op::LOAD_CONST, const_tuple_of_strings(names));
                emit(Op::CALL_KW, static_cast<std::uint32_t>(args.size() + 2 + names.size()));
            }
        } else {
            // [bc, null, func, name] -> tuple(func, name, *bases)
            emit(Op::BUILD_LIST, 2);
            for (Expr* a : args) {
                if (auto* st = as<Starred>(a)) {
                    expr(st->value);
                    emit(Op::LIST_EXTEND, 1);
                } else {
                    expr(a);
                    emit(Op::LIST_APPEND, 1);
                }
            }
            emit(Op::LIST_TO_TUPLE);
            bool has_kw = !c->keywords.empty();
            if (has_kw) {
                emit(Op::BUILD_MAP, 0);
                for (Keyword* k : c->keywords) {
                    if (k->is_double_star()) {
                        expr(k->value);
                        emit(Op::DICT_MERGE, 1);
                    } else {
                        emit(Op::LOAD_CONST, const_str(k->arg));
                        expr(k->value);
                        emit(Op::MAP_ADD, 1);
                    }
                }
            }
            set_loc(c);
            emit(Op::CALL_FUNCTION_EX, has_kw ? 1 : 0);
        }
        for (std::size_t i = c->decorator_list.size(); i-- > 0;) {
            LocSave ls(*this);
            set_loc(c->decorator_list[i]);
            emit(Op::CALL, 1);
        }
        set_loc(c);
        store_name(c->name);
    }

    const Module& module_;
    const SymbolTable& table_;
    std::shared_ptr<const std::string> source_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::unique_ptr<Unit>> units_;
    std::optional<SyntaxError> error_;
    std::vector<CompileWarning> warnings_;

    // --- CPython's compile-time SyntaxWarnings (compile.c: check_caller, check_subscripter,
    // check_index, check_compare).
    void warn(const Node* n, std::string msg) { warnings_.push_back({std::move(msg), n->span.lineno}); }

    static const char* constant_type(const Constant* c) {
        switch (c->value_kind) {
            case ConstantKind::None: return "NoneType";
            case ConstantKind::True:
            case ConstantKind::False: return "bool";
            case ConstantKind::Ellipsis: return "ellipsis";
            case ConstantKind::Int: return "int";
            case ConstantKind::Float: return "float";
            case ConstantKind::Str: return "str";
            case ConstantKind::Bytes: return "bytes";
        }
        return "object";
    }
    static const char* infer_type(const Expr* e) {
        switch (e->kind) {
            case ExprKind::Tuple: return "tuple";
            case ExprKind::List:
            case ExprKind::ListComp: return "list";
            case ExprKind::Dict:
            case ExprKind::DictComp: return "dict";
            case ExprKind::Set:
            case ExprKind::SetComp: return "set";
            case ExprKind::GeneratorExp: return "generator";
            case ExprKind::Lambda: return "function";
            case ExprKind::JoinedStr:
            case ExprKind::FormattedValue: return "str";
            case ExprKind::Constant: return constant_type(static_cast<const Constant*>(e));
            default: return nullptr;
        }
    }
    void check_caller(const Expr* f) {
        switch (f->kind) {
            case ExprKind::Constant: case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
            case ExprKind::Dict: case ExprKind::Set: case ExprKind::SetComp: case ExprKind::DictComp:
            case ExprKind::GeneratorExp: case ExprKind::JoinedStr: case ExprKind::FormattedValue:
                warn(f, fmt_msg("'", infer_type(f), "' object is not callable; perhaps you missed a comma?"));
                break;
            default: break;
        }
    }
    void check_subscripter(const Expr* v) {
        switch (v->kind) {
            case ExprKind::Constant: {
                auto k = static_cast<const Constant*>(v)->value_kind;
                if (!(k == ConstantKind::None || k == ConstantKind::Ellipsis || k == ConstantKind::Int || k == ConstantKind::Float))
                    return;
                [[fallthrough]];
            }
            case ExprKind::Set: case ExprKind::SetComp: case ExprKind::GeneratorExp: case ExprKind::Lambda:
                warn(v, fmt_msg("'", infer_type(v), "' object is not subscriptable; perhaps you missed a comma?"));
                break;
            default: break;
        }
    }
    void check_index(const Subscript* s) {
        const char* index_type = infer_type(s->slice);
        if (!index_type || std::string_view(index_type) == "int" || std::string_view(index_type) == "bool") return;
        const Expr* v = s->value;
        switch (v->kind) {
            case ExprKind::Constant: {
                auto k = static_cast<const Constant*>(v)->value_kind;
                if (!(k == ConstantKind::Str || k == ConstantKind::Bytes)) return;
                [[fallthrough]];
            }
            case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp: case ExprKind::JoinedStr:
            case ExprKind::FormattedValue:
                warn(s, std::string(infer_type(v)) + " indices must be integers or slices, not " + index_type +
                            "; perhaps you missed a comma?");
                break;
            default: break;
        }
    }
    static bool is_literal_for_is(const Expr* e) {
        auto* c = as<Constant>(e);
        if (!c) return false;
        auto k = c->value_kind;
        return !(k == ConstantKind::None || k == ConstantKind::True || k == ConstantKind::False || k == ConstantKind::Ellipsis);
    }
    void check_compare(const Compare* c) {
        const Expr* left = c->left;
        bool left_lit = is_literal_for_is(left);
        for (std::size_t i = 0; i < c->ops.size(); ++i) {
            const Expr* right = c->comparators[i];
            bool right_lit = is_literal_for_is(right);
            CmpOpKind op = c->ops[i];
            if ((op == CmpOpKind::Is || op == CmpOpKind::IsNot) && (left_lit || right_lit)) {
                const Expr* lit = left_lit ? left : right;
                bool is = op == CmpOpKind::Is;
                warn(c, std::string("\"") + (is ? "is" : "is not") + "\" with '" + infer_type(lit) + "' literal. Did you mean \"" +
                            (is ? "==" : "!=") + "\"?");
                return;
            }
            left = right;
            left_lit = right_lit;
        }
    }
    static std::string fmt_msg(const char* a, const char* b, const char* c) { return std::string(a) + (b ? b : "object") + c; }
};

}  // namespace

// [SECTION] Entry points ---------------------------------------------------------------------------

CompileResult compile_module(const Module& module, const SymbolTable& symbols, std::shared_ptr<const std::string> source) {
    Compiler c(module, symbols, std::move(source));
    return c.compile();
}

CompileResult compile_source(std::string_view source, std::string filename, const CompileOptions& options) {
    FrontEndResult fe = parse_and_analyze(source, filename, options);
    if (!fe.ok()) {
        CompileResult r;
        r.error = fe.error;
        return r;
    }
    auto src = std::make_shared<const std::string>(source);
    return compile_module(*fe.module, *fe.symbols, src);
}

}  // namespace ll::lang
