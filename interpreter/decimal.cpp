// Exact decimal arithmetic, parsing and printing (decimal.hpp). The common
// path uses native 128-bit integers; only products and quotients whose
// intermediate exceeds 128 bits take the 256-bit path in wide_int.
#include "interpreter/decimal.hpp"

#include "interpreter/decimal_text.hpp"
#include "interpreter/wide_int.hpp"


namespace qualify {

using wide::u128;

namespace {

constexpr u128 kScaleU = static_cast<u128>(Decimal::kScale);
constexpr uint64_t kScale64 = static_cast<uint64_t>(Decimal::kScale);

// The whole number a divisor stands for when it is one below 2^64 (as
// nearly every divisor a rulebook writes is: `/ 20`, `/ 100`), else 0.
// A multiple of 10^18 is a multiple of 2^18, so most fractions are turned
// away by their low bits before any division.
uint64_t small_integer(u128 mag) {
    if ((mag & 0x3FFFF) != 0) return 0;
    uint64_t r;
    const u128 n = wide::div_by_u64(mag, kScale64, r);
    return r == 0 && (n >> 64) == 0 ? static_cast<uint64_t>(n) : 0;
}

[[noreturn]] void overflow() { throw ArithmeticError("decimal overflow"); }

// A signed result from a magnitude; magnitudes beyond int128 overflow (the
// most negative int128 is allowed, it is a valid raw value).
Decimal from_magnitude(u128 mag, bool negative) {
    if (mag > wide::kI128Max) {
        if (negative && mag == wide::kI128Max + 1) return Decimal::from_raw(static_cast<int128>(mag));
        overflow();
    }
    const int128 v = static_cast<int128>(mag);
    return Decimal::from_raw(negative ? -v : v);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Decimal operator+(Decimal a, Decimal b) {
    int128 r;
    if (__builtin_add_overflow(a.raw(), b.raw(), &r)) overflow();
    return Decimal::from_raw(r);
}

Decimal operator-(Decimal a, Decimal b) {
    int128 r;
    if (__builtin_sub_overflow(a.raw(), b.raw(), &r)) overflow();
    return Decimal::from_raw(r);
}

Decimal operator*(Decimal a, Decimal b) {
    const bool negative = (a.raw() < 0) != (b.raw() < 0);
    const u128 ma = wide::magnitude(a.raw()), mb = wide::magnitude(b.raw());
    // Both below 2^64 (|x| < 18.4, fits and probabilities): the product fits
    // in 128 bits and one native division scales it. Same quotient, same
    // half-even rounding as the 256-bit path below.
    if ((ma >> 64) == 0 && (mb >> 64) == 0) {
        const u128 p = static_cast<u128>(static_cast<uint64_t>(ma)) * static_cast<uint64_t>(mb);
        uint64_t r;
        u128 q = wide::div_by_u64(p, kScale64, r);
        if (!wide::round_half_even(q, r, kScaleU)) overflow();
        return from_magnitude(q, negative);
    }
    const wide::U256 p = wide::mul(ma, mb);
    // A product that still fits in 128 bits (a score times a fraction, a
    // count times 100) is scaled by the same native division.
    if (p.hi == 0) {
        uint64_t r;
        u128 q = wide::div_by_u64(p.lo, kScale64, r);
        if (!wide::round_half_even(q, r, kScaleU)) overflow();
        return from_magnitude(q, negative);
    }
    u128 q, r;
    if (!wide::divmod(p, kScaleU, q, r) || !wide::round_half_even(q, r, kScaleU)) overflow();
    return from_magnitude(q, negative);
}

Decimal operator/(Decimal a, Decimal b) {
    if (b.raw() == 0) throw ArithmeticError("division by zero");
    const bool negative = (a.raw() < 0) != (b.raw() < 0);
    const u128 d = wide::magnitude(b.raw());
    // Dividing by a whole number n: a*S/(n*S) = a/n, one native division
    // with the same half-even rounding.
    if (const uint64_t whole = small_integer(d)) {
        uint64_t r;
        u128 q = wide::div_by_u64(wide::magnitude(a.raw()), whole, r);
        if (!wide::round_half_even(q, r, whole)) overflow();
        return from_magnitude(q, negative);
    }
    // Fast path for divisors below about 340 (nearly every rulebook division):
    // a*S/b = (a/b)*S + ((a%b)*S)/b, where (a%b)*S < b*S still fits in 128
    // bits, so no 256-bit division is needed. The result is the same.
    constexpr u128 kMaxU = ~u128{0};
    if (d <= kMaxU / kScaleU) {
        const u128 m = wide::magnitude(a.raw());
        const u128 q1 = m / d, r1 = m - (m / d) * d;
        if (q1 < kMaxU / kScaleU - 1) {
            const u128 t = r1 * kScaleU;
            const u128 q2 = t / d;
            u128 q = q1 * kScaleU + q2, r = t - q2 * d;
            if (!wide::round_half_even(q, r, d)) overflow();
            return from_magnitude(q, negative);
        }
    }
    const wide::U256 n = wide::mul(wide::magnitude(a.raw()), kScaleU);
    u128 q, r;
    if (!wide::divmod(n, d, q, r) || !wide::round_half_even(q, r, d)) overflow();
    return from_magnitude(q, negative);
}

Decimal Decimal::operator-() const {
    int128 r;
    if (__builtin_sub_overflow(int128{0}, raw_, &r)) overflow();
    return from_raw(r);
}

Decimal Decimal::abs() const { return raw_ < 0 ? -*this : *this; }

Decimal Decimal::floor() const {
    const int128 q = raw_ / kScale;  // truncates toward zero
    const int128 whole = (raw_ < 0 && raw_ % kScale != 0) ? q - 1 : q;
    int128 r;
    if (__builtin_mul_overflow(whole, kScale, &r)) overflow();
    return from_raw(r);
}

Decimal Decimal::ceil() const {
    const int128 q = raw_ / kScale;
    const int128 whole = (raw_ > 0 && raw_ % kScale != 0) ? q + 1 : q;
    int128 r;
    if (__builtin_mul_overflow(whole, kScale, &r)) overflow();
    return from_raw(r);
}

Decimal Decimal::round_half_away(int places) const {
    if (places >= kPlaces) return *this;
    if (places < 0) places = 0;
    // 10^(18 - places) from a table: score and confidence round every
    // qualified lead, and a loop of 128-bit products cost more than the rounding.
    static constexpr uint64_t kUnits[kPlaces + 1] = {
        1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
        1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
        100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
        1000000000000000000ULL};
    const uint64_t unit = kUnits[kPlaces - places];
    uint64_t r;
    u128 q = wide::div_by_u64(wide::magnitude(raw_), unit, r);
    if (r >= unit - r) ++q;  // remainder >= unit / 2
    u128 out;
    if (__builtin_mul_overflow(q, unit, &out)) overflow();
    return from_magnitude(out, raw_ < 0);
}

std::optional<int64_t> Decimal::to_int64() const {
    if (!is_integer()) return std::nullopt;
    const int128 q = raw_ / kScale;
    if (q < INT64_MIN || q > INT64_MAX) return std::nullopt;
    return static_cast<int64_t>(q);
}

double Decimal::to_double() const {
    const int128 q = raw_ / kScale, r = raw_ % kScale;
    return static_cast<double>(q) + static_cast<double>(static_cast<int64_t>(r)) / 1e18;
}

std::string Decimal::to_string() const {
    std::string out;
    append_shortest_text(out, *this);
    return out;
}

std::string Decimal::to_fixed(int places) const {
    std::string out;
    append_fixed_text(out, *this, places);
    return out;
}

std::optional<Decimal> Decimal::parse(std::string_view t) {
    const size_t n = t.size();
    size_t i = 0;
    bool negative = false;
    if (i < n && (t[i] == '+' || t[i] == '-')) { negative = t[i] == '-'; ++i; }
    const size_t int_begin = i;
    while (i < n && is_digit(t[i])) ++i;
    const size_t int_end = i;
    if (int_end == int_begin) return std::nullopt;
    size_t frac_begin = i, frac_end = i;
    if (i < n && t[i] == '.') {
        frac_begin = ++i;
        while (i < n && is_digit(t[i])) ++i;
        frac_end = i;
        if (frac_end == frac_begin) return std::nullopt;
    }
    int64_t exponent = 0;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < n && (t[i] == '+' || t[i] == '-')) { exp_negative = t[i] == '-'; ++i; }
        const size_t exp_begin = i;
        // Saturate: any exponent beyond a billion already means overflow or
        // zero, so larger ones need no exact value (and no long loops).
        for (; i < n && is_digit(t[i]); ++i)
            if (exponent < 1000000000) exponent = exponent * 10 + (t[i] - '0');
        if (i == exp_begin) return std::nullopt;
        if (exp_negative) exponent = -exponent;
    }
    if (i != n) return std::nullopt;

    // The digits, integer part then fraction, form an integer D; the raw value
    // is D * 10^shift.
    const size_t int_len = int_end - int_begin, frac_len = frac_end - frac_begin;
    const size_t total = int_len + frac_len;
    auto digit = [&](size_t k) {
        return k < int_len ? t[int_begin + k] - '0' : t[frac_begin + k - int_len] - '0';
    };
    size_t first = 0;
    while (first < total && digit(first) == 0) ++first;
    if (first == total) return Decimal{};
    const int64_t significant = static_cast<int64_t>(total - first);
    const int64_t shift = exponent - static_cast<int64_t>(frac_len) + kPlaces;
    const int64_t keep = significant + shift;  // digits of the raw integer
    if (keep > 39) return std::nullopt;        // at least 10^39 > 2^128

    u128 mag = 0;
    const int64_t taken = keep < significant ? (keep > 0 ? keep : 0) : significant;
    for (int64_t k = 0; k < taken; ++k) {
        if (__builtin_mul_overflow(mag, 10, &mag) ||
            __builtin_add_overflow(mag, static_cast<u128>(digit(first + static_cast<size_t>(k))), &mag))
            return std::nullopt;
    }
    if (shift >= 0) {
        for (int64_t k = 0; k < shift; ++k)
            if (__builtin_mul_overflow(mag, 10, &mag)) return std::nullopt;
    } else if (keep >= 0) {
        // Digits beyond 18 places: round half to even on the first dropped
        // digit, with any later non-zero digit breaking a tie upwards.
        const int round_digit = digit(first + static_cast<size_t>(keep));
        bool sticky = false;
        for (size_t k = first + static_cast<size_t>(keep) + 1; k < total && !sticky; ++k) sticky = digit(k) != 0;
        if (round_digit > 5 || (round_digit == 5 && (sticky || (mag & 1))))
            if (__builtin_add_overflow(mag, 1, &mag)) return std::nullopt;
    }
    if (mag > wide::kI128Max) return std::nullopt;
    const int128 v = static_cast<int128>(mag);
    return from_raw(negative ? -v : v);
}

}  // namespace qualify
