// The subcommands of the qualify command. Each takes the words after its
// name and returns an exit code (exit_codes.hpp); each lives in its own
// cmd_NAME.cpp with its usage text.
#pragma once

#include <span>
#include <string>

namespace qualify::cli {

using Words = std::span<const std::string>;

int cmd_check(Words args);
int cmd_score(Words args);
int cmd_explain(Words args);
int cmd_test(Words args);
int cmd_disasm(Words args);
int cmd_profile(Words args);
int cmd_model(Words args);  // dispatches to the model subcommands below
int cmd_model_import(Words args);
int cmd_report(Words args);
int cmd_review(Words args);  // review sample
int cmd_log(Words args);     // log show
int cmd_train(Words args);
int cmd_model_inspect(Words args);
int cmd_fmt(Words args);
int cmd_diff(Words args);

}  // namespace qualify::cli
