// The lazy built-in iterators: enumerate, zip (strict=), map, filter, reversed (and list's
// reverse iterator), plus aiter/anext.
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

namespace {

Value iter_self(VM&, const Value& self) { return self; }

// --- enumerate -------------------------------------------------------------------------------

struct Enumerate : Object {
    Enumerate(Type* t, Value it_, Value start) : Object(t), it(std::move(it_)), big_index(std::move(start)) {}
    Value it;
    std::int64_t index = 0;
    Value big_index;  // non-null once the count leaves int64 (or started as a big int)
};

Value enumerate_new(VM& vm, Type* cls, Args a) {
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "enumerate() takes at most 2 arguments ({} given)", a.size());
    if (!only_kwargs(vm, a, "enumerate", {"iterable", "start"})) return {};
    Value iterable = arg_or_kw(a, 0, "iterable");
    if (!iterable) return raise(vm, vm.exc.TypeError, "enumerate() missing required argument 'iterable'");
    Value start = arg_or_kw(a, 1, "start");
    std::int64_t s = 0;
    Value big;
    if (start) {
        if (!is_int(start)) {
            if (!index_int64(vm, start, s)) return {};
        } else if (!to_int64(start, s)) {
            big = new_int(vm, to_bigint(start));
        }
    }
    Value it = get_iter(vm, iterable);
    if (!it) return {};
    auto* e = new Enumerate(cls, std::move(it), std::move(big));
    e->index = s;
    return Value::steal(e);
}

Value enumerate_next(VM& vm, const Value& self) {
    auto* e = self.as<Enumerate>();
    Value item = iter_next(vm, e->it);
    if (!item) return {};
    Value idx;
    if (e->big_index) {
        idx = e->big_index;
        e->big_index = binary_op(vm, BinOp::Add, idx, Value::integer(1));
        if (!e->big_index) return {};
    } else {
        idx = Value::integer(e->index);
        if (e->index == INT64_MAX) e->big_index = new_int(vm, base::BigInt(INT64_MAX) + base::BigInt(1));
        else ++e->index;
    }
    return new_tuple(vm, {std::move(idx), std::move(item)});
}

// --- zip -------------------------------------------------------------------------------------

struct Zip : Object {
    Zip(Type* t, std::vector<Value> its_, bool s) : Object(t), its(std::move(its_)), strict(s) {}
    std::vector<Value> its;
    bool strict;
    bool done = false;
};

Value zip_new(VM& vm, Type* cls, Args a) {
    if (!only_kwargs(vm, a, "zip", {"strict"})) return {};
    bool strict = false;
    if (Value s = a.kw("strict")) {
        int t = truthy(vm, s);
        if (t < 0) return {};
        strict = t == 1;
    }
    std::vector<Value> its;
    its.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        Value it = get_iter(vm, a[i]);
        if (!it) return {};
        its.push_back(std::move(it));
    }
    return Value::steal(new Zip(cls, std::move(its), strict));
}

Value zip_strict_error(VM& vm, std::size_t i, bool longer) {
    std::string which = i == 1 ? "argument 1" : fmt::format("arguments 1-{}", i);
    return raise_fmt(vm, vm.exc.ValueError, "zip() argument {} is {} than {}", i + 1, longer ? "longer" : "shorter", which);
}

Value zip_next(VM& vm, const Value& self) {
    auto* z = self.as<Zip>();
    if (z->done || z->its.empty()) return {};
    std::vector<Value> items;
    items.reserve(z->its.size());
    for (std::size_t i = 0; i < z->its.size(); ++i) {
        Value x = iter_next(vm, z->its[i]);
        if (!x) {
            if (has_error(vm)) return {};
            z->done = true;
            if (!z->strict) return {};
            if (i > 0) return zip_strict_error(vm, i, false);
            // The first iterator ended: every other one must end too.
            for (std::size_t j = 1; j < z->its.size(); ++j) {
                Value y = iter_next(vm, z->its[j]);
                if (y) return zip_strict_error(vm, j, true);
                if (has_error(vm)) return {};
            }
            return {};
        }
        items.push_back(std::move(x));
    }
    return new_tuple(vm, std::move(items));
}

// --- map and filter --------------------------------------------------------------------------

struct Map : Object {
    Map(Type* t, Value f, std::vector<Value> its_) : Object(t), func(std::move(f)), its(std::move(its_)) {}
    Value func;
    std::vector<Value> its;
};

Value map_new(VM& vm, Type* cls, Args a) {
    if (!no_kwargs(vm, a, "map")) return {};
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "map() must have at least two arguments.");
    std::vector<Value> its;
    for (std::size_t i = 1; i < a.size(); ++i) {
        Value it = get_iter(vm, a[i]);
        if (!it) return {};
        its.push_back(std::move(it));
    }
    return Value::steal(new Map(cls, a[0], std::move(its)));
}

Value map_next(VM& vm, const Value& self) {
    auto* m = self.as<Map>();
    if (m->its.size() == 1) {
        Value x = iter_next(vm, m->its[0]);
        if (!x) return {};
        return call(vm, m->func, {x});
    }
    std::vector<Value> args;
    args.reserve(m->its.size());
    for (auto& it : m->its) {
        Value x = iter_next(vm, it);
        if (!x) return {};
        args.push_back(std::move(x));
    }
    return call(vm, m->func, Args(args.data(), static_cast<std::uint32_t>(args.size())));
}

struct Filter : Object {
    Filter(Type* t, Value f, Value it_) : Object(t), func(std::move(f)), it(std::move(it_)) {}
    Value func, it;
};

Value filter_new(VM& vm, Type* cls, Args a) {
    if (!no_kwargs(vm, a, "filter") || !check_range(vm, a.size(), "filter", 2, 2)) return {};
    Value it = get_iter(vm, a[1]);
    if (!it) return {};
    return Value::steal(new Filter(cls, a[0], std::move(it)));
}

Value filter_next(VM& vm, const Value& self) {
    auto* f = self.as<Filter>();
    for (;;) {
        Value x = iter_next(vm, f->it);
        if (!x) return {};
        int t;
        if (f->func.is_none() || (is_type_object(f->func) && f->func.obj() == vm.types.bool_)) {
            t = truthy(vm, x);
        } else {
            Value r = call(vm, f->func, {x});
            if (!r) return {};
            t = truthy(vm, r);
        }
        if (t < 0) return {};
        if (t) return x;
    }
}

// --- reversed --------------------------------------------------------------------------------

// reversed(list) keeps a reference to the list and walks it by index (CPython's
// list_reverseiterator); reversed(seq) does the same through __getitem__ (its "reversed").
struct Reversed : Object {
    Reversed(Type* t, Value s, std::int64_t i) : Object(t), seq(std::move(s)), index(i) {}
    Value seq;
    std::int64_t index;  // next index to produce; < 0 when exhausted
};

Value list_reversed_next(VM&, const Value& self) {
    auto* r = self.as<Reversed>();
    if (r->index < 0 || !r->seq) return {};
    auto& items = r->seq.as<List>()->items;
    if (r->index >= static_cast<std::int64_t>(items.size())) {
        r->index = -1;
        r->seq = Value();
        return {};
    }
    return items[static_cast<std::size_t>(r->index--)];
}

Value seq_reversed_next(VM& vm, const Value& self) {
    auto* r = self.as<Reversed>();
    if (r->index < 0 || !r->seq) return {};
    Value x = get_item(vm, r->seq, Value::integer(r->index--));
    if (!x) {
        if (error_matches(vm, vm.exc.IndexError) || error_matches(vm, vm.exc.StopIteration)) {
            clear_error(vm);
            r->seq = Value();
        }
        return {};
    }
    return x;
}

Value reversed_new(VM& vm, Type* cls, Args a) {
    if (!no_kwargs(vm, a, "reversed") || !check_range(vm, a.size(), "reversed", 1, 1)) return {};
    const Value& seq = a[0];
    LibState& st = lib_state(vm);
    if (is_type(seq, vm.types.list))
        return Value::steal(new Reversed(st.list_reverseiterator, seq, static_cast<std::int64_t>(seq.as<List>()->items.size()) - 1));
    Type* t = type_of(seq);
    if (Value m = t->lookup("__reversed__")) {
        if (m.is_none()) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not reversible", t->name);
        return call(vm, m, {seq});
    }
    if (is_dict(seq)) {
        // dict_reversekeyiterator: a snapshot of the keys is enough for our purposes.
        std::vector<Value> keys;
        for (const auto& e : seq.as<Dict>()->entries())
            if (e.key) keys.push_back(e.key);
        Value l = new_list(vm, std::move(keys));
        std::int64_t n = static_cast<std::int64_t>(l.as<List>()->items.size());
        return Value::steal(new Reversed(st.list_reverseiterator, std::move(l), n - 1));
    }
    if (!t->slots.getitem || !t->slots.len || is_dict(seq) || t == vm.types.set || t == vm.types.frozenset)
        return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not reversible", t->name);
    std::int64_t n;
    if (!length(vm, seq, n)) return {};
    return Value::steal(new Reversed(cls, seq, n - 1));
}

// --- aiter / anext ---------------------------------------------------------------------------

Value builtin_aiter(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "aiter") || !check_one(vm, a.size(), "aiter")) return {};
    Value m = type_of(a[0])->lookup("__aiter__");
    if (!m) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not an async iterable", type_name(a[0]));
    Value it = call(vm, m, {a[0]});
    if (!it) return {};
    if (!type_of(it)->lookup("__anext__"))
        return raise_fmt(vm, vm.exc.TypeError, "aiter() returned not an async iterator of type '{}'", type_name(it));
    return it;
}

Value builtin_anext(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "anext") || !check_range(vm, a.size(), "anext", 1, 2)) return {};
    Value m = type_of(a[0])->lookup("__anext__");
    if (!m) return raise_fmt(vm, vm.exc.TypeError, "'{}' object is not an async iterator", type_name(a[0]));
    if (a.size() == 1) return call(vm, m, {a[0]});
    // With a default: a coroutine (written in Python, it may suspend) that swaps
    // StopAsyncIteration for the default.
    Value helper_mod = vm.import_module("_looplab_builtins");
    if (!helper_mod) return {};
    Value helper = get_attr(vm, helper_mod, "anext_default");
    if (!helper) return {};
    return call(vm, helper, {a[0], a[1]});
}

Type* iterator_type(VM& vm, const char* name, Value (*next)(VM&, const Value&), Value (*new_)(VM&, Type*, Args)) {
    Type* t = make_lib_type(vm, name);
    t->slots.iter = iter_self;
    t->slots.next = next;
    t->slots.new_ = new_;
    t->slots.init = nullptr;
    return t;
}

}  // namespace

// Python helpers behind some builtins (a source module: code that must be able to suspend).
extern const char* const kBuiltinsHelperSource;
const char* const kBuiltinsHelperSource = R"PY(
async def anext_default(iterator, default):
    try:
        return await type(iterator).__anext__(iterator)
    except StopAsyncIteration:
        return default
)PY";

void init_builtin_iterators(VM& vm) {
    LibState& st = lib_state(vm);
    Dict* b = vm.builtins.as<Dict>();
    auto publish = [&](const char* name, Type* t) {
        b->set(vm, Value::borrow(vm.intern(name)), Value::steal(t));
        return t;
    };
    st.enumerate = publish("enumerate", iterator_type(vm, "enumerate", enumerate_next, enumerate_new));
    st.zip = publish("zip", iterator_type(vm, "zip", zip_next, zip_new));
    st.map = publish("map", iterator_type(vm, "map", map_next, map_new));
    st.filter = publish("filter", iterator_type(vm, "filter", filter_next, filter_new));
    st.reversed = publish("reversed", iterator_type(vm, "reversed", seq_reversed_next, reversed_new));
    st.list_reverseiterator = iterator_type(vm, "list_reverseiterator", list_reversed_next, nullptr);
    st.list_reverseiterator->slots.new_ = nullptr;
    // Nobody else holds list_reverseiterator: its creation reference keeps it (the heap frees it
    // with the VM).
    def_function(vm, b, "aiter", builtin_aiter);
    def_function(vm, b, "anext", builtin_anext);
    vm.register_source_module("_looplab_builtins", "<builtins>", kBuiltinsHelperSource);
}

}  // namespace ll::vm::lib
