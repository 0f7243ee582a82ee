// Calendar dates (date.hpp): ISO 8601 parsing and printing on day numbers,
// with Howard Hinnant's days_from_civil / civil_from_days algorithms.
#include "interpreter/date.hpp"

#include <chrono>
#include <cstdio>

namespace qualify {

int32_t days_from_civil(int year, unsigned month, unsigned day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);                  // [0, 399]
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                 // [0, 146096]
    return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

Civil civil_from_days(int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view t, size_t from, size_t n, unsigned& out) {
    out = 0;
    for (size_t i = from; i < from + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return false;
        out = out * 10 + static_cast<unsigned>(t[i] - '0');
    }
    return true;
}

}  // namespace

bool valid_civil(int year, unsigned month, unsigned day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<int32_t> parse_iso_date(std::string_view text) {
    if (text.size() < 10) return std::nullopt;
    // A timestamp reads as its date; anything else after the date is an error.
    if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    unsigned y, m, d;
    if (!digits(text, 0, 4, y) || text[4] != '-' || !digits(text, 5, 2, m) || text[7] != '-' ||
        !digits(text, 8, 2, d))
        return std::nullopt;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(static_cast<int>(y), m)) return std::nullopt;
    return days_from_civil(static_cast<int>(y), m, d);
}

std::string format_iso_date(int32_t days) {
    const Civil c = civil_from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buf;
}

int32_t today_utc() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int32_t>(now.time_since_epoch().count());
}

}  // namespace qualify
