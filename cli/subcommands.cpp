// Choosing a subcommand: see subcommands.hpp.
#include "cli/subcommands.hpp"

#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

#include <iostream>

namespace qualify::cli {

int run_subcommand(std::string_view group, Words args, std::string_view usage,
                   std::initializer_list<Subcommand> subcommands) {
    if (args.empty()) {
        std::cerr << usage;
        return kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return kExitOk;
    }
    for (const auto& s : subcommands)
        if (args[0] == s.name) return s.run(args.subspan(1));
    throw UsageError("unknown " + std::string(group) + " subcommand '" + args[0] + "'");
}

}  // namespace qualify::cli
