// Unsigned 128- and 256-bit helpers for exact decimal arithmetic: a full
// 128x128 -> 256-bit product, division of a 256-bit value by a 128-bit one,
// and half-even rounding of a quotient. Internal to the interpreter.
#pragma once

#include <cstdint>

namespace qualify::wide {

using u128 = unsigned __int128;
using i128 = __int128;

inline constexpr u128 kI128Max = ~u128{0} >> 1;

struct U256 {
    u128 hi = 0;
    u128 lo = 0;
};

// Magnitude of a signed value; correct for the most negative one too.
inline u128 magnitude(i128 v) { return v < 0 ? u128{0} - static_cast<u128>(v) : static_cast<u128>(v); }

// The exact product, by 64-bit limbs (four native multiplications).
inline U256 mul(u128 a, u128 b) {
    const uint64_t a0 = static_cast<uint64_t>(a), a1 = static_cast<uint64_t>(a >> 64);
    const uint64_t b0 = static_cast<uint64_t>(b), b1 = static_cast<uint64_t>(b >> 64);
    const u128 p00 = static_cast<u128>(a0) * b0, p01 = static_cast<u128>(a0) * b1;
    const u128 p10 = static_cast<u128>(a1) * b0, p11 = static_cast<u128>(a1) * b1;
    // At most three 64-bit quantities: cannot overflow 128 bits.
    const u128 mid = (p00 >> 64) + static_cast<uint64_t>(p01) + static_cast<uint64_t>(p10);
    U256 r;
    r.lo = (mid << 64) | static_cast<uint64_t>(p00);
    r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    return r;
}

// (hi * 2^64 + lo) / d for hi < d, so the quotient fits in 64 bits: one
// hardware division on x86-64, where the compiler would call the generic
// 128-bit routine (__udivmodti4) instead.
inline uint64_t div_2by1(uint64_t hi, uint64_t lo, uint64_t d, uint64_t& r) {
#if defined(__x86_64__)
    uint64_t q;
    __asm__("divq %[d]" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), [d] "r"(d) : "cc");
    return q;
#else
    const u128 n = (static_cast<u128>(hi) << 64) | lo;
    const u128 q = n / d;
    r = static_cast<uint64_t>(n - q * d);
    return static_cast<uint64_t>(q);
#endif
}

// n / d and n % d for a divisor below 2^64: at most two 64-bit divisions.
// Every decimal product and most quotients divide by 10^18 here.
inline u128 div_by_u64(u128 n, uint64_t d, uint64_t& r) {
    const auto hi = static_cast<uint64_t>(n >> 64), lo = static_cast<uint64_t>(n);
    if (hi < d) return div_2by1(hi, lo, d, r);
    const uint64_t q_hi = hi / d;
    const uint64_t q_lo = div_2by1(hi % d, lo, d, r);
    return (static_cast<u128>(q_hi) << 64) | q_lo;
}

// q = n / d, r = n % d. Returns false when the quotient does not fit in 128
// bits. d must not be zero.
bool divmod(U256 n, u128 d, u128& q, u128& r);

// Rounds the quotient q of a division with remainder r by d half to even.
// Returns false when the rounded quotient overflows 128 bits.
inline bool round_half_even(u128& q, u128 r, u128 d) {
    // r < d, so comparing r with d - r avoids doubling r past 128 bits.
    const u128 rest = d - r;
    if (r > rest || (r == rest && (q & 1))) {
        if (q == ~u128{0}) return false;
        ++q;
    }
    return true;
}

}  // namespace qualify::wide
