// Object allocation, reference-count release, and the Heap that tracks every live object so a
// VM's teardown frees reference cycles as well.
#include <malloc.h>
#include <sys/mman.h>

#include <cstdlib>
#include <new>
#include <unordered_set>
#include <vector>

#include "engine/vm/vm.hpp"

// Every C++ allocation of the process is counted here (containers' buffers included), so the
// VM's memory cap sees list/dict/str growth too, not just object headers.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LL_NO_NEW_HOOK 1
#endif
#endif

namespace {
std::size_t g_allocated_bytes = 0;
}

#ifndef LL_NO_NEW_HOOK
void* operator new(std::size_t size) {
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    g_allocated_bytes += malloc_usable_size(p);
    return p;
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept {
    if (!p) return;
    g_allocated_bytes -= malloc_usable_size(p);
    std::free(p);
}
void operator delete[](void* p) noexcept { ::operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

namespace ll::vm {

namespace detail {
constinit thread_local VM* tl_vm = nullptr;
}
using detail::tl_vm;

std::size_t allocated_bytes() {
#ifdef LL_NO_NEW_HOOK
    return tl_vm ? tl_vm->heap.bytes : 0;  // sanitizer builds own operator new: objects only
#else
    return g_allocated_bytes;
#endif
}
void set_current_vm(VM* vm) { tl_vm = vm; }

// Objects up to kMaxPooled bytes come from a pool (CPython's pymalloc, simplified): per-size free
// lists over 16 KiB chunks, each chunk holding blocks of one size. An object then costs its exact
// size (malloc adds a header and rounds up) and a push or pop (malloc's fast path stops working
// once a program holds many objects). Freed blocks serve later objects of the same size; the
// chunks go back to the system when their VM does. Larger objects go to operator new.
//
// Each VM has its own pool, and the pool is also how the VM finds all its live objects (for the
// cycle collector and for teardown): it walks its chunks and skips the free blocks. So objects
// need no list links in their header, 16 bytes each, which a hundred thousand waiting tasks with
// eight or nine objects each would pay for.
//
// Sanitizer builds skip the pool, so that an object used after its release is still caught;
// their heap keeps a set of its live objects instead.
#ifndef LL_NO_NEW_HOOK
#define LL_OBJECT_POOL 1
#endif

#ifdef LL_OBJECT_POOL
namespace {
// 8 bytes, every object's alignment (a Value's): a one-item tuple or a frame of an odd number
// of 8-byte words costs its size, not the next multiple of 16.
constexpr std::size_t kGrain = 8;
constexpr std::size_t kMaxPooled = 2048;
constexpr std::size_t kClasses = kMaxPooled / kGrain;  // class c: blocks of (c + 1) * kGrain bytes
constexpr std::size_t kChunk = 16 * 1024;               // aligned to its size: a block finds its header
// Chunks come from the system an arena at a time. On Linux an arena is one 2 MiB huge page
// (aligned to its size): a program holding 100,000 tasks grows its heap by hundreds of MiB, and
// its page faults had been 8% of its time. Elsewhere (WebAssembly) 256 KiB, aligned to a chunk.
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
#define LL_HUGE_ARENAS 1
constexpr std::size_t kArena = 128 * kChunk;
constexpr std::size_t kArenaAlign = kArena;
#else
constexpr std::size_t kArena = 16 * kChunk;
constexpr std::size_t kArenaAlign = kChunk;
#endif
}  // namespace

struct HeapStore;
#else
// Sanitizer builds: every live object of the VM.
struct HeapStore {
    std::unordered_set<Object*> objects;
};
#endif

#ifdef LL_OBJECT_POOL
struct HeapStore {  // the pool
    void* free[kClasses];                // freed blocks, linked through their first word
    char* bump[kClasses];                // the next never-used block of the class's newest chunk
    char* bump_end[kClasses];
    char* arena_next;                    // chunks not yet given to a class
    char* arena_end;
    std::vector<char*> arenas;           // in the order they came
    std::unordered_set<void*> large;     // live objects above kMaxPooled
};

namespace {
struct alignas(16) ChunkHeader {  // whole grains: the blocks after it stay aligned
    std::size_t size_class;
    HeapStore* pool;                  // its owner: an object may die while another VM is current
};
static_assert(sizeof(ChunkHeader) % kGrain == 0);

// A large object is preceded by 16 bytes that name its pool (malloc's alignment).
struct alignas(16) LargeHeader {
    HeapStore* pool;
};
static_assert(sizeof(LargeHeader) % kGrain == 0);

// A free block's second word (a live object's `type`, after its vtable pointer) holds this, so
// that walking a chunk tells the free blocks from the live objects.
void* const kFreeMark = reinterpret_cast<void*>(std::uintptr_t{1});

// The pool of objects made while no VM is current (none in practice): never walked.
HeapStore* orphan_pool() {
    static HeapStore* pool = new HeapStore{};
    return pool;
}

[[gnu::noinline]] void* pool_refill(HeapStore& pool, std::size_t c) {
    if (pool.arena_next == pool.arena_end) {
        void* arena = std::aligned_alloc(kArenaAlign, kArena);
        if (!arena) throw std::bad_alloc();
#ifdef LL_HUGE_ARENAS
        madvise(arena, kArena, MADV_HUGEPAGE);  // one page fault per arena instead of 512
#endif
        g_allocated_bytes += kArena;
        pool.arenas.push_back(static_cast<char*>(arena));
        pool.arena_next = static_cast<char*>(arena);
        pool.arena_end = pool.arena_next + kArena;
    }
    char* chunk = pool.arena_next;
    pool.arena_next += kChunk;
    *reinterpret_cast<ChunkHeader*>(chunk) = {c, &pool};
    const std::size_t block = (c + 1) * kGrain;
    pool.bump[c] = chunk + sizeof(ChunkHeader) + block;
    pool.bump_end[c] = chunk + sizeof(ChunkHeader) + (kChunk - sizeof(ChunkHeader)) / block * block;
    return chunk + sizeof(ChunkHeader);
}

std::size_t size_class(std::size_t size) { return (size + kGrain - 1) / kGrain - 1; }

char* chunk_of(const void* p) {
    return reinterpret_cast<char*>(reinterpret_cast<std::uintptr_t>(p) & ~static_cast<std::uintptr_t>(kChunk - 1));
}

void* pool_alloc(HeapStore& pool, std::size_t size) {
    const std::size_t c = size_class(size);
    if (c < kClasses) {
        if (void* p = pool.free[c]) {
            pool.free[c] = *static_cast<void**>(p);
            return p;
        }
        const std::size_t block = (c + 1) * kGrain;
        if (pool.bump[c] && pool.bump[c] + block <= pool.bump_end[c]) {
            void* p = pool.bump[c];
            pool.bump[c] += block;
            return p;
        }
        return pool_refill(pool, c);
    }
    auto* head = static_cast<LargeHeader*>(::operator new(sizeof(LargeHeader) + size));
    head->pool = &pool;
    void* p = head + 1;
    pool.large.insert(p);
    return p;
}

void pool_free(void* p, std::size_t size) {
    const std::size_t c = size_class(size);
    if (c < kClasses) {
        HeapStore& pool = *reinterpret_cast<ChunkHeader*>(chunk_of(p))->pool;
        static_cast<void**>(p)[0] = pool.free[c];
        static_cast<void**>(p)[1] = kFreeMark;
        pool.free[c] = p;
        return;
    }
    auto* head = static_cast<LargeHeader*>(p) - 1;
    head->pool->large.erase(p);
    ::operator delete(head);
}

// Calls fn on every live object of the pool, in no particular order.
void pool_objects(const HeapStore& pool, void (*fn)(Object*, void*), void* arg) {
    for (char* arena : pool.arenas) {
        char* end = arena == pool.arenas.back() ? pool.arena_next : arena + kArena;
        for (char* chunk = arena; chunk < end; chunk += kChunk) {
            const std::size_t c = reinterpret_cast<ChunkHeader*>(chunk)->size_class;
            const std::size_t block = (c + 1) * kGrain;
            char* first = chunk + sizeof(ChunkHeader);
            char* limit = first + (kChunk - sizeof(ChunkHeader)) / block * block;
            if (pool.bump_end[c] && chunk_of(pool.bump_end[c] - 1) == chunk) limit = pool.bump[c];  // still filling
            for (char* b = first; b < limit; b += block)
                if (reinterpret_cast<void**>(b)[1] != kFreeMark) fn(reinterpret_cast<Object*>(b), arg);
        }
    }
    for (void* p : pool.large) fn(static_cast<Object*>(p), arg);
}

void pool_release(HeapStore* pool) {
    for (void* p : pool->large) ::operator delete(static_cast<LargeHeader*>(p) - 1);
    for (char* arena : pool->arenas) {
        std::free(arena);
        g_allocated_bytes -= kArena;
    }
    delete pool;
}
}  // namespace
#endif

HeapStore& Heap::store() {
    if (!store_) store_ = new HeapStore{};
    return *store_;
}

void* Object::operator new(std::size_t size) {
    VM* vm = tl_vm;
    if (vm) vm->heap.bytes += size;
#ifdef LL_OBJECT_POOL
    return pool_alloc(vm ? vm->heap.store() : *orphan_pool(), size);
#else
    return ::operator new(size);
#endif
}

void Object::operator delete(void* p, std::size_t size) {
    if (tl_vm && !tl_vm->heap.tearing_down) tl_vm->heap.bytes -= size;
#ifdef LL_OBJECT_POOL
    pool_free(p, size);
#else
    ::operator delete(p);
#endif
}

Object::Object(Type* t) : type(t) {
    if (t) incref(t);
    if (VM* vm = tl_vm) vm->heap.added(this);
}

Object::~Object() {
    VM* vm = tl_vm;
    if (vm && vm->heap.tearing_down) return;
    if (vm) vm->heap.removed(this);
    if (type) decref(type);
}

void object_release(Object* o) {
    VM* vm = tl_vm;
    if (vm && vm->heap.tearing_down) return;
    if (vm && o->type && o->type->slots.finalize && !(o->gc_flags & 1u)) {
        o->gc_flags |= 1u;
        // The finalizer may resurrect the object briefly (it runs Python code, warnings).
        o->refcount = 1;
        o->type->slots.finalize(*vm, o);
        if (--o->refcount != 0) return;
    }
    delete o;
}

void Heap::added(Object* o) {
    o->seq = ++next_seq_;
    ++count_;
#ifndef LL_OBJECT_POOL
    store().objects.insert(o);
#endif
}

void Heap::removed([[maybe_unused]] Object* o) {
    --count_;
#ifndef LL_OBJECT_POOL
    if (store_) store_->objects.erase(o);
#endif
}

void Heap::visit_objects(void (*fn)(Object*, void*), void* arg) {
    if (!store_) return;
#ifdef LL_OBJECT_POOL
    pool_objects(*store_, fn, arg);
#else
    for (Object* o : store_->objects) fn(o, arg);
#endif
}

std::vector<Object*> Heap::objects() {
    std::vector<Object*> out;
    out.reserve(count_);
    visit_objects([](Object* o, void* v) { static_cast<std::vector<Object*>*>(v)->push_back(o); }, &out);
    return out;
}

void Heap::free_all() {
    // Destroy everything first and free the memory afterwards: destructors drop references to
    // objects that may already be destroyed, which is harmless while their memory still exists.
    tearing_down = true;
    std::vector<Object*> all = objects();
    for (Object* o : all) o->~Object();
#ifdef LL_OBJECT_POOL
    if (store_) pool_release(store_);
#else
    for (Object* o : all) ::operator delete(static_cast<void*>(o));
    delete store_;
#endif
    store_ = nullptr;
    count_ = 0;
    bytes = 0;
}

}  // namespace ll::vm
