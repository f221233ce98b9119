// Methods of list and tuple (append, extend, insert, pop, remove, index, count, sort, reverse,
// copy, clear) and the stable sort shared with sorted().
#include <algorithm>

#include "engine/base/slice.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

enum class KeyKind { Ints, Floats, Strs, Generic };

KeyKind classify(const std::vector<Value>& keys, VM& vm) {
    bool ints = true, floats = true, strs = true;
    for (const Value& k : keys) {
        ints = ints && (k.is_int() || k.is_bool());
        floats = floats && k.is_float();
        strs = strs && k.is_obj() && k.obj()->type == vm.types.str;
        if (!ints && !floats && !strs) return KeyKind::Generic;
    }
    if (ints) return KeyKind::Ints;
    if (floats) return KeyKind::Floats;
    return strs ? KeyKind::Strs : KeyKind::Generic;
}

// Stable sort of `perm` (indices into keys) by keys[i] < keys[j].
bool sort_perm(VM& vm, std::vector<std::uint32_t>& perm, const std::vector<Value>& keys) {
    switch (classify(keys, vm)) {
        case KeyKind::Ints:
            std::stable_sort(perm.begin(), perm.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return keys[a].as_int() < keys[b].as_int(); });
            return true;
        case KeyKind::Floats:
            std::stable_sort(perm.begin(), perm.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return keys[a].as_float() < keys[b].as_float(); });
            return true;
        case KeyKind::Strs:
            std::stable_sort(perm.begin(), perm.end(), [&](std::uint32_t a, std::uint32_t b) {
                return keys[a].as<Str>()->text < keys[b].as<Str>()->text;  // UTF-8 byte order = code point order
            });
            return true;
        case KeyKind::Generic: break;
    }
    bool failed = false;
    std::stable_sort(perm.begin(), perm.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (failed) return false;
        int r = compare_bool(vm, keys[a], keys[b], CompareOp::Lt);
        if (r < 0) failed = true;
        return r == 1;
    });
    return !failed;
}

}  // namespace

bool sort_values(VM& vm, std::vector<Value>& items, const Value& key, bool reverse) {
    bool has_key = key && !key.is_none();
    std::vector<Value> keys;
    if (has_key) {
        keys.reserve(items.size());
        for (const Value& v : items) {
            Value k = call(vm, key, {v});
            if (!k) return false;
            keys.push_back(std::move(k));
        }
    }
    if (items.size() < 2) return true;
    // CPython reverses, sorts stably, and reverses back: equal items keep their original order.
    if (reverse) {
        std::reverse(items.begin(), items.end());
        std::reverse(keys.begin(), keys.end());
    }
    const std::vector<Value>& k = has_key ? keys : items;
    std::vector<std::uint32_t> perm(items.size());
    for (std::uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
    bool ok = sort_perm(vm, perm, k);
    if (ok) {
        std::vector<Value> sorted;
        sorted.reserve(items.size());
        for (std::uint32_t i : perm) sorted.push_back(std::move(items[i]));
        items = std::move(sorted);
    }
    if (reverse) std::reverse(items.begin(), items.end());
    return ok;
}

namespace {

List* self_list(const Args& a) { return a[0].as<List>(); }

Value list_append(VM& vm, Args a) {
    if (a.size() != 2 || a.has_kwargs()) {
        if (!method_one(vm, a, "list.append")) return {};
    }
    self_list(a)->items.push_back(a[1]);
    return Value::none();
}

Value list_extend(VM& vm, Args a) {
    if (!method_one(vm, a, "list.extend")) return {};
    auto& items = self_list(a)->items;
    const Value& src = a[1];
    if (src.is_obj() && src.obj() == a[0].obj()) {
        std::size_t n = items.size();
        items.reserve(n * 2);
        for (std::size_t i = 0; i < n; ++i) items.push_back(items[i]);
        return Value::none();
    }
    if (is_list(src) || is_tuple(src)) {
        std::span<const Value> s = is_list(src) ? std::span<const Value>(src.as<List>()->items) : src.as<Tuple>()->items;
        items.insert(items.end(), s.begin(), s.end());
        return Value::none();
    }
    Value it = get_iter(vm, src);
    if (!it) return {};
    for (;;) {
        Value x = iter_next(vm, it);
        if (!x) return has_error(vm) ? Value() : Value::none();
        self_list(a)->items.push_back(std::move(x));
    }
}

Value list_insert(VM& vm, Args a) {
    if (!method_range(vm, a, "insert", 2, 2)) return {};
    std::optional<std::int64_t> idx;
    if (!clamped_index(vm, a[1], idx)) return {};
    auto& items = self_list(a)->items;
    std::int64_t n = static_cast<std::int64_t>(items.size()), i = *idx;
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    if (i > n) i = n;
    items.insert(items.begin() + i, a[2]);
    return Value::none();
}

Value list_pop(VM& vm, Args a) {
    if (!method_range(vm, a, "pop", 0, 1)) return {};
    auto& items = self_list(a)->items;
    std::int64_t i = -1;
    if (a.size() == 2) {
        std::optional<std::int64_t> idx;
        if (!clamped_index(vm, a[1], idx)) return {};
        i = *idx;
    }
    if (items.empty()) return raise(vm, vm.exc.IndexError, "pop from empty list");
    auto pos = base::normalize_index(i, static_cast<std::int64_t>(items.size()));
    if (!pos) return raise(vm, vm.exc.IndexError, "pop index out of range");
    Value r = std::move(items[static_cast<std::size_t>(*pos)]);
    items.erase(items.begin() + *pos);
    return r;
}

// Position of the first item equal to x in [start, stop), -1 if absent, -2 on error. Items is a
// list's vector or a tuple's items; a vector is re-read on each step: __eq__ may mutate the list.
template <class Items>
std::int64_t find_equal(VM& vm, const Items& items, const Value& x, std::int64_t start, std::int64_t stop) {
    for (std::int64_t i = start; i < stop && i < static_cast<std::int64_t>(items.size()); ++i) {
        Value item = items[static_cast<std::size_t>(i)];
        int r = eq(vm, item, x);
        if (r < 0) return -2;
        if (r) return i;
    }
    return -1;
}

Value list_remove(VM& vm, Args a) {
    if (!method_one(vm, a, "list.remove")) return {};
    auto& items = self_list(a)->items;
    std::int64_t i = find_equal(vm, items, a[1], 0, INT64_MAX);
    if (i == -2) return {};
    if (i < 0) return raise(vm, vm.exc.ValueError, "list.remove(x): x not in list");
    Value dropped = std::move(items[static_cast<std::size_t>(i)]);  // released after the erase
    items.erase(items.begin() + i);
    return Value::none();
}

// Bounds of seq.index(x, start, stop) as CPython computes them.
bool index_bounds(VM& vm, const Args& a, std::int64_t n, std::int64_t& start, std::int64_t& stop) {
    std::optional<std::int64_t> s, e;
    if (a.size() > 2 && !clamped_index(vm, a[2], s)) return false;
    if (a.size() > 3 && !clamped_index(vm, a[3], e)) return false;
    start = s.value_or(0);
    stop = e.value_or(INT64_MAX);
    if (start < 0) start = std::max<std::int64_t>(0, start + n);
    if (stop < 0) stop = std::max<std::int64_t>(0, stop + n);
    return true;
}

template <class Items>
Value seq_index(VM& vm, Args a, const Items& items, bool is_tuple_) {
    if (!method_range(vm, a, "index", 1, 3)) return {};
    std::int64_t start, stop;
    if (!index_bounds(vm, a, static_cast<std::int64_t>(items.size()), start, stop)) return {};
    std::int64_t i = find_equal(vm, items, a[1], start, stop);
    if (i == -2) return {};
    if (i >= 0) return Value::integer(i);
    if (is_tuple_) return raise(vm, vm.exc.ValueError, "tuple.index(x): x not in tuple");
    Value r = repr(vm, a[1]);
    if (!r) return {};
    return raise_fmt(vm, vm.exc.ValueError, "{} is not in list", str_view(r));
}

template <class Items>
Value seq_count(VM& vm, const Items& items, const Value& x) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        int r = eq(vm, item, x);
        if (r < 0) return {};
        n += r;
    }
    return Value::integer(n);
}

Value list_index(VM& vm, Args a) { return seq_index(vm, a, self_list(a)->items, false); }
Value list_count(VM& vm, Args a) {
    if (!method_one(vm, a, "list.count")) return {};
    return seq_count(vm, self_list(a)->items, a[1]);
}
Value tuple_index(VM& vm, Args a) { return seq_index(vm, a, a[0].as<Tuple>()->items, true); }
Value tuple_count(VM& vm, Args a) {
    if (!method_one(vm, a, "tuple.count")) return {};
    return seq_count(vm, a[0].as<Tuple>()->items, a[1]);
}

Value list_sort(VM& vm, Args a) {
    if (a.size() > 1) return raise(vm, vm.exc.TypeError, "sort() takes no positional arguments");
    if (!only_kwargs(vm, a, "sort", {"key", "reverse"})) return {};
    bool reverse = false;
    if (Value rev = a.kw("reverse")) {
        std::int64_t r;
        if (rev.is_float()) return raise(vm, vm.exc.TypeError, "'float' object cannot be interpreted as an integer");
        if (!index_int64(vm, rev, r)) return {};
        reverse = r != 0;
    }
    // Like CPython, the list looks empty while it is being sorted.
    List* l = self_list(a);
    std::vector<Value> items = std::move(l->items);
    l->items.clear();
    bool ok = sort_values(vm, items, a.kw("key"), reverse);
    bool modified = !l->items.empty();
    l->items = std::move(items);
    if (!ok) return {};
    if (modified) return raise(vm, vm.exc.ValueError, "list modified during sort");
    return Value::none();
}

Value list_reverse(VM& vm, Args a) {
    if (!method_none(vm, a, "list.reverse")) return {};
    std::reverse(self_list(a)->items.begin(), self_list(a)->items.end());
    return Value::none();
}

Value list_copy(VM& vm, Args a) {
    if (!method_none(vm, a, "list.copy")) return {};
    return new_list(vm, self_list(a)->items);
}

Value list_clear(VM& vm, Args a) {
    if (!method_none(vm, a, "list.clear")) return {};
    std::vector<Value> old = std::move(self_list(a)->items);  // items die after the list is empty
    self_list(a)->items.clear();
    return Value::none();
}

}  // namespace

void init_list_methods(VM& vm) {
    Type* l = vm.types.list;
    def_method(vm, l, "append", list_append);
    def_method(vm, l, "extend", list_extend);
    def_method(vm, l, "insert", list_insert);
    def_method(vm, l, "pop", list_pop);
    def_method(vm, l, "remove", list_remove);
    def_method(vm, l, "index", list_index);
    def_method(vm, l, "count", list_count);
    def_method(vm, l, "sort", list_sort);
    def_method(vm, l, "reverse", list_reverse);
    def_method(vm, l, "copy", list_copy);
    def_method(vm, l, "clear", list_clear);
    Type* t = vm.types.tuple;
    def_method(vm, t, "index", tuple_index);
    def_method(vm, t, "count", tuple_count);
}

}  // namespace ll::vm::lib
