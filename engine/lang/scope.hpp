// Scope analysis (CPython's symtable): which names each module/class/function/lambda/
// comprehension scope binds, which are cells and free variables, and how every Name resolves.
// Also reports the SyntaxErrors that CPython raises after parsing (from its symtable and its
// compiler): nonlocal/global misuse, duplicate arguments, 'return'/'yield'/'await' outside a
// function, 'break' outside a loop, async constructs outside async functions, ...
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/syntax_error.hpp"

namespace ll::lang {

// What kind of block a scope is (CPython's _Py_block_ty, with the comprehension kinds split out).
enum class ScopeKind : std::uint8_t {
    Module,        // the module body
    Class,         // a class body
    Function,      // def / async def
    Lambda,        // lambda
    Comprehension, // list/set/dict comprehension or generator expression
};

// Flags of one name in one scope (a subset of CPython's DEF_* bits).
enum SymbolFlag : std::uint32_t {
    kDefLocal = 1u << 0,     // bound here (assignment, def, class, import, for target, ...)
    kDefGlobal = 1u << 1,    // `global name` here
    kDefNonlocal = 1u << 2,  // `nonlocal name` here
    kDefParam = 1u << 3,     // a parameter of this function
    kUse = 1u << 4,          // read here
    kDefFree = 1u << 5,      // used here, bound in an enclosing function (computed)
    kDefImport = 1u << 6,    // bound by an import
    kDefCompIter = 1u << 7,  // a comprehension's iteration variable
    kDefAnnot = 1u << 8,     // has an annotation here (`x: int`)
};

// One name as seen from one scope.
struct Symbol {
    std::string name;                              // the identifier
    std::uint32_t flags = 0;                       // SymbolFlag bits
    SymbolScope scope = SymbolScope::Unresolved;   // final resolution (LOCAL, CELL, FREE, ...)
};

// One scope (CPython's symtable entry, `PySTEntryObject`).
struct Scope {
    ScopeKind kind = ScopeKind::Module;  // block type
    std::string name;       // "<module>", function/class name, "<lambda>", "<listcomp>",
                            // "<setcomp>", "<dictcomp>", "<genexpr>"
    std::string qualname;   // CPython's __qualname__ for the code object, e.g. "C.m.<locals>.f"
    const Node* node = nullptr;  // the Module-level (nullptr), FunctionDef, ClassDef, Lambda,
                                 // ListComp/SetComp/DictComp/GeneratorExp this scope belongs to
    Scope* parent = nullptr;          // enclosing scope (nullptr for the module)
    std::vector<Scope*> children;     // nested scopes in source order
    int lineno = 0;                   // co_firstlineno: the def/class line, or its first
                                      // decorator's line; the lambda/comprehension's line
    std::string private_class;        // innermost enclosing class (this one for a class body),
                                      // for private name mangling; "" outside classes

    // Every name this scope mentions, in first-seen order, and an index by name.
    std::vector<Symbol> symbols;
    std::unordered_map<std::string, std::size_t> symbol_index;

    // For functions, lambdas and comprehensions: CPython's co_varnames order: parameters
    // (posonly, regular, kwonly, *args, **kwargs: argcount order) then other locals in first-seen
    // order. A comprehension's single implicit parameter is named ".0" (the outermost iterator).
    std::vector<std::string> varnames;
    int argcount = 0;            // positional parameters incl. positional-only (co_argcount)
    int posonlyargcount = 0;     // positional-only parameters (co_posonlyargcount)
    int kwonlyargcount = 0;      // keyword-only parameters (co_kwonlyargcount)
    bool has_varargs = false;    // has *args
    bool has_varkeywords = false;  // has **kwargs
    std::vector<std::string> cellvars;  // co_cellvars: locals captured by inner scopes, sorted
                                        // by name as CPython does; includes "__class__" for a
                                        // class whose methods use super()/__class__
    std::vector<std::string> freevars;  // co_freevars: names from enclosing functions, sorted
    std::vector<std::string> explicit_globals;  // names declared `global` here
    std::vector<std::string> nonlocals;         // names declared `nonlocal` here

    // Flags of function-like scopes.
    bool is_generator = false;        // contains yield (a generator or async generator)
    bool is_coroutine = false;        // async def (or a comprehension forced async inside one)
    bool is_async_generator = false;  // async def containing yield
    bool has_yield = false;           // contains `yield` or `yield from` directly
    bool has_return_value = false;    // contains `return <value>`
    bool is_nested = false;           // inside a function-like scope (CO_NESTED)
    bool needs_class_cell = false;    // Class: a method uses `__class__` or `super`
    bool comprehension_inlined = false;  // Comprehension: CPython 3.13 inlines it (PEP 709):
                                         // list/set/dict comprehensions are inlined, generator
                                         // expressions never are. This table keeps every
                                         // comprehension as its own function-like scope (3.11
                                         // rules: ".0" parameter, own locals, free variables),
                                         // which gives the same results; what differs is only
                                         // visible in frames: an inlined comprehension has no
                                         // `<listcomp>` frame in tracebacks (the error is shown
                                         // in the enclosing function's frame and line), and its
                                         // variables are not in the enclosing frame's locals.
                                         // So a compiler that keeps separate code objects should
                                         // hide frames of inlined comprehensions from tracebacks
                                         // and bookmarks.

    // The symbol for `id`, or nullptr when this scope never mentions it.
    const Symbol* find(std::string_view id) const;
    // SymbolScope of `id` in this scope (GlobalImplicit when not mentioned, like CPython).
    SymbolScope scope_of(std::string_view id) const;
    // How code in this scope accesses `id` (the same rule the scope pass writes into
    // Name::access): use it for names not carried by a Name node (def/class names, import
    // aliases, `except ... as name`, the targets of global/nonlocal).
    NameAccess access_of(std::string_view id) const;
    // True for Function, Lambda and Comprehension scopes (CPython's _PyST_IsFunctionLike).
    bool is_function_like() const;
};

// CPython's _Py_Mangle: inside class `private_class`, an identifier `__spam` (at least two
// leading underscores, not ending in two, no dot) becomes `_Class__spam` (leading underscores of
// the class name stripped; unchanged if the class name is all underscores). The symbol table and
// the AST keep names unmangled; a compiler mangles every identifier it emits in code belonging
// to a class (names, attributes, def/class/import names) with its scope's private_class.
std::string mangle_name(std::string_view private_class, std::string_view name);

// All scopes of one module. Owns them; the AST's `scope` pointers point into it, so keep the
// table alive as long as those pointers are used.
struct SymbolTable {
    Scope* module_scope = nullptr;          // the root
    std::vector<std::unique_ptr<Scope>> scopes;  // every scope, in creation (pre-order) order
};

// Result of the scope pass.
struct ScopeResult {
    std::unique_ptr<SymbolTable> table;  // present even on error (partially filled)
    std::optional<SyntaxError> error;    // first error CPython would report
    bool ok() const { return !error.has_value(); }
};

// Runs the scope pass over a parsed module: fills Name::symbol_scope/access and the `scope`
// pointers of FunctionDef/ClassDef/Lambda/comprehension nodes, and reports the first
// symtable/compiler SyntaxError in CPython's order (all symtable errors before any compiler
// error, since CPython builds the whole symbol table before compiling).
ScopeResult analyze_scopes(Module& module);

// Parse + scope pass in one call: what the compiler needs for one file.
struct FrontEndResult {
    std::unique_ptr<Module> module;       // nullptr on a parse error
    std::unique_ptr<SymbolTable> symbols; // nullptr on a parse error
    std::optional<SyntaxError> error;     // parse error, else the first scope/compile-time error
    bool ok() const { return !error.has_value(); }
};
// How a module is compiled (CPython's compile() flags that Loop Lab supports).
struct CompileOptions {
    // ast.PyCF_ALLOW_TOP_LEVEL_AWAIT: `await`, `async for`, `async with` and async comprehensions
    // are allowed in the module body; a module using them compiles to coroutine code (calling
    // it gives a coroutine whose names bind in the globals). Without them the code is ordinary.
    bool top_level_await = false;
    // A notebook cell: a final expression statement returns its value instead of dropping it.
    bool value_of_last_expression = false;
};
FrontEndResult parse_and_analyze(std::string_view source, std::string filename, const CompileOptions& options = {});

}  // namespace ll::lang
