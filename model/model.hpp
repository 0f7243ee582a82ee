// Propensity models a rulebook embeds with `model NAME = "file.json"`:
// loading the documented JSON format (docs/model.md), binding its features
// to schema slots, and evaluating a lead to a probability with per-feature
// contributions. A loaded model is immutable and safe to share across threads.
#pragma once

#include "interpreter/decimal.hpp"
#include "qualify/decision.hpp"
#include "interpreter/schema.hpp"
#include "interpreter/value.hpp"

#include <memory>
#include <string>
#include <vector>

namespace qualify {

// ModelFactor (feature, value as text, contribution) is public: decisions
// carry the factors (include/qualify/decision.hpp).

struct ModelResult {
    Decimal probability;               // in [0, 1], 18 places
    std::vector<ModelFactor> factors;  // largest |contribution| first; ties by feature order
};

class PropensityModel {
public:
    virtual ~PropensityModel() = default;

    // Loads and validates a model file against the schema: every feature
    // must be a schema field of a compatible type. On failure returns null
    // and sets `error` to a message naming the file and the problem.
    static std::unique_ptr<PropensityModel> load(const std::string& path, const SchemaInfo& schema,
                                                 std::string& error);

    // The dotted schema fields the model reads, in the file's order.
    virtual const std::vector<std::string>& features() const = 0;
    // The exact bytes of the file, hashed into the rulebook hash.
    virtual const std::string& file_bytes() const = 0;
    // "logistic_regression" or "tree_ensemble".
    virtual std::string kind() const = 0;

    // Evaluates a lead given as one Value per schema slot: the probability,
    // and the factors into `factors` (cleared first; its capacity is reused
    // from lead to lead).
    virtual Decimal evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const = 0;

    ModelResult evaluate(const Value* slots) const {
        ModelResult r;
        r.probability = evaluate_into(slots, r.factors);
        return r;
    }
};

}  // namespace qualify
