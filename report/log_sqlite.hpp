// The decision log as a SQLite database (docs/report.md, "SQLite logs"):
// one row per record in a `decisions` table, with the columns a period or
// a lead is selected by and the record itself as its JSON line, so a
// SQLite log reads back exactly what a JSON Lines log would. WAL mode and
// a busy timeout let several `qualify score --log same.db` runs write at
// once: each waits for the others' transactions instead of failing.
#pragma once

#include "report/log_file.hpp"
#include "report/log_record.hpp"

#include <memory>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace qualify::report {

// How long a writer or reader waits for another's lock before giving up.
inline constexpr int kSqliteBusyTimeoutMs = 60000;
// Rows per write transaction: long enough to be fast, short enough that a
// concurrent writer is not kept waiting for a whole run.
inline constexpr size_t kSqliteRowsPerTransaction = 500;

struct SqliteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SqliteLogWriter {
public:
    // Opens or creates the database and its table; throws SqliteError.
    explicit SqliteLogWriter(const std::string& path);
    ~SqliteLogWriter();
    SqliteLogWriter(const SqliteLogWriter&) = delete;
    SqliteLogWriter& operator=(const SqliteLogWriter&) = delete;

    void add(const LogRecord& r);  // throws SqliteError
    void finish();                 // commits the last rows; throws SqliteError

private:
    void exec(const char* sql);
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    size_t pending_ = 0;  // rows in the open transaction
};

// Every record of the log logged within `period`, in insertion order.
LogFile read_sqlite_log(const std::string& path, const Period& period);

}  // namespace qualify::report
