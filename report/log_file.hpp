// Reading a whole decision log (JSON Lines) into records, in log order.
// Lines that are not log records are reported by line number, not skipped
// silently.
#pragma once

#include "report/log_record.hpp"

#include <istream>
#include <string>
#include <vector>

namespace qualify::report {

struct LogFile {
    std::vector<LogRecord> records;
    std::vector<std::string> problems;  // "line 3: not a JSON object"
};

LogFile read_log(std::istream& in);

}  // namespace qualify::report
