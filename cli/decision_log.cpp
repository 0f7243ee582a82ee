// Appending decision records to a JSON Lines log (see decision_log.hpp).
#include "cli/decision_log.hpp"

#include "cli/options.hpp"

namespace qualify::cli {

DecisionLog::DecisionLog(const std::string& path, report::RunInfo run, bool include_pii)
    : path_(path), run_(std::move(run)), include_pii_(include_pii) {
    out_.open(path, std::ios::binary | std::ios::app);
    if (!out_) throw UsageError("cannot open the decision log '" + path + "' for appending");
}

void DecisionLog::add(const Decision& d, report::NamedText fields) {
    buffer_ += report::to_json_line(report::make_record(d, run_, std::move(fields)));
    buffer_ += '\n';
    if (buffer_.size() >= (1u << 16)) {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
}

void DecisionLog::finish() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    out_.flush();
    if (!out_) throw UsageError("error writing the decision log '" + path_ + "'");
}

}  // namespace qualify::cli
