// Compiling the rulebook a subcommand names: an unreadable file is a usage
// error (exit 2), diagnostics are printed on stderr and mean exit 3.
#pragma once

#include "qualify/qualify.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qualify::cli {

// The rulebooks named on a command line. A test file (`NAME.test.qual`)
// stands for the rulebook beside it (`NAME.qual`), which loads it, so that
// `qualify test rulebooks/*.qual` runs each rulebook's tests once. Order is
// kept; duplicates are dropped.
std::vector<std::string> rulebook_files(const std::vector<std::string>& args);

// Throws UsageError when `path` is not a readable file.
void require_readable(const std::string& path);

// Compiles `path`; prints its diagnostics (errors and warnings) on stderr.
// Returns nullopt when there were errors.
std::optional<Rulebook> load_rulebook(const std::string& path, const CompileOptions& options = {});

}  // namespace qualify::cli
