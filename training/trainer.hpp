// Training one model of a rulebook from its history: the minimum-data
// guard, k-fold cross-validation (folds.hpp), Platt calibration on the
// out-of-fold log-odds, the final fit on every closed row, and the model
// file with its card (docs/model.md, "Training").
#pragma once

#include "training/history.hpp"
#include "training/learner.hpp"
#include "training/metrics.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace qualify::training {

// The minimum-data guard (docs/model.md): fewer closed outcomes, or fewer
// of either class, and training is refused.
constexpr uint64_t kMinClosedRows = 50;
constexpr uint64_t kMinPerClass = 10;
constexpr uint64_t kWarnBelowPositives = 120;

struct TooLittleData : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TrainSpec {
    std::string algo = "logreg";
    unsigned folds = 5;
    uint64_t seed = 0;
    LearnerOptions learner;
    // For the card.
    std::string trained_at;        // YYYY-MM-DD
    std::string rulebook_file;
    std::string rulebook_sha256;   // of the rulebook's source text
    std::string model_name;
    std::string history_file;
    std::string target;
    std::string positive;          // empty: 1/true/yes
};

struct TrainResult {
    std::string model_json;  // the file to write, ending in a newline
    uint64_t rows = 0, positives = 0;
    size_t columns = 0;
    std::vector<double> fold_auc;  // -1 for a fold holding one class
    double cv_auc = 0;             // mean over the folds with both classes
    double cv_brier = 0;           // mean over folds, uncalibrated probabilities
    double calibrated_brier = 0;   // out-of-fold, after calibration
    double platt_a = 1, platt_b = 0;
    std::vector<CalibrationBin> table;  // of the calibrated out-of-fold probabilities
    std::vector<std::string> warnings;
};

// Throws TooLittleData for the guard, std::invalid_argument for options and
// features that cannot be trained.
TrainResult train(const std::vector<const FieldInfo*>& fields, const History& history, const TrainSpec& spec);

}  // namespace qualify::training
