// exp, ln, pow and sigmoid of Decimal (decimal.hpp). They are computed in
// binary fixed point with 120 fractional bits (about 36 significant digits)
// using integer arithmetic only, then rounded half-even to 18 places, so
// every machine produces the same digits and no binary double is involved.
// Results are correctly rounded barring a true value within about 10^-33
// of itself from a rounding tie (tests/unit/test_decimal_exp.cpp checks
// this against 50-digit arithmetic); the largest results of exp may differ
// from the true value in the last digit or two, deterministically.
#include "interpreter/decimal.hpp"

#include "interpreter/wide_int.hpp"

namespace qualify {

using wide::i128;
using wide::u128;
using wide::U256;

namespace {

constexpr int kFrac = 120;                 // fractional bits of a fixed value
constexpr i128 kOne = i128{1} << kFrac;    // 1.0; fixed values lie within +-128
constexpr u128 kScaleU = static_cast<u128>(Decimal::kScale);

// Above this exp overflows the decimal range (ln(1.7e20) is about 46.6); below
// the negative bound it rounds to zero at 18 places (e^-43 < 0.5e-18).
constexpr i128 kExpMax = i128{47} << kFrac;
constexpr i128 kExpMin = -(i128{43} << kFrac);

[[noreturn]] void overflow() { throw ArithmeticError("decimal overflow"); }

U256 shr(U256 v, int s) {
    if (s == 0) return v;
    if (s >= 256) return {};
    if (s >= 128) return {0, v.hi >> (s - 128)};
    return {v.hi >> s, (v.lo >> s) | (v.hi << (128 - s))};
}

U256 shl(U256 v, int s) {
    if (s == 0) return v;
    if (s >= 256) return {};
    if (s >= 128) return {v.lo << (s - 128), 0};
    return {(v.hi << s) | (v.lo >> (128 - s)), v.lo << s};
}

bool equal(U256 a, U256 b) { return a.hi == b.hi && a.lo == b.lo; }

// v / 2^s rounded half to even; false when the result needs over 128 bits.
bool shr_round(U256 v, int s, u128& out) {
    if (s <= 0) {
        const U256 r = shl(v, -s);
        if (r.hi != 0 || !equal(shr(r, -s), v)) return false;
        out = r.lo;
        return true;
    }
    const U256 q = shr(v, s);
    if (q.hi != 0) return false;
    const U256 below = shr(v, s - 1);  // q followed by the half bit
    const bool half = (below.lo & 1) != 0;
    const bool sticky = !equal(shl(below, s - 1), v);
    u128 r = q.lo;
    if (half && (sticky || (r & 1))) {
        if (r == ~u128{0}) return false;
        ++r;
    }
    out = r;
    return true;
}

// Fixed-point product, rounded to nearest; operands keep it within range.
// This is the inner loop of every series, so it shifts by hand.
i128 fmul(i128 a, i128 b) {
    const bool negative = (a < 0) != (b < 0);
    const U256 p = wide::mul(wide::magnitude(a), wide::magnitude(b));
    const u128 m = ((p.hi << (128 - kFrac)) | (p.lo >> kFrac)) + ((p.lo >> (kFrac - 1)) & 1);
    const i128 v = static_cast<i128>(m);
    return negative ? -v : v;
}

// fmul for operands known to be non-negative: the same product and the same
// rounding without the sign handling. exp's series, the reciprocal's Newton
// steps and exp's final product only ever multiply such values (a negative
// series argument is handled by exp_series), and they are the inner loop of
// sigmoid, so this is inlined.
[[gnu::always_inline]] inline i128 fmul_nonneg(u128 a, u128 b) {
    const U256 p = wide::mul(a, b);
    return static_cast<i128>(((p.hi << (128 - kFrac)) | (p.lo >> kFrac)) + ((p.lo >> (kFrac - 1)) & 1));
}

// 1 / d for a fixed value 1 <= d < 4: a 64-bit estimate refined by two
// Newton steps (each doubles the correct bits), with no wide division.
i128 reciprocal(i128 d) {
    const uint64_t top = static_cast<uint64_t>(d >> 60);           // d in units of 2^-60
    uint64_t rest;
    i128 y = static_cast<i128>(wide::div_by_u64(u128{1} << 124, top, rest)) << 56;  // about 62 correct bits
    // y and d are positive, and d * y stays near 1, so every operand here is.
    for (int i = 0; i < 2; ++i)
        y = fmul_nonneg(static_cast<u128>(y), static_cast<u128>(2 * kOne - fmul_nonneg(static_cast<u128>(d), static_cast<u128>(y))));
    return y;
}

struct Tables {
    static constexpr int kFact = 28;   // r^28/28! < 2^-120 for |r| <= ln2/2
    static constexpr int kOdd = 40;    // enough for atanh(1/3)
    // exp(r) = exp(j/32) * exp(r - j/32): a table of exp(j/32) for the
    // |r| <= ln2/2 that exp_parts leaves (|j| <= 11), and a short series for
    // |r - j/32| <= 1/64, where 14 terms reach 2^-120.
    static constexpr int kStepBits = 5;
    static constexpr int kSteps = 11;
    static constexpr int kShortFact = 14;
    i128 inv_fact[kFact + 1];          // 1/n!
    i128 inv_odd[kOdd + 1];            // 1/(2k+1)
    i128 exp_step[2 * kSteps + 1];     // exp(j/32), j = -11..11
    i128 ln2, ln10;

    // The Taylor series of e^r with `terms` terms, by Horner. Every partial
    // sum p is positive (|r| < 1 here), so fmul(r, p) is the product of the
    // magnitudes with r's sign: the same values as fmul, without its sign
    // handling in the loop.
    i128 exp_series(i128 r, int terms) const {
        const u128 magnitude = wide::magnitude(r);
        i128 p = inv_fact[terms];
        if (r >= 0)
            for (int i = terms - 1; i >= 0; --i) p = inv_fact[i] + fmul_nonneg(magnitude, static_cast<u128>(p));
        else
            for (int i = terms - 1; i >= 0; --i) p = inv_fact[i] - fmul_nonneg(magnitude, static_cast<u128>(p));
        return p;
    }

    // atanh(s) = s + s^3/3 + s^5/5 + ..., with `terms` terms, by Horner in s^2.
    i128 atanh(i128 s, int terms) const {
        const i128 s2 = fmul(s, s);
        i128 p = inv_odd[terms];
        for (int k = terms - 1; k >= 0; --k) p = inv_odd[k] + fmul(s2, p);
        return fmul(s, p);
    }

    Tables() {
        inv_fact[0] = kOne;
        for (int n = 1; n <= kFact; ++n) inv_fact[n] = inv_fact[n - 1] / n;
        for (int k = 0; k <= kOdd; ++k) inv_odd[k] = kOne / (2 * k + 1);
        ln2 = 2 * atanh(kOne / 3, kOdd);                   // ln 2 = 2 atanh(1/3)
        ln10 = 3 * ln2 + 2 * atanh(kOne / 9, kOdd / 2);    // ln 1.25 = 2 atanh(1/9)
        // |j/32| <= 11/32 < ln2/2 + 1/64: the full series is exact to 2^-120 there.
        for (int j = -kSteps; j <= kSteps; ++j)
            exp_step[j + kSteps] = exp_series(static_cast<i128>(j) << (kFrac - kStepBits), kFact);
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// A decimal as a fixed value; |x| must stay below 128.
// raw * 2^120 / 10^18 is raw * 2^102 / 5^18, and 5^18 fits in 64 bits: the
// quotient is a long division by 64-bit limbs (the same floor as a 256-bit
// division by 10^18, in four hardware divisions).
i128 to_fixed_point(Decimal x) {
    constexpr uint64_t kFive18 = 3814697265625ULL;  // 5^18
    const U256 n = shl(U256{0, wide::magnitude(x.raw())}, kFrac - Decimal::kPlaces);
    const uint64_t limbs[4] = {static_cast<uint64_t>(n.hi >> 64), static_cast<uint64_t>(n.hi),
                               static_cast<uint64_t>(n.lo >> 64), static_cast<uint64_t>(n.lo)};
    uint64_t q[4], r = 0;
    for (int i = 0; i < 4; ++i) q[i] = wide::div_2by1(r, limbs[i], kFive18, r);  // r < 5^18 throughout
    // |x| < 128 keeps the quotient below 2^127: q[0] and q[1] are zero.
    const i128 v = static_cast<i128>((static_cast<u128>(q[2]) << 64) | q[3]);
    return x.raw() < 0 ? -v : v;
}

// m * 2^(e - 120) as a decimal, rounded half-even to 18 places.
Decimal from_binary(i128 m, int e) {
    if (e == 0) {
        // ln and sigmoid: |m| * 10^18 < 2^188, so the quotient by 2^120 has at
        // most 68 bits and cannot overflow; shr_round's half-even rounding
        // on the two words directly.
        const U256 p = wide::mul(wide::magnitude(m), kScaleU);
        u128 q = (p.hi << (128 - kFrac)) | (p.lo >> kFrac);
        const bool half = ((p.lo >> (kFrac - 1)) & 1) != 0;
        const bool sticky = (p.lo & ((u128{1} << (kFrac - 1)) - 1)) != 0;
        if (half && (sticky || (q & 1))) ++q;
        const i128 v = static_cast<i128>(q);
        return Decimal::from_raw(m < 0 ? -v : v);
    }
    u128 out;
    if (!shr_round(wide::mul(wide::magnitude(m), kScaleU), kFrac - e, out) || out > wide::kI128Max)
        overflow();
    const i128 v = static_cast<i128>(out);
    return Decimal::from_raw(m < 0 ? -v : v);
}

// e^x = E * 2^k with E a fixed value in [0.7, 1.42], for kExpMin <= x <= kExpMax.
void exp_parts(i128 x, i128& mantissa, int& k) {
    const Tables& t = tables();
    // n = x / ln2 from the top bits (|x| < 2^126, so x / 2^64 fits in 64
    // bits), then corrected: r must end within ln2/2 of zero either way.
    const auto ln2_top = static_cast<int64_t>(t.ln2 >> 64);
    int64_t n = static_cast<int64_t>(x >> 64) / ln2_top;
    i128 r = x - n * t.ln2;
    while (r > t.ln2 / 2) { r -= t.ln2; ++n; }
    while (r < -t.ln2 / 2) { r += t.ln2; --n; }
    // j = r * 32 rounded; j/32 is exact in fixed point, so r - j/32 is too.
    const int j = static_cast<int>((r + (i128{1} << (kFrac - Tables::kStepBits - 1))) >> (kFrac - Tables::kStepBits));
    const i128 s = r - (static_cast<i128>(j) << (kFrac - Tables::kStepBits));
    mantissa = fmul_nonneg(static_cast<u128>(t.exp_step[j + Tables::kSteps]),
                           static_cast<u128>(t.exp_series(s, Tables::kShortFact)));
    k = static_cast<int>(n);
}

Decimal exp_fixed(i128 x) {
    if (x > kExpMax) overflow();
    if (x < kExpMin) return Decimal{};
    i128 m;
    int k;
    exp_parts(x, m, k);
    return from_binary(m, k);
}

// ln of a positive raw decimal value, as a fixed value (within -42..47).
i128 ln_fixed(int128 raw) {
    const Tables& t = tables();
    const u128 u = static_cast<u128>(raw);
    int e = (u >> 64) != 0 ? 127 - __builtin_clzll(static_cast<uint64_t>(u >> 64))
                           : 63 - __builtin_clzll(static_cast<uint64_t>(u));  // the top bit of u
    // raw = m * 2^e with m in [1, 2); then m moves into [0.707, 1.414) so the
    // atanh series below converges in about 24 terms.
    i128 m = e <= kFrac ? static_cast<i128>(u << (kFrac - e)) : static_cast<i128>(u >> (e - kFrac));
    if (fmul(m, m) > 2 * kOne) { m >>= 1; ++e; }
    const i128 s = fmul(m - kOne, reciprocal(m + kOne));  // |s| < 0.1716
    const i128 ln_m = 2 * t.atanh(s, 24);
    // ln(raw / 10^18) = ln m + e ln 2 - 18 ln 10
    return ln_m + e * t.ln2 - 18 * t.ln10;
}

}  // namespace

Decimal Decimal::exp(Decimal x) {
    if (x.raw() > 47 * kScale) overflow();
    if (x.raw() < -43 * kScale) return Decimal{};
    return exp_fixed(to_fixed_point(x));
}

Decimal Decimal::ln(Decimal x) {
    if (x.raw() <= 0) throw ArithmeticError("logarithm of a non-positive number");
    return from_binary(ln_fixed(x.raw()), 0);
}

Decimal Decimal::pow(Decimal base, Decimal e) { return pow_ratio(base, e, one()); }

namespace {

// The last results of pow_ratio, by their exact arguments: decay() asks for
// the same few powers (whole days over one half-life) lead after lead. A
// pure function's memo: a hit returns the very value a miss computes.
struct PowMemo {
    struct Entry {
        int128 base = 0, num = 0, den = 0;  // base 0 never occurs: marks an empty entry
        Decimal result;
    };
    static constexpr int kBits = 7;
    Entry entries[1 << kBits];

    static size_t slot(int128 base, int128 num, int128 den) {
        auto fold = [](int128 v) {
            const auto u = static_cast<unsigned __int128>(v);
            return static_cast<uint64_t>(u) ^ static_cast<uint64_t>(u >> 64);
        };
        // Multiplicative hashing: decimal raws are multiples of 2^18, so
        // the high bits of the product carry the variation.
        const uint64_t h = (fold(num) * 0x9E3779B97F4A7C15ULL) ^ (fold(den) * 0xC2B2AE3D27D4EB4FULL) ^ fold(base);
        return static_cast<size_t>((h * 0x9E3779B97F4A7C15ULL) >> (64 - kBits));
    }
};

// pow_ratio without its memo.
Decimal pow_ratio_uncached(Decimal base, Decimal num, Decimal den) {
    // y = ln(base) * num / den, kept in fixed point so that neither the
    // exponent nor the logarithm is rounded before the exponential: the
    // result is rounded once.
    // decay() asks for 0.5^(days / h) with the same base every time: the
    // logarithm, the dearer half of the work, is kept from the last call.
    thread_local int128 last_base = 0;
    thread_local i128 last_ln = 0;
    if (base.raw() != last_base) {
        last_ln = ln_fixed(base.raw());
        last_base = base.raw();
    }
    const i128 l = last_ln;
    const bool negative = (l < 0) != ((num.raw() < 0) != (den.raw() < 0));
    u128 q, r;
    const bool fits = wide::divmod(wide::mul(wide::magnitude(l), wide::magnitude(num.raw())),
                                   wide::magnitude(den.raw()), q, r);
    if (!fits || q > static_cast<u128>(kExpMax)) {
        if (negative) return Decimal{};
        overflow();
    }
    const i128 y = static_cast<i128>(q);
    return exp_fixed(negative ? -y : y);
}

}  // namespace

Decimal Decimal::pow_ratio(Decimal base, Decimal num, Decimal den) {
    if (den.raw() == 0) throw ArithmeticError("division by zero");
    if (base.raw() <= 0) throw ArithmeticError("power of a non-positive number");
    if (num.raw() == 0 || base.raw() == kScale) return one();
    thread_local PowMemo memo;
    PowMemo::Entry& e = memo.entries[PowMemo::slot(base.raw(), num.raw(), den.raw())];
    if (e.base == base.raw() && e.num == num.raw() && e.den == den.raw()) return e.result;
    const Decimal result = pow_ratio_uncached(base, num, den);
    e = {base.raw(), num.raw(), den.raw(), result};
    return result;
}

Decimal Decimal::sigmoid(Decimal z) {
    // Beyond +-43 the result rounds to 1 or 0 at 18 places; saturating here
    // also keeps e^-z inside the range.
    if (z.raw() >= 43 * kScale) return one();
    if (z.raw() <= -43 * kScale) return Decimal{};
    // For z >= 0, 1 / (1 + e^-z) with e^-z in (0, 1]; for z < 0 the mirror
    // image 1 - sigmoid(-z), which only needs absolute precision here.
    const i128 w = to_fixed_point(z.abs());
    i128 m;
    int k;
    exp_parts(-w, m, k);  // k <= 0
    const i128 y = reciprocal(kOne + (m >> -k));
    return from_binary(z.raw() < 0 ? kOne - y : y, 0);
}

}  // namespace qualify
