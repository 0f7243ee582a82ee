// The algorithms `qualify train --algo` knows, behind one interface: the
// trainer cross-validates, calibrates and writes the card the same way for
// each; a learner only fits on a subset of the history's rows, predicts
// log-odds, and writes its kind's part of the model file. Logistic
// regression is logreg_learner.cpp; a second algorithm is a second
// implementation registered in make_learner.
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

// "logreg"; throws std::invalid_argument for an algorithm this build lacks,
// and for a feature no algorithm can read (a date, always unknown).
std::unique_ptr<Learner> make_learner(const std::string& algo, const std::vector<const FieldInfo*>& fields,
                                      const History& history, const LearnerOptions& options);

// Whether make_learner knows the algorithm; the list for messages.
bool known_algorithm(const std::string& algo, std::string& known);

// The implementations make_learner chooses from.
std::unique_ptr<Learner> make_logreg_learner(const std::vector<const FieldInfo*>& fields, const History& history,
                                             const LearnerOptions& options);

}  // namespace qualify::training
