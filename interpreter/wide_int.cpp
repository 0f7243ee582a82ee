// Division of a 256-bit value by a 128-bit one (see wide_int.hpp): native
// 128-bit division when the dividend fits, 64-bit limb division when the
// divisor does, Boost.Multiprecision for the rare rest.
#include "interpreter/wide_int.hpp"

#include <boost/multiprecision/cpp_int.hpp>

namespace qualify::wide {
namespace {

using boost::multiprecision::uint256_t;

// Limbs are moved through uint64_t so that no conversion depends on Boost
// recognising __int128 (it does not in strict -std=c++20 mode).
uint256_t to_boost(U256 v) {
    uint256_t x = static_cast<uint64_t>(v.hi >> 64);
    x <<= 64; x |= static_cast<uint64_t>(v.hi);
    x <<= 64; x |= static_cast<uint64_t>(v.lo >> 64);
    x <<= 64; x |= static_cast<uint64_t>(v.lo);
    return x;
}

u128 low128(const uint256_t& x) {
    const uint256_t mask = ~uint64_t{0};
    const uint64_t lo = static_cast<uint64_t>(x & mask);
    const uint64_t hi = static_cast<uint64_t>((x >> 64) & mask);
    return (static_cast<u128>(hi) << 64) | lo;
}

}  // namespace

bool divmod(U256 n, u128 d, u128& q, u128& r) {
    if (n.hi == 0) {
        q = n.lo / d;
        r = n.lo - q * d;
        return true;
    }
    if (n.hi >= d) return false;  // the quotient would need more than 128 bits
    if ((d >> 64) == 0) {
        // Schoolbook division by a one-limb divisor: every partial remainder
        // is below d, so each partial quotient fits in 64 bits.
        const uint64_t dd = static_cast<uint64_t>(d);
        u128 rem = n.hi;
        const uint64_t limbs[2] = {static_cast<uint64_t>(n.lo >> 64), static_cast<uint64_t>(n.lo)};
        u128 quot = 0;
        for (uint64_t limb : limbs) {
            const u128 cur = (rem << 64) | limb;
            const u128 part = cur / dd;
            rem = cur - part * dd;
            quot = (quot << 64) | static_cast<uint64_t>(part);
        }
        q = quot;
        r = rem;
        return true;
    }
    const uint256_t big = to_boost(n);
    const uint256_t div = to_boost(U256{0, d});
    uint256_t quot, rem;
    boost::multiprecision::divide_qr(big, div, quot, rem);
    q = low128(quot);
    r = low128(rem);
    return true;
}

}  // namespace qualify::wide
