// Reading decision logs for the commands that take `--decisions LOG`
// (report, review sample, log show): JSON Lines or SQLite by extension,
// with the period flags `--since DATE` and `--until DATE` checked once here.
#pragma once

#include "cli/options.hpp"
#include "report/log_file.hpp"

#include <string>

namespace qualify::cli {

// --since / --until as a Period; UsageError when a date is malformed or the
// period is empty.
report::Period period_of(const Args& args);

// The log at `path`, its problems printed to stderr as "qualify COMMAND:
// PATH: problem"; UsageError when it is unreadable or holds no record and
// only problems.
report::LogFile load_decision_log(const std::string& command, const std::string& path, const char* flag,
                                  const report::Period& period = {});

}  // namespace qualify::cli
