// `qualify disasm FILE`: prints the compiled rulebook's bytecode, one
// instruction a line, for engine developers and curious authors.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify disasm FILE\n\n"
    "Prints the rulebook's bytecode on stdout, one instruction a line.\n\n"
    "exit: 0 ok, 2 usage error or unreadable file, 3 rulebook errors\n";

}  // namespace

int cmd_disasm(Words words) {
    Args args(words, {});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().size() != 1) throw UsageError("expected exactly one rulebook file");
    auto rulebook = load_rulebook(args.positional()[0]);
    if (!rulebook) return kExitRulebookErrors;
    std::cout << rulebook->disassemble();
    return kExitOk;
}

}  // namespace qualify::cli
