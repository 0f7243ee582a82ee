// Division of a 256-bit value by a 128-bit one (see wide_int.hpp): native
// 128-bit division when the dividend fits, 64-bit limb division when the
// divisor does, and schoolbook division by a two-limb divisor (Knuth's
// algorithm D, two quotient digits) for the rest.
#include "interpreter/wide_int.hpp"

namespace qualify::wide {
namespace {

bool less(U256 a, U256 b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

U256 sub(U256 a, U256 b) {
    const u128 borrow = a.lo < b.lo ? 1 : 0;
    return {a.hi - b.hi - borrow, a.lo - b.lo};
}

// One quotient digit: r / d for a normalized d (top bit set) and r < d * 2^64,
// so the digit fits in 64 bits; r becomes the remainder. The estimate from
// the top limbs is at most two too large (Knuth, TAOCP vol. 2, 4.3.1).
uint64_t quotient_digit(U256& r, u128 d) {
    const uint64_t d1 = static_cast<uint64_t>(d >> 64);
    const u128 top = (r.hi << 64) | (r.lo >> 64);  // r's limbs 2 and 1; r < 2^192
    u128 estimate = top / d1;
    if (estimate > ~uint64_t{0}) estimate = ~uint64_t{0};
    U256 product = mul(estimate, d);
    while (less(r, product)) {
        --estimate;
        product = sub(product, U256{0, d});
    }
    r = sub(r, product);
    return static_cast<uint64_t>(estimate);
}

}  // namespace

bool divmod(U256 n, u128 d, u128& q, u128& r) {
    if (n.hi == 0) {
        if ((d >> 64) == 0) {
            uint64_t r64;
            q = div_by_u64(n.lo, static_cast<uint64_t>(d), r64);
            r = r64;
            return true;
        }
        q = n.lo / d;
        r = n.lo - q * d;
        return true;
    }
    if (n.hi >= d) return false;  // the quotient would need more than 128 bits
    if ((d >> 64) == 0) {
        // Schoolbook division by a one-limb divisor: every partial remainder
        // is below d, so each partial quotient fits in 64 bits.
        const uint64_t dd = static_cast<uint64_t>(d);
        uint64_t rem = static_cast<uint64_t>(n.hi);  // n.hi < d < 2^64
        const uint64_t q1 = div_2by1(rem, static_cast<uint64_t>(n.lo >> 64), dd, rem);
        const uint64_t q0 = div_2by1(rem, static_cast<uint64_t>(n.lo), dd, rem);
        q = (static_cast<u128>(q1) << 64) | q0;
        r = rem;
        return true;
    }
    // A two-limb divisor: shift both so the divisor's top bit is set (the
    // quotient is unchanged), then two quotient digits of 64 bits each.
    const int shift = __builtin_clzll(static_cast<uint64_t>(d >> 64));
    const u128 dn = d << shift;
    // n < d * 2^128, so n << shift still fits in 256 bits.
    const U256 nn = shift == 0 ? n : U256{(n.hi << shift) | (n.lo >> (128 - shift)), n.lo << shift};
    U256 part{nn.hi >> 64, (nn.hi << 64) | (nn.lo >> 64)};  // the top three limbs
    const uint64_t q1 = quotient_digit(part, dn);
    // The remainder is below dn, so it sits in part.lo; bring down the last limb.
    part = U256{part.lo >> 64, (part.lo << 64) | static_cast<uint64_t>(nn.lo)};
    const uint64_t q0 = quotient_digit(part, dn);
    q = (static_cast<u128>(q1) << 64) | q0;
    r = part.lo >> shift;
    return true;
}

}  // namespace qualify::wide
