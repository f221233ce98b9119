// Object allocation, reference-count release, and the Heap that tracks every live object so a
// VM's teardown frees reference cycles as well.
#include <malloc.h>

#include <cstdlib>
#include <new>
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

void* Object::operator new(std::size_t size) {
    if (tl_vm) tl_vm->heap.bytes += size;
    return ::operator new(size);
}

void Object::operator delete(void* p, std::size_t size) {
    if (tl_vm && !tl_vm->heap.tearing_down) tl_vm->heap.bytes -= size;
    ::operator delete(p);
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

void Heap::relink_prev() {
    Object* prev = nullptr;
    for (Object* o = head_; o; o = o->heap_next_) {
        o->heap_prev_ = prev;
        prev = o;
    }
}

void Heap::free_all() {
    // Destroy everything first and free the memory afterwards: destructors drop references to
    // objects that may already be destroyed, which is harmless while their memory still exists.
    tearing_down = true;
    std::vector<Object*> all;
    all.reserve(count_);
    for (Object* o = head_; o; o = o->heap_next_) all.push_back(o);
    for (Object* o : all) o->~Object();
    for (Object* o : all) ::operator delete(static_cast<void*>(o));
    head_ = nullptr;
    count_ = 0;
    bytes = 0;
}

}  // namespace ll::vm
