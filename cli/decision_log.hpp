// `--log PATH` of `qualify score`: appends one record per decision to a
// decision log (JSON Lines). Opened before the run so a bad path is a usage
// error; records are written in input order as decisions are made.
#pragma once

#include "report/log_record.hpp"

#include <fstream>
#include <string>

namespace qualify::cli {

class DecisionLog {
public:
    DecisionLog(const std::string& path, report::RunInfo run, bool include_pii);
    // Adds the decision and the read fields of the lead just evaluated.
    void add(const Decision& d, report::NamedText fields);
    void finish();  // flushes; throws UsageError when the file could not be written
    bool include_pii() const { return include_pii_; }

private:
    std::string path_;
    report::RunInfo run_;
    bool include_pii_;
    std::ofstream out_;
    std::string buffer_;
};

}  // namespace qualify::cli
