// Fixed and shortest decimal text (decimal_text.hpp). A decimal's raw value
// is its magnitude times 10^18; almost every value on the output path has a
// whole part below 10^19, so one 128-by-64-bit division splits it into two
// 64-bit halves (whole part, 18 fraction digits), rounding happens on the
// fraction half, and digits are written two at a time from a table. Larger
// magnitudes take Decimal's own formatter: same text, slower.
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

// Splits a magnitude (scaled by 10^18) into whole part and fraction when
// the whole part is below 10^19; false otherwise.
bool split(u128 mag, uint64_t& whole, uint64_t& frac) {
    const auto hi = static_cast<uint64_t>(mag >> 64);
    const auto lo = static_cast<uint64_t>(mag);
    if (hi == 0) {
        whole = lo / kScale64;
        frac = lo % kScale64;
        return true;
    }
    // mag < 10^19 * 10^18 (below 2^124): then hi < 10^18 and the quotient
    // fits in 64 bits, so one 128/64 division does it.
    if (mag >= static_cast<u128>(kWholeLimit) * kScale64) return false;
#if defined(__x86_64__)
    uint64_t q, r;
    asm("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(kScale64));
    whole = q;
    frac = r;
#else
    whole = static_cast<uint64_t>(mag / kScale64);
    frac = static_cast<uint64_t>(mag % kScale64);
#endif
    return true;
}

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

char* copy_text(char* p, const std::string& s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
}

// Rounds the fraction to `places` half away from zero, carrying into the
// whole part; `Places` is a constant for the common widths so the divisions
// by a power of ten become multiplications.
template <int Places>
char* write_fixed_places(char* p, bool negative, uint64_t whole, uint64_t frac) {
    constexpr uint64_t unit = kPow10[Decimal::kPlaces - Places];
    uint64_t q = frac / unit;
    const uint64_t r = frac - q * unit;
    if (r >= unit - r) ++q;
    if (q == kPow10[Places]) {
        q = 0;
        ++whole;
    }
    // A value that rounds to zero prints without a sign, as in to_fixed.
    if (negative && (whole != 0 || q != 0)) *p++ = '-';
    p = write_whole(p, whole);
    if constexpr (Places > 0) {
        *p++ = '.';
        p = write_padded(p, q, Places);
    }
    return p;
}

char* write_fixed_any(char* p, bool negative, uint64_t whole, uint64_t frac, int places) {
    const uint64_t unit = kPow10[Decimal::kPlaces - places];
    uint64_t q = frac / unit;
    const uint64_t r = frac - q * unit;
    if (r >= unit - r) ++q;
    if (q == kPow10[places]) {
        q = 0;
        ++whole;
    }
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
    uint64_t whole, frac;
    if (!split(wide::magnitude(v.raw()), whole, frac)) return copy_text(p, v.to_fixed(places));
    const bool negative = v.raw() < 0;
    switch (places) {
        case 2: return write_fixed_places<2>(p, negative, whole, frac);
        case 4: return write_fixed_places<4>(p, negative, whole, frac);
        default: return write_fixed_any(p, negative, whole, frac, places);
    }
}

char* write_shortest(char* p, const Decimal& v) {
    uint64_t whole, frac;
    if (!split(wide::magnitude(v.raw()), whole, frac)) return copy_text(p, v.to_string());
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
