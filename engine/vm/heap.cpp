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
// once a program holds many objects). Chunks are never given back: freed blocks serve later
// objects of the same size. Larger objects go to operator new. Sanitizer builds skip the pool,
// so that an object used after its release is still caught.
#ifndef LL_NO_NEW_HOOK
#define LL_OBJECT_POOL 1
#endif

#ifdef LL_OBJECT_POOL
namespace {
constexpr std::size_t kGrain = 16;
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

struct alignas(kGrain) ChunkHeader {  // one grain: the blocks after it stay aligned
    std::size_t size_class;
};
static_assert(sizeof(ChunkHeader) == kGrain);

struct ObjectPool {
    void* free[kClasses];                // freed blocks, linked through their first word
    char* bump[kClasses];                // the next never-used block of the class's newest chunk
    char* bump_end[kClasses];
    char* arena_next;                    // chunks not yet given to a class
    char* arena_end;
    std::unordered_set<void*>* large;    // live objects above kMaxPooled (see pool_free_unsized)
};
// Trivially destructible and zero-initialised: no guard on each thread-local access.
constinit thread_local ObjectPool t_pool{};

[[gnu::noinline]] void* pool_refill(std::size_t c) {
    ObjectPool& pool = t_pool;
    if (pool.arena_next == pool.arena_end) {
        void* arena = std::aligned_alloc(kArenaAlign, kArena);
        if (!arena) throw std::bad_alloc();
#ifdef LL_HUGE_ARENAS
        madvise(arena, kArena, MADV_HUGEPAGE);  // one page fault per arena instead of 512
#endif
        g_allocated_bytes += kArena;
        pool.arena_next = static_cast<char*>(arena);
        pool.arena_end = pool.arena_next + kArena;
    }
    char* chunk = pool.arena_next;
    pool.arena_next += kChunk;
    reinterpret_cast<ChunkHeader*>(chunk)->size_class = c;
    const std::size_t block = (c + 1) * kGrain;
    pool.bump[c] = chunk + sizeof(ChunkHeader) + block;
    pool.bump_end[c] = chunk + sizeof(ChunkHeader) + (kChunk - sizeof(ChunkHeader)) / block * block;
    return chunk + sizeof(ChunkHeader);
}

std::size_t size_class(std::size_t size) { return (size + kGrain - 1) / kGrain - 1; }

void* pool_alloc(std::size_t size) {
    ObjectPool& pool = t_pool;
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
        return pool_refill(c);
    }
    void* p = ::operator new(size);
    if (!pool.large) pool.large = new std::unordered_set<void*>();
    pool.large->insert(p);
    return p;
}

void pool_push(void* p, std::size_t c) {
    *static_cast<void**>(p) = t_pool.free[c];
    t_pool.free[c] = p;
}

void pool_free(void* p, std::size_t size) {
    const std::size_t c = size_class(size);
    if (c < kClasses) return pool_push(p, c);
    if (t_pool.large) t_pool.large->erase(p);  // (null: made by another thread)
    ::operator delete(p);
}

// For the heap's teardown, which no longer knows each object's size: a large object is in the
// set; any other block's class is in its chunk's header.
void pool_free_unsized(void* p) {
    if (t_pool.large && t_pool.large->erase(p)) return ::operator delete(p);
    auto base = reinterpret_cast<std::uintptr_t>(p) & ~static_cast<std::uintptr_t>(kChunk - 1);
    pool_push(p, reinterpret_cast<ChunkHeader*>(base)->size_class);
}
}  // namespace
#endif

void* Object::operator new(std::size_t size) {
    if (tl_vm) tl_vm->heap.bytes += size;
#ifdef LL_OBJECT_POOL
    return pool_alloc(size);
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
    if (tl_vm) tl_vm->heap.link(this);
}

Object::~Object() {
    if (tl_vm && tl_vm->heap.tearing_down) return;
    if (tl_vm) tl_vm->heap.unlink(this);
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

void Heap::link(Object* o) {
    o->heap_prev_ = nullptr;
    o->heap_next_ = head_;
    if (head_) head_->heap_prev_ = o;
    head_ = o;
    ++count_;
}

void Heap::unlink(Object* o) {
    if (o->heap_prev_) o->heap_prev_->heap_next_ = o->heap_next_;
    else head_ = o->heap_next_;
    if (o->heap_next_) o->heap_next_->heap_prev_ = o->heap_prev_;
    --count_;
}

void Heap::free_all() {
    // Destroy everything first and free the memory afterwards: destructors drop references to
    // objects that may already be destroyed, which is harmless while their memory still exists.
    tearing_down = true;
    std::vector<Object*> all;
    all.reserve(count_);
    for (Object* o = head_; o; o = o->heap_next_) all.push_back(o);
    for (Object* o : all) o->~Object();
#ifdef LL_OBJECT_POOL
    for (Object* o : all) pool_free_unsized(o);
#else
    for (Object* o : all) ::operator delete(static_cast<void*>(o));
#endif
    head_ = nullptr;
    count_ = 0;
    bytes = 0;
}

}  // namespace ll::vm
