// The deepest value stack of a code object, found by following every path through its
// bytecode (as CPython's stackdepth() does), independently of the compiler's running count.
#include "engine/lang/stack_depth.hpp"

#include <algorithm>
#include <vector>

namespace ll::lang {

int stack_effect(Op op, std::uint32_t arg) {
    switch (op) {
        case Op::NOP: case Op::SWAP: case Op::DELETE_FAST: case Op::DELETE_DEREF: case Op::DELETE_GLOBAL:
        case Op::DELETE_NAME: case Op::UNARY_NEGATIVE: case Op::UNARY_POSITIVE: case Op::UNARY_NOT:
        case Op::UNARY_INVERT: case Op::TO_BOOL: case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD:
        case Op::LIST_TO_TUPLE: case Op::GET_ITER: case Op::GET_YIELD_FROM_ITER: case Op::RETURN_CONST:
        case Op::YIELD_VALUE: case Op::SEND: case Op::GET_AWAITABLE: case Op::GET_AITER: case Op::CLEANUP_THROW:
        case Op::CHECK_EXC_MATCH: case Op::CHECK_EG_MATCH: case Op::CONVERT_VALUE: case Op::FORMAT_SIMPLE:
        case Op::SETUP_ANNOTATIONS: case Op::STOPITERATION_ERROR: case Op::LOAD_FROM_DICT_OR_DEREF:
        case Op::COUNT_:
            return 0;
        case Op::POP_TOP: case Op::STORE_FAST: case Op::STORE_DEREF: case Op::STORE_GLOBAL: case Op::STORE_NAME:
        case Op::DELETE_ATTR: case Op::BINARY_OP: case Op::BINARY_SUBSCR: case Op::COMPARE_OP: case Op::IS_OP:
        case Op::CONTAINS_OP: case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE: case Op::POP_JUMP_IF_NONE:
        case Op::POP_JUMP_IF_NOT_NONE: case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP:
        case Op::LIST_APPEND: case Op::SET_ADD: case Op::LIST_EXTEND: case Op::SET_UPDATE: case Op::DICT_UPDATE:
        case Op::DICT_MERGE: case Op::RETURN_VALUE: case Op::END_SEND: case Op::POP_EXCEPT: case Op::PREP_RERAISE_STAR:
        case Op::RERAISE: case Op::IMPORT_NAME: case Op::IMPORT_STAR: case Op::FORMAT_WITH_SPEC: case Op::END_FOR:
            return -1;
        case Op::PUSH_NULL: case Op::COPY: case Op::LOAD_CONST: case Op::LOAD_FAST: case Op::LOAD_FAST_AND_CLEAR:
        case Op::LOAD_DEREF: case Op::LOAD_CLOSURE: case Op::LOAD_LOCALS: case Op::LOAD_NAME: case Op::FOR_ITER:
        case Op::GET_ANEXT: case Op::PUSH_EXC_INFO: case Op::BEFORE_WITH: case Op::BEFORE_ASYNC_WITH:
        case Op::WITH_EXCEPT_START: case Op::LOAD_BUILD_CLASS: case Op::LOAD_ASSERTION_ERROR: case Op::IMPORT_FROM:
            return 1;
        case Op::LOAD_GLOBAL: return (arg & 1) ? 2 : 1;
        case Op::LOAD_ATTR: return (arg & 1) ? 1 : 0;
        case Op::LOAD_SUPER_ATTR: return (arg & 1) ? 1 : 0;
        case Op::STORE_ATTR: case Op::DELETE_SUBSCR: case Op::BINARY_SLICE: case Op::MAP_ADD: case Op::END_ASYNC_FOR:
            return -2;
        case Op::STORE_SUBSCR: return -3;
        case Op::STORE_SLICE: return -4;
        case Op::BUILD_SLICE: return -static_cast<int>(arg) + 1;
        case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET: case Op::BUILD_STRING:
            return 1 - static_cast<int>(arg);
        case Op::BUILD_MAP: return 1 - 2 * static_cast<int>(arg);
        case Op::UNPACK_SEQUENCE: return static_cast<int>(arg) - 1;
        case Op::UNPACK_EX: return static_cast<int>((arg & 0xff) + (arg >> 8));
        case Op::CALL: return -static_cast<int>(arg) - 1;
        case Op::CALL_KW: return -static_cast<int>(arg) - 2;
        case Op::CALL_FUNCTION_EX: return (arg & 1) ? -3 : -2;
        case Op::MAKE_FUNCTION: return -__builtin_popcount(arg);
        case Op::RAISE_VARARGS: return -static_cast<int>(arg);
    }
    return 0;
}

int flow_max_depth(const CodeObject& co, bool* all_reached) {
    const std::size_t n = co.code.size();
    std::vector<int> depth(n, -1);  // on entry to each instruction; -1: not reached yet
    std::vector<std::uint32_t> work;
    bool consistent = true;
    auto reach = [&](std::size_t at, int d) {
        if (at >= n) return;
        if (depth[at] < 0) {
            depth[at] = d;
            work.push_back(static_cast<std::uint32_t>(at));
        } else if (depth[at] != d) {
            consistent = false;
        }
    };
    int deepest = 0;
    reach(0, 0);
    while (!work.empty() && consistent) {
        const std::uint32_t i = work.back();
        work.pop_back();
        const int d = depth[i];
        const Instr ins = co.code[i];
        const std::uint32_t arg = ins.arg();
        const int after = d + stack_effect(ins.op(), arg);
        deepest = std::max({deepest, d, after});
        // An exception anywhere in a handler's range cuts the stack to the handler's depth and
        // pushes the exception (and the raising instruction's index, where asked).
        if (const ExceptionEntry* h = co.handler_for(i))
            reach(h->target, static_cast<int>(h->depth) + 1 + (h->push_lasti ? 1 : 0));
        // The jumps as the interpreter takes them (interp.cpp).
        switch (ins.op()) {
            case Op::JUMP_FORWARD:
            case Op::JUMP_BACKWARD:
                reach(arg, d);
                break;
            case Op::POP_JUMP_IF_FALSE:
            case Op::POP_JUMP_IF_TRUE:
            case Op::POP_JUMP_IF_NONE:
            case Op::POP_JUMP_IF_NOT_NONE:
                reach(arg, d - 1);
                reach(i + 1, d - 1);
                break;
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::JUMP_IF_TRUE_OR_POP:
                reach(arg, d);  // the value stays for the code jumped to
                reach(i + 1, d - 1);
                break;
            case Op::FOR_ITER:
                reach(arg, d - 1);  // exhausted: the iterator is dropped
                reach(i + 1, d + 1);
                break;
            case Op::SEND:
                reach(arg, d);  // the sub-iterator returned: its value replaces the one sent
                reach(i + 1, d);
                break;
            case Op::RETURN_VALUE:
            case Op::RETURN_CONST:
            case Op::RAISE_VARARGS:
            case Op::RERAISE:
                break;
            default:
                reach(i + 1, after);
        }
    }
    if (all_reached) *all_reached = std::find(depth.begin(), depth.end(), -1) == depth.end();
    return consistent ? deepest : -1;
}

}  // namespace ll::lang
