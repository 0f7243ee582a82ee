// The public face of the model importers (include/qualify/model_import.hpp):
// takes the schema from a compiled rulebook.
#include "qualify/model_import.hpp"

#include "interpreter/program.hpp"
#include "model/xgboost_import.hpp"

namespace qualify {

ModelImport import_xgboost_model(std::string_view xgboost_json, const Rulebook& rulebook) {
    ModelImport result;
    XgboostImportInfo info;
    result.model_file = import_xgboost(xgboost_json, rulebook.program().schema, result.error, &info);
    result.trees = info.trees;
    result.columns = info.columns;
    result.fields = std::move(info.fields);
    return result;
}

}  // namespace qualify
