// Decimal division against an independent wide-integer computation: the
// fast paths (small divisors, 64-bit limbs) must round exactly like the
// general 256-bit one, half to even, for random operands of every size.
#include "interpreter/decimal.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>

#include <random>

using namespace qualify;
using boost::multiprecision::int256_t;

namespace {

int256_t wide(int128 v) {
    bool neg = v < 0;
    auto u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    int256_t x = static_cast<uint64_t>(u >> 64);
    x <<= 64;
    x += static_cast<uint64_t>(u);
    return neg ? -x : x;
}

// a * 10^18 / b, rounded half to even, in 256-bit arithmetic.
int256_t expected_quotient(int128 a, int128 b) {
    int256_t n = wide(a) * int256_t("1000000000000000000"), d = wide(b);
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
        bool fits = want <= wide(std::numeric_limits<int128>::max()) && want >= -wide(std::numeric_limits<int128>::max());
        try {
            Decimal got = Decimal::from_raw(a) / Decimal::from_raw(b);
            REQUIRE(fits);
            REQUIRE(wide(got.raw()) == want);
            ++checked;
        } catch (const ArithmeticError&) {
            CHECK_FALSE(fits);
        }
    }
    CHECK(checked > 100000);
}
