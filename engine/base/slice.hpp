// Python slice arithmetic (PySlice_Unpack + PySlice_AdjustIndices), shared by str, list, tuple and range.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/base/result.hpp"

namespace ll::base {

struct SliceIndices {
    int64_t start = 0;
    int64_t stop = 0;
    int64_t step = 1;
    int64_t length = 0;  // number of items selected
};

// `len` is the sequence length; absent bounds are None. Bounds beyond int64 must be clamped to
// INT64_MIN/INT64_MAX by the caller (CPython clamps to Py_ssize_t the same way).
// Error: ValueError "slice step cannot be zero".
Result<SliceIndices> adjust_slice(int64_t len, std::optional<int64_t> start, std::optional<int64_t> stop,
                                  std::optional<int64_t> step);

// seq[i]: a negative index counts from the end; nullopt when out of range (the caller raises
// IndexError "string index out of range" / "list index out of range" / ...).
std::optional<int64_t> normalize_index(int64_t index, int64_t len);

}  // namespace ll::base
