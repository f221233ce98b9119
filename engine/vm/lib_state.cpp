// Per-VM library state, keyed by the VM's address. An entry is never freed, only reset when a VM
// is constructed at that address, so a cached pointer to it stays valid for the process' life.
#include "engine/vm/lib_state.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace ll::vm {
namespace lib {

namespace {
std::mutex g_mutex;
std::unordered_map<const VM*, std::unique_ptr<LibState>>& table() {
    static std::unordered_map<const VM*, std::unique_ptr<LibState>> t;
    return t;
}
// The last lookup of this thread: the common case is one VM per thread.
thread_local const VM* tl_vm = nullptr;
thread_local LibState* tl_state = nullptr;

LibState& lookup(const VM* vm) {
    std::lock_guard<std::mutex> lock(g_mutex);
    auto& slot = table()[vm];
    if (!slot) slot = std::make_unique<LibState>();
    return *slot;
}
}  // namespace

LibState& lib_state(VM& vm) {
    if (tl_vm == &vm) return *tl_state;
    LibState& s = lookup(&vm);
    tl_vm = &vm;
    tl_state = &s;
    return s;
}

void reset_lib_state(VM& vm) { lookup(&vm) = LibState{}; }

}  // namespace lib

double& virtual_clock(VM& vm) { return lib::lib_state(vm).clock; }

}  // namespace ll::vm
