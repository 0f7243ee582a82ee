// Date formats of parse_date(text, format): the tokens, what is wrong with a
// format, and reading a text through one. Shared by the built-in
// (stdlib/dates.cpp) and the checker, which rejects a bad literal format
// (Q114) before anything runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qualify {

// Tokens: YYYY (4 digits), YY (2 digits, the years 2000-2099), MM (2
// digits), M (1 or 2), MMM (Jan … Dec), MMMM (January … December; names
// in English, any case), DD (2 digits), D (1 or 2). Every other character
// must appear as is. A format needs exactly one year, one month and one
// day token; anything else is described here, empty when the format is fine.
std::string date_format_problem(std::string_view format);

// The date `text` spells in a good `format` (days since 1970-01-01), or
// nothing when it does not fit or is not a real date.
std::optional<int32_t> parse_with_format(std::string_view text, std::string_view format);

}  // namespace qualify
