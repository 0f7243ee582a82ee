// Logistic regression as a Learner: the encoder's design matrix, fitted by
// fit_logistic, written as a "logistic_regression" model (docs/model.md).
#include "training/encoder.hpp"
#include "training/learner.hpp"
#include "training/logistic_fit.hpp"

#include <cmath>
#include <stdexcept>

namespace qualify::training {

namespace {

class LogregFitted final : public FittedModel {
public:
    LogregFitted(const Encoder& encoder, const SparseMatrix& x, LogisticFit fit)
        : encoder_(encoder), x_(x), fit_(std::move(fit)) {}

    double log_odds(size_t row) const override { return fit_.log_odds(x_, row); }
    int iterations() const override { return fit_.iterations; }
    bool converged() const override { return fit_.converged; }

    void write(nlohmann::ordered_json& model) const override {
        model["kind"] = "logistic_regression";
        model["intercept"] = decimal_text(fit_.intercept);
        model["features"] = encoder_.model_features(fit_.weights);
    }

    std::vector<double> importance() const override {
        const size_t features = encoder_.features().size();
        const auto& feature_of = encoder_.feature_of_column();
        std::vector<double> sum(features), squares(features), contribution(features);
        for (size_t r = 0; r < x_.rows(); ++r) {
            std::fill(contribution.begin(), contribution.end(), 0.0);
            for (size_t e = x_.row_start[r]; e < x_.row_start[r + 1]; ++e)
                contribution[feature_of[x_.column[e]]] += fit_.weights[x_.column[e]] * x_.value[e];
            for (size_t f = 0; f < features; ++f) {
                sum[f] += contribution[f];
                squares[f] += contribution[f] * contribution[f];
            }
        }
        std::vector<double> sd(features);
        const double n = static_cast<double>(x_.rows());
        for (size_t f = 0; f < features && n > 0; ++f) {
            const double mean = sum[f] / n;
            sd[f] = std::sqrt(std::max(0.0, squares[f] / n - mean * mean));
        }
        return sd;
    }

private:
    const Encoder& encoder_;
    const SparseMatrix& x_;
    LogisticFit fit_;
};

class LogregLearner final : public Learner {
public:
    LogregLearner(const std::vector<const FieldInfo*>& fields, const History& history, const LearnerOptions& options)
        : options_(options), encoder_(fields, history.rows, options.rare_min_rows) {
        x_.columns = encoder_.columns();
        y_.reserve(history.rows.size());
        for (const auto& row : history.rows) {
            encoder_.encode(row, x_);
            y_.push_back(row.positive ? 1.0 : 0.0);
        }
    }

    nlohmann::ordered_json parameters() const override {
        nlohmann::ordered_json p;
        p["algorithm"] = "logreg";
        p["C"] = decimal_text(options_.C);
        p["penalty"] = "l2 on the weights, intercept unpenalised";
        p["solver"] = "newton";
        p["rare_level_min_rows"] = options_.rare_min_rows;
        return p;
    }
    size_t columns() const override { return x_.columns; }

    std::unique_ptr<FittedModel> fit(const std::vector<size_t>& rows) const override {
        LogisticParams params;
        params.C = options_.C;
        return std::make_unique<LogregFitted>(encoder_, x_, fit_logistic(x_, y_, rows, params));
    }

private:
    LearnerOptions options_;
    Encoder encoder_;
    SparseMatrix x_;
    std::vector<double> y_;
};

}  // namespace

std::unique_ptr<Learner> make_logreg_learner(const std::vector<const FieldInfo*>& fields, const History& history,
                                             const LearnerOptions& options) {
    return std::make_unique<LogregLearner>(fields, history, options);
}

}  // namespace qualify::training
