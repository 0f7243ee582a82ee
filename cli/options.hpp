// Small argument parsing for the subcommands: flags with or without a
// value (`--as-of 2026-11-23`, `--as-of=2026-11-23`, `-j 2`, `-j2`),
// positional arguments, `--` to end options and `--help`. Mistakes raise
// UsageError, which main() turns into exit code 2.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qualify::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct FlagSpec {
    std::string_view name;  // "--as-of" or "-j"
    bool takes_value = false;
};

class Args {
public:
    // Parses `args` (the words after the subcommand name) against `specs`.
    // `--help` and `-h` are always accepted.
    Args(std::span<const std::string> args, std::initializer_list<FlagSpec> specs);

    bool help() const { return help_; }
    bool has(std::string_view flag) const { return values_.count(std::string(flag)) > 0; }
    // The flag's value (the last one when given twice), or nullopt.
    std::optional<std::string> value(std::string_view flag) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    bool help_ = false;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

// Common flag values, checked: each throws UsageError with a message that
// names the flag.
int32_t as_of_date(const Args& args);  // --as-of, default today (UTC)
std::string one_of(const Args& args, std::string_view flag, std::string_view fallback,
                   std::initializer_list<std::string_view> allowed);
unsigned thread_count(const Args& args);  // -j N; 0 means one per core

// Reads a whole file ("-" is stdin); throws UsageError when it cannot.
std::string read_file(const std::string& path);

}  // namespace qualify::cli
