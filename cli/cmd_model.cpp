// `qualify model SUBCOMMAND`: the model tools, one table entry per
// subcommand (each in its own cmd_model_NAME.cpp).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

#include <iostream>
#include <string>

namespace qualify::cli {

namespace {

struct ModelSubcommand {
    const char* name;
    int (*run)(Words);
    const char* summary;
};

constexpr ModelSubcommand kModelSubcommands[] = {
    {"import", cmd_model_import, "convert a model trained by XGBoost into a qualify model file"},
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

int cmd_model(Words args) {
    if (args.empty()) {
        usage(std::cerr);
        return kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        usage(std::cout);
        return kExitOk;
    }
    for (const auto& s : kModelSubcommands)
        if (args[0] == s.name) return s.run(args.subspan(1));
    throw UsageError("unknown model subcommand '" + args[0] + "'");
}

}  // namespace qualify::cli
