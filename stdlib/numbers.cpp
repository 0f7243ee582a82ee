// Numeric built-ins: proximity, decay, min, max, clamp, floor, ceil, round,
// abs, log.
#include "builtins.hpp"

namespace qualify {
namespace {

Type decimal_result(std::span<const Type>) { return Type::of(Type::Kind::Decimal); }
Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }
// min, max, clamp keep `int` when every argument is an int.
Type widest(std::span<const Type> args) {
    for (const auto& t : args)
        if (t.kind == Type::Kind::Decimal) return Type::of(Type::Kind::Decimal);
    return Type::of(Type::Kind::Int);
}

// proximity(x, ideal: a..b, zero: c..d): 1 inside the ideal range, falling
// linearly to 0 at the edges of the zero range.
Value proximity(const Value* a, CallContext&) {
    Decimal x = a[0].n, lo = a[1].n, hi = a[2].n, zlo = a[3].n, zhi = a[4].n;
    if (lo <= x && x <= hi) return Value::number(Decimal::one());
    if (zlo < x && x < lo) return Value::number((x - zlo) / (lo - zlo));
    if (hi < x && x < zhi) return Value::number((zhi - x) / (zhi - hi));
    return Value::number(Decimal::zero());
}

// decay(days, half_life: h) = 0.5^(days / h); 1 for days <= 0.
Value decay(const Value* a, CallContext& ctx) {
    Decimal days = a[0].n, half_life = a[1].n;
    if (days <= Decimal::zero()) return Value::number(Decimal::one());
    // Raw values of whole days are multiples of 10^18, so their low 18 bits
    // are zero: the slot comes from the top bits of a multiplicative hash.
    auto key = static_cast<unsigned __int128>(days.raw() ^ (half_life.raw() * 31));
    const uint64_t mixed = static_cast<uint64_t>(key ^ (key >> 64)) * 0x9E3779B97F4A7C15ULL;
    auto& e = ctx.decay_memo.entries[mixed >> 58];  // 64 entries
    if (e.used && e.days == days && e.half_life == half_life) return Value::number(e.result);
    static const Decimal half = Decimal::from_raw(Decimal::kScale / 2);
    Decimal result = Decimal::pow_ratio(half, days, half_life);
    e = {days, half_life, result, true};
    return Value::number(result);
}

Value min_of(const Value* a, CallContext&) { return Value::number(a[1].n < a[0].n ? a[1].n : a[0].n); }
Value max_of(const Value* a, CallContext&) { return Value::number(a[1].n > a[0].n ? a[1].n : a[0].n); }
Value clamp_of(const Value* a, CallContext&) {
    Decimal x = a[0].n;
    if (x < a[1].n) x = a[1].n;
    if (x > a[2].n) x = a[2].n;
    return Value::number(x);
}
// round(x, places): half away from zero, as scores are rounded. `places`
// must be a whole number 0..18; anything else is a mistake in the rulebook,
// so a runtime error rather than a silent unknown.
Value round_of(const Value* a, CallContext&) {
    auto places = a[1].n.to_int64();
    if (!places || *places < 0 || *places > Decimal::kPlaces)
        throw ArithmeticError("round: places must be a whole number 0..18, got " + a[1].n.to_string());
    return Value::number(a[0].n.round_half_away(static_cast<int>(*places)));
}
// round keeps `int` for an int x; a decimal stays decimal even at 0 places.
Type round_result(std::span<const Type> args) { return Type::of(args[0].kind); }
Value abs_of(const Value* a, CallContext&) { return Value::number(a[0].n.abs()); }
// Natural logarithm. x <= 0 is a runtime error like division by zero: the
// logarithm does not exist, and an unknown would hide the bad input behind
// a lower confidence. Guard with log(max(x, 1)) where zero is a real value.
Value log_of(const Value* a, CallContext&) { return Value::number(Decimal::ln(a[0].n)); }

Value floor_of(const Value* a, CallContext&) { return Value::number(a[0].n.floor()); }
Value ceil_of(const Value* a, CallContext&) { return Value::number(a[0].n.ceil()); }

}  // namespace

void add_number_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"proximity", {{"x", K::Number}, {"ideal", K::NumberRange}, {"zero", K::NumberRange}},
                   decimal_result, proximity, true,
                   "1 when x is in the ideal range, falling linearly to 0 at the zero range's edges"});
    out.push_back({"decay", {{"days", K::Number}, {"half_life", K::Number}}, decimal_result, decay, true,
                   "0.5^(days / half_life); 1 when days <= 0"});
    out.push_back({"min", {{"a", K::Number}, {"b", K::Number}}, widest, min_of, true, "the smaller of a and b"});
    out.push_back({"max", {{"a", K::Number}, {"b", K::Number}}, widest, max_of, true, "the larger of a and b"});
    out.push_back({"clamp", {{"x", K::Number}, {"lo", K::Number}, {"hi", K::Number}}, widest, clamp_of, true,
                   "x limited to [lo, hi]"});
    out.push_back({"floor", {{"x", K::Number}}, int_result, floor_of, true, "the largest integer <= x"});
    out.push_back({"round", {{"x", K::Number}, {"places", K::Number}}, round_result, round_of, true,
                   "x rounded to `places` decimals (0..18), half away from zero"});
    out.push_back({"abs", {{"x", K::Number}}, widest, abs_of, true, "the absolute value of x"});
    out.push_back({"log", {{"x", K::Number}}, decimal_result, log_of, true,
                   "the natural logarithm of x; x <= 0 is a runtime error"});
    out.push_back({"ceil", {{"x", K::Number}}, int_result, ceil_of, true, "the smallest integer >= x"});
}

}  // namespace qualify
