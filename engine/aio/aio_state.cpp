// Per-VM asyncio state, keyed by the VM's address (the same scheme as the library's LibState):
// an entry is reset when a VM installs the prelude, so pointers to it stay valid.
#include "engine/aio/aio_state.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace ll::aio {

namespace {
std::mutex g_mutex;
std::unordered_map<const vm::VM*, std::unique_ptr<AioState>>& table() {
    static std::unordered_map<const vm::VM*, std::unique_ptr<AioState>> t;
    return t;
}
AioState& lookup(const vm::VM* v) {
    std::lock_guard<std::mutex> lock(g_mutex);
    auto& slot = table()[v];
    if (!slot) slot = std::make_unique<AioState>();
    return *slot;
}
}  // namespace

namespace detail {
constinit thread_local const vm::VM* tl_state_vm = nullptr;
constinit thread_local AioState* tl_state = nullptr;

AioState& aio_state_slow(vm::VM& v) {
    AioState& s = lookup(&v);
    tl_state_vm = &v;
    tl_state = &s;
    return s;
}
}  // namespace detail

void reset_aio_state(vm::VM& v) { aio_state(v) = AioState{}; }

void set_event_sink(vm::VM& v, EventSink* sink) { aio_state(v).sink = sink; }

EventSink* event_sink(vm::VM& v) { return aio_state(v).sink; }

bool deadlocked(vm::VM& v) { return aio_state(v).deadlocked; }

}  // namespace ll::aio
