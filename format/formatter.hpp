// `qualify fmt`: the one canonical layout of a rulebook or test file.
// Lines are never joined or split (a decision-table row is one line), and
// no token changes; only indentation, the spaces between tokens, alignment
// and blank lines do. docs/fmt.md states the rules.
#pragma once

#include <string>
#include <string_view>

namespace qualify::format {

// The canonical layout of `source`. Works on any text; callers check that
// the source parses first (format_checked does both).
std::string format_source(std::string_view source);

}  // namespace qualify::format
