// The outcomes file of `qualify report` (docs/report.md): what became of
// each lead — converted or not, whether sales accepted it, the structured
// rejection reason, the review verdict, when it closed. CSV (with a header)
// or JSON Lines; every bad row is reported by line, none is dropped silently.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace qualify::report {

struct Outcome {
    std::string id;
    bool converted = false;
    std::optional<bool> sales_accepted;
    std::optional<std::string> rejection_reason;
    std::optional<bool> review_verdict;  // true: a human would have qualified it
    std::optional<std::string> closed_at;
    uint64_t line = 0;
};

struct Outcomes {
    std::vector<Outcome> items;
    std::vector<std::string> problems;  // "line 7: outcome 'maybe' is not won, lost, 1 or 0"
};

// `csv`: CSV with a header naming at least `id` and `outcome`; else JSON Lines.
Outcomes read_outcomes(std::istream& in, bool csv);

}  // namespace qualify::report
