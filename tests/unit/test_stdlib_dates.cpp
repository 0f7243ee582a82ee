// Date built-ins (stdlib/dates.cpp): parse_date formats and their unknowns,
// days_between, year_of, quarter_of, month_of.
#include "stdlib_support.hpp"

using stdlib_test::outcome;

TEST_CASE("parse_date reads YYYY, MM and DD in any order with literal separators") {
    CHECK(outcome(R"(parse_date(s, "DD/MM/YYYY") == date("2026-03-31"))", R"({"id":"x","s":"31/03/2026"})") == "true");
    CHECK(outcome(R"(parse_date(s, "MM/DD/YYYY") == date("2026-03-31"))", R"({"id":"x","s":"03/31/2026"})") == "true");
    CHECK(outcome(R"(parse_date(s, "YYYYMMDD") == date("2024-02-29"))", R"({"id":"x","s":"20240229"})") == "true");
    CHECK(outcome(R"(parse_date("2026.11.01", "YYYY.MM.DD") == date("2026-11-01"))") == "true");
}

TEST_CASE("parse_date is unknown for text that does not fit or is not a real date") {
    auto unknown = [](const char* text) {
        return outcome(R"(known(parse_date(s, "DD/MM/YYYY")))", std::string(R"({"id":"x","s":")") + text + "\"}");
    };
    CHECK(unknown("31/3/2026") == "false");
    CHECK(unknown("31/03/2026 ") == "false");
    CHECK(unknown("31-03-2026") == "false");
    CHECK(unknown("30/02/2026") == "false");
    CHECK(unknown("29/02/2023") == "false");
    CHECK(unknown("00/01/2026") == "false");
    CHECK(unknown("31/03/2026") == "true");
    CHECK(outcome(R"(parse_date(s, "YYYY-MM-DD") == date("2026-01-01"))") == "unknown");
}

TEST_CASE("a parse_date format without YYYY, MM and DD is Q114 when literal, else a runtime error") {
    CHECK(stdlib_test::compile_errors(R"(known(parse_date(s, "YYYY-MM")))").find("Q114") != std::string::npos);
    CHECK(outcome("known(parse_date(s, t))", R"({"id":"x","s":"2026-03","t":"YYYY-MM"})").rfind("error: parse_date", 0) == 0);
}

TEST_CASE("days_between counts whole days from a to b") {
    const char* lead = R"({"id":"x","day":"2026-01-01","other":"2026-03-01"})";
    CHECK(outcome("days_between(day, other) == 59", lead) == "true");
    CHECK(outcome("days_between(other, day) == -59", lead) == "true");
    CHECK(outcome(R"(days_between(date("2024-02-28"), date("2024-03-01")) == 2)") == "true");
    CHECK(outcome("days_between(day, other) == 59", R"({"id":"x","day":"2026-01-01"})") == "unknown");
}

TEST_CASE("year_of, quarter_of and month_of") {
    const char* lead = R"({"id":"x","day":"2026-08-15"})";
    CHECK(outcome("year_of(day) == 2026 and month_of(day) == 8 and quarter_of(day) == 3", lead) == "true");
    CHECK(outcome(R"(quarter_of(date("2026-01-01")) == 1 and quarter_of(date("2026-03-31")) == 1)") == "true");
    CHECK(outcome(R"(quarter_of(date("2026-04-01")) == 2 and quarter_of(date("2026-12-31")) == 4)") == "true");
    CHECK(outcome(R"(year_of(date("1969-12-31")) == 1969 and month_of(date("0001-01-01")) == 1)") == "true");
    CHECK(outcome("month_of(day) == 8") == "unknown");
}

TEST_CASE("parse_date reads one-digit days and months, two-digit years and English month names") {
    auto reads = [](const char* format, const char* text, const char* iso) {
        return outcome(std::string("parse_date(s, \"") + format + "\") == date(\"" + iso + "\")",
                       std::string(R"({"id":"x","s":")") + text + "\"}");
    };
    CHECK(reads("M/D/YYYY", "3/7/2026", "2026-03-07") == "true");
    CHECK(reads("M/D/YYYY", "12/31/2026", "2026-12-31") == "true");
    CHECK(reads("D.M.YY", "7.3.26", "2026-03-07") == "true");
    CHECK(reads("MMM D, YYYY", "Mar 7, 2026", "2026-03-07") == "true");
    CHECK(reads("MMM D, YYYY", "SEP 30, 2026", "2026-09-30") == "true");
    CHECK(reads("D MMMM YYYY", "7 march 2026", "2026-03-07") == "true");
    CHECK(reads("DD-MMM-YY", "07-Nov-26", "2026-11-07") == "true");
    CHECK(reads("YYYY-MM-DDT", "2026-11-07T", "2026-11-07") == "true");
    auto known = [](const char* format, const char* text) {
        return outcome(std::string("known(parse_date(s, \"") + format + "\"))",
                       std::string(R"({"id":"x","s":")") + text + "\"}");
    };
    CHECK(known("MMM D, YYYY", "Mars 7, 2026") == "false");
    CHECK(known("MMMM D YYYY", "Sept 7 2026") == "false");
    CHECK(known("M/D/YYYY", "13/7/2026") == "false");
    CHECK(known("M/D/YYYY", "123/7/2026") == "false");
    CHECK(known("D/M/YY", "1/1/2026") == "false");
}

TEST_CASE("a format needs exactly one year, month and day token") {
    for (const char* format : {"YYYY-MM", "DD/MM/YYYY YYYY", "Y-MM-DD", "DDD-MM-YYYY", "MMMMM D YYYY"})
        CHECK_MESSAGE(stdlib_test::compile_errors(std::string("known(parse_date(s, \"") + format + "\"))").find("Q114") !=
                          std::string::npos,
                      format);
}

TEST_CASE("start_of_month and start_of_quarter give the period's first day") {
    const char* lead = R"({"id":"x","day":"2026-11-23"})";
    CHECK(outcome(R"(start_of_month(day) == date("2026-11-01"))", lead) == "true");
    CHECK(outcome(R"(start_of_quarter(day) == date("2026-10-01"))", lead) == "true");
    CHECK(outcome(R"(start_of_quarter(date("2026-03-31")) == date("2026-01-01"))") == "true");
    CHECK(outcome(R"(start_of_quarter(date("2026-04-01")) == date("2026-04-01"))") == "true");
    CHECK(outcome(R"(known(start_of_month(day)))") == "false");
}
