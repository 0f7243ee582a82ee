// How good out-of-fold predictions are: ROC AUC (ties count half), the
// Brier score, and the calibration table of predicted against observed
// rates in ten equal-width bins of the predicted probability.
#pragma once

#include <cstddef>
#include <vector>

namespace qualify::training {

// Mann–Whitney AUC over the listed rows; -1 when they hold only one class.
double roc_auc(const std::vector<double>& score, const std::vector<double>& y, const std::vector<size_t>& rows);

// Mean of (probability − outcome)² over the listed rows.
double brier(const std::vector<double>& probability, const std::vector<double>& y, const std::vector<size_t>& rows);

struct CalibrationBin {
    double from = 0, to = 0;  // [from, to); the last bin includes 1
    size_t rows = 0;
    double mean_predicted = 0;
    double observed = 0;  // share of positives
};

std::vector<CalibrationBin> calibration_table(const std::vector<double>& probability, const std::vector<double>& y,
                                              size_t bins = 10);

}  // namespace qualify::training
