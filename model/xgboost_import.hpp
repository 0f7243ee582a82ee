// Converting a model saved by XGBoost (`save_model("model.json")`: gbtree,
// binary:logistic) into qualify's tree-ensemble model file, with XGBoost's
// feature names bound to schema fields by the column naming convention of
// docs/model.md. A library function so that `qualify model import` and a
// trainer that drives XGBoost itself produce the same file.
#pragma once

#include "interpreter/schema.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace qualify {

struct XgboostImportInfo {
    size_t trees = 0;
    size_t columns = 0;
    std::vector<std::string> fields;  // the schema fields the model reads, first use first
};

// Returns the model file's text (JSON, ending in a newline), or nullopt with
// every problem found in `error`, one per line ("$.learner.objective.name:
// ...").
std::optional<std::string> import_xgboost(std::string_view xgboost_json, const SchemaInfo& schema,
                                          std::string& error, XgboostImportInfo* info = nullptr);

}  // namespace qualify
