// Date built-ins: date("YYYY-MM-DD"), parse_date(text, format), days_since(d)
// against the run's as-of date, days_between, year_of, quarter_of, month_of,
// start_of_month, start_of_quarter.
#include "builtins.hpp"

#include "date_format.hpp"
#include "interpreter/date.hpp"

namespace qualify {
namespace {

Type optional_date_result(std::span<const Type>) { return Type::of(Type::Kind::Date, true); }
Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }
Type date_result(std::span<const Type>) { return Type::of(Type::Kind::Date); }

Value int_value(int64_t v) { return Value::number(Decimal::from_int(v)); }

// An invalid date text is unknown at run time; the checker rejects invalid
// literal dates before that (Q125).
Value date_of(const Value* a, CallContext&) {
    auto days = parse_iso_date(a[0].s);
    return days ? Value::date(*days) : Value::unknown();
}

// parse_date(text, format), tokens in date_format.hpp. CRM exports mix
// formats, so text that does not fit (or is not a real date) is unknown,
// like an unparseable date() text. A bad format can never give a date,
// which is a rulebook mistake: Q114 for a literal, a runtime error here.
Value parse_date(const Value* a, CallContext&) {
    std::string_view text = a[0].s, format = a[1].s;
    if (std::string problem = date_format_problem(format); !problem.empty())
        throw ArithmeticError("parse_date: the format `" + std::string(format) + "`: " + problem);
    auto days = parse_with_format(text, format);
    return days ? Value::date(*days) : Value::unknown();
}

Value days_since(const Value* a, CallContext& ctx) {
    return int_value(static_cast<int64_t>(ctx.as_of) - a[0].i);
}
// Whole days from a to b: negative when b is before a.
Value days_between(const Value* a, CallContext&) { return int_value(static_cast<int64_t>(a[1].i) - a[0].i); }
Value year_of(const Value* a, CallContext&) { return int_value(civil_from_days(a[0].i).year); }
Value month_of(const Value* a, CallContext&) { return int_value(civil_from_days(a[0].i).month); }
Value quarter_of(const Value* a, CallContext&) { return int_value((civil_from_days(a[0].i).month + 2) / 3); }
// The first day of d's month / calendar quarter: dates, so they compare with
// other dates and group leads by period (`start_of_quarter(signup) ==
// start_of_quarter(date("2026-11-23"))`).
Value start_of_month(const Value* a, CallContext&) {
    Civil c = civil_from_days(a[0].i);
    return Value::date(days_from_civil(c.year, c.month, 1));
}
Value start_of_quarter(const Value* a, CallContext&) {
    Civil c = civil_from_days(a[0].i);
    return Value::date(days_from_civil(c.year, (c.month - 1) / 3 * 3 + 1, 1));
}

}  // namespace

void add_date_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    // Unknown when the text is not a date; the checker makes a valid literal
    // (`date("2026-11-01")`) non-optional.
    out.push_back({"date", {{"text", K::String}}, optional_date_result, date_of, true,
                   "the date written YYYY-MM-DD; unknown when the text is not one"});
    out.push_back({"parse_date", {{"text", K::String}, {"format", K::String}}, optional_date_result, parse_date, true,
                   "the date text spells in format (YYYY, YY, M, MM, MMM, MMMM, D, DD); unknown when it does not fit"});
    out.push_back({"days_since", {{"d", K::Date}}, int_result, days_since, true,
                   "whole days from d to the run's as-of date", true});
    out.push_back({"days_between", {{"a", K::Date}, {"b", K::Date}}, int_result, days_between, true,
                   "whole days from a to b (negative when b is earlier)"});
    out.push_back({"year_of", {{"d", K::Date}}, int_result, year_of, true, "the year of d"});
    out.push_back({"quarter_of", {{"d", K::Date}}, int_result, quarter_of, true, "the calendar quarter of d, 1..4"});
    out.push_back({"month_of", {{"d", K::Date}}, int_result, month_of, true, "the month of d, 1..12"});
    out.push_back({"start_of_month", {{"d", K::Date}}, date_result, start_of_month, true,
                   "the first day of d's month"});
    out.push_back({"start_of_quarter", {{"d", K::Date}}, date_result, start_of_quarter, true,
                   "the first day of d's calendar quarter"});
}

}  // namespace qualify
