// A decision: what qualify says about one lead (spec §4) — route, score,
// confidence, disqualifiers, motion, reasons, models, summary, escalations,
// unknown inputs, samples — or an error record for a lead that could not be
// evaluated. Text fields are views into the compiled rulebook, valid while
// the rulebook lives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/decimal.hpp"

namespace qualify {

struct CodeAndReason {
    std::string_view code;
    std::string_view reason;
};

struct ReasonItem {
    std::string_view code;
    std::string_view label;
    Decimal points;  // exact; printed with 2 places
    Decimal weight;  // `of`
};

// One feature's contribution to a model's log-odds.
struct ModelFactor {
    std::string_view feature;  // schema field, dotted (owned by the loaded model)
    std::string value;         // the input as text ("software", "1100", "unknown")
    Decimal contribution;
};

struct ModelOutcome {
    std::string_view name;
    Decimal probability;
    std::vector<ModelFactor> factors;  // largest |contribution| first
};

// One line of the explain trace: a rule, its inputs, its result.
struct TraceEntry {
    std::string rule;    // "disqualify competitor", "criterion size_fit", "route ae"...
    std::string at;      // "file:line:col"
    std::vector<std::pair<std::string, std::string>> inputs;  // name -> JSON value text (pii redacted)
    std::string result;  // "true" / "false" / "unknown" / a number / a route name
    std::optional<Decimal> points;  // criteria
    std::optional<Decimal> weight;  // criteria
    std::string note;    // why: "first route that holds", "disabled by motion", "sampled (h mod 10000 = 123 < 500)"
};

// A lead's `dedupe by` key, hashed (128 bits: a false match between distinct
// keys is astronomically unlikely, and the hash is all a run keeps).
struct DedupeKey {
    uint64_t high = 0, low = 0;
    friend bool operator==(const DedupeKey&, const DedupeKey&) = default;
};

// A value a route assigns (`assign team: owner.team`).
struct AssignedValue {
    std::string_view name;
    std::string json;   // JSON text: `"emea"`, `3`, `null`, `["a","b"]`
    std::string plain;  // for CSV cells: strings without quotes, unknown empty
};

struct Decision {
    std::string id;       // empty when the record had no readable id
    uint64_t line = 0;    // input line or record number; 0 when not from a stream
    bool is_error = false;
    std::string error;    // is_error: what went wrong

    std::string_view route;
    std::optional<std::string_view> route_label;
    std::optional<std::string_view> action;
    // Set when the rulebook assigns anything: then every decision has an
    // `assigned` object (empty when the route assigns nothing).
    bool has_assigned = false;
    std::vector<AssignedValue> assigned;
    std::optional<Decimal> score;
    std::optional<Decimal> confidence;
    std::vector<CodeAndReason> disqualified;
    std::optional<std::string_view> motion;
    std::vector<ReasonItem> reasons;
    std::vector<ModelOutcome> models;
    std::vector<CodeAndReason> escalations;
    std::vector<std::string_view> unknown;
    bool review = false;
    bool explore = false;
    std::optional<std::string_view> explored_from;
    std::string as_of;
    std::string_view rulebook;  // name@version
    std::string_view rulebook_hash;

    bool traced = false;
    std::vector<TraceEntry> trace;

    // Set when the rulebook has `dedupe by`, the lead is not an error and
    // every key part is known; a Run (qualify.hpp) compares it across leads.
    std::optional<DedupeKey> dedupe_key;
};

// The summary line: "Score 61.22 (ICP industry 20/20, …; propensity 0.62)
// -> sdr", or "Disqualified: code (reason), … -> reject". Built when printed,
// not when deciding: it is presentation.
std::string summary(const Decision& d);

// One line of JSON, keys in the order of spec §4 (`trace` last when traced).
// Error records are `{"id": …, "line": …, "error": "…"}`.
std::string to_json(const Decision& d);
// The same line (without a newline) appended to `out`: a writer of many
// decisions reuses one buffer instead of a string per decision.
void append_json(std::string& out, const Decision& d);

// Flat CSV output: csv_header() is the line
// `id,route,score,confidence,disqualified,escalations,summary`; to_csv() is
// one decision as a row in that order (codes joined with `;`, cells quoted
// per RFC 4180 when they hold a comma, a quote or a line break), each ending
// with "\n". An error record has an empty route and
// `error (line N): MESSAGE` in `summary`.
// When the rulebook assigns values, one column per assigned name follows
// `summary` (in first-use order), empty where the route does not assign it.
std::string csv_header();
std::string to_csv(const Decision& d);
std::string csv_header(const std::vector<std::string>& assigned_names);
std::string to_csv(const Decision& d, const std::vector<std::string>& assigned_names);
// to_csv(d, assigned_names) appended to `out`, newline included.
void append_csv(std::string& out, const Decision& d, const std::vector<std::string>& assigned_names);

}  // namespace qualify
