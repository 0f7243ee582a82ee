// Fixed and shortest decimal text (decimal_text.hpp). A decimal's raw value
// is its magnitude times 10^18; almost every value on the output path has a
// whole part below 10^19, so one 128-by-64-bit division splits it into two
// 64-bit halves (whole part, 18 fraction digits), rounding happens on the
// fraction half, and digits are written two at a time from a table. Larger
// magnitudes split their whole part once more. Decimal::to_string and
// to_fixed are these functions.
#include "interpreter/decimal_text.hpp"

#include "interpreter/wide_int.hpp"

#include <cstdint>
#include <cstring>

namespace qualify {

namespace {

using wide::u128;

constexpr uint64_t kScale64 = 1000000000000000000ULL;  // 10^18
constexpr uint64_t kWholeLimit = 10000000000000000000ULL;  // 10^19: the fast path's whole parts stay below

constexpr uint64_t kPow10[] = {1ULL,
                               10ULL,
                               100ULL,
                               1000ULL,
                               10000ULL,
                               100000ULL,
                               1000000ULL,
                               10000000ULL,
                               100000000ULL,
                               1000000000ULL,
                               10000000000ULL,
                               100000000000ULL,
                               1000000000000ULL,
                               10000000000000ULL,
                               100000000000000ULL,
                               1000000000000000ULL,
                               10000000000000000ULL,
                               100000000000000000ULL,
                               1000000000000000000ULL,
                               10000000000000000000ULL};

// "00" "01" … "99": two digits per lookup.
constexpr char kPairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// The whole part and the 18 fraction digits of a magnitude scaled by 10^18.
u128 split(u128 mag, uint64_t& frac) { return wide::div_by_u64(mag, kScale64, frac); }

// The digits of `v` (at most 20), written at p; returns the end. The
// digits are counted first so they go straight to their place.
char* write_whole(char* p, uint64_t v) {
    int n = 1;
    while (n < 20 && v >= kPow10[n]) ++n;
    char* e = p + n;
    char* b = e;
    while (v >= 100) {
        b -= 2;
        std::memcpy(b, kPairs + (v % 100) * 2, 2);
        v /= 100;
    }
    if (v >= 10) {
        b -= 2;
        std::memcpy(b, kPairs + v * 2, 2);
    } else {
        *--b = static_cast<char>('0' + v);
    }
    return e;
}

// Exactly `n` digits of `v` (v < 10^n), zero-padded on the left.
char* write_padded(char* p, uint64_t v, int n) {
    char* e = p + n;
    char* b = e;
    while (b - p >= 2) {
        b -= 2;
        std::memcpy(b, kPairs + (v % 100) * 2, 2);
        v /= 100;
    }
    if (b > p) *--b = static_cast<char>('0' + v % 10);
    return e;
}

// A whole part of any size: above 2^64 as the digits above 10^19, then 19
// padded ones.
char* write_whole(char* p, u128 v) {
    if ((v >> 64) == 0) return write_whole(p, static_cast<uint64_t>(v));
    uint64_t low;
    const u128 high = wide::div_by_u64(v, kWholeLimit, low);
    return write_padded(write_whole(p, static_cast<uint64_t>(high)), low, 19);
}

// The fraction rounded half away from zero to `places`, carrying into the
// whole part. Inlined into each case of write_fixed's switch, so the
// divisions by a power of ten become multiplications by a constant.
[[gnu::always_inline]] inline char* write_rounded(char* p, bool negative, uint64_t whole, uint64_t frac,
                                                  int places) {
    const uint64_t unit = kPow10[Decimal::kPlaces - places];
    uint64_t q = frac / unit;
    const uint64_t r = frac - q * unit;
    if (r >= unit - r) ++q;
    if (q == kPow10[places]) {
        q = 0;
        ++whole;
    }
    // A value that rounds to zero prints without a sign: "-0.00" reads as a bug.
    if (negative && (whole != 0 || q != 0)) *p++ = '-';
    p = write_whole(p, whole);
    if (places > 0) {
        *p++ = '.';
        p = write_padded(p, q, places);
    }
    return p;
}

}  // namespace

char* write_fixed(char* p, const Decimal& v, int places) {
    if (places < 0) places = 0;
    if (places > Decimal::kPlaces) places = Decimal::kPlaces;
    const u128 mag = wide::magnitude(v.raw());
    uint64_t frac;
    if (mag >= static_cast<u128>(kWholeLimit) * kScale64) {
        // Whole parts of 10^19 and more: rare, and rounding at the very end
        // of the range overflows, which round_half_away reports as
        // arithmetic does.
        const Decimal rounded = v.round_half_away(places);
        const u128 whole = split(wide::magnitude(rounded.raw()), frac);
        if (rounded.raw() < 0) *p++ = '-';
        p = write_whole(p, whole);
        if (places > 0) {
            *p++ = '.';
            p = write_padded(p, frac / kPow10[Decimal::kPlaces - places], places);
        }
        return p;
    }
    const auto whole = static_cast<uint64_t>(split(mag, frac));
    const bool negative = v.raw() < 0;
    switch (places) {
        case 2: return write_rounded(p, negative, whole, frac, 2);
        case 4: return write_rounded(p, negative, whole, frac, 4);
        default: return write_rounded(p, negative, whole, frac, places);
    }
}

char* write_shortest(char* p, const Decimal& v) {
    uint64_t frac;
    const u128 whole = split(wide::magnitude(v.raw()), frac);
    if (v.raw() < 0) *p++ = '-';
    p = write_whole(p, whole);
    if (frac == 0) return p;
    // Drop trailing zeros before writing: whole pairs, then one digit.
    int digits = Decimal::kPlaces;
    while (frac % 100 == 0) {
        frac /= 100;
        digits -= 2;
    }
    if (frac % 10 == 0) {
        frac /= 10;
        digits -= 1;
    }
    *p++ = '.';
    return write_padded(p, frac, digits);
}

void append_fixed_text(std::string& out, const Decimal& v, int places) {
    char buf[kMaxDecimalText];
    out.append(buf, static_cast<size_t>(write_fixed(buf, v, places) - buf));
}

void append_shortest_text(std::string& out, const Decimal& v) {
    char buf[kMaxDecimalText];
    out.append(buf, static_cast<size_t>(write_shortest(buf, v) - buf));
}

}  // namespace qualify
