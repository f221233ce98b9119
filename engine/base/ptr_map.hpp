// PtrMap: a flat open-addressing hash map from pointers to sizes. One probe usually touches one
// cache line, where std::unordered_map walks a chain of separately allocated nodes; the hot
// membership tests of the engine (the WeakSet registry of tasks) use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ll::base {

template <class K>
class PtrMap {
public:
    std::size_t size() const { return used_; }
    bool empty() const { return used_ == 0; }

    // The value stored for key, or null when absent.
    std::size_t* find(const K* key) {
        if (slots_.empty()) return nullptr;
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.key == key) return &s.value;
            if (s.key == nullptr) return nullptr;
        }
    }
    bool contains(const K* key) { return find(key) != nullptr; }

    // Sets key's value (inserting it if absent).
    void set(const K* key, std::size_t value) {
        if (std::size_t* v = find(key)) {
            *v = value;
            return;
        }
        if ((used_ + tombstones_ + 1) * 4 >= slots_.size() * 3) grow();
        place(key, value);
        ++used_;
    }

    // Removes key; false when it was absent.
    bool erase(const K* key) {
        if (slots_.empty()) return false;
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.key == key) {
                s.key = tombstone();
                --used_;
                ++tombstones_;
                return true;
            }
            if (s.key == nullptr) return false;
        }
    }

    void clear() {
        slots_.clear();
        used_ = tombstones_ = 0;
    }

private:
    struct Slot {
        const K* key = nullptr;  // null: empty; tombstone(): erased
        std::size_t value = 0;
    };
    static const K* tombstone() { return reinterpret_cast<const K*>(std::uintptr_t{1}); }
    static std::size_t hash(const K* key) {
        // Fibonacci hashing of the address (its low bits are alignment zeros).
        std::uint64_t h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key)) * 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(h >> 20);
    }
    void place(const K* key, std::size_t value) {
        std::size_t mask = slots_.size() - 1;
        std::size_t i = hash(key) & mask;
        while (slots_[i].key != nullptr && slots_[i].key != tombstone()) i = (i + 1) & mask;
        if (slots_[i].key == tombstone()) --tombstones_;
        slots_[i] = Slot{key, value};
    }
    void grow() {
        std::size_t cap = 16;
        while (cap * 3 <= (used_ + 1) * 8) cap *= 2;  // at most 3/8 full after the rebuild
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(cap, Slot{});
        tombstones_ = 0;
        for (const Slot& s : old)
            if (s.key != nullptr && s.key != tombstone()) place(s.key, s.value);
    }

    std::vector<Slot> slots_;  // capacity is a power of two
    std::size_t used_ = 0;
    std::size_t tombstones_ = 0;
};

}  // namespace ll::base
