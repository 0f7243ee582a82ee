// Commands with subcommands (`qualify model import`, `qualify log show`,
// `qualify review sample`) share one way of choosing the subcommand.
#pragma once

#include "cli/commands.hpp"

#include <initializer_list>
#include <string_view>

namespace qualify::cli {

struct Subcommand {
    std::string_view name;
    int (*run)(Words args);
};

// Runs the subcommand `args[0]` names with the rest of the words. No word at
// all prints `usage` on stderr (exit 2); `--help` or `-h` prints it on
// stdout (exit 0); an unknown name is a usage error naming `group`.
int run_subcommand(std::string_view group, Words args, std::string_view usage,
                   std::initializer_list<Subcommand> subcommands);

}  // namespace qualify::cli
