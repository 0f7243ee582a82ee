// Decimals as text for the decision writers: the same characters as
// Decimal::to_fixed and Decimal::to_string, written into a caller's buffer
// without a std::string and without a division loop per digit.
#pragma once

#include "interpreter/decimal.hpp"

#include <cstddef>

namespace qualify {

// Room a caller leaves for one decimal: sign, 39 whole digits, point, 18
// fraction digits.
inline constexpr size_t kMaxDecimalText = 64;

// Writes v.to_fixed(places) at `p` (kMaxDecimalText bytes of room) and
// returns the end. Throws what to_fixed throws (a value at the very end of
// the range whose rounding overflows).
char* write_fixed(char* p, const Decimal& v, int places);

// Writes v.to_string() (shortest, no trailing zeros) at `p` and returns the
// end.
char* write_shortest(char* p, const Decimal& v);

// The same appended to a string.
void append_fixed_text(std::string& out, const Decimal& v, int places);
void append_shortest_text(std::string& out, const Decimal& v);

}  // namespace qualify
