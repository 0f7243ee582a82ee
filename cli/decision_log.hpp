// `--log PATH` of `qualify score`: appends one record per decision to a
// decision log — JSON Lines, or SQLite when PATH ends in .db, .sqlite or
// .sqlite3 (report/log_sqlite.hpp). Opened before the run so a bad path is
// a usage error; records are written in input order as decisions are made.
// Several runs may append to the same log at once: a JSON Lines record is
// one write() to a file opened with O_APPEND, which the kernel never
// interleaves with another's; SQLite writers wait for each other's locks.
#pragma once

#include "report/log_record.hpp"
#include "report/log_sqlite.hpp"

#include <memory>
#include <string>

namespace qualify::cli {

class DecisionLog {
public:
    DecisionLog(const std::string& path, report::RunInfo run, bool include_pii);
    ~DecisionLog();
    DecisionLog(const DecisionLog&) = delete;
    DecisionLog& operator=(const DecisionLog&) = delete;
    // Adds the decision and the read fields of the lead just evaluated.
    void add(const Decision& d, report::NamedText fields);
    void finish();  // commits; throws UsageError when the log could not be written
    bool include_pii() const { return include_pii_; }

private:
    void append_line(std::string line);
    std::string path_;
    report::RunInfo run_;
    bool include_pii_;
    int fd_ = -1;  // JSON Lines
    std::unique_ptr<report::SqliteLogWriter> sqlite_;
    std::string failure_;  // the first write error, reported by finish()
};

}  // namespace qualify::cli
