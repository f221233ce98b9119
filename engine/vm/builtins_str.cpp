// Methods of str: thin wrappers over the kernels of engine/base/text.hpp that check arguments
// with CPython's messages, plus join, str.format / format_map (engine/base/format_fields.hpp).
#include "engine/base/format_fields.hpp"
#include "engine/base/text.hpp"
#include "engine/base/utf8.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

std::string_view self_text(const Args& a) { return a[0].as<Str>()->text; }

Value make_str(VM& vm, const Args& a, std::string_view result) {
    // Unchanged text: return self, as CPython does for exact str.
    if (result.data() == self_text(a).data() && result.size() == self_text(a).size() && is_type(a[0], vm.types.str))
        return a[0];
    return new_str(vm, std::string(result));
}

Value str_list(VM& vm, std::vector<std::string> parts) {
    std::vector<Value> items;
    items.reserve(parts.size());
    for (auto& p : parts) items.push_back(new_str(vm, std::move(p)));
    return new_list(vm, std::move(items));
}

// "must be str, not int" and friends.
bool need_str(VM& vm, const Value& v, std::string_view prefix) {
    if (is_str(v)) return true;
    raise_fmt(vm, vm.exc.TypeError, "{}must be str, not {}", prefix, type_name(v));
    return false;
}

// --- split family ----------------------------------------------------------------------------

Value split_impl(VM& vm, Args a, const char* name, bool right) {
    if (a.size() > 3) return raise_fmt(vm, vm.exc.TypeError, "{}() takes at most 2 arguments ({} given)", name, a.size() - 1);
    if (!only_kwargs(vm, a, name, {"sep", "maxsplit"})) return {};
    Value sep = arg_or_kw(a, 1, "sep");
    Value maxv = arg_or_kw(a, 2, "maxsplit");
    std::optional<std::string_view> s;
    if (sep && !sep.is_none()) {
        if (!is_str(sep)) return raise_fmt(vm, vm.exc.TypeError, "must be str or None, not {}", type_name(sep));
        s = str_view(sep);
    }
    std::int64_t maxsplit = -1;
    if (maxv && !index_int64(vm, maxv, maxsplit)) return {};
    auto r = right ? base::str_rsplit(self_text(a), s, maxsplit) : base::str_split(self_text(a), s, maxsplit);
    if (!r) return raise_from_base(vm, r.error());
    return str_list(vm, std::move(*r));
}
Value str_split(VM& vm, Args a) { return split_impl(vm, a, "split", false); }
Value str_rsplit(VM& vm, Args a) { return split_impl(vm, a, "rsplit", true); }

Value str_splitlines(VM& vm, Args a) {
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "splitlines() takes at most 1 argument ({} given)", a.size() - 1);
    if (!only_kwargs(vm, a, "splitlines", {"keepends"})) return {};
    Value k = arg_or_kw(a, 1, "keepends");
    bool keep = false;
    if (k) {
        std::int64_t i;
        if (k.is_float()) return raise(vm, vm.exc.TypeError, "'float' object cannot be interpreted as an integer");
        if (!index_int64(vm, k, i)) return {};
        keep = i != 0;
    }
    return str_list(vm, base::str_splitlines(self_text(a), keep));
}

Value str_join(VM& vm, Args a) {
    if (!method_one(vm, a, "str.join")) return {};
    std::string_view sep = self_text(a);
    const Value& src = a[1];
    std::vector<Value> holder;
    std::span<const Value> items;
    if (is_list(src)) items = src.as<List>()->items;
    else if (is_tuple(src)) items = src.as<Tuple>()->items;
    else {
        if (!type_of(src)->slots.iter && !type_of(src)->slots.getitem)
            return raise(vm, vm.exc.TypeError, "can only join an iterable");
        if (!collect(vm, src, holder)) return {};
        items = holder;
    }
    std::size_t n = items.size();
    if (n == 1 && is_type(items[0], vm.types.str)) return items[0];
    std::size_t total = n ? sep.size() * (n - 1) : 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Value& v = items[i];
        if (!is_str(v))
            return raise_fmt(vm, vm.exc.TypeError, "sequence item {}: expected str instance, {} found", i, type_name(v));
        total += v.as<Str>()->text.size();
    }
    std::string out;
    out.reserve(total);
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += sep;
        out += items[i].as<Str>()->text;
    }
    return new_str(vm, std::move(out));
}

// --- strip family ----------------------------------------------------------------------------

using StripFn = std::string_view (*)(std::string_view, std::optional<std::string_view>);

Value strip_impl(VM& vm, Args a, const char* name, StripFn fn) {
    if (!method_range(vm, a, name, 0, 1)) return {};
    std::optional<std::string_view> chars;
    if (a.size() == 2 && !a[1].is_none()) {
        if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "{} arg must be None or str", name);
        chars = str_view(a[1]);
    }
    return make_str(vm, a, fn(self_text(a), chars));
}
Value str_strip(VM& vm, Args a) { return strip_impl(vm, a, "strip", base::str_strip); }
Value str_lstrip(VM& vm, Args a) { return strip_impl(vm, a, "lstrip", base::str_lstrip); }
Value str_rstrip(VM& vm, Args a) { return strip_impl(vm, a, "rstrip", base::str_rstrip); }

Value affix_impl(VM& vm, Args a, const char* name, bool prefix) {
    if (!method_one(vm, a, fmt::format("str.{}", name))) return {};
    if (!is_str(a[1])) return raise_fmt(vm, vm.exc.TypeError, "{}() argument must be str, not {}", name, type_name(a[1]));
    std::string_view r = prefix ? base::str_removeprefix(self_text(a), str_view(a[1]))
                                : base::str_removesuffix(self_text(a), str_view(a[1]));
    return make_str(vm, a, r);
}
Value str_removeprefix(VM& vm, Args a) { return affix_impl(vm, a, "removeprefix", true); }
Value str_removesuffix(VM& vm, Args a) { return affix_impl(vm, a, "removesuffix", false); }

Value partition_impl(VM& vm, Args a, const char* name, bool right) {
    if (!method_one(vm, a, fmt::format("str.{}", name))) return {};
    if (!need_str(vm, a[1], "")) return {};
    auto r = right ? base::str_rpartition(self_text(a), str_view(a[1])) : base::str_partition(self_text(a), str_view(a[1]));
    if (!r) return raise_from_base(vm, r.error());
    auto& p = *r;
    return tuple_of(vm, {new_str(vm, std::move(p[0])), new_str(vm, std::move(p[1])), new_str(vm, std::move(p[2]))});
}
Value str_partition(VM& vm, Args a) { return partition_impl(vm, a, "partition", false); }
Value str_rpartition(VM& vm, Args a) { return partition_impl(vm, a, "rpartition", true); }

// --- search ----------------------------------------------------------------------------------

struct SearchArgs {
    std::string_view sub;
    std::optional<std::int64_t> start, end;
};

bool search_args(VM& vm, const Args& a, const char* name, SearchArgs& out) {
    if (!method_range(vm, a, name, 1, 3)) return false;
    if (!is_str(a[1])) {
        raise_fmt(vm, vm.exc.TypeError, "{}() argument 1 must be str, not {}", name, type_name(a[1]));
        return false;
    }
    out.sub = str_view(a[1]);
    if (a.size() > 2 && !clamped_index(vm, a[2], out.start)) return false;
    if (a.size() > 3 && !clamped_index(vm, a[3], out.end)) return false;
    return true;
}

Value str_find(VM& vm, Args a) {
    SearchArgs s;
    if (!search_args(vm, a, "find", s)) return {};
    return Value::integer(base::str_find(self_text(a), s.sub, s.start, s.end));
}
Value str_rfind(VM& vm, Args a) {
    SearchArgs s;
    if (!search_args(vm, a, "rfind", s)) return {};
    return Value::integer(base::str_rfind(self_text(a), s.sub, s.start, s.end));
}
Value str_index(VM& vm, Args a) {
    SearchArgs s;
    if (!search_args(vm, a, "index", s)) return {};
    auto r = base::str_index(self_text(a), s.sub, s.start, s.end);
    if (!r) return raise_from_base(vm, r.error());
    return Value::integer(*r);
}
Value str_rindex(VM& vm, Args a) {
    SearchArgs s;
    if (!search_args(vm, a, "rindex", s)) return {};
    auto r = base::str_rindex(self_text(a), s.sub, s.start, s.end);
    if (!r) return raise_from_base(vm, r.error());
    return Value::integer(*r);
}
Value str_count(VM& vm, Args a) {
    SearchArgs s;
    if (!search_args(vm, a, "count", s)) return {};
    return Value::integer(base::str_count(self_text(a), s.sub, s.start, s.end));
}

using AffixTest = bool (*)(std::string_view, std::string_view, std::optional<std::int64_t>, std::optional<std::int64_t>);

Value affix_test(VM& vm, Args a, const char* name, AffixTest fn) {
    if (!method_range(vm, a, name, 1, 3)) return {};
    std::optional<std::int64_t> start, end;
    if (a.size() > 2 && !clamped_index(vm, a[2], start)) return {};
    if (a.size() > 3 && !clamped_index(vm, a[3], end)) return {};
    const Value& p = a[1];
    if (is_str(p)) return Value::boolean(fn(self_text(a), str_view(p), start, end));
    if (!is_tuple(p))
        return raise_fmt(vm, vm.exc.TypeError, "{} first arg must be str or a tuple of str, not {}", name, type_name(p));
    for (const Value& x : p.as<Tuple>()->items) {
        if (!is_str(x))
            return raise_fmt(vm, vm.exc.TypeError, "tuple for {} must only contain str, not {}", name, type_name(x));
        if (fn(self_text(a), str_view(x), start, end)) return Value::boolean(true);
    }
    return Value::boolean(false);
}
Value str_startswith(VM& vm, Args a) { return affix_test(vm, a, "startswith", base::str_startswith); }
Value str_endswith(VM& vm, Args a) { return affix_test(vm, a, "endswith", base::str_endswith); }

// --- transforms ------------------------------------------------------------------------------

Value str_replace(VM& vm, Args a) {
    if (a.size() < 3)
        return raise_fmt(vm, vm.exc.TypeError, "replace() takes at least 2 positional arguments ({} given)", a.size() - 1);
    if (a.size() > 4) return raise_fmt(vm, vm.exc.TypeError, "replace() takes at most 3 arguments ({} given)", a.size() - 1);
    if (!only_kwargs(vm, a, "replace", {"count"})) return {};
    for (int i = 1; i <= 2; ++i)
        if (!is_str(a[i])) return raise_fmt(vm, vm.exc.TypeError, "replace() argument {} must be str, not {}", i, type_name(a[i]));
    std::int64_t count = -1;
    Value c = arg_or_kw(a, 3, "count");
    if (c && !index_int64(vm, c, count)) return {};
    return new_str(vm, base::str_replace(self_text(a), str_view(a[1]), str_view(a[2]), count));
}

// Qualified names for the METH_NOARGS error messages.
#define LL_NOARGS_STR(method, fn)                                   \
    Value str_##method(VM& vm, Args a) {                           \
        if (!method_none(vm, a, "str." #method)) return {};        \
        return new_str(vm, base::fn(self_text(a)));                \
    }
LL_NOARGS_STR(upper, str_upper)
LL_NOARGS_STR(lower, str_lower)
LL_NOARGS_STR(casefold, str_casefold)
LL_NOARGS_STR(swapcase, str_swapcase)
LL_NOARGS_STR(title, str_title)
LL_NOARGS_STR(capitalize, str_capitalize)
#undef LL_NOARGS_STR

#define LL_PREDICATE(method)                                          \
    Value str_##method(VM& vm, Args a) {                             \
        if (!method_none(vm, a, "str." #method)) return {};          \
        return Value::boolean(base::str_##method(self_text(a)));     \
    }
LL_PREDICATE(isdigit)
LL_PREDICATE(isdecimal)
LL_PREDICATE(isnumeric)
LL_PREDICATE(isalpha)
LL_PREDICATE(isalnum)
LL_PREDICATE(isspace)
LL_PREDICATE(isupper)
LL_PREDICATE(islower)
LL_PREDICATE(istitle)
LL_PREDICATE(isidentifier)
LL_PREDICATE(isprintable)
LL_PREDICATE(isascii)
#undef LL_PREDICATE

using PadFn = std::string (*)(std::string_view, std::int64_t, char32_t);

Value pad_impl(VM& vm, Args a, const char* name, PadFn fn) {
    if (!method_range(vm, a, name, 1, 2)) return {};
    std::int64_t width;
    if (!index_int64(vm, a[1], width)) return {};
    char32_t fill = U' ';
    if (a.size() == 3) {
        if (!is_str(a[2]))
            return raise_fmt(vm, vm.exc.TypeError, "The fill character must be a unicode character, not {}", type_name(a[2]));
        auto cp = base::single_code_point(str_view(a[2]));
        if (!cp) return raise(vm, vm.exc.TypeError, "The fill character must be exactly one character long");
        fill = *cp;
    }
    if (width <= a[0].as<Str>()->length() && is_type(a[0], vm.types.str)) return a[0];
    return new_str(vm, fn(self_text(a), width, fill));
}
Value str_center(VM& vm, Args a) { return pad_impl(vm, a, "center", base::str_center); }
Value str_ljust(VM& vm, Args a) { return pad_impl(vm, a, "ljust", base::str_ljust); }
Value str_rjust(VM& vm, Args a) { return pad_impl(vm, a, "rjust", base::str_rjust); }

Value str_zfill(VM& vm, Args a) {
    if (!method_one(vm, a, "str.zfill")) return {};
    std::int64_t width;
    if (!index_int64(vm, a[1], width)) return {};
    return new_str(vm, base::str_zfill(self_text(a), width));
}

Value str_expandtabs(VM& vm, Args a) {
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "expandtabs() takes at most 1 argument ({} given)", a.size() - 1);
    if (!only_kwargs(vm, a, "expandtabs", {"tabsize"})) return {};
    std::int64_t tab = 8;
    Value t = arg_or_kw(a, 1, "tabsize");
    if (t && !index_int64(vm, t, tab)) return {};
    return new_str(vm, base::str_expandtabs(self_text(a), tab));
}

Value str_encode(VM& vm, Args a) {
    // Loop Lab has no bytes type (DESIGN.md: "bytes-free text").
    return raise(vm, vm.exc.NotImplementedError, "str.encode(): bytes are not supported in Loop Lab");
}

// --- str.format ------------------------------------------------------------------------------

struct FormatContext {
    const Value* args;
    std::size_t nargs;
    Value kwargs;      // Dict, or a mapping for format_map, or null
    bool is_map = false;
};

bool render_pieces(VM& vm, const std::vector<base::FormatPiece>& pieces, const FormatContext& ctx, std::string& out, int depth);

bool render_field(VM& vm, const base::FormatField& f, const FormatContext& ctx, std::string& out, int depth) {
    // A malformed field raises at the step where CPython notices it (see base::FieldErrorStage).
    auto fails_at = [&](base::FieldErrorStage stage) {
        if (f.error_stage != stage) return false;
        raise_from_base(vm, f.error);
        return true;
    };
    if (fails_at(base::FieldErrorStage::Numbering)) return false;
    Value obj;
    if (f.arg_index) {
        if (ctx.is_map) {
            raise(vm, vm.exc.ValueError, "Format string contains positional fields");
            return false;
        }
        if (static_cast<std::size_t>(*f.arg_index) >= ctx.nargs) {
            raise_fmt(vm, vm.exc.IndexError, "Replacement index {} out of range for positional args tuple", *f.arg_index);
            return false;
        }
        obj = ctx.args[*f.arg_index];
    } else {
        Value key = new_str(vm, f.arg_name);
        if (!ctx.kwargs) {
            raise_with_args(vm, vm.exc.KeyError, {key});
            return false;
        }
        if (is_type(ctx.kwargs, vm.types.dict)) {
            obj = ctx.kwargs.as<Dict>()->get(vm, key);
            if (!obj) {
                if (!has_error(vm)) raise_with_args(vm, vm.exc.KeyError, {key});
                return false;
            }
        } else {
            obj = get_item(vm, ctx.kwargs, key);
            if (!obj) return false;
        }
    }
    for (const auto& acc : f.accessors) {
        if (acc.is_attribute) obj = get_attr(vm, obj, acc.name);
        else if (acc.index) obj = get_item(vm, obj, Value::integer(*acc.index));
        else obj = get_item(vm, obj, new_str(vm, acc.name));
        if (!obj) return false;
    }
    if (fails_at(base::FieldErrorStage::Accessors) || fails_at(base::FieldErrorStage::Conversion)) return false;
    if (f.conversion == 'r') obj = repr(vm, obj);
    else if (f.conversion == 's') obj = str(vm, obj);
    else if (f.conversion == 'a') obj = ascii_of(vm, obj);
    if (!obj) return false;
    if (fails_at(base::FieldErrorStage::Spec)) return false;
    std::string spec;
    if (!f.spec.empty() && !render_pieces(vm, f.spec, ctx, spec, depth + 1)) return false;
    if (spec.empty() && is_type(obj, vm.types.str)) {
        out += str_view(obj);
        return true;
    }
    Value r = format(vm, obj, spec);
    if (!r) return false;
    out += str_view(r);
    return true;
}

bool render_pieces(VM& vm, const std::vector<base::FormatPiece>& pieces, const FormatContext& ctx, std::string& out, int depth) {
    for (const auto& p : pieces) {
        if (!p.is_field) out += p.literal;
        else if (!render_field(vm, p.field, ctx, out, depth)) return false;
    }
    return true;
}

Value format_with(VM& vm, std::string_view tmpl, const FormatContext& ctx) {
    base::ParsedFormat parsed = base::parse_format_string(tmpl);
    std::string out;
    if (!render_pieces(vm, parsed.pieces, ctx, out, 0)) return {};
    if (parsed.error) return raise_from_base(vm, *parsed.error);
    return new_str(vm, std::move(out));
}

Value str_format(VM& vm, Args a) {
    if (a.size() == 0) return raise(vm, vm.exc.TypeError, "descriptor 'format' of 'str' object needs an argument");
    if (!is_str(a[0]))
        return raise_fmt(vm, vm.exc.TypeError, "descriptor 'format' for 'str' objects doesn't apply to a '{}' object", type_name(a[0]));
    FormatContext ctx{a.items + 1, a.size() - 1, Value(), false};
    if (a.has_kwargs()) {
        ctx.kwargs = new_dict(vm);
        for (std::size_t i = 0; i < a.kwcount; ++i)
            if (!ctx.kwargs.as<Dict>()->set(vm, a.kwnames[i], a.kwvalues[i])) return {};
    }
    return format_with(vm, self_text(a), ctx);
}

Value str_format_map(VM& vm, Args a) {
    if (!method_one(vm, a, "str.format_map")) return {};
    FormatContext ctx{nullptr, 0, a[1], true};
    return format_with(vm, self_text(a), ctx);
}

Value builtin_ascii(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "ascii") || !check_one(vm, a.size(), "ascii")) return {};
    return ascii_of(vm, a[0]);
}

}  // namespace

Value ascii_of(VM& vm, const Value& v) {
    Value r = repr(vm, v);
    if (!r) return {};
    std::string_view rv = str_view(r);
    if (base::is_ascii(rv)) return r;
    std::string esc;
    for (std::size_t pos = 0; pos < rv.size();) {
        char32_t c = base::decode_utf8(rv, pos);
        if (c < 0x80) esc += static_cast<char>(c);
        else if (c <= 0xff) esc += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else if (c <= 0xffff) esc += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else esc += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
    }
    return new_str(vm, std::move(esc));
}

void init_str_methods(VM& vm) {
    Type* s = vm.types.str;
    struct M {
        const char* name;
        NativeFn fn;
    };
    static const M methods[] = {
        {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines}, {"join", str_join},
        {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip},
        {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix},
        {"partition", str_partition}, {"rpartition", str_rpartition},
        {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex},
        {"count", str_count}, {"startswith", str_startswith}, {"endswith", str_endswith},
        {"replace", str_replace}, {"upper", str_upper}, {"lower", str_lower}, {"casefold", str_casefold},
        {"swapcase", str_swapcase}, {"title", str_title}, {"capitalize", str_capitalize},
        {"center", str_center}, {"ljust", str_ljust}, {"rjust", str_rjust}, {"zfill", str_zfill},
        {"expandtabs", str_expandtabs}, {"encode", str_encode},
        {"isdigit", str_isdigit}, {"isdecimal", str_isdecimal}, {"isnumeric", str_isnumeric},
        {"isalpha", str_isalpha}, {"isalnum", str_isalnum}, {"isspace", str_isspace},
        {"isupper", str_isupper}, {"islower", str_islower}, {"istitle", str_istitle},
        {"isidentifier", str_isidentifier}, {"isprintable", str_isprintable}, {"isascii", str_isascii},
        {"format", str_format}, {"format_map", str_format_map},
    };
    for (const M& m : methods) def_method(vm, s, m.name, m.fn);
    def_function(vm, vm.builtins.as<Dict>(), "ascii", builtin_ascii);
}

}  // namespace ll::vm::lib
