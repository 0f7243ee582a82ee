// Compiling the rulebook a subcommand names: an unreadable file is a usage
// error (exit 2), diagnostics are printed on stderr and mean exit 3.
#pragma once

#include "qualify/qualify.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qualify::cli {

class Args;

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

// `--deny warnings` (on check and test): true when given; any other value
// is a usage error.
bool deny_warnings(const Args& args);
// Turns every warning into an error: the file then fails as with an error.
void promote_warnings(Compilation& compilation);
// Lints `path` (CompileOptions::lint) with its warnings promoted to errors,
// prints the diagnostics and returns nullopt when there were any.
std::optional<Rulebook> load_rulebook_denying_warnings(const std::string& path, CompileOptions options);

}  // namespace qualify::cli
