// Reading the body of a "tree_ensemble" model file (docs/model.md) and
// binding column names (`company.employees`, `company.industry=software`,
// `company.employees:missing`) to schema fields — the naming convention the
// XGBoost importer (xgboost_import.cpp) shares.
#pragma once

#include "model/tree_ensemble.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qualify {

// Deeper trees are refused: TreeSHAP recurses once per level.
constexpr int kMaxTreeDepth = 128;

// One problem in a model file: the JSON path and what is wrong there.
struct ModelFileProblem {
    std::string path;
    std::string message;
};

// Binds a column name to the schema. On success the column's `feature`
// indexes `fields`, to which the field is appended the first time a column
// reads it; otherwise returns nullopt and sets `error`.
std::optional<TreeColumn> bind_column(const std::string& name, const SchemaInfo& schema,
                                      std::vector<TreeField>& fields, std::string& error);

// Validates the body of a tree-ensemble file (the envelope — format,
// format_version, kind — is model_file.cpp's). Appends every problem found;
// returns null when there is any.
std::unique_ptr<PropensityModel> read_tree_ensemble(const nlohmann::json& doc, const SchemaInfo& schema,
                                                    std::string bytes, std::vector<ModelFileProblem>& problems);

}  // namespace qualify
