// The weekly false-negative review (docs/report.md, "The review
// workflow"): from a decision log, the review-flagged leads the rules did
// not qualify, sampled deterministically, with what explains each decision.
// A reviewer marks each one `qualify` or `reject`; the verdicts come back
// through the outcomes file's review_verdict column into `qualify report`.
#pragma once

#include "report/log_record.hpp"

#include <string>
#include <vector>

namespace qualify::report {

struct ReviewSample {
    size_t flagged = 0;  // review-flagged rejected leads in the log (latest record of each id)
    std::vector<const LogRecord*> leads;  // the sample, highest score first
};

// The sample: the `n` flagged leads whose sha256(id) sorts first — a fixed
// pseudo-random pick that does not depend on log order and keeps a lead
// in the sample when the period grows — listed by score, highest first.
ReviewSample review_sample(const std::vector<LogRecord>& log, size_t n);

std::string render_review_markdown(const ReviewSample& sample);
std::string render_review_csv(const ReviewSample& sample);

}  // namespace qualify::report
