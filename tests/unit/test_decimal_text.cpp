// The decimal formatter (interpreter/decimal_text.cpp, which is also
// Decimal::to_fixed and to_string) against a plain reference that writes the
// digits one division by ten at a time: the same text for every value, at
// every number of places, on both sides of each rounding and carry, and at
// the ends of the range.
#include "interpreter/decimal_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace qualify;

namespace {

std::string fixed(const Decimal& v, int places) {
    std::string out = "x";  // appends after what is there
    append_fixed_text(out, v, places);
    return out.substr(1);
}

std::string shortest(const Decimal& v) {
    std::string out;
    append_shortest_text(out, v);
    return out;
}

// The digits of a magnitude, at least `width` of them.
std::string digits_of(unsigned __int128 v, size_t width) {
    std::string s;
    do {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v != 0);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    return s;
}

unsigned __int128 magnitude(int128 raw) {
    return raw < 0 ? -static_cast<unsigned __int128>(raw) : static_cast<unsigned __int128>(raw);
}

// to_fixed's text: the value rounded by Decimal's arithmetic (which throws
// at the very end of the range), then its digits.
std::string reference_fixed(const Decimal& v, int places) {
    places = std::clamp(places, 0, Decimal::kPlaces);
    const Decimal r = v.round_half_away(places);
    const std::string d = digits_of(magnitude(r.raw()), Decimal::kPlaces + 1);
    const std::string whole = d.substr(0, d.size() - Decimal::kPlaces);
    const std::string frac = d.substr(d.size() - Decimal::kPlaces, static_cast<size_t>(places));
    return (r.raw() < 0 ? "-" : "") + whole + (places > 0 ? "." + frac : "");
}

// to_string's text: every digit, trailing zeros of the fraction dropped.
std::string reference_shortest(const Decimal& v) {
    const std::string d = digits_of(magnitude(v.raw()), Decimal::kPlaces + 1);
    std::string frac = d.substr(d.size() - Decimal::kPlaces);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return (v.raw() < 0 ? "-" : "") + d.substr(0, d.size() - Decimal::kPlaces) + (frac.empty() ? "" : "." + frac);
}

// The formatter and the reference agree, or both throw.
void check_same(const Decimal& v) {
    for (int places = -1; places <= Decimal::kPlaces + 1; ++places) {
        std::string expected;
        bool threw = false;
        try {
            expected = reference_fixed(v, places);
        } catch (const ArithmeticError&) {
            threw = true;
        }
        if (threw) {
            CHECK_THROWS_AS(fixed(v, places), ArithmeticError);
        } else {
            const std::string got = fixed(v, places);
            CHECK_MESSAGE(got == expected, "raw ", reference_shortest(v), " places ", places);
            CHECK(v.to_fixed(places) == got);
        }
    }
    CHECK(shortest(v) == reference_shortest(v));
    CHECK(v.to_string() == shortest(v));
}

constexpr int128 kMaxRaw = ~(static_cast<int128>(1) << 127);
constexpr int128 kMinRaw = static_cast<int128>(1) << 127;

}  // namespace

TEST_CASE("the values a decision prints") {
    CHECK(fixed(*Decimal::parse("61.2249"), 2) == "61.22");
    CHECK(fixed(*Decimal::parse("14.145"), 2) == "14.15");
    CHECK(fixed(*Decimal::parse("-0.004"), 2) == "0.00");  // no "-0.00"
    CHECK(fixed(*Decimal::parse("-0.005"), 2) == "-0.01");
    CHECK(fixed(*Decimal::parse("99.995"), 2) == "100.00");
    CHECK(fixed(*Decimal::parse("0.62"), 4) == "0.6200");
    CHECK(fixed(*Decimal::parse("-0.15"), 4) == "-0.1500");
    CHECK(fixed(Decimal::from_int(100), 0) == "100");
    CHECK(shortest(Decimal::from_int(20)) == "20");
    CHECK(shortest(*Decimal::parse("-0.5")) == "-0.5");
    CHECK(shortest(*Decimal::parse("14.142135623730950488")) == "14.142135623730950488");
    CHECK(shortest(Decimal::zero()) == "0");
}

TEST_CASE("zero, the extremes and the edges of the fast path") {
    std::vector<int128> raws = {0, 1, -1, kMaxRaw, kMinRaw, kMaxRaw - 1, kMinRaw + 1};
    const int128 scale = Decimal::kScale;
    const int128 two64 = static_cast<int128>(1) << 64;
    const int128 limit = static_cast<int128>(10000000000000000000ULL) * scale;  // 10^19 whole
    for (int128 base : {scale, two64, limit, scale * 100, static_cast<int128>(UINT64_MAX), limit / 10}) {
        for (int128 delta = -3; delta <= 3; ++delta) {
            raws.push_back(base + delta);
            raws.push_back(-(base + delta));
        }
    }
    // Halves and carries at every width: x.4999…, x.5, 9.99…95 and so on.
    for (int places = 0; places <= Decimal::kPlaces; ++places) {
        int128 unit = 1;
        for (int i = 0; i < Decimal::kPlaces - places; ++i) unit *= 10;
        for (int128 whole : {static_cast<int128>(0), static_cast<int128>(9), static_cast<int128>(99),
                             static_cast<int128>(9999999999999999999ULL)}) {
            for (int128 delta = -1; delta <= 1; ++delta) {
                const int128 r = whole * scale + scale - unit / 2 + delta;
                raws.push_back(r);
                raws.push_back(-r);
            }
        }
    }
    for (int128 r : raws) check_same(Decimal::from_raw(r));
}

TEST_CASE("random values of every magnitude") {
    std::mt19937_64 rng(20261203);
    for (int i = 0; i < 20000; ++i) {
        const auto hi = static_cast<uint64_t>(rng()), lo = static_cast<uint64_t>(rng());
        // Shift to spread the magnitudes from tiny fractions to the whole range.
        const int shift = static_cast<int>(rng() % 128);
        auto mag = static_cast<unsigned __int128>((static_cast<unsigned __int128>(hi) << 64) | lo) >> shift;
        int128 raw = static_cast<int128>(mag >> 1);
        if (rng() & 1) raw = -raw;
        check_same(Decimal::from_raw(raw));
    }
}
