// `qualify model SUBCOMMAND`: the commands that work on model files, one
// file each (cmd_model_NAME.cpp), dispatched from this table.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

struct ModelSubcommand {
    const char* name;
    int (*run)(Words);
    const char* summary;
};

constexpr ModelSubcommand kModelSubcommands[] = {
    {"inspect", cmd_model_inspect, "print a model file's card, top features and calibration"},
};

void usage(std::ostream& out) {
    out << "usage: qualify model SUBCOMMAND [ARGS...]\n\nsubcommands:\n";
    for (const auto& s : kModelSubcommands) {
        std::string name = s.name;
        name.resize(10, ' ');
        out << "  " << name << s.summary << "\n";
    }
}

}  // namespace

int cmd_model(Words words) {
    if (words.empty()) {
        usage(std::cerr);
        return kExitUsage;
    }
    if (words[0] == "--help" || words[0] == "-h") {
        usage(std::cout);
        return kExitOk;
    }
    for (const auto& s : kModelSubcommands)
        if (words[0] == s.name) return s.run(words.subspan(1));
    throw UsageError("unknown model subcommand '" + words[0] + "'");
}

}  // namespace qualify::cli
