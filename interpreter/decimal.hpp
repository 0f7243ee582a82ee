// Exact decimal numbers of the rulebook language (spec §3): fixed-point with
// 18 digits after the point, held in a checked signed 128-bit integer scaled
// by 10^18. Every operation that could overflow or divide by zero throws
// ArithmeticError, which the evaluator turns into an error decision.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace qualify {

using int128 = __int128;

// Raised by decimal arithmetic; carries a user-facing message such as
// "decimal overflow in *" or "division by zero".
struct ArithmeticError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Decimal {
public:
    static constexpr int kPlaces = 18;
    static constexpr int128 kScale = static_cast<int128>(1000000000000000000LL);

    constexpr Decimal() = default;
    static constexpr Decimal from_raw(int128 raw) { Decimal d; d.raw_ = raw; return d; }
    static constexpr Decimal from_int(int64_t v) { return from_raw(static_cast<int128>(v) * kScale); }
    static Decimal zero() { return {}; }
    static Decimal one() { return from_raw(kScale); }

    // Parses the text of a number exactly, never through a binary double:
    // optional sign, digits, optional fraction, optional exponent ("1.5e3").
    // Digits beyond 18 places are rounded half-even. Returns nullopt for text
    // that is not a number or whose magnitude does not fit.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr int128 raw() const { return raw_; }
    bool is_integer() const { return raw_ % kScale == 0; }
    // The value as int64 when it is integral and fits, else nullopt.
    std::optional<int64_t> to_int64() const;
    double to_double() const;  // display and statistics only, never decisions

    friend Decimal operator+(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a, Decimal b);
    friend Decimal operator*(Decimal a, Decimal b);  // rounds half-even to 18 places
    friend Decimal operator/(Decimal a, Decimal b);  // rounds half-even; throws on zero
    Decimal operator-() const;
    friend constexpr bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
    friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) { return a.raw_ <=> b.raw_; }

    Decimal floor() const;
    Decimal ceil() const;
    Decimal abs() const;
    // Rounds to `places` decimals, half away from zero (score, confidence).
    Decimal round_half_away(int places) const;

    // Shortest text without trailing zeros: "20", "14.142135623730950488", "-0.5".
    std::string to_string() const;
    // Exactly `places` decimals, rounding half away from zero: to_fixed(2) of
    // 14.142 is "14.14".
    std::string to_fixed(int places) const;
    // (Both are interpreter/decimal_text.hpp's writers, which also write
    // into a caller's buffer.)

    // Transcendental functions, computed at higher precision and rounded
    // half-even to 18 places, so every machine gets the same digits.
    static Decimal exp(Decimal x);
    static Decimal ln(Decimal x);                  // throws for x <= 0
    static Decimal pow(Decimal base, Decimal e);   // base > 0
    // base^(num / den) with the exponent kept exact: decay's 0.5^(days / h)
    // is rounded once, not twice.
    static Decimal pow_ratio(Decimal base, Decimal num, Decimal den);
    static Decimal sigmoid(Decimal z);             // 1 / (1 + e^-z)

private:
    int128 raw_ = 0;
};

}  // namespace qualify
