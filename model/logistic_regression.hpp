// The logistic-regression propensity model: its validated description
// (intercept and one encoded term per schema field) and its evaluation in
// exact decimal arithmetic. Reading the JSON file lives in model_file.cpp.
#pragma once

#include "model/calibration.hpp"
#include "model/model.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qualify {

// How a feature turns a field's value into a contribution to the log-odds.
enum class FeatureEncoding { OneHot, Standardized, Bool };

// One term of the model, already bound to a schema slot. Only the members of
// its encoding are meaningful.
struct LogisticFeature {
    std::string field;  // dotted schema name
    int slot = -1;
    FeatureEncoding encoding = FeatureEncoding::OneHot;
    Decimal missing;  // contribution when the value is unknown

    // OneHot over an enum field: one entry per enum position, nullopt where
    // the file lists no coefficient (then `other` applies).
    std::vector<std::optional<Decimal>> enum_levels;
    std::vector<std::string> enum_names;  // position -> value name, for factors
    // OneHot over a string field: exact, case-sensitive level text.
    std::map<std::string, Decimal, std::less<>> string_levels;
    bool over_enum = false;
    Decimal other;  // a level the file does not list

    // Standardized: coefficient * ((x - mean) / scale), scale > 0.
    Decimal mean;
    Decimal scale;
    Decimal coefficient;

    // Bool.
    Decimal if_true;
    Decimal if_false;
};

struct LogisticRegressionSpec {
    Decimal intercept;
    std::vector<LogisticFeature> features;
    // When present, the probability is the calibrated one; the factors stay
    // contributions to the uncalibrated log-odds.
    std::optional<PlattCalibration> calibration;
};

class LogisticRegression final : public PropensityModel {
public:
    LogisticRegression(LogisticRegressionSpec spec, std::string file_bytes);

    const std::vector<std::string>& features() const override { return names_; }
    const std::string& file_bytes() const override { return bytes_; }
    std::string kind() const override { return "logistic_regression"; }

    // Throws ArithmeticError when a term overflows (an absurd input value);
    // the evaluator turns that into an error decision for the lead.
    Decimal evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const override;

private:
    LogisticRegressionSpec spec_;
    std::vector<std::string> names_;
    std::string bytes_;
};

}  // namespace qualify
