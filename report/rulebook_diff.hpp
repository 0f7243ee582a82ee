// The impact of a rulebook change (`qualify diff OLD NEW LEADS`): both
// rulebooks' decisions on the same leads, matched by lead id, reduced to
// what a reviewer of the change needs: the route transition matrix, leads
// newly disqualified or re-qualified, the score distribution before and
// after (overall and per old route), and the leads whose decision changed
// most, with both summaries side by side. Rendered as text, JSON or
// Markdown (ready to paste as a pull-request comment).
#pragma once

#include "interpreter/decimal.hpp"
#include "qualify/decision.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qualify::report {

// One side's decision of a lead, reduced to what the diff shows.
struct DiffSide {
    std::string route;     // "error" for an error decision
    std::optional<Decimal> score;
    bool disqualified = false;
    std::string summary;   // summary(), or the error message
};

DiffSide diff_side(const Decision& d);

struct ChangedLead {
    std::string id;
    DiffSide before, after;
    Decimal score_change;  // |after - before|, 0 when either is missing
};

struct ScoreStats {
    size_t count = 0;
    Decimal mean, q1, median, q3;
};

struct RulebookDiff {
    std::string old_name, new_name;  // name@version
    size_t matched = 0;
    std::vector<std::string> only_old, only_new;  // lead ids present in one run only
    std::map<std::pair<std::string, std::string>, size_t> transitions;  // (from, to) -> leads
    size_t moved = 0;  // matched leads whose route changed
    std::vector<ChangedLead> newly_disqualified, requalified;
    ScoreStats old_scores, new_scores;
    // Per route of the old rulebook: the scores of its leads before and after.
    std::map<std::string, std::pair<ScoreStats, ScoreStats>> by_band;
    std::vector<ChangedLead> top;  // most changed first: route changes, then by score change
    double moved_percent() const { return matched ? 100.0 * static_cast<double>(moved) / static_cast<double>(matched) : 0.0; }
};

// `old_sides` and `new_sides` are (id, side) in input order; ids repeat only
// when the input repeats them (the first occurrence counts).
RulebookDiff compute_diff(const std::vector<std::pair<std::string, DiffSide>>& old_sides,
                          const std::vector<std::pair<std::string, DiffSide>>& new_sides, size_t top_n);

std::string diff_text(const RulebookDiff& d);
std::string diff_json(const RulebookDiff& d);
std::string diff_markdown(const RulebookDiff& d);

}  // namespace qualify::report
