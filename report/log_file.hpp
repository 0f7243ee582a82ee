// Reading a whole decision log into records, in log order: a JSON Lines
// file, or a SQLite database (log_sqlite.hpp) when the path ends in .db,
// .sqlite or .sqlite3. A period (--since/--until) keeps the records logged
// on those days. Lines or rows that are not log records are reported by
// position, not skipped silently.
#pragma once

#include "report/log_record.hpp"

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qualify::report {

struct LogFile {
    std::vector<LogRecord> records;
    std::vector<std::string> problems;  // "line 3: not a JSON object"
};

// The days a report covers, by the records' `logged_at` date (UTC), both
// ends included; an empty end is open.
struct Period {
    std::string since;  // YYYY-MM-DD or empty
    std::string until;
    bool contains(std::string_view logged_at) const;
    bool all() const { return since.empty() && until.empty(); }
};
// True when `date` is a calendar date written YYYY-MM-DD.
bool valid_date(std::string_view date);

LogFile read_log(std::istream& in, const Period& period = {});

// By extension: a SQLite log (.db, .sqlite, .sqlite3) or JSON Lines.
bool is_sqlite_path(std::string_view path);
// Reads either kind of log; an unreadable file is one problem.
LogFile read_log_file(const std::string& path, const Period& period = {});

}  // namespace qualify::report
