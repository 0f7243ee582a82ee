// The report of `qualify report` as data: computed once from a decision log
// and an outcomes file (compute_report), then rendered as text, markdown
// or JSON (render.hpp); an HTML renderer takes the same struct.
// Statistics are doubles: a report describes decisions, it makes none.
#pragma once

#include "report/log_record.hpp"
#include "report/outcomes.hpp"
#include "report/statistics.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace qualify::report {

// Thresholds, documented in docs/report.md.
inline constexpr size_t kMinLeadsWithOutcome = 200;
inline constexpr size_t kMinEachClass = 20;      // conversions, and non-conversions
inline constexpr double kCalibrationThreshold = 0.05;  // expected calibration error
inline constexpr double kDriftThreshold = 0.2;         // PSI
inline constexpr size_t kScoreBins = 20;              // bars of the score distribution

struct BandRow {
    std::string label;  // "decile 10 (top)" / a route name
    std::string scores;  // the band's score range, "81.20-97.45"
    size_t count = 0;
    size_t converted = 0;
    std::optional<double> mean_predicted;  // mean model probability, when the leads have one
    double conversion = 0;
    double lift = 0;  // conversion / base rate
};

struct ReasonCount {
    std::string reason;
    size_t count = 0;
};

struct ExplorationRow {
    std::string from;  // the route the rules chose
    std::string to;    // the route the lead was explored into
    size_t count = 0;
    size_t converted = 0;
    double conversion = 0;
    size_t original_count = 0;      // non-explored leads on `from` with an outcome
    double original_conversion = 0;  // what `from` predicted
};

// One bar of the score distribution (docs/report.md, "HTML report").
struct ScoreBin {
    double low = 0;  // [low, high); the last bin includes its top
    double high = 0;
    size_t count = 0;           // decided leads of the current log
    size_t baseline_count = 0;  // of the baseline, when given
};

// A route's share of the decided leads, now and in the baseline.
struct RouteMix {
    std::string route;
    size_t baseline = 0;
    size_t current = 0;
};

// Leads decided in both logs: how many moved from one route to another.
struct RouteTransition {
    std::string from;  // the baseline's route
    std::string to;    // the current route
    size_t count = 0;
};

struct DriftRow {
    std::string name;  // "score" or a field
    double psi = 0;
    bool flagged = false;
};

struct Report {
    // Inputs.
    size_t log_records = 0;
    size_t error_records = 0;
    size_t leads = 0;  // distinct ids decided (the latest record of an id counts)
    size_t with_outcome = 0;
    size_t converted = 0;
    size_t outcomes_without_decision = 0;
    double base_rate = 0;

    std::vector<BandRow> deciles;  // top first
    std::vector<BandRow> routes;   // highest mean score first

    std::optional<double> auc;    // of the score
    std::optional<double> brier;  // of the model probability
    std::optional<double> ece;

    // False positives: qualified leads sales rejected.
    size_t qualified = 0;                // with an outcome
    size_t qualified_with_feedback = 0;  // sales_accepted given
    size_t false_positives = 0;
    double false_positive_rate = 0;
    std::vector<ReasonCount> false_positives_by_reason;
    // False negatives: leads on other routes (or disqualified) that converted.
    size_t not_qualified = 0;
    size_t false_negatives = 0;
    double false_negative_rate = 0;
    size_t reviewed = 0;  // review-flagged rejected leads with a verdict
    size_t review_would_qualify = 0;
    std::optional<double> review_share;
    std::optional<Interval> review_interval;

    std::vector<ExplorationRow> exploration;

    // The score distribution of every decided lead, in kScoreBins bins
    // from the lowest to the highest score of both logs.
    std::vector<ScoreBin> score_distribution;

    bool has_baseline = false;
    std::vector<DriftRow> drift;  // "score" first, then fields by name
    std::vector<RouteMix> route_mix;                 // with a baseline: routes by name
    std::vector<RouteTransition> route_transitions;  // ids in both logs, by (from, to)

    std::string verdict;  // discriminating / not_discriminating / insufficient_data
    std::string verdict_detail;
    std::vector<std::string> warnings;
    std::vector<std::string> problems;  // outcome rows that could not be used, and why
};

Report compute_report(const std::vector<LogRecord>& decisions, const Outcomes& outcomes,
                      const std::vector<LogRecord>* baseline);

}  // namespace qualify::report
