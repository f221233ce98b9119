// The heapq module with CPython's exact sift algorithm (_heapqmodule.c): the order among equal
// items depends on it, and asyncio's timer heap relies on that (ASYNCIO-SEMANTICS.md §1.3).
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

// a < b with fast paths for numbers; -1 on error.
int less(VM& vm, const Value& a, const Value& b) {
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
    if (a.is_float() && b.is_float()) return a.as_float() < b.as_float();
    return compare_bool(vm, a, b, CompareOp::Lt);
}

bool changed(VM& vm, List* heap, std::size_t size) {
    if (heap->items.size() == size) return false;
    raise(vm, vm.exc.RuntimeError, "list changed size during iteration");
    return true;
}

// Moves the item at pos up towards startpos while it is smaller than its parent.
bool siftdown(VM& vm, List* heap, std::size_t startpos, std::size_t pos) {
    std::size_t size = heap->items.size();
    while (pos > startpos) {
        std::size_t parentpos = (pos - 1) >> 1;
        Value newitem = heap->items[pos];
        Value parent = heap->items[parentpos];
        int lt = less(vm, newitem, parent);
        if (lt < 0) return false;
        if (changed(vm, heap, size)) return false;
        if (lt == 0) break;
        std::swap(heap->items[parentpos], heap->items[pos]);
        pos = parentpos;
    }
    return true;
}

// Moves the smaller child up until a leaf is reached (ties pick the right child), then sifts the
// original item back down into place.
bool siftup(VM& vm, List* heap, std::size_t pos) {
    std::size_t endpos = heap->items.size();
    std::size_t startpos = pos;
    std::size_t limit = endpos >> 1;
    while (pos < limit) {
        std::size_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            Value a = heap->items[childpos];
            Value b = heap->items[childpos + 1];
            int lt = less(vm, a, b);
            if (lt < 0) return false;
            childpos += static_cast<std::size_t>(lt ^ 1);
            if (changed(vm, heap, endpos)) return false;
        }
        std::swap(heap->items[childpos], heap->items[pos]);
        pos = childpos;
    }
    return siftdown(vm, heap, startpos, pos);
}

// `which` is "argument 1" for two-argument functions and "argument" for one-argument ones.
List* heap_arg(VM& vm, const Value& v, const char* fname, const char* which = "argument 1") {
    if (is_list(v)) return v.as<List>();
    raise_fmt(vm, vm.exc.TypeError, "{}() {} must be list, not {}", fname, which, type_name(v));
    return nullptr;
}

Value heappush(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "heappush") || !check_range(vm, a.size(), "heappush", 2, 2)) return {};
    List* heap = heap_arg(vm, a[0], "heappush");
    if (!heap) return {};
    heap->items.push_back(a[1]);
    if (!siftdown(vm, heap, 0, heap->items.size() - 1)) return {};
    return Value::none();
}

Value heappop(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "heappop") || !check_one(vm, a.size(), "_heapq.heappop")) return {};
    List* heap = heap_arg(vm, a[0], "heappop", "argument");
    if (!heap) return {};
    if (heap->items.empty()) return raise(vm, vm.exc.IndexError, "index out of range");
    Value last = std::move(heap->items.back());
    heap->items.pop_back();
    if (heap->items.empty()) return last;
    Value ret = std::move(heap->items[0]);
    heap->items[0] = std::move(last);
    if (!siftup(vm, heap, 0)) return {};
    return ret;
}

Value heapreplace(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "heapreplace") || !check_range(vm, a.size(), "heapreplace", 2, 2)) return {};
    List* heap = heap_arg(vm, a[0], "heapreplace");
    if (!heap) return {};
    if (heap->items.empty()) return raise(vm, vm.exc.IndexError, "index out of range");
    Value ret = std::move(heap->items[0]);
    heap->items[0] = a[1];
    if (!siftup(vm, heap, 0)) return {};
    return ret;
}

Value heappushpop(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "heappushpop") || !check_range(vm, a.size(), "heappushpop", 2, 2)) return {};
    List* heap = heap_arg(vm, a[0], "heappushpop");
    if (!heap) return {};
    if (heap->items.empty()) return a[1];
    Value top = heap->items[0];
    int lt = less(vm, top, a[1]);
    if (lt < 0) return {};
    if (!lt) return a[1];
    if (heap->items.empty()) return raise(vm, vm.exc.IndexError, "index out of range");
    Value ret = std::move(heap->items[0]);
    heap->items[0] = a[1];
    if (!siftup(vm, heap, 0)) return {};
    return ret;
}

Value heapify(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "heapify") || !check_one(vm, a.size(), "_heapq.heapify")) return {};
    List* heap = heap_arg(vm, a[0], "heapify", "argument");
    if (!heap) return {};
    for (std::size_t i = heap->items.size() / 2; i-- > 0;)
        if (!siftup(vm, heap, i)) return {};
    return Value::none();
}

// nlargest/nsmallest: CPython documents them as sorted(iterable, key=key, reverse=...)[:n],
// which is what its decorated-heap algorithm returns, ties included.
Value n_best(VM& vm, Args a, const char* name, bool largest) {
    if (!only_kwargs(vm, a, name, {"key"})) return {};
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "{}() missing required positional argument", name);
    std::int64_t n;
    if (!index_int64(vm, a[0], n)) return {};
    std::vector<Value> items;
    if (!collect(vm, a[1], items)) return {};
    if (n <= 0) return new_list(vm);
    if (!sort_values(vm, items, a.kw("key"), largest)) return {};
    if (static_cast<std::size_t>(n) < items.size()) items.resize(static_cast<std::size_t>(n));
    return new_list(vm, std::move(items));
}
Value nlargest(VM& vm, Args a) { return n_best(vm, a, "nlargest", true); }
Value nsmallest(VM& vm, Args a) { return n_best(vm, a, "nsmallest", false); }

}  // namespace

bool init_heapq(VM& vm, Module* m) {
    def_function(vm, m, "heappush", heappush);
    def_function(vm, m, "heappop", heappop);
    def_function(vm, m, "heapreplace", heapreplace);
    def_function(vm, m, "heappushpop", heappushpop);
    def_function(vm, m, "heapify", heapify);
    def_function(vm, m, "nlargest", nlargest);
    def_function(vm, m, "nsmallest", nsmallest);
    return true;
}

}  // namespace ll::vm::lib
