// Evaluation of the logistic-regression model: one contribution per feature,
// log-odds = intercept + their sum, probability = sigmoid(log-odds) or its
// Platt calibration sigmoid(a × log-odds + b), all in
// Decimal so that every machine prints the same digits (docs/model.md).
#include "model/logistic_regression.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace qualify {

LogisticRegression::LogisticRegression(LogisticRegressionSpec spec, std::string file_bytes)
    : spec_(std::move(spec)), bytes_(std::move(file_bytes)) {
    names_.reserve(spec_.features.size());
    for (const auto& f : spec_.features) names_.push_back(f.field);
}

namespace {

// A slot holding a value of the wrong kind means the lead reader and the
// loader disagree about the schema: an engine fault, not a user error.
[[noreturn]] void wrong_kind(const LogisticFeature& f) {
    throw std::logic_error("model feature " + f.field + ": slot holds a value of the wrong kind");
}

ModelFactor contribution_of(const LogisticFeature& f, const Value& v) {
    if (!v.known()) return {f.field, "unknown", f.missing};
    switch (f.encoding) {
        case FeatureEncoding::OneHot:
            if (f.over_enum) {
                if (v.kind != Value::Kind::Enum || v.i < 0 ||
                    static_cast<size_t>(v.i) >= f.enum_levels.size())
                    wrong_kind(f);
                const auto& level = f.enum_levels[static_cast<size_t>(v.i)];
                return {f.field, f.enum_names[static_cast<size_t>(v.i)], level ? *level : f.other};
            } else {
                if (v.kind != Value::Kind::String) wrong_kind(f);
                auto it = f.string_levels.find(v.s);
                return {f.field, std::string(v.s), it != f.string_levels.end() ? it->second : f.other};
            }
        case FeatureEncoding::Standardized: {
            if (v.kind != Value::Kind::Number) wrong_kind(f);
            // Standardize first, then weight: the z-score is the quantity the
            // coefficient was fitted against.
            Decimal z = (v.n - f.mean) / f.scale;
            return {f.field, v.n.to_string(), f.coefficient * z};
        }
        case FeatureEncoding::Bool:
            if (v.kind != Value::Kind::Bool) wrong_kind(f);
            return {f.field, v.b ? "true" : "false", v.b ? f.if_true : f.if_false};
    }
    wrong_kind(f);
}

}  // namespace

Decimal LogisticRegression::evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const {
    factors.clear();
    Decimal log_odds = spec_.intercept;
    for (const auto& f : spec_.features) {
        factors.push_back(contribution_of(f, slots[f.slot]));
        log_odds = log_odds + factors.back().contribution;
    }
    // Stable, so equal magnitudes keep the file's feature order.
    std::stable_sort(factors.begin(), factors.end(), [](const ModelFactor& a, const ModelFactor& b) {
        return a.contribution.abs() > b.contribution.abs();
    });
    return spec_.calibration ? spec_.calibration->apply(log_odds) : Decimal::sigmoid(log_odds);
}

}  // namespace qualify
