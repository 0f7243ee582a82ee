// Date built-ins: date("YYYY-MM-DD"), parse_date(text, format), days_since(d)
// against the run's as-of date, days_between, year_of, quarter_of, month_of.
#include "builtins.hpp"

#include "interpreter/date.hpp"

namespace qualify {
namespace {

Type optional_date_result(std::span<const Type>) { return Type::of(Type::Kind::Date, true); }
Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }

Value int_value(int64_t v) { return Value::number(Decimal::from_int(v)); }

// An invalid date text is unknown at run time; the checker rejects invalid
// literal dates before that (Q125).
Value date_of(const Value* a, CallContext&) {
    auto days = parse_iso_date(a[0].s);
    return days ? Value::date(*days) : Value::unknown();
}

// parse_date(text, format): the format's YYYY, MM and DD read exactly that
// many digits; every other format character must appear as is. CRM exports
// mix formats, so text that does not fit (or is not a real date) is unknown,
// like an unparseable date() text. A format without all three tokens can
// never give a date, which is a rulebook mistake: a runtime error.
Value parse_date(const Value* a, CallContext&) {
    std::string_view text = a[0].s, format = a[1].s;
    if (format.find("YYYY") == std::string_view::npos || format.find("MM") == std::string_view::npos ||
        format.find("DD") == std::string_view::npos)
        throw ArithmeticError("parse_date: the format `" + std::string(format) + "` lacks YYYY, MM or DD");
    int year = -1, month = -1, day = -1;
    size_t t = 0;
    for (size_t f = 0; f < format.size();) {
        int* target = nullptr;
        size_t width = 1;
        if (format.substr(f, 4) == "YYYY") target = &year, width = 4;
        else if (format.substr(f, 2) == "MM") target = &month, width = 2;
        else if (format.substr(f, 2) == "DD") target = &day, width = 2;
        if (!target) {
            if (t >= text.size() || text[t] != format[f]) return Value::unknown();
            ++t, ++f;
            continue;
        }
        if (t + width > text.size()) return Value::unknown();
        int v = 0;
        for (size_t i = 0; i < width; ++i) {
            char c = text[t + i];
            if (c < '0' || c > '9') return Value::unknown();
            v = v * 10 + (c - '0');
        }
        *target = v;
        t += width, f += width;
    }
    if (t != text.size()) return Value::unknown();
    if (!valid_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) return Value::unknown();
    return Value::date(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Value days_since(const Value* a, CallContext& ctx) {
    return int_value(static_cast<int64_t>(ctx.as_of) - a[0].i);
}
// Whole days from a to b: negative when b is before a.
Value days_between(const Value* a, CallContext&) { return int_value(static_cast<int64_t>(a[1].i) - a[0].i); }
Value year_of(const Value* a, CallContext&) { return int_value(civil_from_days(a[0].i).year); }
Value month_of(const Value* a, CallContext&) { return int_value(civil_from_days(a[0].i).month); }
Value quarter_of(const Value* a, CallContext&) { return int_value((civil_from_days(a[0].i).month + 2) / 3); }

}  // namespace

void add_date_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    // Unknown when the text is not a date; the checker makes a valid literal
    // (`date("2026-11-01")`) non-optional.
    out.push_back({"date", {{"text", K::String}}, optional_date_result, date_of, true,
                   "the date written YYYY-MM-DD; unknown when the text is not one"});
    out.push_back({"parse_date", {{"text", K::String}, {"format", K::String}}, optional_date_result, parse_date, true,
                   "the date text spells in format (YYYY, MM, DD); unknown when it does not fit"});
    out.push_back({"days_since", {{"d", K::Date}}, int_result, days_since, true,
                   "whole days from d to the run's as-of date", true});
    out.push_back({"days_between", {{"a", K::Date}, {"b", K::Date}}, int_result, days_between, true,
                   "whole days from a to b (negative when b is earlier)"});
    out.push_back({"year_of", {{"d", K::Date}}, int_result, year_of, true, "the year of d"});
    out.push_back({"quarter_of", {{"d", K::Date}}, int_result, quarter_of, true, "the calendar quarter of d, 1..4"});
    out.push_back({"month_of", {{"d", K::Date}}, int_result, month_of, true, "the month of d, 1..12"});
}

}  // namespace qualify
