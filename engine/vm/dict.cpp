// dict: the insertion-ordered hash map, its views and iterators, and its core methods.
#include "engine/vm/internal.hpp"

namespace ll::vm {

// ---------------------------------------------------------------------------------------------
// Hash map
// ---------------------------------------------------------------------------------------------

static bool quick_eq(const Value& a, const Value& b) {
    if (a.is(b)) return true;
    if (a.is_obj() && b.is_obj()) {
        Object* x = a.obj();
        Object* y = b.obj();
        VM& vm = current_vm();
        if (x->type == vm.types.str && y->type == vm.types.str) {
            auto* sx = static_cast<Str*>(x);
            auto* sy = static_cast<Str*>(y);
            return sx->text == sy->text;
        }
    }
    return false;
}

static bool is_simple_key(const Value& v) {
    if (!v.is_obj()) return true;
    return v.obj()->type == current_vm().types.str;
}

std::int64_t Dict::find(VM& vm, const Value& key, std::int64_t hash) {
    if (index_.empty()) return -1;
    std::size_t mask = index_.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    bool simple = is_simple_key(key);
    for (;;) {
        std::int32_t ix = index_[i];
        if (ix == -1) return -1;
        if (ix >= 0) {
            Entry& e = entries_[static_cast<std::size_t>(ix)];
            if (e.hash == hash && !e.key.is_null()) {
                if (quick_eq(e.key, key)) return ix;
                if (!(simple && is_simple_key(e.key) && e.key.is_obj() == key.is_obj() && key.is_obj())) {
                    // Mixed numeric keys (1 == 1.0 == True) and user __eq__.
                    Value k = e.key;
                    std::uint64_t ver = version_;
                    int r = eq(vm, k, key);
                    if (r < 0) return -2;
                    if (ver != version_) {
                        raise(vm, vm.exc.RuntimeError, "dictionary changed size during iteration");
                        return -2;
                    }
                    if (r) return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void Dict::rebuild(std::size_t min_capacity) {
    // Compact the entries (drop holes) in place, keeping the vector's capacity (reserve() made
    // it for the expected size), and rebuild the index with room to grow.
    if (used_ != entries_.size()) {
        std::size_t w = 0;
        for (std::size_t r = 0; r < entries_.size(); ++r) {
            if (entries_[r].key.is_null()) continue;
            if (w != r) entries_[w] = std::move(entries_[r]);
            ++w;
        }
        entries_.resize(w);
    }
    std::size_t size = 8;
    while (size * 2 < (min_capacity * 3)) size <<= 1;
    index_.assign(size, -1);
    std::size_t mask = size - 1;
    for (std::size_t n = 0; n < entries_.size(); ++n) {
        std::size_t i = static_cast<std::size_t>(entries_[n].hash) & mask;
        std::size_t perturb = static_cast<std::size_t>(entries_[n].hash);
        while (index_[i] != -1) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        index_[i] = static_cast<std::int32_t>(n);
    }
}

void Dict::insert_new(std::int64_t hash, Value key, Value value) {
    // Grown as CPython grows it: an index of at least three times the keys it holds now.
    if ((entries_.size() + 1) * 3 >= index_.size() * 2) rebuild(used_ > 4 ? used_ * 2 : 8);
    std::size_t mask = index_.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    while (index_[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<std::int32_t>(entries_.size());
    entries_.push_back(Entry{hash, std::move(key), std::move(value)});
    ++used_;
    version_ = ++next_version_;
}

Value Dict::get(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return {};
    std::int64_t ix = find(vm, key, h);
    if (ix < 0) return {};
    return entries_[static_cast<std::size_t>(ix)].value;
}

Value Dict::get(std::string_view key) {
    VM& vm = current_vm();
    return get_str(vm, vm.intern(key));
}

std::int64_t Dict::index_of(VM& vm, Str* key) {
    std::int64_t h = key->hash();
    if (index_.empty()) return -1;
    std::size_t mask = index_.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    for (;;) {
        std::int32_t ix = index_[i];
        if (ix == -1) return -1;
        if (ix >= 0) {
            Entry& e = entries_[static_cast<std::size_t>(ix)];
            if (e.hash == h && e.key.is_obj() &&
                (e.key.obj() == key || (e.key.obj()->type == vm.types.str && e.key.as<Str>()->text == key->text)))
                return ix;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value Dict::get_str(VM& vm, Str* key) {
    std::int64_t h = key->hash();
    if (index_.empty()) return {};
    std::size_t mask = index_.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    for (;;) {
        std::int32_t ix = index_[i];
        if (ix == -1) return {};
        if (ix >= 0) {
            Entry& e = entries_[static_cast<std::size_t>(ix)];
            if (e.hash == h && e.key.is_obj()) {
                if (e.key.obj() == key) return e.value;
                if (e.key.obj()->type == vm.types.str && e.key.as<Str>()->text == key->text) return e.value;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

bool Dict::set(VM& vm, const Value& key, Value value) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return false;
    std::int64_t ix = find(vm, key, h);
    if (ix == -2) return false;
    if (ix >= 0) {
        entries_[static_cast<std::size_t>(ix)].value = std::move(value);
        return true;
    }
    insert_new(h, key, std::move(value));
    return true;
}

void Dict::set(VM& vm, std::string_view key, Value value) {
    set(vm, Value::borrow(vm.intern(key)), std::move(value));
}

int Dict::del(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return -1;
    std::int64_t ix = find(vm, key, h);
    if (ix == -2) return -1;
    if (ix == -1) return 0;
    std::size_t mask = index_.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    while (index_[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = -2;
    Entry& e = entries_[static_cast<std::size_t>(ix)];
    Value k = std::move(e.key);
    Value v = std::move(e.value);
    e.key = Value();
    --used_;
    version_ = ++next_version_;
    return 1;
}

Value Dict::pop(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return {};
    std::int64_t ix = find(vm, key, h);
    if (ix < 0) return {};
    Value v = entries_[static_cast<std::size_t>(ix)].value;
    del(vm, key);
    return v;
}

void Dict::reserve(std::size_t n) {
    if (!entries_.empty() || !index_.empty()) return;
    rebuild(n);
    entries_.reserve(n);
}

void Dict::clear() {
    std::vector<Entry> old = std::move(entries_);
    entries_.clear();
    index_.clear();
    used_ = 0;
    version_ = ++next_version_;
}

// ---------------------------------------------------------------------------------------------
// Iterators and views
// ---------------------------------------------------------------------------------------------

enum class DictPart : std::uint8_t { Keys, Values, Items };

struct DictIterator : Object {
    DictIterator(Type* t, Value d, DictPart p) : Object(t), dict(std::move(d)), part(p) {
        used = dict.as<Dict>()->size();
    }
    Value dict;
    DictPart part;
    std::size_t pos = 0;
    std::size_t used;
};

struct DictView : Object {
    DictView(Type* t, Value d, DictPart p) : Object(t), dict(std::move(d)), part(p) {}
    Value dict;
    DictPart part;
};

static Value dict_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<DictIterator>();
    if (it->dict.is_null()) return {};
    Dict* d = it->dict.as<Dict>();
    if (d->size() != it->used) {
        it->used = static_cast<std::size_t>(-1);
        return raise(vm, vm.exc.RuntimeError, "dictionary changed size during iteration");
    }
    auto& es = d->entries();
    while (it->pos < es.size() && es[it->pos].key.is_null()) ++it->pos;
    if (it->pos >= es.size()) {
        it->dict = Value();
        return {};
    }
    const auto& e = es[it->pos++];
    switch (it->part) {
        case DictPart::Keys: return e.key;
        case DictPart::Values: return e.value;
        case DictPart::Items: return new_tuple(vm, {e.key, e.value});
    }
    return {};
}

static Value make_dict_iter(VM& vm, const Value& d, DictPart p) {
    Type* t = p == DictPart::Keys ? vm.types.dict_keyiterator
              : p == DictPart::Values ? vm.types.dict_valueiterator : vm.types.dict_itemiterator;
    return Value::steal(new DictIterator(t, d, p));
}

static Value dict_repr(VM& vm, const Value& self) {
    Dict* d = self.as<Dict>();
    if (d->size() == 0) return new_str(vm, "{}");
    if (vm.thread.native_depth > vm.recursion_limit) return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    std::string out = "{";
    bool first = true;
    Value keep = self;
    for (std::size_t i = 0; i < d->entries().size(); ++i) {
        if (d->entries()[i].key.is_null()) continue;
        Value k = d->entries()[i].key;
        Value v = d->entries()[i].value;
        if (!first) out += ", ";
        first = false;
        if (!repr_into(vm, k, out)) return {};
        out += ": ";
        if (v.is(self)) out += "{...}";
        else if (!repr_into(vm, v, out)) return {};
    }
    out += "}";
    return new_str(vm, std::move(out));
}

static bool dict_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<Dict>()->size());
    return true;
}

static Value dict_getitem(VM& vm, const Value& self, const Value& key) {
    Value v = self.as<Dict>()->get(vm, key);
    if (v || has_error(vm)) return v;
    if (self.obj()->type != vm.types.dict) {
        Value missing = type_of(self)->lookup(vm.intern("__missing__"));
        if (missing) return call_with_self(vm, missing, self, Args(&key, 1));
    }
    return raise_with_args(vm, vm.exc.KeyError, {key});
}

static bool dict_setitem(VM& vm, const Value& self, const Value& key, const Value& value) {
    return self.as<Dict>()->set(vm, key, value);
}

static bool dict_delitem(VM& vm, const Value& self, const Value& key) {
    int r = self.as<Dict>()->del(vm, key);
    if (r == 0) raise_with_args(vm, vm.exc.KeyError, {key});
    return r > 0;
}

static int dict_contains(VM& vm, const Value& self, const Value& key) {
    Value v = self.as<Dict>()->get(vm, key);
    if (v) return 1;
    return has_error(vm) ? -1 : 0;
}

static Value dict_iter(VM& vm, const Value& self) { return make_dict_iter(vm, self, DictPart::Keys); }

static Value dict_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return vm.not_implemented;
    Dict* x = a.as<Dict>();
    Dict* y = b.as<Dict>();
    bool equal = x->size() == y->size();
    if (equal) {
        for (std::size_t i = 0; i < x->entries().size() && equal; ++i) {
            if (x->entries()[i].key.is_null()) continue;
            Value k = x->entries()[i].key;
            Value v = x->entries()[i].value;
            Value w = y->get(vm, k);
            if (!w) {
                if (has_error(vm)) return {};
                equal = false;
                break;
            }
            int r = eq(vm, v, w);
            if (r < 0) return {};
            equal = r;
        }
    }
    return Value::boolean(op == CompareOp::Eq ? equal : !equal);
}

static bool dict_update_from(VM& vm, Dict* d, const Value& other) {
    if (is_dict(other)) {
        Dict* o = other.as<Dict>();
        for (std::size_t i = 0; i < o->entries().size(); ++i) {
            if (o->entries()[i].key.is_null()) continue;
            Value k = o->entries()[i].key, v = o->entries()[i].value;
            if (!d->set(vm, k, v)) return false;
        }
        return true;
    }
    Value keys = get_attr_opt(vm, other, "keys");
    if (keys) {
        Value ks = call(vm, keys, {});
        if (!ks) return false;
        std::vector<Value> kv;
        if (!collect(vm, ks, kv)) return false;
        for (auto& k : kv) {
            Value v = get_item(vm, other, k);
            if (!v || !d->set(vm, k, v)) return false;
        }
        return true;
    }
    if (has_error(vm)) return false;
    Value it = get_iter(vm, other);
    if (!it) return false;
    std::int64_t n = 0;
    for (;; ++n) {
        Value item = iter_next(vm, it);
        if (!item) return !has_error(vm);
        std::vector<Value> pair;
        if (!is_tuple(item) && !is_list(item) && !type_of(item)->slots.iter) {
            raise_fmt(vm, vm.exc.TypeError, "cannot convert dictionary update sequence element #{} to a sequence", n);
            return false;
        }
        if (!collect(vm, item, pair)) return false;
        if (pair.size() != 2) {
            raise_fmt(vm, vm.exc.ValueError, "dictionary update sequence element #{} has length {}; 2 is required", n, pair.size());
            return false;
        }
        if (!d->set(vm, pair[0], pair[1])) return false;
    }
}

static Value dict_new(VM& vm, Type* cls, Args) {
    if (cls == vm.types.dict) return new_dict(vm);
    return Value::steal(new Dict(cls));
}

static bool dict_init(VM& vm, const Value& self, Args args) {
    if (args.size() > 1) {
        raise_fmt(vm, vm.exc.TypeError, "dict expected at most 1 argument, got {}", args.size());
        return false;
    }
    Dict* d = self.as<Dict>();
    if (args.size() == 1 && !dict_update_from(vm, d, args[0])) return false;
    for (std::uint32_t i = 0; i < args.kwcount; ++i)
        if (!d->set(vm, args.kwnames[i], args.kwvalues[i])) return false;
    return true;
}

// --- views

static Value view_repr(VM& vm, const Value& self) {
    auto* v = self.as<DictView>();
    const char* name = v->part == DictPart::Keys ? "dict_keys" : v->part == DictPart::Values ? "dict_values" : "dict_items";
    std::string out = std::string(name) + "([";
    Dict* d = v->dict.as<Dict>();
    bool first = true;
    for (std::size_t i = 0; i < d->entries().size(); ++i) {
        if (d->entries()[i].key.is_null()) continue;
        if (!first) out += ", ";
        first = false;
        Value k = d->entries()[i].key, val = d->entries()[i].value;
        if (v->part == DictPart::Keys) {
            if (!repr_into(vm, k, out)) return {};
        } else if (v->part == DictPart::Values) {
            if (!repr_into(vm, val, out)) return {};
        } else {
            out += "(";
            if (!repr_into(vm, k, out)) return {};
            out += ", ";
            if (!repr_into(vm, val, out)) return {};
            out += ")";
        }
    }
    out += "])";
    return new_str(vm, std::move(out));
}

static bool view_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<DictView>()->dict.as<Dict>()->size());
    return true;
}

static Value view_iter(VM& vm, const Value& self) {
    auto* v = self.as<DictView>();
    return make_dict_iter(vm, v->dict, v->part);
}

static int view_contains(VM& vm, const Value& self, const Value& item) {
    auto* v = self.as<DictView>();
    Dict* d = v->dict.as<Dict>();
    if (v->part == DictPart::Keys) return dict_contains(vm, v->dict, item);
    if (v->part == DictPart::Items) {
        if (!is_tuple(item) || item.as<Tuple>()->items.size() != 2) return 0;
        Value got = d->get(vm, item.as<Tuple>()->items[0]);
        if (!got) return has_error(vm) ? -1 : 0;
        return eq(vm, got, item.as<Tuple>()->items[1]);
    }
    for (std::size_t i = 0; i < d->entries().size(); ++i) {
        if (d->entries()[i].key.is_null()) continue;
        Value val = d->entries()[i].value;
        int r = eq(vm, val, item);
        if (r != 0) return r;
    }
    return 0;
}

// --- methods

static Value m_keys(VM& vm, Args a) { return Value::steal(new DictView(vm.types.dict_keys, a[0], DictPart::Keys)); }
static Value m_values(VM& vm, Args a) { return Value::steal(new DictView(vm.types.dict_values, a[0], DictPart::Values)); }
static Value m_items(VM& vm, Args a) { return Value::steal(new DictView(vm.types.dict_items, a[0], DictPart::Items)); }

static Value m_get(VM& vm, Args a) {
    if (a.size() < 2 || a.size() > 3)
        return raise_fmt(vm, vm.exc.TypeError, "get expected at most 2 arguments, got {}", a.size() - 1);
    Value v = a[0].as<Dict>()->get(vm, a[1]);
    if (v || has_error(vm)) return v;
    return a.size() == 3 ? a[2] : Value::none();
}

static Value m_pop(VM& vm, Args a) {
    if (a.size() < 2 || a.size() > 3)
        return raise_fmt(vm, vm.exc.TypeError, "pop expected at most 2 arguments, got {}", a.size() - 1);
    Value v = a[0].as<Dict>()->pop(vm, a[1]);
    if (v || has_error(vm)) return v;
    if (a.size() == 3) return a[2];
    return raise_with_args(vm, vm.exc.KeyError, {a[1]});
}

static Value m_setdefault(VM& vm, Args a) {
    if (a.size() < 2 || a.size() > 3)
        return raise_fmt(vm, vm.exc.TypeError, "setdefault expected at most 2 arguments, got {}", a.size() - 1);
    Dict* d = a[0].as<Dict>();
    Value v = d->get(vm, a[1]);
    if (v || has_error(vm)) return v;
    Value dflt = a.size() == 3 ? a[2] : Value::none();
    if (!d->set(vm, a[1], dflt)) return {};
    return dflt;
}

static Value m_update(VM& vm, Args a) {
    Dict* d = a[0].as<Dict>();
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "update expected at most 1 argument, got {}", a.size() - 1);
    if (a.size() == 2 && !dict_update_from(vm, d, a[1])) return {};
    for (std::uint32_t i = 0; i < a.kwcount; ++i)
        if (!d->set(vm, a.kwnames[i], a.kwvalues[i])) return {};
    return Value::none();
}

static Value m_copy(VM& vm, Args a) {
    Value r = new_dict(vm);
    if (!dict_update_from(vm, r.as<Dict>(), a[0])) return {};
    return r;
}

static Value m_clear(VM&, Args a) {
    a[0].as<Dict>()->clear();
    return Value::none();
}

static Value m_popitem(VM& vm, Args a) {
    Dict* d = a[0].as<Dict>();
    if (d->size() == 0) return raise(vm, vm.exc.KeyError, "popitem(): dictionary is empty");
    for (std::size_t i = d->entries().size(); i-- > 0;) {
        if (d->entries()[i].key.is_null()) continue;
        Value k = d->entries()[i].key, v = d->entries()[i].value;
        d->del(vm, k);
        return new_tuple(vm, {k, v});
    }
    return {};
}

static Value m_fromkeys(VM& vm, Args a) {
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "fromkeys expected at least 1 argument, got 0");
    Value r = call(vm, a[0], {});
    if (!r) return {};
    std::vector<Value> keys;
    if (!collect(vm, a[1], keys)) return {};
    Value v = a.size() > 2 ? a[2] : Value::none();
    for (auto& k : keys)
        if (!set_item(vm, r, k, v)) return {};
    return r;
}

static Value dict_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    if (base_op(op) != BinOp::Or || !is_dict(a) || !is_dict(b)) return vm.not_implemented;
    if (is_inplace(op)) {
        if (!dict_update_from(vm, a.as<Dict>(), b)) return {};
        return a;
    }
    Value r = new_dict(vm);
    if (!dict_update_from(vm, r.as<Dict>(), a) || !dict_update_from(vm, r.as<Dict>(), b)) return {};
    return r;
}

void init_dict_types(VM& vm) {
    Type* t = vm.types.dict;
    t->alloc = nullptr;
    t->slots.repr = dict_repr;
    t->slots.len = dict_len;
    t->slots.getitem = dict_getitem;
    t->slots.setitem = dict_setitem;
    t->slots.delitem = dict_delitem;
    t->slots.contains = dict_contains;
    t->slots.iter = dict_iter;
    t->slots.richcompare = dict_richcompare;
    t->slots.hash = nullptr;
    t->slots.new_ = dict_new;
    t->slots.init = dict_init;
    t->slots.binop = dict_binop;
    t->alloc = [](VM&, Type* cls) -> Object* { return new Dict(cls); };
    t->dict.as<Dict>()->set(vm, "__hash__", Value::none());
    def_method(vm, t, "keys", m_keys);
    def_method(vm, t, "values", m_values);
    def_method(vm, t, "items", m_items);
    def_method(vm, t, "get", m_get);
    def_method(vm, t, "pop", m_pop);
    def_method(vm, t, "setdefault", m_setdefault);
    def_method(vm, t, "update", m_update);
    def_method(vm, t, "copy", m_copy);
    def_method(vm, t, "clear", m_clear);
    def_method(vm, t, "popitem", m_popitem);
    def_classmethod(vm, t, "fromkeys", m_fromkeys);
    for (Type* it : {vm.types.dict_keyiterator, vm.types.dict_valueiterator, vm.types.dict_itemiterator}) {
        it->slots.iter = [](VM&, const Value& s) { return s; };
        it->slots.next = dict_iter_next;
        it->slots.new_ = nullptr;
    }
    for (Type* v : {vm.types.dict_keys, vm.types.dict_values, vm.types.dict_items}) {
        v->slots.repr = view_repr;
        v->slots.len = view_len;
        v->slots.iter = view_iter;
        v->slots.contains = view_contains;
        v->slots.new_ = nullptr;
    }
}

}  // namespace ll::vm
