// set and frozenset: CPython's table layout and probing (so iteration order matches), plus the
// core operators and methods.
#include "engine/vm/internal.hpp"

namespace ll::vm {

namespace {
constexpr std::size_t kMinSize = 8;
constexpr std::size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
}  // namespace

Set::Set(Type* t) : Object(t) { table_.resize(kMinSize); }

std::int64_t Set::find_slot(VM& vm, const Value& key, std::int64_t hash, bool for_insert, bool& found) {
    found = false;
    std::size_t mask = table_.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    std::int64_t freeslot = -1;
    for (;;) {
        std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        std::size_t j = i;
        for (;;) {
            Slot& s = table_[j];
            if (s.key.is_null() && !s.dummy) {
                if (for_insert && freeslot >= 0) return freeslot;
                return static_cast<std::int64_t>(j);
            }
            if (s.dummy) {
                if (freeslot < 0) freeslot = static_cast<std::int64_t>(j);
            } else if (s.hash == hash) {
                if (s.key.is(key)) {
                    found = true;
                    return static_cast<std::int64_t>(j);
                }
                Value k = s.key;
                int r = eq(vm, k, key);
                if (r < 0) return -2;
                if (r) {
                    found = true;
                    return static_cast<std::int64_t>(j);
                }
            }
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void Set::insert_clean(std::int64_t hash, Value key) {
    std::size_t mask = table_.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    // The same probe sequence as find_slot: linear probes from i, then the next i is derived
    // from i itself (not from the last linear probe), or lookups would miss what was inserted.
    std::size_t slot = 0;
    for (;;) {
        if (table_[i].key.is_null()) {
            slot = i;
            break;
        }
        bool placed = false;
        if (i + kLinearProbes <= mask) {
            for (std::size_t j = i + 1; j <= i + kLinearProbes; ++j) {
                if (table_[j].key.is_null()) {
                    slot = j;
                    placed = true;
                    break;
                }
            }
        }
        if (placed) break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    table_[slot].hash = hash;
    table_[slot].key = std::move(key);
    table_[slot].dummy = false;
}

void Set::resize(std::size_t minused) {
    std::size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    std::vector<Slot> old = std::move(table_);
    table_.clear();
    table_.resize(newsize);
    for (auto& s : old)
        if (!s.key.is_null() && !s.dummy) insert_clean(s.hash, std::move(s.key));
    fill_ = used_;
}

int Set::contains(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return -1;
    bool found;
    std::int64_t ix = find_slot(vm, key, h, false, found);
    if (ix == -2) return -1;
    return found ? 1 : 0;
}

bool Set::add(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return false;
    bool found;
    std::int64_t ix = find_slot(vm, key, h, true, found);
    if (ix == -2) return false;
    if (found) return true;
    Slot& s = table_[static_cast<std::size_t>(ix)];
    bool was_dummy = s.dummy;
    s.hash = h;
    s.key = key;
    s.dummy = false;
    ++used_;
    if (was_dummy) return true;
    ++fill_;
    std::size_t mask = table_.size() - 1;
    if (fill_ * 5 < mask * 3) return true;
    resize(used_ > 50000 ? used_ * 2 : used_ * 4);
    return true;
}

int Set::discard(VM& vm, const Value& key) {
    std::int64_t h;
    if (!vm::hash(vm, key, h)) return -1;
    bool found;
    std::int64_t ix = find_slot(vm, key, h, false, found);
    if (ix == -2) return -1;
    if (!found) return 0;
    Slot& s = table_[static_cast<std::size_t>(ix)];
    Value old = std::move(s.key);
    s.key = Value();
    s.dummy = true;
    s.hash = -1;
    --used_;
    return 1;
}

void Set::clear() {
    std::vector<Slot> old = std::move(table_);
    table_.clear();
    table_.resize(kMinSize);
    used_ = fill_ = 0;
}

// ---------------------------------------------------------------------------------------------
// Type slots
// ---------------------------------------------------------------------------------------------

struct SetIterator : Object {
    SetIterator(Type* t, Value s) : Object(t), set(std::move(s)) { used = set.as<Set>()->size(); }
    Value set;
    std::size_t pos = 0;
    std::size_t used;
};

static bool is_anyset(VM& vm, const Value& v) {
    return v.is_obj() && (v.obj()->type->is_subtype(vm.types.set) || v.obj()->type->is_subtype(vm.types.frozenset));
}

static Value make_like(VM& vm, const Value& proto) {
    return new_set(vm, proto.obj()->type->is_subtype(vm.types.frozenset));
}

static bool set_update(VM& vm, Set* s, const Value& iterable) {
    if (is_anyset(vm, iterable)) {
        Set* o = iterable.as<Set>();
        if (s->size() == 0 && o->slots().size() == s->slots().size()) {
            for (auto& slot : o->slots())
                if (!slot.key.is_null() && !slot.dummy && !s->add(vm, slot.key)) return false;
            return true;
        }
        for (auto& slot : o->slots())
            if (!slot.key.is_null() && !slot.dummy && !s->add(vm, slot.key)) return false;
        return true;
    }
    if (is_dict(iterable)) {
        for (auto& e : iterable.as<Dict>()->entries())
            if (!e.key.is_null() && !s->add(vm, e.key)) return false;
        return true;
    }
    Value it = get_iter(vm, iterable);
    if (!it) return false;
    for (;;) {
        Value x = iter_next(vm, it);
        if (!x) return !has_error(vm);
        if (!s->add(vm, x)) return false;
    }
}

static Value set_repr(VM& vm, const Value& self) {
    Set* s = self.as<Set>();
    Type* t = self.obj()->type;
    bool frozen = t->is_subtype(vm.types.frozenset);
    if (s->size() == 0) return new_str(vm, std::string(t->name) + "()");
    std::string out;
    if (frozen || t != vm.types.set) out += t->name + "(";
    out += "{";
    bool first = true;
    std::vector<Value> keys;
    for (auto& slot : s->slots())
        if (!slot.key.is_null() && !slot.dummy) keys.push_back(slot.key);
    for (auto& k : keys) {
        if (!first) out += ", ";
        first = false;
        if (!repr_into(vm, k, out)) return {};
    }
    out += "}";
    if (frozen || t != vm.types.set) out += ")";
    return new_str(vm, std::move(out));
}

static bool set_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<Set>()->size());
    return true;
}

static int set_contains(VM& vm, const Value& self, const Value& key) {
    int r = self.as<Set>()->contains(vm, key);
    if (r < 0 && is_anyset(vm, key) && error_matches(vm, vm.exc.TypeError)) {
        clear_error(vm);
        Value fs = new_set(vm, true);
        if (!set_update(vm, fs.as<Set>(), key)) return -1;
        return self.as<Set>()->contains(vm, fs);
    }
    return r;
}

static Value set_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<SetIterator>();
    if (it->set.is_null()) return {};
    Set* s = it->set.as<Set>();
    if (s->size() != it->used) {
        it->used = static_cast<std::size_t>(-1);
        return raise(vm, vm.exc.RuntimeError, "Set changed size during iteration");
    }
    auto& slots = s->slots();
    while (it->pos < slots.size() && (slots[it->pos].key.is_null() || slots[it->pos].dummy)) ++it->pos;
    if (it->pos >= slots.size()) {
        it->set = Value();
        return {};
    }
    return slots[it->pos++].key;
}

static Value set_iter(VM& vm, const Value& self) { return Value::steal(new SetIterator(vm.types.set_iterator, self)); }

static bool set_issubset_of(VM& vm, Set* a, Set* b, bool& out) {
    out = true;
    if (a->size() > b->size()) {
        out = false;
        return true;
    }
    for (auto& slot : a->slots()) {
        if (slot.key.is_null() || slot.dummy) continue;
        int r = b->contains(vm, slot.key);
        if (r < 0) return false;
        if (!r) {
            out = false;
            return true;
        }
    }
    return true;
}

static Value set_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_anyset(vm, b)) return vm.not_implemented;
    Set* x = a.as<Set>();
    Set* y = b.as<Set>();
    bool r1 = false, r2 = false;
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::Ne:
            if (x->size() != y->size()) return Value::boolean(op == CompareOp::Ne);
            if (!set_issubset_of(vm, x, y, r1)) return {};
            return Value::boolean(op == CompareOp::Eq ? r1 : !r1);
        case CompareOp::Le:
            if (!set_issubset_of(vm, x, y, r1)) return {};
            return Value::boolean(r1);
        case CompareOp::Ge:
            if (!set_issubset_of(vm, y, x, r1)) return {};
            return Value::boolean(r1);
        case CompareOp::Lt:
            if (!set_issubset_of(vm, x, y, r1)) return {};
            return Value::boolean(r1 && x->size() < y->size());
        case CompareOp::Gt:
            if (!set_issubset_of(vm, y, x, r2)) return {};
            return Value::boolean(r2 && x->size() > y->size());
    }
    return vm.not_implemented;
}

static Value set_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    if (!is_anyset(vm, a) || !is_anyset(vm, b)) return vm.not_implemented;
    BinOp bop = base_op(op);
    if (bop != BinOp::Or && bop != BinOp::And && bop != BinOp::Sub && bop != BinOp::Xor) return vm.not_implemented;
    Set* x = a.as<Set>();
    Set* y = b.as<Set>();
    Value r = make_like(vm, a);
    Set* rs = r.as<Set>();
    switch (bop) {
        case BinOp::Or:
            if (!set_update(vm, rs, a) || !set_update(vm, rs, b)) return {};
            break;
        case BinOp::And:
            for (auto& slot : x->slots()) {
                if (slot.key.is_null() || slot.dummy) continue;
                int c = y->contains(vm, slot.key);
                if (c < 0 || (c && !rs->add(vm, slot.key))) return {};
            }
            break;
        case BinOp::Sub:
            for (auto& slot : x->slots()) {
                if (slot.key.is_null() || slot.dummy) continue;
                int c = y->contains(vm, slot.key);
                if (c < 0 || (!c && !rs->add(vm, slot.key))) return {};
            }
            break;
        default:
            for (auto& slot : x->slots()) {
                if (slot.key.is_null() || slot.dummy) continue;
                int c = y->contains(vm, slot.key);
                if (c < 0 || (!c && !rs->add(vm, slot.key))) return {};
            }
            for (auto& slot : y->slots()) {
                if (slot.key.is_null() || slot.dummy) continue;
                int c = x->contains(vm, slot.key);
                if (c < 0 || (!c && !rs->add(vm, slot.key))) return {};
            }
            break;
    }
    if (is_inplace(op) && a.obj()->type->is_subtype(vm.types.set)) {
        x->clear();
        if (!set_update(vm, x, r)) return {};
        return a;
    }
    return r;
}

static bool frozenset_hash(VM& vm, const Value& self, std::int64_t& out) {
    Set* s = self.as<Set>();
    if (s->frozen_hash_ != -1) {
        out = s->frozen_hash_;
        return true;
    }
    std::uint64_t h = 0;
    for (auto& slot : s->slots()) {
        if (slot.key.is_null() || slot.dummy) continue;
        std::uint64_t x = static_cast<std::uint64_t>(slot.hash);
        h ^= ((x ^ 89869747ULL) ^ (x << 16)) * 3644798167ULL;
    }
    h ^= (s->size() + 1) * 1927868237ULL;
    h = h * 69069U + 907133923ULL;
    out = static_cast<std::int64_t>(h);
    if (out == -1) out = 590923713;
    s->frozen_hash_ = out;
    (void)vm;
    return true;
}

static Value set_new(VM& vm, Type* cls, Args args) {
    if (args.has_kwargs()) return raise_fmt(vm, vm.exc.TypeError, "{}() takes no keyword arguments", cls->name);
    if (args.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "{} expected at most 1 argument, got {}", cls->name, args.size());
    Value r = Value::steal(new Set(cls));
    if (cls->is_subtype(vm.types.frozenset) && args.size() == 1 && !set_update(vm, r.as<Set>(), args[0])) return {};
    return r;
}

static bool set_init(VM& vm, const Value& self, Args args) {
    if (self.obj()->type->is_subtype(vm.types.frozenset)) return true;
    if (args.size() == 1) return set_update(vm, self.as<Set>(), args[0]);
    return true;
}

static Value m_add(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "set.add() takes exactly one argument ({} given)", a.size() - 1);
    if (!a[0].as<Set>()->add(vm, a[1])) return {};
    return Value::none();
}

static Value m_discard(VM& vm, Args a) {
    if (a[0].as<Set>()->discard(vm, a[1]) < 0) return {};
    return Value::none();
}

static Value m_remove(VM& vm, Args a) {
    int r = a[0].as<Set>()->discard(vm, a[1]);
    if (r < 0) return {};
    if (r == 0) return raise_with_args(vm, vm.exc.KeyError, {a[1]});
    return Value::none();
}

static Value m_pop(VM& vm, Args a) {
    Set* s = a[0].as<Set>();
    for (auto& slot : s->slots()) {
        if (slot.key.is_null() || slot.dummy) continue;
        Value k = slot.key;
        s->discard(vm, k);
        return k;
    }
    return raise(vm, vm.exc.KeyError, "pop from an empty set");
}

static Value m_clear(VM&, Args a) {
    a[0].as<Set>()->clear();
    return Value::none();
}

static Value m_copy(VM& vm, Args a) {
    Value r = make_like(vm, a[0]);
    if (!set_update(vm, r.as<Set>(), a[0])) return {};
    return r;
}

static Value m_update(VM& vm, Args a) {
    for (std::size_t i = 1; i < a.size(); ++i)
        if (!set_update(vm, a[0].as<Set>(), a[i])) return {};
    return Value::none();
}

static Value to_set(VM& vm, const Value& v) {
    if (is_anyset(vm, v)) return v;
    Value s = new_set(vm, false);
    if (!set_update(vm, s.as<Set>(), v)) return {};
    return s;
}

static Value multi_op(VM& vm, Args a, BinOp op) {
    Value acc = a[0];
    for (std::size_t i = 1; i < a.size(); ++i) {
        Value o = to_set(vm, a[i]);
        if (!o) return {};
        acc = set_binop(vm, op, acc, o);
        if (!acc) return {};
    }
    if (acc.is(a[0])) return m_copy(vm, a);
    return acc;
}

static Value m_union(VM& vm, Args a) { return multi_op(vm, a, BinOp::Or); }
static Value m_intersection(VM& vm, Args a) { return multi_op(vm, a, BinOp::And); }
static Value m_difference(VM& vm, Args a) { return multi_op(vm, a, BinOp::Sub); }
static Value m_symdiff(VM& vm, Args a) { return multi_op(vm, a, BinOp::Xor); }

static Value m_issubset(VM& vm, Args a) {
    Value o = to_set(vm, a[1]);
    if (!o) return {};
    return set_richcompare(vm, a[0], o, CompareOp::Le);
}

static Value m_issuperset(VM& vm, Args a) {
    Value o = to_set(vm, a[1]);
    if (!o) return {};
    return set_richcompare(vm, a[0], o, CompareOp::Ge);
}

static Value m_isdisjoint(VM& vm, Args a) {
    Value o = to_set(vm, a[1]);
    if (!o) return {};
    Value r = set_binop(vm, BinOp::And, a[0], o);
    if (!r) return {};
    return Value::boolean(r.as<Set>()->size() == 0);
}

static Value m_inplace(VM& vm, Args a, BinOp op) {
    Value o = to_set(vm, a[1]);
    if (!o) return {};
    Value r = set_binop(vm, op, a[0], o);
    if (!r) return {};
    return Value::none();
}

void init_set_types(VM& vm) {
    for (Type* t : {vm.types.set, vm.types.frozenset}) {
        t->alloc = [](VM&, Type* cls) -> Object* { return new Set(cls); };
        t->slots.repr = set_repr;
        t->slots.str = nullptr;
        t->slots.len = set_len;
        t->slots.contains = set_contains;
        t->slots.iter = set_iter;
        t->slots.richcompare = set_richcompare;
        t->slots.binop = set_binop;
        t->slots.new_ = set_new;
        t->slots.init = set_init;
        def_method(vm, t, "copy", m_copy);
        def_method(vm, t, "union", m_union);
        def_method(vm, t, "intersection", m_intersection);
        def_method(vm, t, "difference", m_difference);
        def_method(vm, t, "symmetric_difference", m_symdiff);
        def_method(vm, t, "issubset", m_issubset);
        def_method(vm, t, "issuperset", m_issuperset);
        def_method(vm, t, "isdisjoint", m_isdisjoint);
    }
    vm.types.set->slots.hash = nullptr;
    vm.types.set->dict.as<Dict>()->set(vm, "__hash__", Value::none());
    vm.types.frozenset->slots.hash = frozenset_hash;
    Type* t = vm.types.set;
    def_method(vm, t, "add", m_add);
    def_method(vm, t, "discard", m_discard);
    def_method(vm, t, "remove", m_remove);
    def_method(vm, t, "pop", m_pop);
    def_method(vm, t, "clear", m_clear);
    def_method(vm, t, "update", m_update);
    def_method(vm, t, "intersection_update", [](VM& v, Args a) { return m_inplace(v, a, BinOp::InplaceAnd); });
    def_method(vm, t, "difference_update", [](VM& v, Args a) { return m_inplace(v, a, BinOp::InplaceSub); });
    def_method(vm, t, "symmetric_difference_update", [](VM& v, Args a) { return m_inplace(v, a, BinOp::InplaceXor); });
    vm.types.set_iterator->slots.iter = [](VM&, const Value& s) { return s; };
    vm.types.set_iterator->slots.next = set_iter_next;
}

}  // namespace ll::vm
