// `qualify model import XGBOOST.json --rulebook R --out MODEL.json`:
// converts a model saved by XGBoost into qualify's model file, its feature
// names bound to the rulebook's schema (docs/model.md). The conversion is a
// library function (include/qualify/model_import.hpp); this file reads and
// writes the files and reports.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "qualify/model_import.hpp"

#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify model import XGBOOST.json --rulebook RULEBOOK --out MODEL.json\n\n"
    "Converts a model saved by XGBoost's save_model(\"….json\") (gbtree,\n"
    "binary:logistic) into a qualify model file. Feature names name schema fields:\n"
    "FIELD (a number or bool), FIELD=LEVEL (one level of a string or enum field),\n"
    "FIELD:missing (1 when the field is unknown). See docs/model.md.\n\n"
    "exit: 0 written, 2 usage error, unreadable file or a model that cannot be\n"
    "      imported, 3 rulebook errors\n";

}  // namespace

int cmd_model_import(Words words) {
    Args args(words, {{"--rulebook", true}, {"--out", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().size() != 1) throw UsageError("expected exactly one XGBoost model file");
    auto rulebook_path = args.value("--rulebook");
    auto out_path = args.value("--out");
    if (!rulebook_path) throw UsageError("--rulebook is required (its schema names the features)");
    if (!out_path) throw UsageError("--out is required");
    const std::string& input = args.positional()[0];
    std::string text = read_file(input);

    // Only the schema matters: the model file the rulebook names may not
    // exist yet, or be the outdated model this import replaces.
    CompileOptions options;
    options.skip_model_files = true;
    auto rulebook = load_rulebook(*rulebook_path, options);
    if (!rulebook) return kExitRulebookErrors;

    ModelImport imported = import_xgboost_model(text, *rulebook);
    if (!imported.model_file) {
        std::cerr << "qualify model import: " << input << ": cannot import:\n" << imported.error << "\n";
        return kExitUsage;  // the input file is not a model this build can read
    }
    std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
    if (!(out << *imported.model_file) || !out.flush()) throw UsageError("cannot write '" + *out_path + "'");
    std::string fields;
    for (const auto& f : imported.fields) fields += (fields.empty() ? "" : ", ") + f;
    std::cerr << *out_path << ": " << imported.trees << " trees, " << imported.columns << " columns over ["
              << fields << "]\n";
    return kExitOk;
}

}  // namespace qualify::cli
