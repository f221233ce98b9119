// Value: the VM's tagged value. None, bool, int64 and float live inline; every other Python object
// is a refcounted heap Object. A null Value means "no value": a native returning it has raised.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace ll::vm {

struct Type;
class Heap;

// Header of every heap object. Intrusive reference count; all live objects of a VM are in its
// Heap's pool, so that teardown frees reference cycles too. Subclasses free their children in their
// C++ destructor (by destroying the Values they hold).
class Value;

struct Object {
    explicit Object(Type* t);
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object();

    static void* operator new(std::size_t size);
    static void operator delete(void* p, std::size_t size);

    // The cycle collector (gc.cpp): visit each reference this object owns, and drop them all to
    // break a cycle. A type that does not override them is opaque to the collector: what it
    // holds counts as reachable, which may keep garbage alive but never frees a live object.
    using GcVisit = void (*)(Object* referent, void* arg);
    virtual void gc_traverse(GcVisit, void*) {}
    virtual void gc_clear() {}
    // A container whose references are weak in Python terms (they hold a count here, as the VM
    // has no weak references): gc_traverse reports them, but they never make anything
    // reachable, and gc_drop_weak takes out the members the collector found dead (before any
    // finalizer runs, as CPython clears weak references first).
    virtual bool gc_weak() const { return false; }
    virtual void gc_drop_weak(bool (*dead)(Object*, void*), void*, std::vector<Value>&) {}

    Type* type;                   // the object's Python class (never null once constructed)
    std::uint32_t refcount = 1;   // a fresh object has one reference: its creator's
    // Bits 0-3: the heap's "finalized" and the collector's marks. While the collector counts
    // references (and runs no code), bits 4 and up hold the object's count (CPython keeps it in
    // a GC header word; here it needs no extra field, and no list to restore afterwards).
    std::uint32_t gc_flags = 0;
    // Creation order within its VM (the collector finalizes garbage oldest first, as CPython).
    // 48 bits (years of allocations): the header's last two bytes are then tail padding, where
    // a subclass's first small fields go (the Itanium C++ ABI reuses a non-POD base's tail
    // padding), as a coroutine's flags do.
    std::uint64_t seq : 48 = 0;
};

// Called when a refcount drops to zero: runs the type's finalizer, unlinks, deletes.
void object_release(Object* o);

// Forced inline (LL_HOT_INLINE): the interpreter loop is too big for the inliner's budget, which
// otherwise leaves reference counting and Value moves as out-of-line calls on every push and pop.
#if defined(__GNUC__) || defined(__clang__)
#define LL_HOT_INLINE [[gnu::always_inline]] inline
#else
#define LL_HOT_INLINE inline
#endif

LL_HOT_INLINE void incref(Object* o) { ++o->refcount; }
LL_HOT_INLINE void decref(Object* o) {
    if (--o->refcount == 0) object_release(o);
}

enum class Tag : std::uint8_t { Null = 0, None, Bool, Int, Float, Obj };

// A Python value. Copying adds a reference, moving steals it, destruction drops it.
class Value {
public:
    LL_HOT_INLINE Value() noexcept : tag_(Tag::Null) { u_.i = 0; }
    LL_HOT_INLINE Value(const Value& o) noexcept : tag_(o.tag_), u_(o.u_) {
        if (tag_ == Tag::Obj) incref(u_.o);
    }
    LL_HOT_INLINE Value(Value&& o) noexcept : tag_(o.tag_), u_(o.u_) { o.tag_ = Tag::Null; }
    LL_HOT_INLINE Value& operator=(const Value& o) noexcept {
        if (o.tag_ == Tag::Obj) incref(o.u_.o);
        Value old(std::move(*this));
        tag_ = o.tag_;
        u_ = o.u_;
        return *this;
    }
    LL_HOT_INLINE Value& operator=(Value&& o) noexcept {
        if (this != &o) {
            Value old(std::move(*this));
            tag_ = o.tag_;
            u_ = o.u_;
            o.tag_ = Tag::Null;
        }
        return *this;
    }
    LL_HOT_INLINE ~Value() {
        if (tag_ == Tag::Obj) decref(u_.o);
    }

    // --- constructors
    static Value none() { Value v; v.tag_ = Tag::None; return v; }
    static Value boolean(bool b) { Value v; v.tag_ = Tag::Bool; v.u_.i = b ? 1 : 0; return v; }
    static Value integer(std::int64_t i) { Value v; v.tag_ = Tag::Int; v.u_.i = i; return v; }
    static Value number(double d) { Value v; v.tag_ = Tag::Float; v.u_.d = d; return v; }
    // Takes over the caller's reference (e.g. a freshly made object with refcount 1).
    static Value steal(Object* o) { Value v; v.tag_ = Tag::Obj; v.u_.o = o; return v; }
    // Adds a reference.
    static Value borrow(Object* o) { incref(o); return steal(o); }

    // --- inspection
    Tag tag() const { return tag_; }
    bool is_null() const { return tag_ == Tag::Null; }
    explicit operator bool() const { return tag_ != Tag::Null; }  // "the call succeeded"
    bool is_none() const { return tag_ == Tag::None; }
    bool is_bool() const { return tag_ == Tag::Bool; }
    bool is_int() const { return tag_ == Tag::Int; }       // small (int64) int only; see is_int_like in ops
    bool is_float() const { return tag_ == Tag::Float; }
    bool is_obj() const { return tag_ == Tag::Obj; }
    std::int64_t as_int() const { return u_.i; }          // Int or Bool payload
    bool as_bool() const { return u_.i != 0; }
    double as_float() const { return u_.d; }
    Object* obj() const { return u_.o; }
    template <class T>
    T* as() const { return static_cast<T*>(u_.o); }       // unchecked downcast of an Obj
    // Identity (`is`): same tag and payload.
    bool is(const Value& o) const {
        return tag_ == o.tag_ && (tag_ == Tag::None || tag_ == Tag::Null || u_.i == o.u_.i);
    }
    // Gives up ownership of the object (the caller now owns the reference).
    Object* release() { tag_ = Tag::Null; return u_.o; }
    std::uint64_t raw_bits() const { return static_cast<std::uint64_t>(u_.i); }

private:
    Tag tag_;
    union {
        std::int64_t i;
        double d;
        Object* o;
    } u_;
};

// An owned reference to an object (or nothing) in one pointer, where a Value spends 16 bytes:
// for fields that only ever hold objects, in structures kept by the hundred thousand (frames).
class ObjRef {
public:
    ObjRef() noexcept = default;
    LL_HOT_INLINE ObjRef(const ObjRef& o) noexcept : p_(o.p_) { if (p_) incref(p_); }
    LL_HOT_INLINE ObjRef(ObjRef&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    // Only an object or a null Value fits (anything else would silently become null).
    LL_HOT_INLINE ObjRef(const Value& v) noexcept : p_(v.is_obj() ? v.obj() : nullptr) {
        assert(v.is_obj() || v.is_null());
        if (p_) incref(p_);
    }
    LL_HOT_INLINE ~ObjRef() { if (p_) decref(p_); }
    LL_HOT_INLINE ObjRef& operator=(ObjRef o) noexcept {
        Object* old = p_;
        p_ = o.p_;
        o.p_ = old;  // o's destructor drops the old reference
        return *this;
    }
    ObjRef& operator=(const Value& v) noexcept { return *this = ObjRef(v); }
    ObjRef& operator=(Value&& v) noexcept {
        assert(v.is_obj() || v.is_null());
        return *this = ObjRef::steal(v.is_obj() ? v.release() : nullptr);
    }
    static ObjRef steal(Object* o) noexcept { ObjRef r; r.p_ = o; return r; }
    // Gives up ownership of the object (the caller now owns the reference).
    Object* release() noexcept { Object* o = p_; p_ = nullptr; return o; }
    static ObjRef borrow(Object* o) noexcept { if (o) incref(o); return steal(o); }

    bool is_null() const { return p_ == nullptr; }
    explicit operator bool() const { return p_ != nullptr; }
    Object* obj() const { return p_; }
    template <class T>
    T* as() const { return static_cast<T*>(p_); }
    // As a Value: a new reference (or a null Value).
    operator Value() const& { return p_ ? Value::borrow(p_) : Value(); }
    operator Value() && { Object* o = p_; p_ = nullptr; return o ? Value::steal(o) : Value(); }

private:
    Object* p_ = nullptr;
};

}  // namespace ll::vm
