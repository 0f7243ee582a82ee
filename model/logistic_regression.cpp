// Evaluation of the logistic-regression model: one contribution per feature,
// log-odds = intercept + their sum, probability = sigmoid(log-odds) or its
// Platt calibration sigmoid(a × log-odds + b), all in
// Decimal so that every machine prints the same digits (docs/model.md).
#include "model/logistic_regression.hpp"

#include "interpreter/wide_int.hpp"

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

// Fills `out` with one feature's contribution. `out` is reused from lead to
// lead, so assigning its value text keeps the string's capacity.
void contribution_of(const LogisticFeature& f, const Value& v, ModelFactor& out) {
    out.feature = f.field;
    if (!v.known()) {
        out.value.assign("unknown");
        out.contribution = f.missing;
        return;
    }
    switch (f.encoding) {
        case FeatureEncoding::OneHot:
            if (f.over_enum) {
                if (v.kind != Value::Kind::Enum || v.i < 0 ||
                    static_cast<size_t>(v.i) >= f.enum_levels.size())
                    wrong_kind(f);
                const auto& level = f.enum_levels[static_cast<size_t>(v.i)];
                out.value.assign(f.enum_names[static_cast<size_t>(v.i)]);
                out.contribution = level ? *level : f.other;
            } else {
                if (v.kind != Value::Kind::String) wrong_kind(f);
                auto it = f.string_levels.find(v.s);
                out.value.assign(v.s);
                out.contribution = it != f.string_levels.end() ? it->second : f.other;
            }
            return;
        case FeatureEncoding::Standardized: {
            if (v.kind != Value::Kind::Number) wrong_kind(f);
            // Standardize first, then weight: the z-score is the quantity the
            // coefficient was fitted against.
            Decimal z = (v.n - f.mean) / f.scale;
            out.contribution = f.coefficient * z;
            out.value = v.n.to_string();
            return;
        }
        case FeatureEncoding::Bool:
            if (v.kind != Value::Kind::Bool) wrong_kind(f);
            out.value.assign(v.b ? "true" : "false");
            out.contribution = v.b ? f.if_true : f.if_false;
            return;
    }
    wrong_kind(f);
}

// Largest |contribution| first; equal magnitudes keep the file's feature
// order. An insertion sort in place: models have a handful of features, and
// std::stable_sort would allocate a buffer for every lead.
// Magnitudes compare as unsigned raw values (evaluate_into has already
// called abs() on each contribution, so the one value without a decimal
// magnitude, the most negative raw, has thrown as it always did).
void sort_by_magnitude(std::vector<ModelFactor>& factors) {
    auto magnitude = [](const ModelFactor& f) { return wide::magnitude(f.contribution.raw()); };
    for (size_t i = 1; i < factors.size(); ++i)
        for (size_t j = i; j > 0 && magnitude(factors[j - 1]) < magnitude(factors[j]); --j)
            std::swap(factors[j - 1], factors[j]);
}

}  // namespace

Decimal LogisticRegression::evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const {
    // Resized, not cleared: the factors' strings keep their capacity.
    factors.resize(spec_.features.size());
    Decimal log_odds = spec_.intercept;
    for (size_t i = 0; i < spec_.features.size(); ++i) {
        const LogisticFeature& f = spec_.features[i];
        contribution_of(f, slots[f.slot], factors[i]);
        (void)factors[i].contribution.abs();  // throws for a magnitude beyond the decimal range
        log_odds = log_odds + factors[i].contribution;
    }
    sort_by_magnitude(factors);
    return spec_.calibration ? spec_.calibration->apply(log_odds) : Decimal::sigmoid(log_odds);
}

}  // namespace qualify
