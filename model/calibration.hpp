// Probability calibration stored in a model file (docs/model.md,
// "Calibration"): Platt scaling maps the model's log-odds s to
// sigmoid(a × s + b). Evaluated in exact decimals like the model itself, so
// the calibrated probability is what the rulebook sees on every machine.
#pragma once

#include "interpreter/decimal.hpp"

namespace qualify {

struct PlattCalibration {
    Decimal a = Decimal::one();
    Decimal b;

    // a × log_odds and the sum are rounded like every decimal product; the
    // sigmoid is Decimal::sigmoid (18 places, half-even).
    Decimal apply(Decimal log_odds) const { return Decimal::sigmoid(a * log_odds + b); }
};

}  // namespace qualify
