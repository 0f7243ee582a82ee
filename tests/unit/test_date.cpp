// Dates: ISO 8601 parsing with month and leap-year validation, printing,
// and the day-number arithmetic behind days_since.
#include "interpreter/date.hpp"

#include <doctest/doctest.h>

using namespace qualify;

TEST_CASE("day numbers count from 1970-01-01") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2026, 11, 23) - days_from_civil(2026, 11, 1) == 22);
}

TEST_CASE("ISO dates parse and print") {
    CHECK(parse_iso_date("1970-01-01") == 0);
    CHECK(parse_iso_date("2026-11-23") == days_from_civil(2026, 11, 23));
    CHECK(parse_iso_date("2026-11-23T10:15:00Z") == days_from_civil(2026, 11, 23));
    CHECK(parse_iso_date("2026-11-23 10:15") == days_from_civil(2026, 11, 23));
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK(parse_iso_date("2000-02-29").has_value());
    CHECK(parse_iso_date("0001-01-01").has_value());
    CHECK(parse_iso_date("9999-12-31").has_value());
    for (const char* bad : {"", "2026-11", "2026-1-01", "2026/11/01", "2026-13-01", "2026-00-10", "2026-11-00",
                            "2026-11-31", "2026-02-29", "1900-02-29", "2023-02-30", "0000-01-01", "2026-11-01x",
                            "2026-11-0a", "20261101", "+2026-11-01", " 2026-11-01"})
        CHECK_MESSAGE(!parse_iso_date(bad).has_value(), bad);
    for (const char* text : {"1970-01-01", "2024-02-29", "1900-03-01", "0001-01-01", "9999-12-31", "1969-07-20"})
        CHECK(format_iso_date(*parse_iso_date(text)) == text);
}

TEST_CASE("today is a plausible date") {
    CHECK(today_utc() > days_from_civil(2024, 1, 1));
}
