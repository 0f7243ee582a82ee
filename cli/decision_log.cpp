// Appending decision records to a JSON Lines or SQLite log (see
// decision_log.hpp).
#include "cli/decision_log.hpp"

#include "cli/options.hpp"
#include "report/log_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace qualify::cli {

DecisionLog::DecisionLog(const std::string& path, report::RunInfo run, bool include_pii)
    : path_(path), run_(std::move(run)), include_pii_(include_pii) {
    if (report::is_sqlite_path(path)) {
        try {
            sqlite_ = std::make_unique<report::SqliteLogWriter>(path);
        } catch (const report::SqliteError& e) {
            throw UsageError("cannot open the decision log '" + path + "': " + e.what());
        }
        return;
    }
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (fd_ < 0) throw UsageError("cannot open the decision log '" + path + "' for appending");
}

DecisionLog::~DecisionLog() {
    if (fd_ >= 0) ::close(fd_);
}

void DecisionLog::append_line(std::string line) {
    if (!failure_.empty()) return;
    line += '\n';
    // One write() per record: with O_APPEND the kernel moves to the end and
    // writes the whole buffer as one step, so records of concurrent runs
    // never interleave. A short write (a full disk) is finished, and noted.
    const char* p = line.data();
    size_t left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            failure_ = std::strerror(errno);
            return;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

void DecisionLog::add(const Decision& d, report::NamedText fields) {
    const report::LogRecord record = report::make_record(d, run_, std::move(fields));
    if (sqlite_) {
        if (!failure_.empty()) return;
        try {
            sqlite_->add(record);
        } catch (const report::SqliteError& e) {
            failure_ = e.what();
        }
        return;
    }
    append_line(report::to_json_line(record));
}

void DecisionLog::finish() {
    if (sqlite_ && failure_.empty()) {
        try {
            sqlite_->finish();
        } catch (const report::SqliteError& e) {
            failure_ = e.what();
        }
    }
    if (!failure_.empty()) throw UsageError("error writing the decision log '" + path_ + "': " + failure_);
}

}  // namespace qualify::cli
