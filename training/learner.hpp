// The algorithms `qualify train --algo` knows, behind one interface: the
// trainer cross-validates, calibrates and writes the card the same way for
// each; a learner only fits on a subset of the history's rows, predicts
// log-odds, and writes its kind's part of the model file. Logistic
// regression is logreg_learner.cpp; gradient-boosted trees through
// XGBoost are gbdt_learner.cpp, built only where libxgboost-dev is
// installed (QUALIFY_WITH_XGBOOST), so scoring never links XGBoost.
#pragma once

#include "interpreter/schema.hpp"
#include "training/history.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace qualify::training {

struct LearnerOptions {
    double C = 1.0;              // logreg: inverse regularisation strength
    size_t rare_min_rows = 10;   // one-hot: fewer closed rows than this → "other"
    // gbdt (docs/model.md, "--algo gbdt")
    unsigned trees = 200;        // boosting rounds
    unsigned depth = 4;          // max_depth
    double eta = 0.1;            // learning rate
    unsigned threads = 1;        // XGBoost's nthread; 1 keeps runs reproducible anywhere
};

class FittedModel {
public:
    virtual ~FittedModel() = default;
    // Uncalibrated log-odds of each history row (by index into the rows).
    virtual double log_odds(size_t row) const = 0;
    // The model file's kind-specific keys ("kind", "intercept", "features"…).
    virtual void write(nlohmann::ordered_json& model) const = 0;
    // Per feature (model statement order): the standard deviation of its
    // contribution to the log-odds over the history's rows.
    virtual std::vector<double> importance() const = 0;
    // What importance() measures, for the card; empty: the standard
    // deviation above (the card then leaves the key out).
    virtual std::string importance_measure() const { return ""; }
    // The model file's text from the finished document (the trainer has
    // added the card and the calibration); ends in a newline.
    virtual std::string dump(const nlohmann::ordered_json& model) const { return model.dump(2) + "\n"; }
    virtual int iterations() const = 0;
    // False when the solver stopped at its iteration limit.
    virtual bool converged() const = 0;
};

class Learner {
public:
    virtual ~Learner() = default;
    // The card's "parameters".
    virtual nlohmann::ordered_json parameters() const = 0;
    // Design columns, for the report.
    virtual size_t columns() const = 0;
    virtual std::unique_ptr<FittedModel> fit(const std::vector<size_t>& rows) const = 0;
};

// "logreg" or "gbdt"; throws std::invalid_argument for an algorithm this build lacks,
// and for a feature no algorithm can read (a date, always unknown).
std::unique_ptr<Learner> make_learner(const std::string& algo, const std::vector<const FieldInfo*>& fields,
                                      const History& history, const LearnerOptions& options);

// Whether make_learner knows the algorithm; the list for messages.
bool known_algorithm(const std::string& algo, std::string& known);

// The implementations make_learner chooses from.
std::unique_ptr<Learner> make_logreg_learner(const std::vector<const FieldInfo*>& fields, const History& history,
                                             const LearnerOptions& options);
#ifdef QUALIFY_WITH_XGBOOST
std::unique_ptr<Learner> make_gbdt_learner(const std::vector<const FieldInfo*>& fields, const History& history,
                                           const LearnerOptions& options);
#endif

}  // namespace qualify::training
