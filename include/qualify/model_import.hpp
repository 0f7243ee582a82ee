// Importing a model trained elsewhere into qualify's model file format
// (docs/model.md): today a gradient-boosted tree model saved by XGBoost.
#pragma once

#include "qualify/qualify.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qualify {

struct ModelImport {
    std::optional<std::string> model_file;  // the qualify model file's text, when the import worked
    std::string error;                      // otherwise every problem, one per line
    size_t trees = 0;
    size_t columns = 0;
    std::vector<std::string> fields;        // the schema fields the model reads
};

// Converts the text of an XGBoost `save_model("….json")` file (gbtree,
// binary:logistic) whose feature names follow qualify's column naming
// against the rulebook's schema.
ModelImport import_xgboost_model(std::string_view xgboost_json, const Rulebook& rulebook);

}  // namespace qualify
