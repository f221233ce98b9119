// CodeObject: what the compiler produces for one module, class body, function, lambda or
// comprehension: bytecode, constants, names, a position per instruction, the exception table.
// Pure data (no VM values), so engine/lang does not depend on engine/vm.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ll::lang {

enum class Op : std::uint8_t {
#define OP(name) name,
#include "engine/lang/opcodes.def"
    COUNT_
};
const char* op_name(Op op);

// One instruction: 8-bit opcode, 24-bit argument.
struct Instr {
    std::uint32_t word = 0;
    Instr() = default;
    Instr(Op op, std::uint32_t arg) : word(static_cast<std::uint32_t>(op) | (arg << 8)) {}
    Op op() const { return static_cast<Op>(word & 0xff); }
    std::uint32_t arg() const { return word >> 8; }
};
inline constexpr std::uint32_t kMaxArg = (1u << 24) - 1;

// Source position of an instruction (CPython's co_positions): 1-based lines, 0-based byte
// columns, end exclusive; lineno 0 = none. `anchor_*` locate the operator of a BinOp, the
// bracket of a Subscript, or the call parentheses, for 3.13's `~~~^^^` carets, encoded as
// (line - lineno) << 16 | byte column; -1 when not applicable.
struct Position {
    std::int32_t lineno = 0;
    std::int32_t end_lineno = 0;
    std::int32_t col = -1;
    std::int32_t end_col = -1;
    std::int32_t anchor_start = -1;  // start of the `^` part
    std::int32_t anchor_end = -1;    // end of the `^` part (exclusive)
    bool full_line_call = false;     // `return f(...)` / `x = f(...)`: CPython shows no carets
};

// One exception-table entry: instructions [start, end) jump to `target` on an exception, with
// the value stack cut to `depth` (plus lasti when `push_lasti`).
struct ExceptionEntry {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t target = 0;
    std::uint32_t depth = 0;
    bool push_lasti = false;
};

struct CodeObject;

// A constant of co_consts.
struct ConstValue {
    enum class Kind : std::uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Str, Tuple, Code };
    Kind kind = Kind::None;
    std::int64_t int_value = 0;       // Int
    double float_value = 0;           // Float
    std::string text;                 // Str, or BigInt decimal digits (with '-' when negative)
    std::vector<ConstValue> items;      // Tuple
    std::shared_ptr<CodeObject> code; // Code
};

enum CodeFlag : std::uint32_t {
    kCoOptimized = 0x1,
    kCoNewLocals = 0x2,
    kCoVarargs = 0x4,
    kCoVarkeywords = 0x8,
    kCoNested = 0x10,
    kCoGenerator = 0x20,
    kCoCoroutine = 0x100,
    kCoIterableCoroutine = 0x100 << 1,
    kCoAsyncGenerator = 0x200,
    kCoHiddenFrame = 0x1000000,  // ours: an inlined comprehension (PEP 709), not shown in tracebacks
};

struct CodeObject {
    std::string name;        // co_name
    std::string qualname;    // co_qualname
    std::string filename;    // co_filename
    int firstlineno = 1;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    std::uint32_t flags = 0;
    std::vector<std::string> varnames;  // parameters first, then other locals
    std::vector<std::string> cellvars;
    std::vector<std::string> freevars;
    std::vector<std::string> names;     // globals, attributes, imports
    std::vector<ConstValue> consts;
    std::vector<Instr> code;
    std::vector<Position> positions;    // one per instruction
    std::vector<ExceptionEntry> exception_table;
    int max_stack = 0;                  // the deepest value stack (stack_depth.hpp)
    std::shared_ptr<const std::string> source;  // whole file, for traceback lines

    // The line of instruction `pc` (0 when none).
    int line_of(std::size_t pc) const { return pc < positions.size() ? positions[pc].lineno : 0; }
    // Handler covering `pc`, or nullptr.
    const ExceptionEntry* handler_for(std::uint32_t pc) const;
};

// `dis`-like text for a code object and its nested code objects (disasm.cpp).
std::string disassemble(const CodeObject& code);

}  // namespace ll::lang
