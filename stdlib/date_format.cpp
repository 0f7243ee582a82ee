// Reading dates through parse_date formats (see date_format.hpp).
#include "date_format.hpp"

#include "interpreter/date.hpp"

#include <vector>

namespace qualify {
namespace {

enum class Part { Year, Month, Day };

struct Token {
    Part part;
    size_t min_digits, max_digits;  // 0 for a month name
    bool name, abbreviated, two_digit_year;
};

// The run of one letter at f ("MMM") as a token, or nothing for a literal
// character; `bad` is set for a run no token spells ("Y", "DDD").
std::optional<Token> token_at(std::string_view format, size_t f, size_t& run, bool& bad) {
    char c = format[f];
    run = 1;
    bad = false;
    if (c != 'Y' && c != 'M' && c != 'D') return std::nullopt;
    while (f + run < format.size() && format[f + run] == c) ++run;
    if (c == 'Y') {
        if (run == 4) return Token{Part::Year, 4, 4, false, false, false};
        if (run == 2) return Token{Part::Year, 2, 2, false, false, true};
    } else if (c == 'M') {
        if (run == 1) return Token{Part::Month, 1, 2, false, false, false};
        if (run == 2) return Token{Part::Month, 2, 2, false, false, false};
        if (run == 3) return Token{Part::Month, 0, 0, true, true, false};
        if (run == 4) return Token{Part::Month, 0, 0, true, false, false};
    } else {
        if (run == 1) return Token{Part::Day, 1, 2, false, false, false};
        if (run == 2) return Token{Part::Day, 2, 2, false, false, false};
    }
    bad = true;
    return std::nullopt;
}

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The month name at text[t], case-insensitive: its number, advancing t.
int read_month_name(std::string_view text, size_t& t, bool abbreviated) {
    for (int m = 0; m < 12; ++m) {
        std::string_view name = abbreviated ? kMonths[m].substr(0, 3) : kMonths[m];
        if (t + name.size() > text.size()) continue;
        bool same = true;
        for (size_t i = 0; i < name.size() && same; ++i) same = lower(text[t + i]) == name[i];
        if (same) {
            t += name.size();
            return m + 1;
        }
    }
    return -1;
}

}  // namespace

std::string date_format_problem(std::string_view format) {
    int counts[3] = {0, 0, 0};
    for (size_t f = 0; f < format.size();) {
        size_t run = 1;
        bool bad = false;
        auto token = token_at(format, f, run, bad);
        if (bad)
            return "`" + std::string(format.substr(f, run)) + "` is not a token (YYYY, YY, M, MM, MMM, MMMM, D, DD)";
        if (token) ++counts[static_cast<int>(token->part)];
        f += run;
    }
    if (counts[0] != 1 || counts[1] != 1 || counts[2] != 1)
        return "it needs exactly one year (YYYY or YY), one month (M, MM, MMM or MMMM) and one day (D or DD)";
    return {};
}

std::optional<int32_t> parse_with_format(std::string_view text, std::string_view format) {
    int values[3] = {-1, -1, -1};
    size_t t = 0;
    for (size_t f = 0; f < format.size();) {
        size_t run = 1;
        bool bad = false;
        auto token = token_at(format, f, run, bad);
        if (bad) return std::nullopt;
        if (!token) {
            if (t >= text.size() || text[t] != format[f]) return std::nullopt;
            ++t, ++f;
            continue;
        }
        int v = 0;
        if (token->name) {
            v = read_month_name(text, t, token->abbreviated);
            if (v < 0) return std::nullopt;
        } else {
            size_t digits = 0;
            while (digits < token->max_digits && t + digits < text.size() && text[t + digits] >= '0' &&
                   text[t + digits] <= '9')
                v = v * 10 + (text[t + digits++] - '0');
            if (digits < token->min_digits) return std::nullopt;
            t += digits;
            if (token->two_digit_year) v += 2000;
        }
        values[static_cast<int>(token->part)] = v;
        f += run;
    }
    if (t != text.size() || values[0] < 0 || values[1] < 0 || values[2] < 0) return std::nullopt;
    auto month = static_cast<unsigned>(values[1]), day = static_cast<unsigned>(values[2]);
    if (!valid_civil(values[0], month, day)) return std::nullopt;
    return days_from_civil(values[0], month, day);
}

}  // namespace qualify
