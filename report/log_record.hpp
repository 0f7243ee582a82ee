// One record of a decision log (docs/governance.md): what was decided about
// a lead, when, by which rulebook and model, and the inputs the rulebook
// read. Every record is self-contained (it carries the rulebook's qualified
// flag and allowed rejection reasons), so a log may be cut, filtered or
// concatenated without losing meaning. Written as one JSON line.
#pragma once

#include "qualify/qualify.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qualify::report {

using NamedText = std::vector<std::pair<std::string, std::string>>;

struct LogRecord {
    std::string logged_at;  // the run's wall-clock time, "YYYY-MM-DDThh:mm:ssZ"
    std::string as_of;
    std::string id;
    std::string error;  // non-empty: the lead could not be decided
    std::string route;
    std::optional<std::string> explored_from;
    bool qualified = false;  // route is one of the rulebook's qualified_routes
    std::string score;       // exact decimal text; empty when unknown
    std::string confidence;
    std::optional<std::string> motion;
    std::vector<std::string> disqualified;  // codes
    std::vector<std::string> reasons;       // criterion codes
    std::vector<std::string> escalations;   // codes
    bool review = false;
    bool explore = false;
    NamedText models;  // model name -> probability text
    std::string summary;   // the decision's summary line (labels and points, no field value)
    std::string rulebook;  // name@version
    std::string rulebook_hash;
    NamedText model_hashes;  // model name -> "sha256:…"
    std::vector<std::string> rejection_reasons;  // the rulebook's allowed reasons
    NamedText fields;  // field -> JSON value text (only fields the rulebook reads)
};

// What a run adds to every record.
struct RunInfo {
    std::string logged_at;
    std::vector<std::string> qualified_routes;
    std::vector<std::string> rejection_reasons;
    NamedText model_hashes;
};
RunInfo run_info(const Rulebook& rulebook, std::string logged_at);

LogRecord make_record(const Decision& d, const RunInfo& run, NamedText fields);

// One JSON object, no newline.
std::string to_json_line(const LogRecord& r);
// Parses a line written by to_json_line; nullopt and `error` when it is not one.
std::optional<LogRecord> parse_json_line(std::string_view line, std::string& error);

// The run's timestamp: `override_text` when given (validated:
// YYYY-MM-DDThh:mm:ssZ), else the QUALIFY_NOW environment variable, else
// the wall clock (UTC). Returns nullopt when an override is malformed.
std::optional<std::string> run_timestamp(const std::optional<std::string>& override_text);

}  // namespace qualify::report
