// Calendar dates as days since 1970-01-01 (proleptic Gregorian, UTC):
// parsing and printing ISO 8601 `YYYY-MM-DD`, and today's date in UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qualify {

// Days since 1970-01-01 for a valid ISO date `YYYY-MM-DD` (years 0001-9999),
// else nullopt. A full timestamp `YYYY-MM-DDThh:mm:ss...` reads as its date.
std::optional<int32_t> parse_iso_date(std::string_view text);

// `YYYY-MM-DD` for a day number.
std::string format_iso_date(int32_t days);

// Day number of (year, month 1-12, day 1-31); no validation.
int32_t days_from_civil(int year, unsigned month, unsigned day);

struct Civil {
    int year;
    unsigned month, day;
};
// The calendar date of a day number.
Civil civil_from_days(int32_t days);
// Whether (year, month, day) is a real date in years 0001-9999.
bool valid_civil(int year, unsigned month, unsigned day);

// Today's date in UTC.
int32_t today_utc();

}  // namespace qualify
