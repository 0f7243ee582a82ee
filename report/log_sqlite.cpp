// SQLite decision logs (see log_sqlite.hpp). The schema is documented in
// docs/report.md; change both together.
#include "report/log_sqlite.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace qualify::report {

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS decisions ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " logged_at TEXT NOT NULL,"
    " as_of TEXT NOT NULL,"
    " lead_id TEXT NOT NULL,"
    " route TEXT,"
    " qualified INTEGER,"
    " score REAL,"
    " review INTEGER,"
    " explore INTEGER,"
    " error TEXT,"
    " rulebook TEXT NOT NULL,"
    " rulebook_hash TEXT NOT NULL,"
    " record TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS decisions_logged_at ON decisions(logged_at);"
    "CREATE INDEX IF NOT EXISTS decisions_lead_id ON decisions(lead_id);";

std::string message(sqlite3* db, const std::string& what) {
    return what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

// Runs `sql`, retrying while another connection holds the lock: SQLite
// does not call the busy handler for every lock (switching the journal
// mode of a fresh file, say), so a plain retry loop covers the rest.
int exec_retrying(sqlite3* db, const char* sql) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kSqliteBusyTimeoutMs);
    for (;;) {
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) return rc;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

SqliteLogWriter::SqliteLogWriter(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string m = message(db_, "cannot open");
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(m);
    }
    sqlite3_busy_timeout(db_, kSqliteBusyTimeoutMs);
    try {
        exec("PRAGMA journal_mode=WAL");
        // In WAL mode NORMAL loses no committed transaction on a crash of
        // the process, only possibly the last ones on a power loss.
        exec("PRAGMA synchronous=NORMAL");
        exec("BEGIN IMMEDIATE");
        exec(kSchema);
        exec("COMMIT");
        const char* sql =
            "INSERT INTO decisions (logged_at, as_of, lead_id, route, qualified, score, review, explore, error,"
            " rulebook, rulebook_hash, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        if (sqlite3_prepare_v2(db_, sql, -1, &insert_, nullptr) != SQLITE_OK)
            throw SqliteError(message(db_, "cannot prepare the insert"));
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

SqliteLogWriter::~SqliteLogWriter() {
    sqlite3_finalize(insert_);
    // An unfinished transaction (an exception mid-run) is rolled back by close.
    sqlite3_close(db_);
}

void SqliteLogWriter::exec(const char* sql) {
    if (exec_retrying(db_, sql) != SQLITE_OK) throw SqliteError(message(db_, std::string("cannot run ") + sql));
}

void SqliteLogWriter::add(const LogRecord& r) {
    if (pending_ == 0) exec("BEGIN IMMEDIATE");
    const std::string line = to_json_line(r);
    auto text = [&](int i, const std::string& s) {
        if (s.empty())
            sqlite3_bind_null(insert_, i);
        else
            sqlite3_bind_text(insert_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    };
    const bool error = !r.error.empty();
    sqlite3_reset(insert_);
    sqlite3_bind_text(insert_, 1, r.logged_at.data(), static_cast<int>(r.logged_at.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 2, r.as_of.data(), static_cast<int>(r.as_of.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 3, r.id.data(), static_cast<int>(r.id.size()), SQLITE_TRANSIENT);
    text(4, r.route);
    if (error) {
        sqlite3_bind_null(insert_, 5);
        sqlite3_bind_null(insert_, 7);
        sqlite3_bind_null(insert_, 8);
    } else {
        sqlite3_bind_int(insert_, 5, r.qualified ? 1 : 0);
        sqlite3_bind_int(insert_, 7, r.review ? 1 : 0);
        sqlite3_bind_int(insert_, 8, r.explore ? 1 : 0);
    }
    // The score column is for queries; the record keeps the exact decimal.
    if (r.score.empty())
        sqlite3_bind_null(insert_, 6);
    else
        sqlite3_bind_double(insert_, 6, std::strtod(r.score.c_str(), nullptr));
    text(9, r.error);
    sqlite3_bind_text(insert_, 10, r.rulebook.data(), static_cast<int>(r.rulebook.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 11, r.rulebook_hash.data(), static_cast<int>(r.rulebook_hash.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 12, line.data(), static_cast<int>(line.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(insert_) != SQLITE_DONE) throw SqliteError(message(db_, "cannot insert a record"));
    if (++pending_ >= kSqliteRowsPerTransaction) {
        exec("COMMIT");
        pending_ = 0;
    }
}

void SqliteLogWriter::finish() {
    if (pending_ > 0) exec("COMMIT");
    pending_ = 0;
}

LogFile read_sqlite_log(const std::string& path, const Period& period) {
    LogFile out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        out.problems.push_back(message(db, "cannot open"));
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, kSqliteBusyTimeoutMs);
    // The period is selected by SQL on the indexed logged_at column: the
    // day's first second is "DAYT00:00:00Z", and "DAYU" sorts after its last.
    const char* sql =
        "SELECT seq, record FROM decisions WHERE (?1 IS NULL OR logged_at >= ?1) AND (?2 IS NULL OR logged_at < ?2)"
        " ORDER BY seq";
    sqlite3_stmt* select = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &select, nullptr) != SQLITE_OK) {
        out.problems.push_back(message(db, "not a decision log"));
        sqlite3_close(db);
        return out;
    }
    const std::string since = period.since, until = period.until.empty() ? "" : period.until + "U";
    if (!since.empty()) sqlite3_bind_text(select, 1, since.c_str(), -1, SQLITE_TRANSIENT);
    if (!until.empty()) sqlite3_bind_text(select, 2, until.c_str(), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(select)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select, 1));
        const std::string_view line(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(select, 1)));
        std::string error;
        if (auto r = parse_json_line(line, error))
            out.records.push_back(std::move(*r));
        else
            out.problems.push_back("row " + std::to_string(sqlite3_column_int64(select, 0)) + ": " + error);
    }
    if (rc != SQLITE_DONE) out.problems.push_back(message(db, "reading stopped"));
    sqlite3_finalize(select);
    sqlite3_close(db);
    return out;
}

}  // namespace qualify::report
