// A `dis`-like disassembler for CodeObjects (debugging and tests), plus the small CodeObject
// helpers (opcode names, exception-table lookup).
#include <fmt/format.h>

#include "engine/lang/code.hpp"

namespace ll::lang {

const char* op_name(Op op) {
    static const char* const names[] = {
#define OP(name) #name,
#include "engine/lang/opcodes.def"
    };
    auto i = static_cast<std::size_t>(op);
    return i < sizeof(names) / sizeof(names[0]) ? names[i] : "<bad>";
}

const ExceptionEntry* CodeObject::handler_for(std::uint32_t pc) const {
    // Entries are disjoint ranges in order; the innermost handler wins by construction.
    for (const auto& e : exception_table)
        if (pc >= e.start && pc < e.end) return &e;
    return nullptr;
}

static std::string constant_repr(const ConstValue& c) {
    switch (c.kind) {
        case ConstValue::Kind::None: return "None";
        case ConstValue::Kind::True: return "True";
        case ConstValue::Kind::False: return "False";
        case ConstValue::Kind::Ellipsis: return "Ellipsis";
        case ConstValue::Kind::Int: return std::to_string(c.int_value);
        case ConstValue::Kind::BigInt: return c.text;
        case ConstValue::Kind::Float: return fmt::format("{}", c.float_value);
        case ConstValue::Kind::Str: return "'" + c.text + "'";
        case ConstValue::Kind::Tuple: {
            std::string s = "(";
            for (std::size_t i = 0; i < c.items.size(); ++i) s += (i ? ", " : "") + constant_repr(c.items[i]);
            return s + (c.items.size() == 1 ? ",)" : ")");
        }
        case ConstValue::Kind::Code: return "<code object " + c.code->name + ">";
    }
    return "?";
}

static void disassemble_into(const CodeObject& code, std::string& out) {
    out += fmt::format("Disassembly of <code object {} (line {})>:\n", code.qualname, code.firstlineno);
    int last_line = -1;
    for (std::size_t i = 0; i < code.code.size(); ++i) {
        Instr ins = code.code[i];
        int line = code.line_of(i);
        std::string line_col = line != last_line ? fmt::format("{:>4}", line) : "    ";
        last_line = line;
        std::string extra;
        std::uint32_t arg = ins.arg();
        switch (ins.op()) {
            case Op::LOAD_CONST:
            case Op::RETURN_CONST:
                if (arg < code.consts.size()) extra = "(" + constant_repr(code.consts[arg]) + ")";
                break;
            case Op::LOAD_FAST:
            case Op::STORE_FAST:
            case Op::DELETE_FAST:
                if (arg < code.varnames.size()) extra = "(" + code.varnames[arg] + ")";
                break;
            case Op::LOAD_GLOBAL:
            case Op::LOAD_ATTR:
            case Op::LOAD_SUPER_ATTR:
                if ((arg >> 1) < code.names.size()) extra = "(" + code.names[arg >> 1] + ((arg & 1) ? " + NULL/self" : "") + ")";
                break;
            case Op::STORE_GLOBAL:
            case Op::DELETE_GLOBAL:
            case Op::LOAD_NAME:
            case Op::STORE_NAME:
            case Op::DELETE_NAME:
            case Op::STORE_ATTR:
            case Op::DELETE_ATTR:
            case Op::IMPORT_NAME:
            case Op::IMPORT_FROM:
                if (arg < code.names.size()) extra = "(" + code.names[arg] + ")";
                break;
            case Op::LOAD_DEREF:
            case Op::STORE_DEREF:
            case Op::DELETE_DEREF:
            case Op::LOAD_CLOSURE: {
                std::size_t nc = code.cellvars.size();
                if (arg < nc) extra = "(" + code.cellvars[arg] + ")";
                else if (arg - nc < code.freevars.size()) extra = "(" + code.freevars[arg - nc] + ")";
                break;
            }
            default:
                break;
        }
        out += fmt::format("{} {:>6} {:<24} {:>3} {}\n", line_col, i, op_name(ins.op()), arg, extra);
    }
    if (!code.exception_table.empty()) {
        out += "ExceptionTable:\n";
        for (const auto& e : code.exception_table)
            out += fmt::format("  {} to {} -> {} [{}]{}\n", e.start, e.end, e.target, e.depth, e.push_lasti ? " lasti" : "");
    }
    for (const auto& c : code.consts)
        if (c.kind == ConstValue::Kind::Code) {
            out += "\n";
            disassemble_into(*c.code, out);
        }
}

std::string disassemble(const CodeObject& code) {
    std::string out;
    disassemble_into(code, out);
    return out;
}

}  // namespace ll::lang
