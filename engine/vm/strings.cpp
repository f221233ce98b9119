// str: hashing, length, indexing and slicing by code point, concatenation and repetition,
// comparison, iteration, the str() constructor and a few core methods (join, split, strip...).
#include <cstring>

#include "engine/base/text.hpp"
#include "engine/base/utf8.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

std::int64_t hash_bytes(std::string_view s) {
    // FNV-1a, then a final mix; never -1 (CPython reserves it for errors).
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    auto r = static_cast<std::int64_t>(h);
    return r == -1 ? -2 : r;
}

std::int64_t Str::hash() {
    if (hash_ == -1) hash_ = hash_bytes(text);
    return hash_;
}

std::int64_t Str::length() {
    if (length_ < 0) {
        ascii_ = base::is_ascii(text);
        length_ = ascii_ ? static_cast<std::int64_t>(text.size()) : static_cast<std::int64_t>(base::cp_length(text));
    }
    return length_;
}

Value str_from_codepoint_slice(VM& vm, Str* s, std::int64_t start, std::int64_t stop, std::int64_t step, std::int64_t n) {
    (void)stop;
    if (s->is_ascii()) {
        if (step == 1) return new_str(vm, s->text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(n)));
        std::string out;
        out.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0, j = start; i < n; ++i, j += step) out += s->text[static_cast<std::size_t>(j)];
        return new_str(vm, std::move(out));
    }
    base::SliceIndices si{start, stop, step, n};
    return new_str(vm, base::str_slice(s->text, si));
}

static Value str_repr(VM& vm, const Value& v) { return new_str(vm, base::str_repr(v.as<Str>()->text)); }
static Value str_str(VM& vm, const Value& v) {
    if (v.obj()->type == vm.types.str) return v;
    return new_str(vm, v.as<Str>()->text);
}

static bool str_hash(VM&, const Value& v, std::int64_t& out) {
    out = v.as<Str>()->hash();
    return true;
}

static Value str_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_str(b)) return vm.not_implemented;
    const std::string& x = a.as<Str>()->text;
    const std::string& y = b.as<Str>()->text;
    int c = x.compare(y);  // UTF-8 byte order == code point order
    bool r = false;
    switch (op) {
        case CompareOp::Lt: r = c < 0; break;
        case CompareOp::Le: r = c <= 0; break;
        case CompareOp::Eq: r = c == 0; break;
        case CompareOp::Ne: r = c != 0; break;
        case CompareOp::Gt: r = c > 0; break;
        case CompareOp::Ge: r = c >= 0; break;
    }
    return Value::boolean(r);
}

static bool str_len(VM&, const Value& v, std::int64_t& out) {
    out = v.as<Str>()->length();
    return true;
}

static Value str_getitem(VM& vm, const Value& self, const Value& key) {
    Str* s = self.as<Str>();
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, s->length(), start, stop, step, n)) return {};
        return str_from_codepoint_slice(vm, s, start, stop, step, n);
    }
    std::int64_t i;
    if (!is_int(key)) return raise_fmt(vm, vm.exc.TypeError, "string indices must be integers, not '{}'", type_name(key));
    if (!index_int64(vm, key, i)) return {};
    std::int64_t len = s->length();
    if (i < 0) i += len;
    if (i < 0 || i >= len) return raise(vm, vm.exc.IndexError, "string index out of range");
    if (s->is_ascii()) return Value::borrow(vm.intern(std::string_view(&s->text[static_cast<std::size_t>(i)], 1)));
    return new_str(vm, std::string(base::cp_at(s->text, static_cast<std::size_t>(i))));
}

static int str_contains(VM& vm, const Value& self, const Value& item) {
    if (!is_str(item)) {
        raise_fmt(vm, vm.exc.TypeError, "'in <string>' requires string as left operand, not {}", type_name(item));
        return -1;
    }
    return self.as<Str>()->text.find(item.as<Str>()->text) != std::string::npos;
}

struct StrIterator : Object {
    StrIterator(Type* t, Value s) : Object(t), str(std::move(s)) {}
    Value str;
    std::size_t pos = 0;  // byte offset
};

static Value str_iter(VM& vm, const Value& self) { return Value::steal(new StrIterator(vm.types.str_iterator, self)); }

static Value str_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<StrIterator>();
    const std::string& t = it->str.as<Str>()->text;
    if (it->pos >= t.size()) return {};
    std::size_t start = it->pos;
    unsigned char c = static_cast<unsigned char>(t[start]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    it->pos += n;
    if (n == 1) return Value::borrow(vm.intern(std::string_view(&t[start], 1)));
    return new_str(vm, t.substr(start, n));
}

Value str_mod(VM& vm, const Value& fmt, const Value& args);

static Value str_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    BinOp bop = base_op(op);
    if (bop == BinOp::Add) {
        if (!is_str(a) || !is_str(b)) return vm.not_implemented;
        std::string r;
        r.reserve(a.as<Str>()->text.size() + b.as<Str>()->text.size());
        r += a.as<Str>()->text;
        r += b.as<Str>()->text;
        return new_str(vm, std::move(r));
    }
    if (bop == BinOp::Mul) {
        const Value& s = is_str(a) ? a : b;
        const Value& n = is_str(a) ? b : a;
        if (!is_str(s) || !is_int(n)) return vm.not_implemented;
        std::int64_t k;
        if (!index_int64(vm, n, k)) return {};
        if (k <= 0) return vm.empty_str;
        std::size_t size = s.as<Str>()->text.size();
        if (size && static_cast<std::uint64_t>(k) > (std::uint64_t{1} << 31) / size) return no_memory(vm);
        return new_str(vm, base::str_repeat(s.as<Str>()->text, k));
    }
    if (bop == BinOp::Mod && is_str(a)) return str_mod(vm, a, b);
    return vm.not_implemented;
}

static Value str_new(VM& vm, Type* cls, Args args) {
    (void)cls;
    if (args.size() == 0) return vm.empty_str;
    if (args.size() > 1) return raise(vm, vm.exc.TypeError, "decoding str is not supported");
    return str(vm, args[0]);
}

// --- %-formatting (printf-style) for the common conversions

// %c: an int code point or a one-character str, with CPython 3.13's errors.
static bool percent_c(VM& vm, const Value& v, std::string& piece) {
    if (is_str(v)) {
        std::size_t n = base::cp_length(v.as<Str>()->text);
        if (n != 1) {
            raise(vm, vm.exc.TypeError, "%c requires int or char");
            return false;
        }
        piece = v.as<Str>()->text;
        return true;
    }
    if (!is_int(v)) {
        raise(vm, vm.exc.TypeError, "%c requires int or char");
        return false;
    }
    std::int64_t cp = 0;
    if (!to_int64(v, cp) || cp < 0 || cp > 0x10FFFF) {
        if (has_error(vm)) clear_error(vm);
        raise(vm, vm.exc.OverflowError, "%c arg not in range(0x110000)");
        return false;
    }
    piece = base::encode_utf8(static_cast<char32_t>(cp));
    return true;
}

Value str_mod(VM& vm, const Value& fmt_v, const Value& args) {
    const std::string& f = fmt_v.as<Str>()->text;
    std::vector<Value> items;
    bool is_tuple_args = is_tuple(args);
    if (is_tuple_args) items = args.as<Tuple>()->items.to_vector();
    else items.push_back(args);
    std::size_t next = 0;
    bool used_mapping = false;
    std::string out;
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (++i >= f.size()) return raise(vm, vm.exc.ValueError, "incomplete format");
        std::string spec;
        Value mapping_value;
        if (f[i] == '(') {
            std::size_t close = f.find(')', i);
            if (close == std::string::npos) return raise(vm, vm.exc.ValueError, "incomplete format key");
            Value key = new_str(vm, f.substr(i + 1, close - i - 1));
            mapping_value = get_item(vm, args, key);
            used_mapping = true;
            if (!mapping_value) return {};
            i = close + 1;
        }
        while (i < f.size() && std::strchr("-+ #0123456789.", f[i])) spec += f[i++];
        if (i >= f.size()) return raise(vm, vm.exc.ValueError, "incomplete format");
        char conv = f[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        Value v;
        if (mapping_value) v = mapping_value;
        else {
            if (next >= items.size()) return raise(vm, vm.exc.TypeError, "not enough arguments for format string");
            v = items[next++];
        }
        std::string piece;
        switch (conv) {
            case 's': if (!str_into(vm, v, piece)) return {}; break;
            case 'r': if (!repr_into(vm, v, piece)) return {}; break;
            case 'a': {
                Value r = call(vm, vm.builtins.as<Dict>()->get("ascii"), {v});
                if (!r) return {};
                piece = r.as<Str>()->text;
                break;
            }
            case 'c':
                if (!percent_c(vm, v, piece)) return {};
                break;
            case 'd': case 'i': case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'x': case 'X': case 'o': {
                std::string pyspec;
                std::string flags = spec;
                std::string width_prec;
                std::size_t k = 0;
                std::string fl;
                while (k < flags.size() && std::strchr("-+ #0", flags[k])) fl += flags[k++];
                width_prec = flags.substr(k);
                if (fl.find('-') != std::string::npos) pyspec += '<';
                if (fl.find('+') != std::string::npos) pyspec += '+';
                else if (fl.find(' ') != std::string::npos) pyspec += ' ';
                if (fl.find('#') != std::string::npos) pyspec += '#';
                if (fl.find('0') != std::string::npos && fl.find('-') == std::string::npos) pyspec += '0';
                pyspec += width_prec;
                char t = (conv == 'i') ? 'd' : conv;
                Value num = v;
                if (t == 'd' || t == 'x' || t == 'X' || t == 'o') {
                    if (v.is_float()) {
                        Value cls = Value::borrow(vm.types.int_);
                        num = call(vm, cls, {v});
                        if (!num) return {};
                    } else if (!is_int(v)) {
                        return raise_fmt(vm, vm.exc.TypeError, "%{} format: a real number is required, not {}", conv, type_name(v));
                    }
                } else if (!v.is_float() && !is_int(v)) {
                    return raise_fmt(vm, vm.exc.TypeError, "must be real number, not {}", type_name(v));
                } else if (is_int(v)) {
                    double d;
                    if (!to_double(vm, v, d)) return {};
                    num = Value::number(d);
                }
                if ((t == 'f' || t == 'F' || t == 'e' || t == 'E' || t == 'g' || t == 'G') && width_prec.find('.') == std::string::npos)
                    pyspec += ".6";
                pyspec += t;
                Value r = format(vm, num, pyspec);
                if (!r) return {};
                piece = r.as<Str>()->text;
                out += piece;
                continue;
            }
            default:
                return raise_fmt(vm, vm.exc.ValueError, "unsupported format character '{}' (0x{:x}) at index {}", conv, static_cast<int>(conv), i);
        }
        // width / '-' for %s and %r
        std::size_t k = 0;
        bool left = false;
        while (k < spec.size() && std::strchr("-+ #0", spec[k])) left |= spec[k++] == '-';
        std::string w = spec.substr(k);
        std::size_t dot = w.find('.');
        if (dot != std::string::npos) {
            std::size_t prec = static_cast<std::size_t>(std::atoi(w.c_str() + dot + 1));
            if (piece.size() > prec) piece.resize(prec);
            w = w.substr(0, dot);
        }
        std::size_t width = w.empty() ? 0 : static_cast<std::size_t>(std::atoi(w.c_str()));
        std::size_t len = base::cp_length(piece);
        if (len < width) {
            if (left) piece += std::string(width - len, ' ');
            else piece = std::string(width - len, ' ') + piece;
        }
        out += piece;
    }
    if (!used_mapping && next < items.size() && !(!is_tuple_args && is_dict(args)))
        return raise(vm, vm.exc.TypeError, "not all arguments converted during string formatting");
    return new_str(vm, std::move(out));
}

// --- core methods

static Value m_join(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "str.join() takes exactly one argument ({} given)", a.size() - 1);
    std::vector<Value> items;
    if (!collect(vm, a[1], items)) {
        if (error_matches(vm, vm.exc.TypeError) && !type_of(a[1])->slots.iter) {
            clear_error(vm);
            return raise(vm, vm.exc.TypeError, "can only join an iterable");
        }
        return {};
    }
    const std::string& sep = a[0].as<Str>()->text;
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!is_str(items[i]))
            return raise_fmt(vm, vm.exc.TypeError, "sequence item {}: expected str instance, {} found", i, type_name(items[i]));
        if (i) out += sep;
        out += items[i].as<Str>()->text;
    }
    return new_str(vm, std::move(out));
}

static std::optional<std::string_view> opt_str_arg(VM& vm, Args a, std::size_t i, const char* what, bool& ok) {
    ok = true;
    if (a.size() <= i || a[i].is_none()) return std::nullopt;
    if (!is_str(a[i])) {
        raise_fmt(vm, vm.exc.TypeError, "{} arg must be None or str", what);
        ok = false;
        return std::nullopt;
    }
    return std::string_view(a[i].as<Str>()->text);
}

static Value list_of_strings(VM& vm, std::vector<std::string> parts) {
    std::vector<Value> items;
    items.reserve(parts.size());
    for (auto& p : parts) items.push_back(new_str(vm, std::move(p)));
    return new_list(vm, std::move(items));
}

static Value m_split(VM& vm, Args a) {
    Value sep = a.size() > 1 ? a[1] : a.kw("sep");
    Value maxsplit = a.size() > 2 ? a[2] : a.kw("maxsplit");
    std::optional<std::string_view> sv;
    if (sep && !sep.is_none()) {
        if (!is_str(sep)) return raise_fmt(vm, vm.exc.TypeError, "must be str or None, not {}", type_name(sep));
        sv = sep.as<Str>()->text;
    }
    std::int64_t m = -1;
    if (maxsplit && !index_int64(vm, maxsplit, m)) return {};
    auto r = base::str_split(a[0].as<Str>()->text, sv, m);
    if (!r) return raise_from_base(vm, r.error());
    return list_of_strings(vm, std::move(*r));
}

static Value m_strip_impl(VM& vm, Args a, int which) {
    bool ok;
    auto chars = opt_str_arg(vm, a, 1, "strip", ok);
    if (!ok) return {};
    std::string_view s = a[0].as<Str>()->text;
    std::string_view r = which == 0 ? base::str_strip(s, chars) : which == 1 ? base::str_lstrip(s, chars) : base::str_rstrip(s, chars);
    return new_str(vm, std::string(r));
}

static Value m_strip(VM& vm, Args a) { return m_strip_impl(vm, a, 0); }
static Value m_lstrip(VM& vm, Args a) { return m_strip_impl(vm, a, 1); }
static Value m_rstrip(VM& vm, Args a) { return m_strip_impl(vm, a, 2); }
static Value m_upper(VM& vm, Args a) { return new_str(vm, base::str_upper(a[0].as<Str>()->text)); }
static Value m_lower(VM& vm, Args a) { return new_str(vm, base::str_lower(a[0].as<Str>()->text)); }

static Value m_replace(VM& vm, Args a) {
    if (a.size() < 3 || !is_str(a[1]) || !is_str(a[2]))
        return raise(vm, vm.exc.TypeError, "replace() argument must be str");
    std::int64_t count = -1;
    if (a.size() > 3 && !index_int64(vm, a[3], count)) return {};
    return new_str(vm, base::str_replace(a[0].as<Str>()->text, a[1].as<Str>()->text, a[2].as<Str>()->text, count));
}

static Value m_prefix_impl(VM& vm, Args a, bool starts) {
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "startswith() takes at least 1 argument (0 given)");
    std::string_view s = a[0].as<Str>()->text;
    std::vector<Value> cands;
    if (is_tuple(a[1])) cands = a[1].as<Tuple>()->items.to_vector();
    else cands.push_back(a[1]);
    for (auto& c : cands) {
        if (!is_str(c))
            return raise_fmt(vm, vm.exc.TypeError, "{} first arg must be str or a tuple of str, not {}",
                             starts ? "startswith" : "endswith", type_name(c));
        bool r = starts ? base::str_startswith(s, c.as<Str>()->text) : base::str_endswith(s, c.as<Str>()->text);
        if (r) return Value::boolean(true);
    }
    return Value::boolean(false);
}

static Value m_startswith(VM& vm, Args a) { return m_prefix_impl(vm, a, true); }
static Value m_endswith(VM& vm, Args a) { return m_prefix_impl(vm, a, false); }

static Value m_find(VM& vm, Args a) {
    if (a.size() < 2 || !is_str(a[1])) return raise(vm, vm.exc.TypeError, "must be str");
    return Value::integer(base::str_find(a[0].as<Str>()->text, a[1].as<Str>()->text));
}

void init_str_type(VM& vm) {
    Type* t = vm.types.str;
    t->alloc = nullptr;
    t->slots.repr = str_repr;
    t->slots.str = str_str;
    t->slots.hash = str_hash;
    t->slots.richcompare = str_richcompare;
    t->slots.len = str_len;
    t->slots.getitem = str_getitem;
    t->slots.contains = str_contains;
    t->slots.iter = str_iter;
    t->slots.binop = str_binop;
    t->slots.new_ = str_new;
    t->slots.init = nullptr;
    vm.types.str_iterator->slots.iter = [](VM&, const Value& s) { return s; };
    vm.types.str_iterator->slots.next = str_iter_next;
    def_method(vm, t, "join", m_join);
    def_method(vm, t, "split", m_split);
    def_method(vm, t, "strip", m_strip);
    def_method(vm, t, "lstrip", m_lstrip);
    def_method(vm, t, "rstrip", m_rstrip);
    def_method(vm, t, "upper", m_upper);
    def_method(vm, t, "lower", m_lower);
    def_method(vm, t, "replace", m_replace);
    def_method(vm, t, "startswith", m_startswith);
    def_method(vm, t, "endswith", m_endswith);
    def_method(vm, t, "find", m_find);
}

}  // namespace ll::vm
