// period_of and load_decision_log (see log_input.hpp).
#include "cli/log_input.hpp"

#include "cli/load.hpp"

#include <iostream>

namespace qualify::cli {

report::Period period_of(const Args& args) {
    report::Period p;
    for (const char* flag : {"--since", "--until"}) {
        if (!args.has(flag)) continue;
        const std::string date = *args.value(flag);
        if (!report::valid_date(date)) throw UsageError(std::string(flag) + " '" + date + "' is not a date (YYYY-MM-DD)");
        (std::string(flag) == "--since" ? p.since : p.until) = date;
    }
    if (!p.since.empty() && !p.until.empty() && p.since > p.until)
        throw UsageError("--since " + p.since + " is after --until " + p.until);
    return p;
}

report::LogFile load_decision_log(const std::string& command, const std::string& path, const char* flag,
                                  const report::Period& period) {
    require_readable(path);
    report::LogFile log = report::read_log_file(path, period);
    for (const auto& p : log.problems) std::cerr << "qualify " << command << ": " << path << ": " << p << "\n";
    if (log.records.empty() && !log.problems.empty())
        throw UsageError(std::string(flag) + " " + path + " is not a decision log");
    return log;
}

}  // namespace qualify::cli
