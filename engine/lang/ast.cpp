// AST helpers: operator/kind names, Module::line_text and a CPython-3.13-compatible ast.dump()
// used by the tests to compare our trees with CPython's.
#include "engine/lang/ast.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace ll::lang {

const char* to_string(BinOpKind op) {
    static const char* const names[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
    return names[static_cast<int>(op)];
}
const char* to_string(UnaryOpKind op) {
    static const char* const names[] = {"~", "not", "+", "-"};
    return names[static_cast<int>(op)];
}
const char* to_string(BoolOpKind op) { return op == BoolOpKind::And ? "and" : "or"; }
const char* to_string(CmpOpKind op) {
    static const char* const names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
    return names[static_cast<int>(op)];
}
const char* to_string(ExprKind kind) {
    static const char* const names[] = {
        "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
        "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
        "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
        "List", "Tuple", "Slice"};
    return names[static_cast<int>(kind)];
}
const char* to_string(StmtKind kind) {
    static const char* const names[] = {
        "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "AnnAssign", "For",
        "While", "If", "With", "Raise", "Try", "Assert", "Import", "ImportFrom", "Global",
        "Nonlocal", "Expr", "Pass", "Break", "Continue"};
    return names[static_cast<int>(kind)];
}

std::string Module::line_text(int lineno) const {
    if (lineno < 1) return {};
    std::size_t pos = 0;
    for (int l = 1; l < lineno; ++l) {
        pos = source.find('\n', pos);
        if (pos == std::string::npos) return {};
        ++pos;
    }
    if (pos > source.size()) return {};
    std::size_t end = source.find('\n', pos);
    if (end == std::string::npos) end = source.size();
    if (end > pos && source[end - 1] == '\r') --end;
    return source.substr(pos, end - pos);
}

// [SECTION] dump -------------------------------------------------------------------------------

namespace {

// Python's repr() of a float.
std::string float_repr(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    char buf[64];
    int prec = 1;
    for (; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    // buf holds d.ddde±XX with `prec` significant digits.
    std::string s = buf;
    std::size_t epos = s.find('e');
    std::string mant = s.substr(0, epos);
    int exp = std::atoi(s.c_str() + epos + 1);
    bool neg = mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (char c : mant) if (c != '.') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp < -4 || exp >= 16) {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', std::abs(exp));
    } else if (exp < 0) {
        out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
    } else {
        auto ip = static_cast<std::size_t>(exp + 1);
        if (digits.size() <= ip) {
            out = digits + std::string(ip - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, ip) + "." + digits.substr(ip);
        }
    }
    return neg ? "-" + out : out;
}

// Python's repr() of a str (UTF-8) or bytes value.
std::string text_repr(const std::string& s, bool bytes) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = bytes ? "b" : "";
    out += quote;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) out += fmt::format("\\x{:02x}", c);
        else if (!bytes && c >= 0x80) {
            // Decode one code point; printable ones stay as they are (good enough for the
            // characters tests use), C1 controls are escaped like Python does.
            std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            unsigned cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
            for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
            if (cp <= 0xA0 || cp == 0xAD) out += fmt::format("\\x{:02x}", cp);
            else if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                     (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xE000 && cp <= 0xF8FF))
                out += fmt::format("\\u{:04x}", cp);
            else if (cp >= 0xD800 && cp < 0xE000) out += fmt::format("\\u{:04x}", cp);
            else out += s.substr(i, n);
            i += n - 1;
        } else out += static_cast<char>(c);
    }
    out += quote;
    return out;
}

const char* ctx_name(ExprContext c) {
    return c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
}
const char* binop_name(BinOpKind op) {
    static const char* const names[] = {"Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()",
                                        "LShift()", "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"};
    return names[static_cast<int>(op)];
}
const char* cmpop_name(CmpOpKind op) {
    static const char* const names[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};
    return names[static_cast<int>(op)];
}
const char* unaryop_name(UnaryOpKind op) {
    static const char* const names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
    return names[static_cast<int>(op)];
}

// ast.dump's include_attributes, for the dump being produced (dumps are not reentrant).
bool g_attributes = false;

// Builds "Name(f1=..., f2=...)" skipping empty fields, like ast.dump in 3.13.
struct Fields {
    std::string out;
    bool first = true;
    explicit Fields(const char* name) : out(name) { out += '('; }
    void add(const char* field, const std::string& value) {
        if (value.empty()) return;
        if (!first) out += ", ";
        first = false;
        out += field;
        out += '=';
        out += value;
    }
    std::string done() { return out + ")"; }
    // For nodes that carry positions in CPython (stmt, expr, arg, keyword, alias, excepthandler).
    std::string done(const Node* n) {
        if (g_attributes) {
            add("lineno", std::to_string(n->span.lineno));
            add("col_offset", std::to_string(n->span.col_offset));
            add("end_lineno", std::to_string(n->span.end_lineno));
            add("end_col_offset", std::to_string(n->span.end_col_offset));
        }
        return out + ")";
    }
};

std::string d(const Expr* e);
std::string d(const Stmt* s);
std::string quoted(const std::string& s) { return text_repr(s, false); }

template <class T>
std::string list(const std::vector<T*>& items, bool keep_nulls = false) {
    if (items.empty()) return {};
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        std::string item = d(items[i]);
        out += item.empty() && keep_nulls ? "None" : item;
    }
    return out + "]";
}

std::string d_arg(const Arg* a) {
    if (!a) return {};
    Fields f("arg");
    f.add("arg", quoted(a->arg));
    f.add("annotation", d(a->annotation));
    return f.done(a);
}
std::string arg_list(const std::vector<Arg*>& args) {
    if (args.empty()) return {};
    std::string out = "[";
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + d_arg(args[i]);
    return out + "]";
}
std::string d_args(const Arguments& a) {
    Fields f("arguments");
    f.add("posonlyargs", arg_list(a.posonlyargs));
    f.add("args", arg_list(a.args));
    f.add("vararg", d_arg(a.vararg));
    f.add("kwonlyargs", arg_list(a.kwonlyargs));
    f.add("kw_defaults", list(a.kw_defaults, true));
    f.add("kwarg", d_arg(a.kwarg));
    f.add("defaults", list(a.defaults));
    return f.done();
}
std::string d_keywords(const std::vector<Keyword*>& kws) {
    if (kws.empty()) return {};
    std::string out = "[";
    for (std::size_t i = 0; i < kws.size(); ++i) {
        Fields f("keyword");
        if (!kws[i]->arg.empty()) f.add("arg", quoted(kws[i]->arg));
        f.add("value", d(kws[i]->value));
        out += (i ? ", " : "") + f.done(kws[i]);
    }
    return out + "]";
}
std::string d_generators(const std::vector<Comprehension*>& gens) {
    std::string out = "[";
    for (std::size_t i = 0; i < gens.size(); ++i) {
        Fields f("comprehension");
        f.add("target", d(gens[i]->target));
        f.add("iter", d(gens[i]->iter));
        f.add("ifs", list(gens[i]->ifs));
        f.add("is_async", gens[i]->is_async ? "1" : "0");
        out += (i ? ", " : "") + f.done();
    }
    return out + "]";
}
std::string d_aliases(const std::vector<Alias*>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) {
        Fields f("alias");
        f.add("name", quoted(names[i]->name));
        if (!names[i]->asname.empty()) f.add("asname", quoted(names[i]->asname));
        out += (i ? ", " : "") + f.done(names[i]);
    }
    return out + "]";
}
std::string d_names(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + quoted(names[i]);
    return out + "]";
}

std::string d_constant(const Constant& c) {
    switch (c.value_kind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "Ellipsis";
        case ConstantKind::Int: return c.int_digits;
        case ConstantKind::Float: return float_repr(c.float_value);
        case ConstantKind::Str: return text_repr(c.str_value, false);
        case ConstantKind::Bytes: return text_repr(c.str_value, true);
    }
    return "?";
}

std::string d(const Expr* e) {
    if (!e) return {};
    switch (e->kind) {
        case ExprKind::BoolOp: {
            auto& n = static_cast<const BoolOp&>(*e);
            Fields f("BoolOp");
            f.add("op", n.op == BoolOpKind::And ? "And()" : "Or()");
            f.add("values", list(n.values));
            return f.done(e);
        }
        case ExprKind::NamedExpr: {
            auto& n = static_cast<const NamedExpr&>(*e);
            Fields f("NamedExpr");
            f.add("target", d(n.target));
            f.add("value", d(n.value));
            return f.done(e);
        }
        case ExprKind::BinOp: {
            auto& n = static_cast<const BinOp&>(*e);
            Fields f("BinOp");
            f.add("left", d(n.left));
            f.add("op", binop_name(n.op));
            f.add("right", d(n.right));
            return f.done(e);
        }
        case ExprKind::UnaryOp: {
            auto& n = static_cast<const UnaryOp&>(*e);
            Fields f("UnaryOp");
            f.add("op", unaryop_name(n.op));
            f.add("operand", d(n.operand));
            return f.done(e);
        }
        case ExprKind::Lambda: {
            auto& n = static_cast<const Lambda&>(*e);
            Fields f("Lambda");
            f.add("args", d_args(n.args));
            f.add("body", d(n.body));
            return f.done(e);
        }
        case ExprKind::IfExp: {
            auto& n = static_cast<const IfExp&>(*e);
            Fields f("IfExp");
            f.add("test", d(n.test));
            f.add("body", d(n.body));
            f.add("orelse", d(n.orelse));
            return f.done(e);
        }
        case ExprKind::Dict: {
            auto& n = static_cast<const Dict&>(*e);
            Fields f("Dict");
            f.add("keys", list(n.keys, true));
            f.add("values", list(n.values));
            return f.done(e);
        }
        case ExprKind::Set: {
            Fields f("Set");
            f.add("elts", list(static_cast<const Set&>(*e).elts));
            return f.done(e);
        }
        case ExprKind::ListComp: {
            auto& n = static_cast<const ListComp&>(*e);
            Fields f("ListComp");
            f.add("elt", d(n.elt));
            f.add("generators", d_generators(n.generators));
            return f.done(e);
        }
        case ExprKind::SetComp: {
            auto& n = static_cast<const SetComp&>(*e);
            Fields f("SetComp");
            f.add("elt", d(n.elt));
            f.add("generators", d_generators(n.generators));
            return f.done(e);
        }
        case ExprKind::DictComp: {
            auto& n = static_cast<const DictComp&>(*e);
            Fields f("DictComp");
            f.add("key", d(n.key));
            f.add("value", d(n.value));
            f.add("generators", d_generators(n.generators));
            return f.done(e);
        }
        case ExprKind::GeneratorExp: {
            auto& n = static_cast<const GeneratorExp&>(*e);
            Fields f("GeneratorExp");
            f.add("elt", d(n.elt));
            f.add("generators", d_generators(n.generators));
            return f.done(e);
        }
        case ExprKind::Await: {
            Fields f("Await");
            f.add("value", d(static_cast<const Await&>(*e).value));
            return f.done(e);
        }
        case ExprKind::Yield: {
            Fields f("Yield");
            f.add("value", d(static_cast<const Yield&>(*e).value));
            return f.done(e);
        }
        case ExprKind::YieldFrom: {
            Fields f("YieldFrom");
            f.add("value", d(static_cast<const YieldFrom&>(*e).value));
            return f.done(e);
        }
        case ExprKind::Compare: {
            auto& n = static_cast<const Compare&>(*e);
            Fields f("Compare");
            f.add("left", d(n.left));
            std::string ops = "[";
            for (std::size_t i = 0; i < n.ops.size(); ++i) ops += (i ? ", " : "") + std::string(cmpop_name(n.ops[i]));
            f.add("ops", ops + "]");
            f.add("comparators", list(n.comparators));
            return f.done(e);
        }
        case ExprKind::Call: {
            auto& n = static_cast<const Call&>(*e);
            Fields f("Call");
            f.add("func", d(n.func));
            f.add("args", list(n.args));
            f.add("keywords", d_keywords(n.keywords));
            return f.done(e);
        }
        case ExprKind::FormattedValue: {
            auto& n = static_cast<const FormattedValue&>(*e);
            Fields f("FormattedValue");
            f.add("value", d(n.value));
            f.add("conversion", std::to_string(n.conversion));
            f.add("format_spec", d(n.format_spec));
            return f.done(e);
        }
        case ExprKind::JoinedStr: {
            Fields f("JoinedStr");
            f.add("values", list(static_cast<const JoinedStr&>(*e).values));
            return f.done(e);
        }
        case ExprKind::Constant: {
            Fields f("Constant");
            f.add("value", d_constant(static_cast<const Constant&>(*e)));
            if (static_cast<const Constant&>(*e).u_prefix) f.add("kind", "'u'");
            return f.done(e);
        }
        case ExprKind::Attribute: {
            auto& n = static_cast<const Attribute&>(*e);
            Fields f("Attribute");
            f.add("value", d(n.value));
            f.add("attr", quoted(n.attr));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::Subscript: {
            auto& n = static_cast<const Subscript&>(*e);
            Fields f("Subscript");
            f.add("value", d(n.value));
            f.add("slice", d(n.slice));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::Starred: {
            auto& n = static_cast<const Starred&>(*e);
            Fields f("Starred");
            f.add("value", d(n.value));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::Name: {
            auto& n = static_cast<const Name&>(*e);
            Fields f("Name");
            f.add("id", quoted(n.id));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::List: {
            auto& n = static_cast<const List&>(*e);
            Fields f("List");
            f.add("elts", list(n.elts));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::Tuple: {
            auto& n = static_cast<const Tuple&>(*e);
            Fields f("Tuple");
            f.add("elts", list(n.elts));
            f.add("ctx", ctx_name(n.ctx));
            return f.done(e);
        }
        case ExprKind::Slice: {
            auto& n = static_cast<const Slice&>(*e);
            Fields f("Slice");
            f.add("lower", d(n.lower));
            f.add("upper", d(n.upper));
            f.add("step", d(n.step));
            return f.done(e);
        }
    }
    return "?";
}

std::string d_handlers(const std::vector<ExceptHandler*>& hs) {
    if (hs.empty()) return {};
    std::string out = "[";
    for (std::size_t i = 0; i < hs.size(); ++i) {
        Fields f("ExceptHandler");
        f.add("type", d(hs[i]->type));
        if (!hs[i]->name.empty()) f.add("name", quoted(hs[i]->name));
        f.add("body", list(hs[i]->body));
        out += (i ? ", " : "") + f.done(hs[i]);
    }
    return out + "]";
}

std::string d(const Stmt* s) {
    if (!s) return {};
    switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto& n = static_cast<const FunctionDef&>(*s);
            Fields f(n.is_async ? "AsyncFunctionDef" : "FunctionDef");
            f.add("name", quoted(n.name));
            f.add("args", d_args(n.args));
            f.add("body", list(n.body));
            f.add("decorator_list", list(n.decorator_list));
            f.add("returns", d(n.returns));
            return f.done(s);
        }
        case StmtKind::ClassDef: {
            auto& n = static_cast<const ClassDef&>(*s);
            Fields f("ClassDef");
            f.add("name", quoted(n.name));
            f.add("bases", list(n.bases));
            f.add("keywords", d_keywords(n.keywords));
            f.add("body", list(n.body));
            f.add("decorator_list", list(n.decorator_list));
            return f.done(s);
        }
        case StmtKind::Return: {
            Fields f("Return");
            f.add("value", d(static_cast<const Return&>(*s).value));
            return f.done(s);
        }
        case StmtKind::Delete: {
            Fields f("Delete");
            f.add("targets", list(static_cast<const Delete&>(*s).targets));
            return f.done(s);
        }
        case StmtKind::Assign: {
            auto& n = static_cast<const Assign&>(*s);
            Fields f("Assign");
            f.add("targets", list(n.targets));
            f.add("value", d(n.value));
            return f.done(s);
        }
        case StmtKind::AugAssign: {
            auto& n = static_cast<const AugAssign&>(*s);
            Fields f("AugAssign");
            f.add("target", d(n.target));
            f.add("op", binop_name(n.op));
            f.add("value", d(n.value));
            return f.done(s);
        }
        case StmtKind::AnnAssign: {
            auto& n = static_cast<const AnnAssign&>(*s);
            Fields f("AnnAssign");
            f.add("target", d(n.target));
            f.add("annotation", d(n.annotation));
            f.add("value", d(n.value));
            f.add("simple", n.simple ? "1" : "0");
            return f.done(s);
        }
        case StmtKind::For: {
            auto& n = static_cast<const For&>(*s);
            Fields f(n.is_async ? "AsyncFor" : "For");
            f.add("target", d(n.target));
            f.add("iter", d(n.iter));
            f.add("body", list(n.body));
            f.add("orelse", list(n.orelse));
            return f.done(s);
        }
        case StmtKind::While: {
            auto& n = static_cast<const While&>(*s);
            Fields f("While");
            f.add("test", d(n.test));
            f.add("body", list(n.body));
            f.add("orelse", list(n.orelse));
            return f.done(s);
        }
        case StmtKind::If: {
            auto& n = static_cast<const If&>(*s);
            Fields f("If");
            f.add("test", d(n.test));
            f.add("body", list(n.body));
            f.add("orelse", list(n.orelse));
            return f.done(s);
        }
        case StmtKind::With: {
            auto& n = static_cast<const With&>(*s);
            Fields f(n.is_async ? "AsyncWith" : "With");
            std::string items = "[";
            for (std::size_t i = 0; i < n.items.size(); ++i) {
                Fields w("withitem");
                w.add("context_expr", d(n.items[i]->context_expr));
                w.add("optional_vars", d(n.items[i]->optional_vars));
                items += (i ? ", " : "") + w.done();
            }
            f.add("items", items + "]");
            f.add("body", list(n.body));
            return f.done(s);
        }
        case StmtKind::Raise: {
            auto& n = static_cast<const Raise&>(*s);
            Fields f("Raise");
            f.add("exc", d(n.exc));
            f.add("cause", d(n.cause));
            return f.done(s);
        }
        case StmtKind::Try: {
            auto& n = static_cast<const Try&>(*s);
            Fields f(n.is_star ? "TryStar" : "Try");
            f.add("body", list(n.body));
            f.add("handlers", d_handlers(n.handlers));
            f.add("orelse", list(n.orelse));
            f.add("finalbody", list(n.finalbody));
            return f.done(s);
        }
        case StmtKind::Assert: {
            auto& n = static_cast<const Assert&>(*s);
            Fields f("Assert");
            f.add("test", d(n.test));
            f.add("msg", d(n.msg));
            return f.done(s);
        }
        case StmtKind::Import: {
            Fields f("Import");
            f.add("names", d_aliases(static_cast<const Import&>(*s).names));
            return f.done(s);
        }
        case StmtKind::ImportFrom: {
            auto& n = static_cast<const ImportFrom&>(*s);
            Fields f("ImportFrom");
            if (!n.module.empty()) f.add("module", quoted(n.module));
            f.add("names", d_aliases(n.names));
            f.add("level", std::to_string(n.level));
            return f.done(s);
        }
        case StmtKind::Global: {
            Fields f("Global");
            f.add("names", d_names(static_cast<const Global&>(*s).names));
            return f.done(s);
        }
        case StmtKind::Nonlocal: {
            Fields f("Nonlocal");
            f.add("names", d_names(static_cast<const Nonlocal&>(*s).names));
            return f.done(s);
        }
        case StmtKind::Expr: {
            Fields f("Expr");
            f.add("value", d(static_cast<const ExprStmt&>(*s).value));
            return f.done(s);
        }
        case StmtKind::Pass: return Fields("Pass").done(s);
        case StmtKind::Break: return Fields("Break").done(s);
        case StmtKind::Continue: return Fields("Continue").done(s);
    }
    return "?";
}

}  // namespace

std::string dump(const Expr* expr) { return d(expr); }
std::string dump(const Stmt* stmt) { return d(stmt); }
std::string dump(const Module& module, bool include_attributes) {
    g_attributes = include_attributes;
    Fields f("Module");
    f.add("body", list(module.body));
    g_attributes = false;
    return f.done();
}
std::string dump(const Module& module) {
    Fields f("Module");
    f.add("body", list(module.body));
    return f.done();
}

}  // namespace ll::lang
