// The input flags `score` and `profile` share: --input jsonl|csv (else the
// file's extension decides) and --delimiter ,|;|tab.
#pragma once

#include "cli/options.hpp"

#include <string>

namespace qualify::cli {

// --input, else csv for a .csv or .tsv path, else jsonl (stdin: path null).
bool csv_input(const Args& args, const std::string* path);
// --delimiter as a character, or 0 (detect from the header line).
char delimiter(const Args& args);

}  // namespace qualify::cli
