// `qualify model SUBCOMMAND`: the model tools, each in its own
// cmd_model_NAME.cpp.
#include "cli/commands.hpp"
#include "cli/subcommands.hpp"

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify model SUBCOMMAND [ARGS...]\n\n"
    "subcommands:\n"
    "  import    convert a model trained by XGBoost into a qualify model file\n"
    "  inspect   print a model file's card, top features and calibration\n";

}  // namespace

int cmd_model(Words args) {
    return run_subcommand("model", args, kUsage, {{"import", cmd_model_import}, {"inspect", cmd_model_inspect}});
}

}  // namespace qualify::cli
