// Decimal division against an independent wide-integer computation: the
// fast paths (small divisors, 64-bit limbs) must round exactly like the
// general 256-bit one, half to even, for random operands of every size; and
// the 256-by-128-bit division itself matches Boost.Multiprecision; and
// multiplication, native or 256-bit, rounds the same way.
#include "interpreter/decimal.hpp"
#include "interpreter/wide_int.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>

#include <random>

using namespace qualify;
using boost::multiprecision::int256_t;

namespace {

int256_t as_int256(int128 v) {
    bool neg = v < 0;
    auto u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    int256_t x = static_cast<uint64_t>(u >> 64);
    x <<= 64;
    x += static_cast<uint64_t>(u);
    return neg ? -x : x;
}

// a * 10^18 / b, rounded half to even, in 256-bit arithmetic.
int256_t expected_quotient(int128 a, int128 b) {
    int256_t n = as_int256(a) * int256_t("1000000000000000000"), d = as_int256(b);
    int256_t q = n / d, r = n % d;  // truncated toward zero
    int256_t twice = abs(r) * 2, ad = abs(d);
    bool negative = (n < 0) != (d < 0);
    if (twice > ad || (twice == ad && (q % 2 != 0))) q += negative ? -1 : 1;
    return q;
}

}  // namespace

TEST_CASE("division rounds like 256-bit arithmetic for operands of every size") {
    std::mt19937_64 rng(12345);
    auto random_raw = [&](int bits) {
        unsigned __int128 v = (static_cast<unsigned __int128>(rng()) << 64) | rng();
        v >>= (128 - bits);
        int128 x = static_cast<int128>(v);
        return (rng() & 1) ? -x : x;
    };
    int checked = 0;
    for (int i = 0; i < 200000; ++i) {
        int128 a = random_raw(1 + static_cast<int>(rng() % 126));
        int128 b = random_raw(1 + static_cast<int>(rng() % 126));
        if (b == 0) continue;
        int256_t want = expected_quotient(a, b);
        bool fits = want <= as_int256(std::numeric_limits<int128>::max()) && want >= -as_int256(std::numeric_limits<int128>::max());
        try {
            Decimal got = Decimal::from_raw(a) / Decimal::from_raw(b);
            REQUIRE(fits);
            REQUIRE(as_int256(got.raw()) == want);
            ++checked;
        } catch (const ArithmeticError&) {
            CHECK_FALSE(fits);
        }
    }
    CHECK(checked > 100000);
}

TEST_CASE("dividing by a whole number rounds like 256-bit arithmetic") {
    // Whole divisors take their own path (a / n instead of a * 10^18 / (n * 10^18)),
    // so they get their own operands: every size of dividend, divisors from 1
    // to 2^63 - 1, and dividends an exact half-multiple away from a tie.
    std::mt19937_64 rng(2468);
    const int128 scale = Decimal::kScale;
    int ties = 0;
    for (int i = 0; i < 200000; ++i) {
        const uint64_t n = 1 + (rng() >> (1 + rng() % 63));
        const int128 b = static_cast<int128>(n) * scale * ((rng() & 1) ? -1 : 1);
        unsigned __int128 mag = (static_cast<unsigned __int128>(rng()) << 64) | rng();
        mag >>= 1 + rng() % 127;
        if (i % 4 == 0) {  // q * n + n / 2: a tie when n is even
            mag = (mag % (static_cast<unsigned __int128>(1) << 60)) * n + n / 2;  // below 2^124
            if (n % 2 == 0) ++ties;
        }
        const int128 a = static_cast<int128>(mag) * ((rng() & 1) ? -1 : 1);
        const Decimal got = Decimal::from_raw(a) / Decimal::from_raw(b);
        REQUIRE(as_int256(got.raw()) == expected_quotient(a, b));
    }
    CHECK(ties > 10000);
}

TEST_CASE("division by a 64-bit divisor matches the native 128-bit division") {
    std::mt19937_64 rng(1357);
    for (int i = 0; i < 200000; ++i) {
        const unsigned __int128 n = ((static_cast<unsigned __int128>(rng()) << 64) | rng()) >> (rng() % 128);
        const uint64_t d = 1 + (rng() >> (rng() % 64));
        uint64_t r = 0;
        const unsigned __int128 q = qualify::wide::div_by_u64(n, d, r);
        REQUIRE(q == n / d);
        REQUIRE(r == static_cast<uint64_t>(n % d));
    }
}

TEST_CASE("256-by-128-bit division matches Boost.Multiprecision, two-limb divisors included") {
    using boost::multiprecision::uint256_t;
    using qualify::wide::U256;
    using qualify::wide::u128;
    auto to_boost = [](U256 v) {
        uint256_t x = static_cast<uint64_t>(v.hi >> 64);
        x <<= 64; x |= static_cast<uint64_t>(v.hi);
        x <<= 64; x |= static_cast<uint64_t>(v.lo >> 64);
        x <<= 64; x |= static_cast<uint64_t>(v.lo);
        return x;
    };
    auto to_u128 = [](const uint256_t& x) {
        return (static_cast<u128>(static_cast<uint64_t>(x >> 64)) << 64) | static_cast<uint64_t>(x);
    };
    std::mt19937_64 rng(777);
    auto random_u128 = [&](int bits) {
        u128 v = (static_cast<u128>(rng()) << 64) | rng();
        return bits >= 128 ? v : v >> (128 - bits);
    };
    int two_limb = 0;
    for (int i = 0; i < 200000; ++i) {
        const u128 d = random_u128(1 + static_cast<int>(rng() % 128));
        if (d == 0) continue;
        // Dividends just below the limit d * 2^128 stress the digit estimates.
        U256 n{random_u128(1 + static_cast<int>(rng() % 128)), random_u128(128)};
        if (n.hi >= d) n.hi = d - 1 - (n.hi % d == d - 1 ? 0 : n.hi % d);
        u128 q = 0, r = 0;
        REQUIRE(qualify::wide::divmod(n, d, q, r));
        const uint256_t bn = to_boost(n), bd = to_boost(U256{0, d});
        CHECK(q == to_u128(bn / bd));
        CHECK(r == to_u128(bn % bd));
        if ((d >> 64) != 0) ++two_limb;
    }
    CHECK(two_limb > 50000);
    u128 q = 0, r = 0;
    CHECK_FALSE(qualify::wide::divmod(U256{5, 0}, 5, q, r));  // the quotient needs 129 bits
}

TEST_CASE("multiplication rounds like 256-bit arithmetic, the 64-bit operand path included") {
    std::mt19937_64 rng(4242);
    auto random_raw = [&](int bits) {
        unsigned __int128 v = (static_cast<unsigned __int128>(rng()) << 64) | rng();
        v >>= (128 - bits);
        int128 x = static_cast<int128>(v);
        return (rng() & 1) ? -x : x;
    };
    const int256_t scale("1000000000000000000");
    int small = 0;
    for (int i = 0; i < 200000; ++i) {
        // Half the pairs below 2^64 each (the native path), half of any size.
        const int max_bits = (i % 2) ? 64 : 126;
        int128 a = random_raw(1 + static_cast<int>(rng() % max_bits));
        int128 b = random_raw(1 + static_cast<int>(rng() % max_bits));
        const int256_t n = as_int256(a) * as_int256(b);
        int256_t q = n / scale, r = n % scale;  // truncated toward zero
        const int256_t twice = abs(r) * 2;
        if (twice > scale || (twice == scale && (q % 2 != 0))) q += n < 0 ? -1 : 1;
        const bool fits = q <= as_int256(std::numeric_limits<int128>::max()) &&
                          q >= -as_int256(std::numeric_limits<int128>::max());
        try {
            Decimal got = Decimal::from_raw(a) * Decimal::from_raw(b);
            REQUIRE(fits);
            REQUIRE(as_int256(got.raw()) == q);
            if (i % 2) ++small;
        } catch (const ArithmeticError&) {
            CHECK_FALSE(fits);
        }
    }
    CHECK(small > 90000);
}
