// The table of training algorithms (`qualify train --algo NAME`).
#include "training/learner.hpp"

#include <stdexcept>

namespace qualify::training {

namespace {

struct Algorithm {
    const char* name;
    std::unique_ptr<Learner> (*make)(const std::vector<const FieldInfo*>&, const History&, const LearnerOptions&);
};

constexpr Algorithm kAlgorithms[] = {
    {"logreg", make_logreg_learner},
#ifdef QUALIFY_WITH_XGBOOST
    {"gbdt", make_gbdt_learner},
#endif
};

}  // namespace

bool known_algorithm(const std::string& algo, std::string& known) {
    bool found = false;
    known.clear();
    for (const auto& a : kAlgorithms) {
        found = found || algo == a.name;
        known += (known.empty() ? "" : ", ") + std::string(a.name);
    }
    return found;
}

std::unique_ptr<Learner> make_learner(const std::string& algo, const std::vector<const FieldInfo*>& fields,
                                      const History& history, const LearnerOptions& options) {
    std::string known;
    for (const auto& a : kAlgorithms) {
        if (algo == a.name) return a.make(fields, history, options);
        known += (known.empty() ? "" : ", ") + std::string(a.name);
    }
    throw std::invalid_argument("unknown --algo \"" + algo + "\" (this build trains: " + known + ")");
}

}  // namespace qualify::training
