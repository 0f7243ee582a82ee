// The statistics of the report, in double (they describe decisions, they
// do not make them): AUC, Brier score, expected calibration error, Wilson
// intervals and the population stability index. Pure functions; every
// result depends only on its inputs, in a fixed order, so reports are
// deterministic.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qualify::report {

// Area under the ROC curve of `score` against `positive` (ties count half);
// nullopt when either class is empty.
std::optional<double> auc(const std::vector<double>& score, const std::vector<bool>& positive);

// Mean of (p - y)^2.
double brier(const std::vector<double>& p, const std::vector<bool>& y);

// Expected calibration error over `bins` equal-width probability bins:
// the count-weighted mean of |mean predicted - actual rate|.
double expected_calibration_error(const std::vector<double>& p, const std::vector<bool>& y, int bins = 10);

struct Interval {
    double low = 0;
    double high = 0;
};
// Wilson score interval at 95% for k successes out of n (n > 0).
Interval wilson(size_t k, size_t n);

// PSI between two distributions given as counts over the same bins; an
// empty bin counts as 0.0001 of its side so the sum stays finite.
double psi(const std::vector<size_t>& expected, const std::vector<size_t>& actual);

// PSI of a numeric sample against a baseline: bins are the baseline's
// deciles (plus one bin for missing values, NaN).
double numeric_psi(const std::vector<double>& baseline, const std::vector<double>& current);
// PSI of a categorical sample (values as text) against a baseline: the
// baseline's 20 most frequent values are bins, all others share one.
double categorical_psi(const std::vector<std::string>& baseline, const std::vector<std::string>& current);

}  // namespace qualify::report
