// The abstract syntax tree of the Python subset, modelled on CPython's `ast` module: same node
// names, same fields, same source spans (so tracebacks can draw CPython's carets).
//
// Memory: every node lives in the Module's arena (Module::arena_) and is freed with the Module;
// children are plain non-owning pointers. Nothing is freed recursively, so a very deep tree
// cannot overflow the stack when destroyed.
//
// Switching: every expression has an ExprKind and every statement a StmtKind; use
// `expr->kind` in a switch and `static_cast<const BinOp&>(*expr)` (or `as<BinOp>(expr)`, which
// checks the kind and returns nullptr on mismatch).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ll::lang {

struct Scope;  // scope.hpp: filled in by the scope pass

// Source span with CPython's `ast` conventions: 1-based lines, 0-based UTF-8 *byte* columns,
// end column exclusive.
struct Span {
    int lineno = 0;          // first line of the node
    int col_offset = 0;      // byte column where the node starts
    int end_lineno = 0;      // last line of the node
    int end_col_offset = 0;  // byte column just past the node's end
};

// Base of every node (expressions, statements and helper nodes such as Arg or Keyword).
struct Node {
    Span span;  // where the node is in the source
    Node() = default;
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    virtual ~Node() = default;
};

// ---------------------------------------------------------------------------------------------
// Small enums
// ---------------------------------------------------------------------------------------------

// Whether a Name/Attribute/Subscript/Starred/List/Tuple is read, assigned or deleted.
enum class ExprContext : std::uint8_t { Load, Store, Del };

// Binary operators (also used by AugAssign).
enum class BinOpKind : std::uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};

// Unary operators: ~x, not x, +x, -x.
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };

// `and` / `or`.
enum class BoolOpKind : std::uint8_t { And, Or };

// Comparison operators.
enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// The operator as written in source ("+", "not in", ...), e.g. for error messages and dumps.
const char* to_string(BinOpKind op);
const char* to_string(UnaryOpKind op);
const char* to_string(BoolOpKind op);
const char* to_string(CmpOpKind op);

// CPython symtable scope of a name in the scope that uses it (`symtable.h`: LOCAL, GLOBAL_EXPLICIT,
// GLOBAL_IMPLICIT, FREE, CELL). Filled in on Name nodes by the scope pass.
enum class SymbolScope : std::uint8_t {
    Unresolved,      // scope pass not run
    Local,           // bound in this scope, not captured by an inner scope
    GlobalExplicit,  // declared `global` in this scope (or module-level `global`)
    GlobalImplicit,  // not bound here nor in an enclosing function: global or builtin
    Free,            // bound in an enclosing function scope (closure variable)
    Cell,            // bound here and captured by an inner scope
};

// How the compiler should access a name (which CPython opcode family), derived from SymbolScope
// and the kind of the scope the Name appears in. Filled in on Name nodes by the scope pass.
enum class NameAccess : std::uint8_t {
    Unresolved,  // scope pass not run
    Fast,        // LOAD_FAST / STORE_FAST / DELETE_FAST: function local
    Deref,       // LOAD_DEREF / STORE_DEREF / DELETE_DEREF: cell or free variable in a function
    Global,      // LOAD_GLOBAL / STORE_GLOBAL / DELETE_GLOBAL
    Name,        // LOAD_NAME / STORE_NAME / DELETE_NAME: module and class bodies
    ClassDeref,  // class body reading a free variable: LOAD_FROM_DICT_OR_DEREF (class dict, then cell)
};

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

enum class ExprKind : std::uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};
const char* to_string(ExprKind kind);  // "BinOp", ...

// Base of every expression node.
struct Expr : Node {
    ExprKind kind;  // which concrete struct this is
    explicit Expr(ExprKind k) : kind(k) {}
};

// `a and b and c`: one node for a run of the same operator (like CPython).
struct BoolOp : Expr {
    static constexpr ExprKind kKind = ExprKind::BoolOp;
    BoolOpKind op = BoolOpKind::And;  // the operator
    std::vector<Expr*> values;        // two or more operands
    BoolOp() : Expr(kKind) {}
};

// `target := value` (walrus).
struct NamedExpr : Expr {
    static constexpr ExprKind kKind = ExprKind::NamedExpr;
    Expr* target = nullptr;  // always a Name with ctx Store
    Expr* value = nullptr;   // the assigned value
    NamedExpr() : Expr(kKind) {}
};

// `left op right`.
struct BinOp : Expr {
    static constexpr ExprKind kKind = ExprKind::BinOp;
    Expr* left = nullptr;           // left operand
    BinOpKind op = BinOpKind::Add;  // the operator
    Expr* right = nullptr;          // right operand
    BinOp() : Expr(kKind) {}
};

// `op operand`.
struct UnaryOp : Expr {
    static constexpr ExprKind kKind = ExprKind::UnaryOp;
    UnaryOpKind op = UnaryOpKind::Not;  // the operator
    Expr* operand = nullptr;            // the operand
    UnaryOp() : Expr(kKind) {}
};

struct Arg;

// Parameters of a def or lambda (CPython's `arguments`; has no span of its own).
struct Arguments {
    std::vector<Arg*> posonlyargs;   // parameters before `/`
    std::vector<Arg*> args;          // ordinary positional-or-keyword parameters
    Arg* vararg = nullptr;           // `*args`, or nullptr
    std::vector<Arg*> kwonlyargs;    // parameters after `*` or `*args`
    std::vector<Expr*> kw_defaults;  // one per kwonlyarg; nullptr where there is no default
    Arg* kwarg = nullptr;            // `**kwargs`, or nullptr
    std::vector<Expr*> defaults;     // defaults of the *last* len(defaults) of posonlyargs+args
};

// `lambda args: body`.
struct Lambda : Expr {
    static constexpr ExprKind kKind = ExprKind::Lambda;
    Arguments args;          // parameters (never annotated)
    Expr* body = nullptr;    // the returned expression
    Scope* scope = nullptr;  // the lambda's scope (set by the scope pass)
    Lambda() : Expr(kKind) {}
};

// `body if test else orelse`.
struct IfExp : Expr {
    static constexpr ExprKind kKind = ExprKind::IfExp;
    Expr* test = nullptr;    // condition
    Expr* body = nullptr;    // value when true
    Expr* orelse = nullptr;  // value when false
    IfExp() : Expr(kKind) {}
};

// `{k: v, **m}`: keys[i] is nullptr for a `**m` entry (then values[i] is m).
struct Dict : Expr {
    static constexpr ExprKind kKind = ExprKind::Dict;
    std::vector<Expr*> keys;    // key expressions, nullptr for `**` unpacking
    std::vector<Expr*> values;  // value expressions (same length as keys)
    Dict() : Expr(kKind) {}
};

// `{a, *b}` (never empty: `{}` is a Dict).
struct Set : Expr {
    static constexpr ExprKind kKind = ExprKind::Set;
    std::vector<Expr*> elts;  // elements, possibly Starred
    Set() : Expr(kKind) {}
};

// One `for target in iter if cond...` clause of a comprehension (no span in CPython; ours covers
// from `for`/`async` to the end of the last `if`).
struct Comprehension : Node {
    Expr* target = nullptr;   // loop target (ctx Store)
    Expr* iter = nullptr;     // iterable
    std::vector<Expr*> ifs;   // filter conditions
    bool is_async = false;    // `async for`
};

// `[elt for ...]`.
struct ListComp : Expr {
    static constexpr ExprKind kKind = ExprKind::ListComp;
    Expr* elt = nullptr;                       // element expression
    std::vector<Comprehension*> generators;    // one or more for-clauses, outermost first
    Scope* scope = nullptr;                    // comprehension scope (set by the scope pass)
    ListComp() : Expr(kKind) {}
};

// `{elt for ...}`.
struct SetComp : Expr {
    static constexpr ExprKind kKind = ExprKind::SetComp;
    Expr* elt = nullptr;                     // element expression
    std::vector<Comprehension*> generators;  // for-clauses
    Scope* scope = nullptr;                  // comprehension scope
    SetComp() : Expr(kKind) {}
};

// `{key: value for ...}`.
struct DictComp : Expr {
    static constexpr ExprKind kKind = ExprKind::DictComp;
    Expr* key = nullptr;                     // key expression
    Expr* value = nullptr;                   // value expression
    std::vector<Comprehension*> generators;  // for-clauses
    Scope* scope = nullptr;                  // comprehension scope
    DictComp() : Expr(kKind) {}
};

// `(elt for ...)`, also the bare form in `f(x for x in y)`.
struct GeneratorExp : Expr {
    static constexpr ExprKind kKind = ExprKind::GeneratorExp;
    Expr* elt = nullptr;                     // element expression
    std::vector<Comprehension*> generators;  // for-clauses
    Scope* scope = nullptr;                  // generator expression scope
    GeneratorExp() : Expr(kKind) {}
};

// `await value`.
struct Await : Expr {
    static constexpr ExprKind kKind = ExprKind::Await;
    Expr* value = nullptr;  // the awaitable
    Await() : Expr(kKind) {}
};

// `yield value` / bare `yield`.
struct Yield : Expr {
    static constexpr ExprKind kKind = ExprKind::Yield;
    Expr* value = nullptr;  // yielded value, nullptr for bare `yield`
    Yield() : Expr(kKind) {}
};

// `yield from value`.
struct YieldFrom : Expr {
    static constexpr ExprKind kKind = ExprKind::YieldFrom;
    Expr* value = nullptr;  // the sub-iterator
    YieldFrom() : Expr(kKind) {}
};

// `left op1 c1 op2 c2 ...` (chained comparison is one node).
struct Compare : Expr {
    static constexpr ExprKind kKind = ExprKind::Compare;
    Expr* left = nullptr;              // first operand
    std::vector<CmpOpKind> ops;        // operators, one per comparator
    std::vector<Expr*> comparators;    // remaining operands
    Compare() : Expr(kKind) {}
};

// `name=value` or `**value` in a call or class header.
struct Keyword : Node {
    std::string arg;        // keyword name; empty for `**value`
    bool is_double_star() const { return arg.empty(); }  // `**value` form
    Expr* value = nullptr;  // the argument value
};

// `func(args..., keywords...)`.
struct Call : Expr {
    static constexpr ExprKind kKind = ExprKind::Call;
    Expr* func = nullptr;             // callee
    std::vector<Expr*> args;          // positional args (Starred for `*x`)
    std::vector<Keyword*> keywords;   // keyword args and `**x`, in source order
    Call() : Expr(kKind) {}
};

// One `{value!conv:spec}` replacement field of an f-string.
struct FormattedValue : Expr {
    static constexpr ExprKind kKind = ExprKind::FormattedValue;
    Expr* value = nullptr;        // the expression
    int conversion = -1;          // -1 (none), 's', 'r' or 'a' (like CPython)
    Expr* format_spec = nullptr;  // a JoinedStr, or nullptr
    FormattedValue() : Expr(kKind) {}
};

// An f-string (possibly concatenated with adjacent plain strings): Constant(str) and
// FormattedValue parts. `{x=}` becomes Constant("x=") + FormattedValue(x, 'r' unless a
// conversion or spec is given), as in CPython.
struct JoinedStr : Expr {
    static constexpr ExprKind kKind = ExprKind::JoinedStr;
    std::vector<Expr*> values;  // Constant (str) and FormattedValue nodes
    JoinedStr() : Expr(kKind) {}
};

// Which Python value a Constant holds.
enum class ConstantKind : std::uint8_t { None, True, False, Ellipsis, Int, Float, Str, Bytes };

// A literal value.
struct Constant : Expr {
    static constexpr ExprKind kKind = ExprKind::Constant;
    ConstantKind value_kind = ConstantKind::None;  // which field below is meaningful
    std::string int_digits;   // Int: decimal digits (no sign, no underscores, no leading zeros
                              // except "0"), already converted from 0x/0o/0b
    bool int_fits = false;    // Int: true when the value fits in int_value
    std::int64_t int_value = 0;  // Int: the value when int_fits
    double float_value = 0;      // Float: the value (inf for overflowing literals, as CPython)
    std::string str_value;    // Str: decoded text as UTF-8 (lone surrogates from \ud800 escapes
                              // are encoded as 3-byte WTF-8); Bytes: the raw bytes
    bool u_prefix = false;    // Str: the first literal had a `u` prefix (CPython's kind='u')
    Constant() : Expr(kKind) {}
};

// `value.attr`.
struct Attribute : Expr {
    static constexpr ExprKind kKind = ExprKind::Attribute;
    Expr* value = nullptr;               // object
    std::string attr;                    // attribute name
    ExprContext ctx = ExprContext::Load; // load / store / del
    Attribute() : Expr(kKind) {}
};

// `value[slice]`; `a[1:2, 3]` has a Tuple slice containing a Slice.
struct Subscript : Expr {
    static constexpr ExprKind kKind = ExprKind::Subscript;
    Expr* value = nullptr;               // object
    Expr* slice = nullptr;               // index expression, Slice, or Tuple
    ExprContext ctx = ExprContext::Load; // load / store / del
    Subscript() : Expr(kKind) {}
};

// `*value` in a call, display or assignment target.
struct Starred : Expr {
    static constexpr ExprKind kKind = ExprKind::Starred;
    Expr* value = nullptr;               // the starred expression
    ExprContext ctx = ExprContext::Load; // Store inside assignment targets
    Starred() : Expr(kKind) {}
};

// An identifier.
struct Name : Expr {
    static constexpr ExprKind kKind = ExprKind::Name;
    std::string id;                                   // the identifier (NFKC not applied)
    ExprContext ctx = ExprContext::Load;              // load / store / del
    SymbolScope symbol_scope = SymbolScope::Unresolved;  // set by the scope pass
    NameAccess access = NameAccess::Unresolved;          // set by the scope pass
    Name() : Expr(kKind) {}
};

// `[a, b]`.
struct List : Expr {
    static constexpr ExprKind kKind = ExprKind::List;
    std::vector<Expr*> elts;             // elements, possibly Starred
    ExprContext ctx = ExprContext::Load; // Store when an unpacking target
    List() : Expr(kKind) {}
};

// `(a, b)` or `a, b`. The span includes the parentheses when they are present (CPython).
struct Tuple : Expr {
    static constexpr ExprKind kKind = ExprKind::Tuple;
    std::vector<Expr*> elts;             // elements, possibly Starred
    ExprContext ctx = ExprContext::Load; // Store when an unpacking target
    Tuple() : Expr(kKind) {}
};

// `lower:upper:step` inside a subscript.
struct Slice : Expr {
    static constexpr ExprKind kKind = ExprKind::Slice;
    Expr* lower = nullptr;  // or nullptr
    Expr* upper = nullptr;  // or nullptr
    Expr* step = nullptr;   // or nullptr
    Slice() : Expr(kKind) {}
};

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

enum class StmtKind : std::uint8_t {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
    Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
};
const char* to_string(StmtKind kind);  // "FunctionDef", ...

// Base of every statement node.
struct Stmt : Node {
    StmtKind kind;  // which concrete struct this is
    explicit Stmt(StmtKind k) : kind(k) {}
};

// One parameter of a def/lambda.
struct Arg : Node {
    std::string arg;             // parameter name
    Expr* annotation = nullptr;  // annotation expression, or nullptr
};

// `def` / `async def` (CPython's FunctionDef and AsyncFunctionDef). The span starts at the
// `def`/`async` keyword, not at the first decorator (CPython 3.8+).
struct FunctionDef : Stmt {
    static constexpr StmtKind kKind = StmtKind::FunctionDef;
    bool is_async = false;                // `async def`
    std::string name;                     // function name
    Arguments args;                       // parameters
    std::vector<Stmt*> body;              // body statements (never empty)
    std::vector<Expr*> decorator_list;    // decorators, outermost (top) first
    Expr* returns = nullptr;              // `-> annotation`, or nullptr
    Scope* scope = nullptr;               // the function's scope (set by the scope pass)
    FunctionDef() : Stmt(kKind) {}
};

// `class name(bases, keywords): body`.
struct ClassDef : Stmt {
    static constexpr StmtKind kKind = StmtKind::ClassDef;
    std::string name;                   // class name
    std::vector<Expr*> bases;           // base class expressions (Starred allowed)
    std::vector<Keyword*> keywords;     // e.g. metaclass=..., **kw
    std::vector<Stmt*> body;            // class body
    std::vector<Expr*> decorator_list;  // decorators, top first
    Scope* scope = nullptr;             // the class body's scope (set by the scope pass)
    ClassDef() : Stmt(kKind) {}
};

// `return value`.
struct Return : Stmt {
    static constexpr StmtKind kKind = StmtKind::Return;
    Expr* value = nullptr;  // or nullptr for bare `return`
    Return() : Stmt(kKind) {}
};

// `del a, b[0]`.
struct Delete : Stmt {
    static constexpr StmtKind kKind = StmtKind::Delete;
    std::vector<Expr*> targets;  // targets with ctx Del
    Delete() : Stmt(kKind) {}
};

// `t1 = t2 = value`.
struct Assign : Stmt {
    static constexpr StmtKind kKind = StmtKind::Assign;
    std::vector<Expr*> targets;  // one or more targets (ctx Store), left to right
    Expr* value = nullptr;       // assigned value
    Assign() : Stmt(kKind) {}
};

// `target op= value`.
struct AugAssign : Stmt {
    static constexpr StmtKind kKind = StmtKind::AugAssign;
    Expr* target = nullptr;         // Name, Attribute or Subscript (ctx Store)
    BinOpKind op = BinOpKind::Add;  // the operator
    Expr* value = nullptr;          // right-hand side
    AugAssign() : Stmt(kKind) {}
};

// `target: annotation = value`.
struct AnnAssign : Stmt {
    static constexpr StmtKind kKind = StmtKind::AnnAssign;
    Expr* target = nullptr;      // Name, Attribute or Subscript (ctx Store)
    Expr* annotation = nullptr;  // the annotation
    Expr* value = nullptr;       // or nullptr
    bool simple = false;         // target is a bare Name without parentheses
    AnnAssign() : Stmt(kKind) {}
};

// `for` / `async for` (CPython's For and AsyncFor).
struct For : Stmt {
    static constexpr StmtKind kKind = StmtKind::For;
    bool is_async = false;       // `async for`
    Expr* target = nullptr;      // loop target (ctx Store)
    Expr* iter = nullptr;        // iterable
    std::vector<Stmt*> body;     // loop body
    std::vector<Stmt*> orelse;   // `else:` block, may be empty
    For() : Stmt(kKind) {}
};

// `while test: body else: orelse`.
struct While : Stmt {
    static constexpr StmtKind kKind = StmtKind::While;
    Expr* test = nullptr;       // condition
    std::vector<Stmt*> body;    // loop body
    std::vector<Stmt*> orelse;  // `else:` block, may be empty
    While() : Stmt(kKind) {}
};

// `if test: body` with `elif` chains nested as a single If in orelse (like CPython).
struct If : Stmt {
    static constexpr StmtKind kKind = StmtKind::If;
    Expr* test = nullptr;       // condition
    std::vector<Stmt*> body;    // then-block
    std::vector<Stmt*> orelse;  // else-block or [If] for elif, may be empty
    If() : Stmt(kKind) {}
};

// One `expr as target` item of a with statement (no span in CPython).
struct WithItem : Node {
    Expr* context_expr = nullptr;   // the context manager
    Expr* optional_vars = nullptr;  // `as` target (ctx Store), or nullptr
};

// `with` / `async with` (CPython's With and AsyncWith).
struct With : Stmt {
    static constexpr StmtKind kKind = StmtKind::With;
    bool is_async = false;          // `async with`
    std::vector<WithItem*> items;   // one or more items
    std::vector<Stmt*> body;        // body
    With() : Stmt(kKind) {}
};

// `raise exc from cause`.
struct Raise : Stmt {
    static constexpr StmtKind kKind = StmtKind::Raise;
    Expr* exc = nullptr;    // or nullptr for bare `raise`
    Expr* cause = nullptr;  // `from` expression, or nullptr
    Raise() : Stmt(kKind) {}
};

// One `except Type as name:` clause.
struct ExceptHandler : Node {
    Expr* type = nullptr;      // exception type expression, or nullptr for bare `except:`
    std::string name;          // `as` name, empty if none
    std::vector<Stmt*> body;   // handler body
};

// `try`/`except`/`else`/`finally`, or `try`/`except*` (CPython's Try and TryStar).
struct Try : Stmt {
    static constexpr StmtKind kKind = StmtKind::Try;
    bool is_star = false;                    // handlers are `except*`
    std::vector<Stmt*> body;                 // try block
    std::vector<ExceptHandler*> handlers;    // except clauses
    std::vector<Stmt*> orelse;               // `else:` block, may be empty
    std::vector<Stmt*> finalbody;            // `finally:` block, may be empty
    Try() : Stmt(kKind) {}
};

// `assert test, msg`.
struct Assert : Stmt {
    static constexpr StmtKind kKind = StmtKind::Assert;
    Expr* test = nullptr;  // condition
    Expr* msg = nullptr;   // or nullptr
    Assert() : Stmt(kKind) {}
};

// `name as asname` in an import.
struct Alias : Node {
    std::string name;    // dotted module name, or an attribute name in from-import, or "*"
    std::string asname;  // empty when there is no `as`
};

// `import a.b as c, d`.
struct Import : Stmt {
    static constexpr StmtKind kKind = StmtKind::Import;
    std::vector<Alias*> names;  // imported modules
    Import() : Stmt(kKind) {}
};

// `from ..module import a as b`.
struct ImportFrom : Stmt {
    static constexpr StmtKind kKind = StmtKind::ImportFrom;
    std::string module;         // dotted name, empty for `from . import x`
    std::vector<Alias*> names;  // imported names (a single "*" for star import)
    int level = 0;              // number of leading dots
    ImportFrom() : Stmt(kKind) {}
};

// `global a, b`.
struct Global : Stmt {
    static constexpr StmtKind kKind = StmtKind::Global;
    std::vector<std::string> names;  // declared names
    Global() : Stmt(kKind) {}
};

// `nonlocal a, b`.
struct Nonlocal : Stmt {
    static constexpr StmtKind kKind = StmtKind::Nonlocal;
    std::vector<std::string> names;  // declared names
    Nonlocal() : Stmt(kKind) {}
};

// An expression used as a statement (CPython's `Expr` statement node).
struct ExprStmt : Stmt {
    static constexpr StmtKind kKind = StmtKind::Expr;
    Expr* value = nullptr;  // the expression
    ExprStmt() : Stmt(kKind) {}
};

// `pass`.
struct Pass : Stmt {
    static constexpr StmtKind kKind = StmtKind::Pass;
    Pass() : Stmt(kKind) {}
};

// `break`.
struct Break : Stmt {
    static constexpr StmtKind kKind = StmtKind::Break;
    Break() : Stmt(kKind) {}
};

// `continue`.
struct Continue : Stmt {
    static constexpr StmtKind kKind = StmtKind::Continue;
    Continue() : Stmt(kKind) {}
};

// ---------------------------------------------------------------------------------------------
// Module and helpers
// ---------------------------------------------------------------------------------------------

// A parsed file: the statements plus the arena owning every node.
struct Module {
    std::vector<Stmt*> body;  // top-level statements
    std::string filename;     // as given to parse_module
    std::string source;       // the full source text (for error lines and tracebacks)
    // CompileOptions (compiler.hpp), set before the scope pass.
    bool top_level_await = false;
    bool value_of_last_expression = false;

    // Allocates a node owned by this module.
    template <class T>
    T* make() {
        auto owned = std::make_unique<T>();
        T* raw = owned.get();
        arena_.push_back(std::move(owned));
        return raw;
    }

    // Text of 1-based line `lineno` without its line ending ("" when out of range).
    std::string line_text(int lineno) const;

    // Number of nodes allocated (for tests and statistics).
    std::size_t node_count() const { return arena_.size(); }

private:
    std::vector<std::unique_ptr<Node>> arena_;  // owns every node, freed flat
};

// Checked downcast: nullptr when `e` is null or of another kind.
template <class T>
T* as(Expr* e) { return e && e->kind == T::kKind ? static_cast<T*>(e) : nullptr; }
template <class T>
const T* as(const Expr* e) { return e && e->kind == T::kKind ? static_cast<const T*>(e) : nullptr; }
template <class T>
T* as(Stmt* s) { return s && s->kind == T::kKind ? static_cast<T*>(s) : nullptr; }
template <class T>
const T* as(const Stmt* s) { return s && s->kind == T::kKind ? static_cast<const T*>(s) : nullptr; }

// CPython-like `ast.dump(tree, include_attributes=False)` text, for tests and debugging.
std::string dump(const Module& module);
// Same with include_attributes=True: every node CPython gives positions gets
// lineno/col_offset/end_lineno/end_col_offset, so spans can be compared with CPython's.
std::string dump(const Module& module, bool include_attributes);
std::string dump(const Expr* expr);
std::string dump(const Stmt* stmt);

}  // namespace ll::lang
