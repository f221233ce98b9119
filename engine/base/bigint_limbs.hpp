// Magnitude primitives shared by the BigInt source files (internal to engine/base): unsigned
// little-endian base-2**32 limb vectors without trailing zero limbs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ll::base::limbs {

using Limbs = std::vector<uint32_t>;

void trim_limbs(Limbs& a);
int cmp_mag(const Limbs& a, const Limbs& b);
Limbs add_mag(const Limbs& a, const Limbs& b);
Limbs sub_mag(const Limbs& a, const Limbs& b);
Limbs mul_mag(const Limbs& a, const Limbs& b);
void mul_small_add(Limbs& a, uint32_t m, uint32_t add);
uint32_t div_small(Limbs& a, uint32_t d);
void divmod_mag(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r);
Limbs shl_mag(const Limbs& a, uint64_t n);
Limbs shr_mag(const Limbs& a, uint64_t n);
bool low_bits_nonzero(const Limbs& a, uint64_t n);
uint64_t bit_length_mag(const Limbs& a);
uint64_t to_u64(const Limbs& a);
Limbs from_u64_limbs(uint64_t v);

}  // namespace ll::base::limbs
