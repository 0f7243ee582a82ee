// Decimal: exact arithmetic, rounding, parsing, printing and the
// transcendental functions against values computed to 60 digits.
#include "interpreter/decimal.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace qualify;

namespace {

Decimal d(const char* text) {
    auto v = Decimal::parse(text);
    REQUIRE_MESSAGE(v.has_value(), text);
    return *v;
}

std::string s(Decimal v) { return v.to_string(); }

const Decimal kMax = Decimal::from_raw(~(static_cast<int128>(1) << 127));

}  // namespace

TEST_CASE("addition and subtraction are exact") {
    CHECK(d("0.1") + d("0.2") == d("0.3"));
    CHECK(s(d("0.1") + d("0.2")) == "0.3");
    CHECK(s(d("1") - d("1.000000000000000001")) == "-0.000000000000000001");
    CHECK_THROWS_AS(kMax + Decimal::from_raw(1), ArithmeticError);
    CHECK_THROWS_AS(-kMax - Decimal::from_raw(2), ArithmeticError);
    CHECK_THROWS_WITH(kMax + kMax, "decimal overflow");
}

TEST_CASE("division is decimal and rounds half-even") {
    CHECK(s(Decimal::from_int(7) / Decimal::from_int(2)) == "3.5");
    CHECK(s(d("1") / d("3")) == "0.333333333333333333");
    CHECK(s(d("2") / d("3")) == "0.666666666666666667");
    CHECK(s(d("-2") / d("3")) == "-0.666666666666666667");
    // 0.000000000000000001 / 2 = 0.5e-18: a tie, rounds to the even 0.
    CHECK(s(d("0.000000000000000001") / d("2")) == "0");
    CHECK(s(d("0.000000000000000003") / d("2")) == "0.000000000000000002");
    CHECK(s(d("-0.000000000000000003") / d("2")) == "-0.000000000000000002");
    CHECK(s(d("10") / d("20")) == "0.5");
    CHECK(s(d("1000") / d("400")) == "2.5");           // dividend past 128 bits, divisor one limb
    CHECK(s(d("100000000000000000000") / d("30")) == "3333333333333333333.333333333333333333");
    CHECK(s(d("100000000000000000000") / d("100000000000000000000")) == "1");  // the Boost path
    CHECK_THROWS_WITH(d("1") / Decimal::zero(), "division by zero");
    CHECK_THROWS_AS(d("100000000000000000000") / d("0.1"), ArithmeticError);
}

TEST_CASE("multiplication rounds half-even to 18 places") {
    CHECK(s(d("1.5") * d("2")) == "3");
    CHECK(s(d("0.000000001") * d("0.0000000005")) == "0");                  // 0.5e-18 -> 0
    CHECK(s(d("0.000000001") * d("0.0000000015")) == "0.000000000000000002");  // 1.5e-18 -> 2
    CHECK(s(d("0.000000001") * d("0.0000000025")) == "0.000000000000000002");  // 2.5e-18 -> 2
    CHECK(s(d("-0.000000001") * d("0.0000000025")) == "-0.000000000000000002");
    CHECK(s(d("0.000000001") * d("0.00000000251")) == "0.000000000000000003");
    CHECK(s(d("100") * d("0.7")) == "70");
    CHECK(s(d("12345678901.5") * d("1000000000")) == "12345678901500000000");
    CHECK(s(d("-3") * d("-4")) == "12");
    CHECK_THROWS_AS(d("100000000000") * d("100000000000"), ArithmeticError);
    CHECK_THROWS_AS(kMax * d("1.000000000000000001"), ArithmeticError);
    CHECK(kMax * Decimal::one() == kMax);
}

TEST_CASE("products past 2^64 that fit in 128 bits round half-even like the rest") {
    // One operand at or above 2^64 (about 18.45), the raw product below 2^128.
    CHECK(s(d("20.000000000000000001") * d("0.5")) == "10");  // 10.0000000000000000005: a tie, to even
    CHECK(s(d("20.000000000000000003") * d("0.5")) == "10.000000000000000002");
    CHECK(s(d("-20.000000000000000003") * d("0.5")) == "-10.000000000000000002");
    CHECK(s(d("0.5") * d("20.000000000000000005")) == "10.000000000000000002");
    CHECK(s(d("70.5") * d("100")) == "7050");
    CHECK(s(d("99.99") * d("0.3")) == "29.997");
    CHECK(s(d("123456789.123456789") * d("0.000000001")) == "0.123456789123456789");
    CHECK(s(d("-123456789.123456789") * d("-0.000000001")) == "0.123456789123456789");
}

TEST_CASE("pow_ratio gives the same digits whether or not it has seen its arguments") {
    // decay's 0.5^(days / 14) for more distinct days than the memo holds,
    // then again in the other order: every answer is the one computed first.
    const Decimal half = d("0.5"), h = d("14");
    std::vector<Decimal> first;
    for (int days = 1; days <= 400; ++days) first.push_back(Decimal::pow_ratio(half, Decimal::from_int(days), h));
    for (int days = 400; days >= 1; --days)
        REQUIRE(Decimal::pow_ratio(half, Decimal::from_int(days), h) == first[static_cast<size_t>(days - 1)]);
    CHECK(s(first[13]) == "0.5");
    CHECK(s(first[27]) == "0.25");
    // The same exponent over another base is another entry.
    CHECK(s(Decimal::pow_ratio(d("2"), Decimal::from_int(14), h)) == "2");
    CHECK(s(Decimal::pow_ratio(half, Decimal::from_int(14), h)) == "0.5");
    CHECK(s(Decimal::pow_ratio(half, Decimal::from_int(14), d("7"))) == "0.25");
}

TEST_CASE("int64 extremes round-trip") {
    const Decimal lo = Decimal::from_int(INT64_MIN), hi = Decimal::from_int(INT64_MAX);
    CHECK(s(lo) == "-9223372036854775808");
    CHECK(s(hi) == "9223372036854775807");
    CHECK(lo.to_int64() == INT64_MIN);
    CHECK(hi.to_int64() == INT64_MAX);
    CHECK_FALSE((hi + Decimal::one()).to_int64().has_value());
    CHECK_FALSE(d("1.5").to_int64().has_value());
    CHECK(d("-12.000").to_int64() == -12);
    CHECK(d("12").is_integer());
    CHECK_FALSE(d("12.01").is_integer());
}

TEST_CASE("parse reads numbers exactly") {
    CHECK(s(d("12")) == "12");
    CHECK(s(d("-0")) == "0");
    CHECK(s(d("+1.25")) == "1.25");
    CHECK(s(d("1.5e3")) == "1500");
    CHECK(s(d("15E-1")) == "1.5");
    CHECK(s(d("1e-18")) == "0.000000000000000001");
    CHECK(s(d("1e-19")) == "0");
    CHECK(s(d("5e-19")) == "0");                          // a tie, to even
    CHECK(s(d("15e-19")) == "0.000000000000000002");      // a tie, to even
    CHECK(s(d("0.0000000000000000025")) == "0.000000000000000002");
    CHECK(s(d("0.00000000000000000250001")) == "0.000000000000000003");
    CHECK(s(d("0.0000000000000000035")) == "0.000000000000000004");
    CHECK(s(d("-0.0000000000000000035")) == "-0.000000000000000004");
    CHECK(s(d("0e999999999")) == "0");
    CHECK(s(d("1e-999999999")) == "0");
    CHECK(s(d("170141183460469231731.687303715884105727")) == "170141183460469231731.687303715884105727");
    CHECK(s(d("0.00012e6")) == "120");
    CHECK(s(d("007")) == "7");
    for (const char* bad : {"", "-", "+", ".5", "5.", "1e", "1e+", "0x10", "inf", "nan", "NaN", " 1", "1 ",
                            "1,000", "1..2", "1.2.3", "--1", "1e999999999", "1e21", "170141183460469231732",
                            "-170141183460469231732", "1e99999999999999999999", "12a", "e5"})
        CHECK_MESSAGE(!Decimal::parse(bad).has_value(), bad);
}

TEST_CASE("printing") {
    CHECK(s(Decimal::from_int(20)) == "20");
    CHECK(s(d("0.5")) == "0.5");
    CHECK(s(d("-0.5")) == "-0.5");
    CHECK(s(Decimal::zero()) == "0");
    CHECK(s(d("-14.142135623730950488")) == "-14.142135623730950488");
    CHECK(d("14.142135623730950488").to_fixed(2) == "14.14");
    CHECK(Decimal::from_int(20).to_fixed(2) == "20.00");
    CHECK(d("0.62").to_fixed(4) == "0.6200");
    CHECK(d("2.5").to_fixed(0) == "3");
    CHECK(d("-2.5").to_fixed(0) == "-3");
    CHECK(d("0.125").to_fixed(2) == "0.13");
    CHECK(d("-0.001").to_fixed(2) == "0.00");
    CHECK(d("1.23").to_fixed(18) == "1.230000000000000000");
    CHECK(d("61.225").round_half_away(2) == d("61.23"));
    CHECK(d("-61.225").round_half_away(2) == d("-61.23"));
    CHECK(d("61.2249999").round_half_away(2) == d("61.22"));
}

TEST_CASE("floor, ceil, abs and negation") {
    CHECK(d("2.5").floor() == d("2"));
    CHECK(d("-2.5").floor() == d("-3"));
    CHECK(d("-2").floor() == d("-2"));
    CHECK(d("2.1").ceil() == d("3"));
    CHECK(d("-2.9").ceil() == d("-2"));
    CHECK(d("-7.25").abs() == d("7.25"));
    CHECK(-d("3") == d("-3"));
    const Decimal min = Decimal::from_raw(static_cast<int128>(1) << 127);
    CHECK_THROWS_AS(-min, ArithmeticError);
    CHECK_THROWS_AS(min.abs(), ArithmeticError);
    CHECK_THROWS_AS(min.floor(), ArithmeticError);
    CHECK(d("3.25").to_double() == doctest::Approx(3.25));
}

TEST_CASE("exp, ln, pow and sigmoid give the correctly rounded 18 digits") {
    CHECK(s(Decimal::exp(Decimal::zero())) == "1");
    CHECK(s(Decimal::exp(d("1"))) == "2.718281828459045235");
    CHECK(s(Decimal::exp(d("-1"))) == "0.367879441171442322");
    CHECK(s(Decimal::exp(d("10"))) == "22026.465794806716516958");
    CHECK(s(Decimal::exp(d("-50"))) == "0");
    CHECK_THROWS_AS(Decimal::exp(d("46.6")), ArithmeticError);
    CHECK_THROWS_AS(Decimal::exp(d("1000")), ArithmeticError);
    // Near the top of the range the last digits are deterministic but not
    // guaranteed; the leading ones are right.
    CHECK(s(Decimal::exp(d("46"))).substr(0, 24) == "94961194206024488745.133");

    CHECK(s(Decimal::ln(d("2"))) == "0.693147180559945309");
    CHECK(s(Decimal::ln(d("10"))) == "2.302585092994045684");
    CHECK(s(Decimal::ln(d("0.5"))) == "-0.693147180559945309");
    CHECK(s(Decimal::ln(Decimal::one())) == "0");
    CHECK(s(Decimal::ln(d("1e-18"))) == "-41.446531673892822312");
    CHECK(s(Decimal::ln(d("170141183460469231731.687303715884105727"))) == "46.583160257220231984");
    CHECK_THROWS_WITH(Decimal::ln(Decimal::zero()), "logarithm of a non-positive number");
    CHECK_THROWS_AS(Decimal::ln(d("-1")), ArithmeticError);

    CHECK(s(Decimal::pow(d("0.5"), d("0.5"))) == "0.707106781186547524");
    CHECK(s(Decimal::pow(d("0.5"), d("30") / d("14"))) == "0.226430916065976668");
    CHECK(s(Decimal::pow(d("2"), d("10.5"))) == "1448.154687870049329973");
    CHECK(s(Decimal::pow(d("1.5"), d("-3.25"))) == "0.26773392699550958");
    CHECK(s(Decimal::pow(d("2"), d("10"))) == "1024");
    CHECK(s(Decimal::pow(d("0.5"), d("1000000"))) == "0");
    CHECK(s(Decimal::pow(d("7"), Decimal::zero())) == "1");
    CHECK_THROWS_AS(Decimal::pow(d("2"), d("1000")), ArithmeticError);
    CHECK_THROWS_AS(Decimal::pow(d("0"), d("2")), ArithmeticError);

    CHECK(s(Decimal::sigmoid(Decimal::zero())) == "0.5");
    CHECK(s(Decimal::sigmoid(d("1"))) == "0.731058578630004879");
    CHECK(s(Decimal::sigmoid(d("-5"))) == "0.006692850924284856");
    CHECK(s(Decimal::sigmoid(d("2.5"))) == "0.924141819978756449");
    CHECK(s(Decimal::sigmoid(d("-42"))) == "0.000000000000000001");
    CHECK(s(Decimal::sigmoid(d("-43"))) == "0");
    CHECK(s(Decimal::sigmoid(d("43"))) == "1");
    CHECK(s(Decimal::sigmoid(d("1e20"))) == "1");
    CHECK(s(Decimal::sigmoid(d("-1e20"))) == "0");
}
