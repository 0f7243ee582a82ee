// Date built-ins: date("YYYY-MM-DD") and days_since(d) against the run's as-of date.
#include "builtins.hpp"

#include "interpreter/date.hpp"

namespace qualify {
namespace {

Type date_result(std::span<const Type>) { return Type::of(Type::Kind::Date); }
Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }

// An invalid date text is unknown at run time; the checker rejects invalid
// literal dates before that (Q125).
Value date_of(const Value* a, CallContext&) {
    auto days = parse_iso_date(a[0].s);
    return days ? Value::date(*days) : Value::unknown();
}

Value days_since(const Value* a, CallContext& ctx) {
    return Value::number(Decimal::from_int(static_cast<int64_t>(ctx.as_of) - a[0].i));
}

}  // namespace

void add_date_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"date", {{"text", K::String}}, date_result, date_of, true, "the date written YYYY-MM-DD"});
    out.push_back({"days_since", {{"d", K::Date}}, int_result, days_since, true,
                   "whole days from d to the run's as-of date", true});
}

}  // namespace qualify
