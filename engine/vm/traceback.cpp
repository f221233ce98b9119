// Tracebacks: recording frames as an exception propagates, and printing an uncaught exception
// exactly as CPython 3.13's traceback module does (carets, chaining, exception groups,
// repeated-line folding, "Did you mean" suggestions).
#include <algorithm>
#include <set>
#include <sstream>

#include "engine/base/utf8.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

Value traceback_add(VM& vm, const Value& tb, Frame* frame, std::uint32_t lasti) {
    return Value::steal(new Traceback(vm.types.traceback, Value::borrow(frame), lasti, tb));
}

int Traceback::line() const {
    const auto& co = *frame.as<Frame>()->code_obj()->co;
    return lasti == kAtEntry ? co.firstlineno : co.line_of(lasti);
}

// ---------------------------------------------------------------------------------------------
// Suggestions ("Did you mean")
// ---------------------------------------------------------------------------------------------

namespace {
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMaxCandidates = 750;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int substitution_cost(char a, char b) {
    if (a == b) return 0;
    if (lower(a) == lower(b)) return kCaseCost;
    return kMoveCost;
}

int levenshtein(std::string a, std::string b, int max_cost) {
    if (a == b) return 0;
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    a = a.substr(pre);
    b = b.substr(pre);
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.pop_back();
        b.pop_back();
    }
    if (a.empty() || b.empty()) return kMoveCost * static_cast<int>(a.size() + b.size());
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if (static_cast<int>(b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::vector<int> row(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) row[i] = kMoveCost * static_cast<int>(i + 1);
    int result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        char bc = b[bi];
        int distance = result = static_cast<int>(bi) * kMoveCost;
        int minimum = INT32_MAX;
        for (std::size_t i = 0; i < a.size(); ++i) {
            int substitute = distance + substitution_cost(bc, a[i]);
            distance = row[i];
            int insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}
}  // namespace

std::string suggest_name(const std::string& wrong, const std::vector<std::string>& candidates) {
    if (candidates.size() > kMaxCandidates || wrong.size() > kMaxStringSize) return "";
    int best = static_cast<int>(wrong.size());
    std::string suggestion;
    for (const auto& c : candidates) {
        if (c == wrong) continue;
        int max_distance = (static_cast<int>(c.size() + wrong.size()) + 3) * kMoveCost / 6;
        max_distance = std::min(max_distance, best - 1);
        int d = levenshtein(wrong, c, max_distance);
        if (d > max_distance) continue;
        if (suggestion.empty() || d < best) {
            suggestion = c;
            best = d;
        }
    }
    return suggestion;
}

static const char* const kStdlibModules[] = {
    "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "builtins", "calendar", "cmath", "collections",
    "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "gc", "glob",
    "hashlib", "heapq", "inspect", "io", "itertools", "json", "logging", "math", "operator", "os", "pathlib", "pickle",
    "platform", "pprint", "queue", "random", "re", "select", "shutil", "signal", "socket", "statistics", "string",
    "struct", "subprocess", "sys", "tempfile", "textwrap", "threading", "time", "timeit", "traceback", "types",
    "typing", "unittest", "urllib", "uuid", "warnings", "weakref", "zoneinfo",
};

static void dict_keys_into(const Value& d, std::vector<std::string>& out) {
    if (!d || !is_dict(d)) return;
    for (auto& e : d.as<Dict>()->entries())
        if (!e.key.is_null() && is_str(e.key)) out.push_back(e.key.as<Str>()->text);
}

static std::string suggestion_suffix(VM& vm, const Value& exc) {
    Type* t = type_of(exc);
    bool is_name = t->is_subtype(vm.exc.NameError);
    bool is_attr = t->is_subtype(vm.exc.AttributeError);
    if (!is_name && !is_attr) return "";
    auto* eo = exc.as<ExceptionObject>();
    if (!eo->dict()) return "";
    Value name = eo->dict()->get("name");
    if (!name || !is_str(name)) return "";
    std::string wrong = name.as<Str>()->text;
    std::vector<std::string> cands;
    std::string suggestion;
    if (is_attr) {
        Value obj = eo->dict()->get("obj");
        if (!obj) return "";
        bool hide = wrong.empty() || wrong[0] != '_';
        std::set<std::string> names;
        Type* ot = type_of(obj);
        if (obj.is_obj() && ot->has_flag(kTypeInstanceDict)) {
            std::vector<std::string> tmp;
            if (Dict* d = static_cast<Instance*>(obj.obj())->dict()) dict_keys_into(Value::borrow(d), tmp);
            names.insert(tmp.begin(), tmp.end());
        }
        if (is_type(obj, vm.types.module)) {
            std::vector<std::string> tmp;
            dict_keys_into(obj.as<Module>()->dict, tmp);
            names.insert(tmp.begin(), tmp.end());
        }
        Type* look = is_type_object(obj) ? obj.as<Type>() : ot;
        for (Type* m : look->mro) {
            std::vector<std::string> tmp;
            dict_keys_into(m->dict, tmp);
            names.insert(tmp.begin(), tmp.end());
        }
        if (hide && !eo->traceback.is_null()) {
            Value tb = eo->traceback;
            while (tb.as<Traceback>()->next) tb = tb.as<Traceback>()->next;
            Frame* f = tb.as<Traceback>()->frame.as<Frame>();
            auto& co = *f->code_obj()->co;
            for (std::size_t i = 0; i < co.varnames.size(); ++i)
                if (co.varnames[i] == "self" && f->fast()[i].is(obj)) hide = false;
        }
        for (auto& n : names)
            if (!hide || n.empty() || n[0] != '_') cands.push_back(n);
        suggestion = suggest_name(wrong, cands);
        return suggestion.empty() ? "" : ". Did you mean: '" + suggestion + "'?";
    }
    // NameError: the innermost frame's locals, globals, builtins.
    if (eo->traceback.is_null()) return "";
    Value tb = eo->traceback;
    while (tb.as<Traceback>()->next) tb = tb.as<Traceback>()->next;
    Frame* f = tb.as<Traceback>()->frame.as<Frame>();
    auto& co = *f->code_obj()->co;
    Value self_value;
    if (f->locals()) dict_keys_into(f->locals(), cands);
    else {
        for (std::size_t i = 0; i < co.varnames.size(); ++i) {
            if (f->fast()[i].is_null()) continue;
            cands.push_back(co.varnames[i]);
            if (co.varnames[i] == "self") self_value = f->fast()[i];
        }
        for (std::size_t i = 0; i < co.cellvars.size() + co.freevars.size(); ++i) {
            const Value& c = f->cells()[i];
            if (c && !c.as<Cell>()->value.is_null())
                cands.push_back(i < co.cellvars.size() ? co.cellvars[i] : co.freevars[i - co.cellvars.size()]);
        }
    }
    dict_keys_into(Value::borrow(f->globals()), cands);
    dict_keys_into(Value::borrow(builtins_of(vm, f)), cands);
    if (self_value) {
        Value v = get_attr_opt(vm, self_value, wrong);
        clear_error(vm);
        if (v) return ". Did you mean: 'self." + wrong + "'?";
    }
    suggestion = suggest_name(wrong, cands);
    std::string out = suggestion.empty() ? "" : ". Did you mean: '" + suggestion + "'?";
    for (const char* m : kStdlibModules)
        if (wrong == m) {
            out += suggestion.empty() ? ". Did you forget to import '" + wrong + "'?" : " Or did you forget to import '" + wrong + "'?";
            break;
        }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Frame lines with carets
// ---------------------------------------------------------------------------------------------

std::string source_line(const lang::CodeObject& co, int lineno) {
    if (!co.source || lineno <= 0) return "";
    const std::string& s = *co.source;
    std::size_t pos = 0;
    for (int i = 1; i < lineno; ++i) {
        pos = s.find('\n', pos);
        if (pos == std::string::npos) return "";
        ++pos;
    }
    std::size_t end = s.find('\n', pos);
    std::string line = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t' || line.back() == '\f')) line.pop_back();
    return line;
}

static std::size_t leading_ws(const std::string& s) {
    std::size_t n = 0;
    while (n < s.size() && (s[n] == ' ' || s[n] == '\t' || s[n] == '\f')) ++n;
    return n;
}

// Byte column -> character column within a line.
static int char_col(const std::string& line, int byte_col) {
    if (byte_col <= 0) return 0;
    std::size_t b = std::min<std::size_t>(static_cast<std::size_t>(byte_col), line.size());
    return static_cast<int>(base::cp_length(std::string_view(line).substr(0, b)));
}

static int char_len(const std::string& s) { return static_cast<int>(base::cp_length(s)); }

// Set while formatting for "Exception ignored in": CPython's C traceback printer used by the
// default unraisable hook shows each frame's first source line without carets.
static bool g_plain_frames = false;

static std::string format_frame(const lang::CodeObject& co, std::uint32_t lasti, int lineno) {
    std::string out = fmt::format("  File \"{}\", line {}, in {}\n", co.filename, lineno, co.name);
    if (g_plain_frames) {
        std::string first = source_line(co, lineno);
        std::size_t a = first.find_first_not_of(" \t\f");
        if (a != std::string::npos) out += "    " + first.substr(a) + "\n";
        return out;
    }
    if (lasti == Traceback::kAtEntry) {
        // The def line (or first decorator), without carets, as CPython prints RETURN_GENERATOR.
        std::string first = source_line(co, lineno);
        std::size_t a = first.find_first_not_of(" \t\f");
        if (a != std::string::npos) out += "    " + first.substr(a) + "\n";
        return out;
    }
    if (lasti >= co.positions.size()) return out;
    const lang::Position& p = co.positions[lasti];
    int end_lineno = p.end_lineno > 0 ? p.end_lineno : lineno;
    std::vector<std::string> originals;
    for (int l = lineno; l <= end_lineno; ++l) originals.push_back(source_line(co, l));
    if (originals.empty()) return out;
    // textwrap.dedent: remove the common leading whitespace of non-blank lines.
    std::size_t common = std::string::npos;
    for (auto& l : originals) {
        if (l.find_first_not_of(" \t\f") == std::string::npos) continue;
        common = std::min(common, leading_ws(l));
    }
    if (common == std::string::npos) return out;  // all blank: nothing shown
    std::vector<std::string> lines;
    for (auto& l : originals) lines.push_back(l.find_first_not_of(" \t\f") == std::string::npos ? "" : l.substr(common));
    if (p.col < 0 || p.end_col < 0) {
        std::string first = originals[0];
        std::size_t a = first.find_first_not_of(" \t\f");
        out += "    " + first.substr(a) + "\n";
        return out;
    }
    int dedent_chars = static_cast<int>(common);
    int start_offset = std::max(0, char_col(originals.front(), p.col) - dedent_chars);
    int end_offset = std::max(0, char_col(originals.back(), p.end_col) - dedent_chars);
    bool has_anchor = p.anchor_start >= 0;
    int left_line = 0, right_line = 0, left_off = 0, right_off = 0;
    if (has_anchor) {
        left_line = (p.anchor_start >> 16) - 0;
        right_line = (p.anchor_end >> 16) - 0;
        left_off = std::max(0, char_col(originals[static_cast<std::size_t>(left_line)], p.anchor_start & 0xffff) - dedent_chars);
        right_off = std::max(0, char_col(originals[static_cast<std::size_t>(right_line)], p.anchor_end & 0xffff) - dedent_chars);
    }
    // _should_show_carets
    bool show = false;
    if (p.full_line_call) {
        // `return f(...)` / `x = f(...)` whose call spans the whole statement: no carets.
        show = false;
    } else if (has_anchor) {
        show = true;
    } else {
        std::string before = lines.front().substr(0, std::min<std::size_t>(lines.front().size(), static_cast<std::size_t>(start_offset)));
        std::string after = static_cast<std::size_t>(end_offset) <= lines.back().size() ? lines.back().substr(static_cast<std::size_t>(end_offset)) : "";
        show = before.find_first_not_of(" \t\f") != std::string::npos || after.find_first_not_of(" \t\f") != std::string::npos;
    }
    std::set<int> significant = {0, static_cast<int>(lines.size()) - 1};
    if (has_anchor) {
        for (int d = -1; d <= 1; ++d) {
            significant.insert(left_line + d);
            significant.insert(right_line + d);
        }
    }
    significant.erase(-1);
    significant.erase(static_cast<int>(lines.size()));
    std::vector<std::string> result;
    auto output_line = [&](int ln) {
        const std::string& text = lines[static_cast<std::size_t>(ln)];
        result.push_back(text + "\n");
        if (!show) return;
        int num_spaces = static_cast<int>(leading_ws(text));
        int num_carets = ln == static_cast<int>(lines.size()) - 1 ? end_offset : char_len(text);
        std::string carets;
        for (int col = 0; col < num_carets; ++col) {
            if (col < num_spaces || (ln == 0 && col < start_offset)) carets += ' ';
            else if (has_anchor && (ln > left_line || (ln == left_line && col >= left_off)) &&
                     (ln < right_line || (ln == right_line && col < right_off)))
                carets += '^';
            else carets += has_anchor ? '~' : '^';
        }
        result.push_back(carets + "\n");
    };
    std::vector<int> sig(significant.begin(), significant.end());
    for (std::size_t i = 0; i < sig.size(); ++i) {
        if (i) {
            int diff = sig[i] - sig[i - 1];
            if (diff == 2) output_line(sig[i] - 1);
            else if (diff > 2) result.push_back(fmt::format("...<{} lines>...\n", diff - 1));
        }
        output_line(sig[i]);
    }
    // textwrap.dedent of the block, then indent by four spaces.
    std::size_t block_common = std::string::npos;
    for (auto& r : result) {
        std::string body = r.substr(0, r.size() - 1);
        if (body.find_first_not_of(" \t\f") == std::string::npos) continue;
        block_common = std::min(block_common, leading_ws(body));
    }
    if (block_common == std::string::npos) block_common = 0;
    for (auto& r : result) {
        std::string body = r.substr(0, r.size() - 1);
        if (body.find_first_not_of(" \t\f") == std::string::npos) out += "    \n";
        else out += "    " + body.substr(block_common) + "\n";
    }
    return out;
}

// One traceback's frames, with "[Previous line repeated N more times]" folding.
static std::string format_stack(VM& vm, const Value& tb_head) {
    (void)vm;
    struct Entry {
        const lang::CodeObject* co;
        std::uint32_t lasti;
        int line;
    };
    std::vector<Entry> entries;
    for (Value tb = tb_head; tb; tb = tb.as<Traceback>()->next) {
        auto* t = tb.as<Traceback>();
        const auto& co = *t->frame.as<Frame>()->code_obj()->co;
        entries.push_back({&co, t->lasti, t->line()});
    }
    std::string out;
    const lang::CodeObject* last_co = nullptr;
    int last_line = -1;
    int count = 0;
    for (auto& e : entries) {
        if (!last_co || last_co->filename != e.co->filename || last_line != e.line || last_co->name != e.co->name) {
            if (count > 3) {
                count -= 3;
                out += fmt::format("  [Previous line repeated {} more time{}]\n", count, count > 1 ? "s" : "");
            }
            last_co = e.co;
            last_line = e.line;
            count = 0;
        }
        ++count;
        if (count > 3) continue;
        out += format_frame(*e.co, e.lasti, e.line);
    }
    if (count > 3) {
        count -= 3;
        out += fmt::format("  [Previous line repeated {} more time{}]\n", count, count > 1 ? "s" : "");
    }
    return out;
}

static std::string exc_type_str(VM& vm, Type* t) {
    (void)vm;
    if (t->module == "__main__" || t->module == "builtins") return t->qualname;
    return t->module + "." + t->qualname;
}

static std::string exception_only(VM& vm, const Value& exc) {
    Type* t = type_of(exc);
    std::string stype = exc_type_str(vm, t);
    Value s = str(vm, exc);
    std::string text;
    if (!s) {
        clear_error(vm);
        text = "<exception str() failed>";
    } else {
        text = s.as<Str>()->text;
    }
    auto* eo = exc.as<ExceptionObject>();
    if (t->is_subtype(vm.exc.SyntaxError) && eo->dict()) {
        Value rendered = eo->dict()->get("_ll_rendered");
        if (rendered && is_str(rendered)) return rendered.as<Str>()->text;
    }
    text += suggestion_suffix(vm, exc);
    std::string out = text.empty() ? stype + "\n" : stype + ": " + text + "\n";
    if (!eo->notes.is_null() && is_list(eo->notes)) {
        for (auto& n : eo->notes.as<List>()->items) {
            Value ns = str(vm, n);
            if (!ns) {
                clear_error(vm);
                out += "<note str() failed>\n";
                continue;
            }
            out += ns.as<Str>()->text + "\n";
        }
    }
    return out;
}

struct PrintContext {
    int group_depth = 0;
    bool need_close = false;
    std::string indent() const { return std::string(static_cast<std::size_t>(2 * group_depth), ' '); }
    std::string emit(const std::string& text, char margin = '|') const {
        std::string prefix = indent();
        if (group_depth) prefix += std::string(1, margin) + " ";
        std::string out;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
            out += prefix + text.substr(pos, end - pos);
            pos = end;
        }
        return out;
    }
};

static void format_recursive(VM& vm, const Value& top, PrintContext& ctx, std::set<Object*>& seen, std::string& out) {
    // The chain: cause / context, oldest first.
    std::vector<std::pair<const char*, Value>> chain;  // (relation to its cause, exception)
    Value exc = top;
    while (exc) {
        seen.insert(exc.obj());
        auto* eo = exc.as<ExceptionObject>();
        Value next;
        const char* msg = nullptr;
        if (!eo->cause.is_null() && !eo->cause.is_none()) {
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
            next = eo->cause;
        } else if (!eo->context.is_null() && !eo->context.is_none() && !eo->suppress_context) {
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
            next = eo->context;
        }
        if (next && seen.count(next.obj())) {
            next = Value();
            msg = nullptr;
        }
        chain.push_back({msg, exc});
        exc = next;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it->first) out += ctx.emit(it->first);
        const Value& e = it->second;
        auto* eo = e.as<ExceptionObject>();
        bool is_group = type_of(e)->is_subtype(vm.exc.BaseExceptionGroup) && !eo->eg_exceptions.is_null();
        if (!is_group) {
            if (eo->traceback) {
                out += ctx.emit("Traceback (most recent call last):\n");
                out += ctx.emit(format_stack(vm, eo->traceback));
            }
            out += ctx.emit(exception_only(vm, e));
        } else if (ctx.group_depth > 10) {
            out += ctx.emit("... (max_group_depth is 10)\n");
        } else {
            bool toplevel = ctx.group_depth == 0;
            if (toplevel) ++ctx.group_depth;
            if (eo->traceback) {
                out += ctx.emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
                out += ctx.emit(format_stack(vm, eo->traceback));
            }
            out += ctx.emit(exception_only(vm, e));
            auto& subs = eo->eg_exceptions.as<Tuple>()->items;
            std::size_t n = subs.size() <= 15 ? subs.size() : 16;
            ctx.need_close = false;
            for (std::size_t i = 0; i < n; ++i) {
                bool last = i == n - 1;
                if (last) ctx.need_close = true;
                bool truncated = i >= 15;
                std::string title = truncated ? "..." : std::to_string(i + 1);
                out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
                ++ctx.group_depth;
                if (!truncated) {
                    std::set<Object*> sub_seen = seen;
                    format_recursive(vm, subs[i], ctx, sub_seen, out);
                } else {
                    std::size_t remaining = subs.size() - 15;
                    out += ctx.emit(fmt::format("and {} more exception{}\n", remaining, remaining > 1 ? "s" : ""));
                }
                if (last && ctx.need_close) {
                    out += ctx.indent() + "+------------------------------------\n";
                    ctx.need_close = false;
                }
                --ctx.group_depth;
            }
            if (toplevel) ctx.group_depth = 0;
        }
    }
}

std::string format_exception(VM& vm, const Value& exc) {
    if (!is_exception(exc)) return "";
    Value saved = take_error(vm);
    PrintContext ctx;
    std::set<Object*> seen;
    std::string out;
    format_recursive(vm, exc, ctx, seen, out);
    if (saved) vm.thread.exc = std::move(saved);
    return out;
}

std::string format_exception_plain(VM& vm, const Value& exc) {
    g_plain_frames = true;
    std::string out = format_exception(vm, exc);
    g_plain_frames = false;
    return out;
}

void print_exception(VM& vm, const Value& exc) { vm.write_stderr(format_exception(vm, exc)); }

}  // namespace ll::vm
