// exp and sigmoid against Boost.Multiprecision at 50 digits, over thousands
// of random arguments: the table-driven exp must stay correctly rounded to
// 18 places wherever decimal_math.cpp promises it (results below 10^14).
#include "interpreter/decimal.hpp"

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace qualify;
using Big = boost::multiprecision::cpp_dec_float_50;

namespace {

// The reference rounded half-even to 18 places, as Decimal text; empty when
// the true value lies within the working precision (about 10^-33 of the
// value, decimal_math.cpp) of a rounding tie, where either neighbour is a
// faithful answer.
std::string rounded_reference(const Big& v) {
    const Big scaled = v * Big("1e18");
    const Big low = boost::multiprecision::floor(scaled);
    const Big frac = scaled - low;
    if (abs(frac - Big("0.5")) < scaled * Big("1e-33") + Big("1e-15")) return {};
    const Big q = frac > Big("0.5") ? low + 1 : low;
    return Decimal::parse(q.str(0, std::ios_base::fixed) + "e-18")->to_string();
}

Decimal random_decimal(std::mt19937_64& rng, int64_t lo, int64_t hi) {
    const auto whole = lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo));
    const auto frac = static_cast<int64_t>(rng() % 1000000000000000000ULL);
    return Decimal::from_raw(static_cast<int128>(whole) * Decimal::kScale + frac);
}

Big big(Decimal x) { return Big(x.to_string()); }

}  // namespace

TEST_CASE("exp is correctly rounded over its whole argument range below 10^14") {
    std::mt19937_64 rng(31337);
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        const Decimal x = random_decimal(rng, -43, 32);  // e^32 < 10^14
        const std::string want = rounded_reference(boost::multiprecision::exp(big(x)));
        if (want.empty()) continue;
        REQUIRE_MESSAGE(Decimal::exp(x).to_string() == want, x.to_string());
        ++checked;
    }
    CHECK(checked > 19000);
}

TEST_CASE("sigmoid is correctly rounded for logits of both signs") {
    std::mt19937_64 rng(4711);
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        const Decimal z = random_decimal(rng, -43, 43);
        const std::string want = rounded_reference(Big(1) / (Big(1) + boost::multiprecision::exp(-big(z))));
        if (want.empty()) continue;
        REQUIRE_MESSAGE(Decimal::sigmoid(z).to_string() == want, z.to_string());
        ++checked;
    }
    CHECK(checked > 19000);
}
