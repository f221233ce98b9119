// The core built-in object layouts: str, big int, tuple, list, dict, set/frozenset, instances
// with a __dict__, cells, slices, ranges and modules. Behaviour lives in ops.hpp and the
// per-type .cpp files; these structs are the data natives read and write directly.
#pragma once

#include <cassert>
#include <new>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/bigint.hpp"
#include "engine/vm/type.hpp"
#include "engine/vm/value.hpp"

namespace ll::vm {

// str: UTF-8 text. Length in code points and the hash are computed lazily and cached.
struct Str : Object {
    Str(Type* t, std::string s) : Object(t), text(std::move(s)) {}
    std::string text;
    std::int64_t hash_ = -1;   // -1: not computed yet
    std::int64_t length_ = -1; // code points; -1: not computed yet
    bool interned = false;     // identifiers: equal interned strings are the same object
    bool ascii_ = false;       // valid once length_ >= 0: every byte is < 0x80 (O(1) indexing)

    std::int64_t hash();
    std::int64_t length();     // len(): code points
    bool is_ascii() { length(); return ascii_; }
};

// int beyond int64: arbitrary precision. Values that fit in int64 are always inline Values.
struct IntObject : Object {
    IntObject(Type* t, base::BigInt v) : Object(t), value(std::move(v)) {}
    base::BigInt value;
};

// The item count a tuple is allocated with: `new (TupleSize{n}) Tuple(type, TupleSize{n}, first)`.
struct TupleSize {
    std::size_t n;
};

// tuple: the items follow the object in its block (as an Instance's slots do), so a tuple costs
// one allocation; a waiting task's one-item argument tuple is a single 64-byte pool block.
// Immutable once built, so the count is fixed. Final: `items` is its last member, and the values
// come right after it.
struct alignas(alignof(Value)) Tuple final : Object {
    // n values read from `first` on: copies, or moves when it is a std::move_iterator.
    template <class It>
    Tuple(Type* t, TupleSize n, It first) : Object(t), items(n.n) {
        Value* v = items.values();
        for (std::size_t i = 0; i < n.n; ++i, ++first) new (v + i) Value(*first);
    }
    ~Tuple() override;
    // A tuple (or an instance of the tuple subclass t) of n values read from `first` on.
    template <class It>
    static Tuple* make(Type* t, std::size_t n, It first) { return new (TupleSize{n}) Tuple(t, TupleSize{n}, first); }
    static void* operator new(std::size_t size, TupleSize n);
    static void operator delete(void* p, TupleSize n);  // only if the constructor throws
    // Destroying: it reads the count, for the block's size, before the destructor runs.
    static void operator delete(Tuple* p, std::destroying_delete_t);

    // A read-only view of the items that holds their count; the values follow it. Not copyable:
    // a copy would look for them after itself.
    class Items {
    public:
        Items(const Items&) = delete;
        Items& operator=(const Items&) = delete;
        std::size_t size() const { return size_; }
        bool empty() const { return size_ == 0; }
        const Value* data() const { return reinterpret_cast<const Value*>(this + 1); }
        const Value* begin() const { return data(); }
        const Value* end() const { return data() + size_; }
        std::reverse_iterator<const Value*> rbegin() const { return std::reverse_iterator(end()); }
        std::reverse_iterator<const Value*> rend() const { return std::reverse_iterator(begin()); }
        const Value& operator[](std::size_t i) const {
            assert(i < size_);
            return data()[i];
        }
        const Value& front() const { return (*this)[0]; }
        const Value& back() const { return (*this)[size_ - 1]; }
        operator std::span<const Value>() const { return {data(), size_}; }
        std::vector<Value> to_vector() const { return std::vector<Value>(begin(), end()); }

    private:
        friend struct Tuple;
        explicit Items(std::size_t n) : size_(static_cast<std::uint32_t>(n)), allocated_(size_) { assert(size_ == n); }
        Value* values() { return reinterpret_cast<Value*>(this + 1); }
        std::uint32_t size_;       // 0 once gc_clear has dropped the values
        std::uint32_t allocated_;  // values in the block (null after gc_clear)
    } items;

    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};
// The values start at the end of the object (`Items::data`).
static_assert(sizeof(Tuple) == sizeof(Object) + sizeof(Tuple::Items));

struct List : Object {
    List(Type* t, std::vector<Value> v) : Object(t), items(std::move(v)) {}
    // Drops the items last to first, as CPython does (their finalizers run in that order).
    ~List() override {
        while (!items.empty()) items.pop_back();
    }
    std::vector<Value> items;
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

// dict: insertion-ordered (CPython's compact layout: an entries array in insertion order plus an
// open-addressing index of positions into it). Deleted entries leave a hole (null key) until the
// next resize, which keeps iteration order and detects "changed size during iteration".
struct Dict : Object {
    struct Entry {
        std::int64_t hash;
        Value key;    // null: deleted
        Value value;
    };
    explicit Dict(Type* t) : Object(t), version_(++next_version_) {}
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;

    // Lookup; a null Value means absent *or* error: check vm.has_error() when the key may have a
    // Python __eq__/__hash__ (str/int/float/tuple-of-those keys never fail).
    Value get(VM& vm, const Value& key);
    Value get(std::string_view key);          // str key by text (for natives and globals)
    Value get_str(VM& vm, Str* key);          // fast path for interned identifiers
    // get_str that first tries entries()[hint] (by key identity) and updates hint on a hit
    // elsewhere: the instance attribute path (see VM::AttrCacheEntry::dict_hint).
    Value get_str_hinted(VM& vm, Str* key, std::int32_t& hint) {
        if (hint >= 0 && static_cast<std::size_t>(hint) < entries_.size()) {
            const Entry& e = entries_[static_cast<std::size_t>(hint)];
            if (e.key.is_obj() && e.key.obj() == key) return e.value;
        }
        std::int64_t ix = index_of(vm, key);
        if (ix < 0) return {};
        hint = static_cast<std::int32_t>(ix);
        return entries_[static_cast<std::size_t>(ix)].value;
    }
    std::int64_t index_of_hinted(VM& vm, Str* key, std::int32_t& hint) {
        if (hint >= 0 && static_cast<std::size_t>(hint) < entries_.size()) {
            const Entry& e = entries_[static_cast<std::size_t>(hint)];
            if (e.key.is_obj() && e.key.obj() == key) return hint;
        }
        std::int64_t ix = index_of(vm, key);
        if (ix >= 0) hint = static_cast<std::int32_t>(ix);
        return ix;
    }
    bool set(VM& vm, const Value& key, Value value);  // false: error (unhashable key, ...)
    void set(VM& vm, std::string_view key, Value value);
    // 1 deleted, 0 absent (no exception set), -1 error.
    int del(VM& vm, const Value& key);
    // Pops the entry; null when absent (no exception set) or on error (exception set).
    Value pop(VM& vm, const Value& key);
    void clear();
    // Room for n keys without regrowing (an empty dict only; instance dicts of a known shape).
    void reserve(std::size_t n);
    std::size_t size() const { return used_; }
    // Entries in insertion order, with holes: skip entries whose key is null.
    const std::vector<Entry>& entries() const { return entries_; }
    // Changes whenever keys are added or removed (values may change without it); unique across
    // all dicts, so a cached (version, index) pair identifies one entry of one dict.
    std::uint64_t version() const { return version_; }
    std::int64_t index_of(VM& vm, Str* key);       // entries() position of a str key, or -1
    Value& value_at(std::size_t i) { return entries_[i].value; }

    // Internal: find the entries_ index for key (or -1), -2 on error.
    std::int64_t find(VM& vm, const Value& key, std::int64_t hash);

private:
    void insert_new(std::int64_t hash, Value key, Value value);
    void rebuild(std::size_t min_capacity);
    std::vector<Entry> entries_;
    // The hash index: -1 empty, -2 dummy (deleted), else an entries_ position. The table of a
    // small dict (8 slots: up to 5 keys, an instance's attributes) is stored inline, so making
    // such a dict costs no allocation for it.
    class IndexTable {
    public:
        IndexTable() = default;
        IndexTable(const IndexTable&) = delete;
        IndexTable& operator=(const IndexTable&) = delete;
        ~IndexTable() { delete[] heap_; }
        bool empty() const { return size_ == 0; }
        std::size_t size() const { return size_; }
        std::int32_t& operator[](std::size_t i) { return data()[i]; }
        void assign(std::size_t n, std::int32_t v) {
            if (n > kInline && n != size_) {
                delete[] heap_;
                heap_ = new std::int32_t[n];
            } else if (n <= kInline && heap_) {
                delete[] heap_;
                heap_ = nullptr;
            }
            size_ = n;
            std::int32_t* d = data();
            for (std::size_t i = 0; i < n; ++i) d[i] = v;
        }
        void clear() {
            delete[] heap_;
            heap_ = nullptr;
            size_ = 0;
        }

    private:
        static constexpr std::size_t kInline = 8;
        std::int32_t* data() { return size_ <= kInline ? inline_ : heap_; }
        std::int32_t inline_[kInline];
        std::int32_t* heap_ = nullptr;
        std::size_t size_ = 0;
    };
    IndexTable index_;
    std::size_t used_ = 0;
    std::uint64_t version_ = 0;
    static inline std::uint64_t next_version_ = 0;
};

// set / frozenset: CPython's open-addressing table (linear probing then perturbation, same
// sizes and growth), so that iteration order over ints matches CPython's exactly.
struct Set : Object {
    struct Slot {
        std::int64_t hash = 0;
        Value key;   // null: empty; the dummy marker: deleted
        bool dummy = false;
    };
    explicit Set(Type* t);
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;

    int contains(VM& vm, const Value& key);  // 1, 0, -1
    bool add(VM& vm, const Value& key);      // false: error
    int discard(VM& vm, const Value& key);   // 1 removed, 0 absent, -1 error
    void clear();
    // Room for n keys without regrowing (an empty dict only; instance dicts of a known shape).
    void reserve(std::size_t n);
    std::size_t size() const { return used_; }
    const std::vector<Slot>& slots() const { return table_; }  // iterate: skip null/dummy keys
    std::int64_t frozen_hash_ = -1;  // frozenset hash cache

private:
    std::int64_t find_slot(VM& vm, const Value& key, std::int64_t hash, bool for_insert, bool& found);
    void resize(std::size_t minused);
    void insert_clean(std::int64_t hash, Value key);
    std::vector<Slot> table_;
    std::size_t used_ = 0;  // live keys
    std::size_t fill_ = 0;  // live + dummy
};

// The __slots__ count an instance is allocated with: `new (InstanceSlots{n}) Instance(type, n)`.
struct InstanceSlots {
    std::uint32_t n;
};

// An instance of a user class (or of `object()`): attributes in a dict created on first store
// (a PlainInstance, whose field holds it).
// A class with __slots__ (slots.cpp) gives its instances a fixed array of Values right after the
// object instead: one allocation, and an attribute is an indexed load. If the class also allows
// a __dict__, the dict (rare: asyncio's Future, Task and Handle have one only when a class
// attribute is overridden) is in VM::instance_dicts: a field would cost every one of them 16
// bytes, as the header and the slot values are both multiples of 16.
// Aligned as a Value: the slot values follow the instance directly (see Frame).
struct alignas(alignof(Value)) Instance : Object {
    Instance(Type* t, InstanceSlots s);
    ~Instance() override;
    static void* operator new(std::size_t size) { return Object::operator new(size); }
    static void* operator new(std::size_t size, InstanceSlots s);
    // Destroying: it reads nslots, for the block's size, before the destructor runs.
    static void operator delete(Instance* p, std::destroying_delete_t, std::size_t size);
    static void operator delete(void* p, InstanceSlots s);  // only if the constructor throws

    // In the header's last two bytes (see Object::seq). Slot values (null: unset) follow the
    // object; only slotted instances (alloc_instance) have any, so `this + 1` is always the end
    // of a slotted object, and a plain one (nslots == 0) is a PlainInstance.
    std::uint16_t nslots : 15 = 0;
    std::uint16_t side_dict : 1 = 0;  // slotted: VM::instance_dicts holds its dict
    static constexpr std::uint32_t kMaxSlots = 0x7FFF;
    Value* slot_values() { return reinterpret_cast<Value*>(this + 1); }
    inline Dict* dict();  // the instance dict, or null
    Dict* ensure_dict(VM& vm);
    void set_dict(VM& vm, Value d);  // d: a Dict, or null to drop it
    Dict* side_dict_of() const;      // VM::instance_dicts' entry
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;

protected:
    explicit Instance(Type* t) : Object(t) {}  // a PlainInstance's
};

// An instance without slots: its attribute dict is a field (null until the first store).
struct PlainInstance : Instance {
    explicit PlainInstance(Type* t) : Instance(t) {}
    ObjRef dict_;  // a Dict, or null (8 bytes: see ObjRef)
};

// Inline: attribute lookups ask on every instance they see.
inline Dict* Instance::dict() {
    if (nslots == 0) return static_cast<PlainInstance*>(this)->dict_.as<Dict>();
    return side_dict ? side_dict_of() : nullptr;
}

// A closure cell; an empty cell has a null value ("free variable referenced before assignment").
struct Cell : Object {
    Cell(Type* t, Value v) : Object(t), value(std::move(v)) {}
    Value value;
    void gc_traverse(GcVisit visit, void* arg) override;
    void gc_clear() override;
};

struct Slice : Object {
    Slice(Type* t, Value a, Value b, Value c) : Object(t), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
    Value start, stop, step;  // None when omitted
};

struct Range : Object {
    Range(Type* t, std::int64_t a, std::int64_t b, std::int64_t c) : Object(t), start(a), stop(b), step(c) {}
    std::int64_t start, stop, step;  // int64 only (ranges beyond raise OverflowError)
    std::int64_t length() const;
};

// A module: its globals dict is its namespace.
struct Module : Object {
    Module(Type* t, std::string n);
    std::string name;
    Value dict;  // a Dict (the module's globals, holds __name__)
    Dict* globals() const { return dict.as<Dict>(); }
};

}  // namespace ll::vm
