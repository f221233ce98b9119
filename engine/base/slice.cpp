// Slice index arithmetic, following CPython's PySlice_Unpack and PySlice_AdjustIndices.
#include "engine/base/slice.hpp"

#include <limits>

namespace ll::base {

Result<SliceIndices> adjust_slice(int64_t len, std::optional<int64_t> start, std::optional<int64_t> stop,
                                  std::optional<int64_t> step) {
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
    SliceIndices r;
    r.step = step.value_or(1);
    if (r.step == 0) return value_error("slice step cannot be zero");
    // Like CPython: keep -step representable so reversing never overflows.
    if (r.step < -kMax) r.step = -kMax;
    const bool backwards = r.step < 0;
    r.start = start ? *start : (backwards ? kMax : 0);
    r.stop = stop ? *stop : (backwards ? std::numeric_limits<int64_t>::min() : kMax);

    if (r.start < 0) {
        r.start += len;
        if (r.start < 0) r.start = backwards ? -1 : 0;
    } else if (r.start >= len) {
        r.start = backwards ? len - 1 : len;
    }
    if (r.stop < 0) {
        r.stop += len;
        if (r.stop < 0) r.stop = backwards ? -1 : 0;
    } else if (r.stop >= len) {
        r.stop = backwards ? len - 1 : len;
    }
    if (backwards) {
        r.length = r.stop < r.start ? (r.start - r.stop - 1) / (-r.step) + 1 : 0;
    } else {
        r.length = r.start < r.stop ? (r.stop - r.start - 1) / r.step + 1 : 0;
    }
    return r;
}

std::optional<int64_t> normalize_index(int64_t index, int64_t len) {
    if (index < 0) index += len;
    if (index < 0 || index >= len) return std::nullopt;
    return index;
}

}  // namespace ll::base
