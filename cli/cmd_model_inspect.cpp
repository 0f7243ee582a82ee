// `qualify model inspect MODEL.json`: what a model file says about itself —
// its card (written by `qualify train`), its features ranked by importance,
// and its calibration and calibration table (docs/model.md, "Inspecting"),
// for logistic regressions and tree ensembles alike.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace qualify::cli {

namespace {

using nlohmann::ordered_json;

constexpr const char* kUsage =
    "usage: qualify model inspect MODEL.json [--top N]\n\n"
    "Prints the model's card (what it was trained on, when, and how well it\n"
    "did in cross-validation), its features ranked by importance, and its\n"
    "calibration with the calibration table.\n\n"
    "  --top N   how many features to list (default 10; 0 lists all)\n\n"
    "exit: 0 ok, 2 usage error or a file that is not a qualify model\n";

std::string text(const ordered_json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "-";
    return v.dump();
}

std::string at(const ordered_json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) ? text(obj[key]) : "-";
}

double number(const ordered_json& v) {
    try {
        return v.is_string() ? std::stod(v.get<std::string>()) : v.is_number() ? v.get<double>() : 0.0;
    } catch (const std::exception&) {
        return 0.0;
    }
}

struct Ranked {
    std::string field;
    std::string encoding;
    double importance = 0;
};

// The schema field a tree column reads (docs/model.md, "Columns"):
// `FIELD`, `FIELD=LEVEL` or `FIELD:missing`. Field names hold neither `=`
// nor `:`.
std::string field_of_column(const std::string& column) {
    return column.substr(0, std::min(column.find('='), column.find(':')));
}

// A tree ensemble's fields in order of first use, each with its number of
// columns, and (for a file without a card) the share of the splits' cover
// — the training rows its splits route — that its columns take.
std::vector<Ranked> tree_fields(const ordered_json& model) {
    std::vector<Ranked> out;
    std::vector<size_t> field_of;
    std::vector<size_t> columns;
    if (model.contains("columns") && model["columns"].is_array())
        for (const auto& c : model["columns"]) {
            const std::string field = field_of_column(text(c));
            auto it = std::find_if(out.begin(), out.end(), [&](const Ranked& r) { return r.field == field; });
            if (it == out.end()) out.push_back({field, "", 0}), columns.push_back(0), it = out.end() - 1;
            field_of.push_back(static_cast<size_t>(it - out.begin()));
            ++columns[field_of.back()];
        }
    double total = 0;
    if (model.contains("trees") && model["trees"].is_array())
        for (const auto& t : model["trees"]) {
            if (!t.is_object() || !t.contains("column") || !t.contains("cover")) continue;
            const auto& column = t["column"];
            const auto& cover = t["cover"];
            for (size_t i = 0; i < column.size() && i < cover.size(); ++i) {
                if (!column[i].is_number_integer()) continue;
                const auto c = column[i].get<int64_t>();
                if (c < 0 || static_cast<size_t>(c) >= field_of.size()) continue;
                out[field_of[static_cast<size_t>(c)]].importance += number(cover[i]);
                total += number(cover[i]);
            }
        }
    for (size_t f = 0; f < out.size(); ++f) {
        out[f].encoding = std::to_string(columns[f]) + (columns[f] == 1 ? " column" : " columns");
        if (total > 0) out[f].importance /= total;
    }
    return out;
}

// Importance: the card's (logistic regression: the sd of the feature's
// contribution over the training rows; trees: the mean |TreeSHAP
// contribution|, as the card's importance_measure says). A logistic
// regression without a card gets the spread its coefficients allow: max −
// min over levels, other and missing, or 2 × |coefficient| (from −1 to +1
// sd) for a standardized feature; a tree ensemble without one, its fields'
// share of the splits' cover.
std::vector<Ranked> ranked_features(const ordered_json& model, bool& from_card) {
    std::vector<Ranked> out;
    const ordered_json* card_importance = nullptr;
    if (model.contains("training") && model["training"].is_object() && model["training"].contains("importance"))
        card_importance = &model["training"]["importance"];
    from_card = card_importance != nullptr;
    if (model.value("kind", "") == "tree_ensemble") {
        out = tree_fields(model);
        if (card_importance)
            for (auto& r : out)
                r.importance = card_importance->contains(r.field) ? number((*card_importance)[r.field]) : 0.0;
    } else if (model.contains("features") && model["features"].is_array()) {
        for (const auto& f : model["features"]) {
            if (!f.is_object()) continue;
            Ranked r{at(f, "field"), at(f, "encoding"), 0};
            if (card_importance && card_importance->contains(r.field)) {
                r.importance = number((*card_importance)[r.field]);
            } else {
                std::vector<double> values;
                if (f.contains("levels") && f["levels"].is_object())
                    for (const auto& [k, v] : f["levels"].items()) values.push_back(number(v));
                for (const char* key : {"other", "missing", "true", "false"})
                    if (f.contains(key)) values.push_back(number(f[key]));
                if (f.contains("coefficient")) {
                    double c = std::fabs(number(f["coefficient"]));
                    values.push_back(-c);
                    values.push_back(c);
                }
                if (!values.empty())
                    r.importance = *std::max_element(values.begin(), values.end()) -
                                   *std::min_element(values.begin(), values.end());
            }
            out.push_back(r);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) { return a.importance > b.importance; });
    return out;
}

void print_card(const ordered_json& card) {
    std::cout << "card:\n";
    std::cout << "  trained at   " << at(card, "trained_at") << " by " << at(card, "trained_by") << "\n";
    if (card.contains("rulebook"))
        std::cout << "  rulebook     " << at(card["rulebook"], "file") << " (model " << at(card["rulebook"], "model")
                  << "), source sha256 " << at(card["rulebook"], "sha256") << "\n";
    if (card.contains("history")) {
        const auto& h = card["history"];
        std::cout << "  history      " << at(h, "file") << ", target " << at(h, "target") << " (positive "
                  << at(h, "positive") << "): " << at(h, "records") << " records, " << at(h, "open") << " open, "
                  << at(h, "unreadable") << " unreadable\n";
    }
    double rows = number(card.value("rows", ordered_json(0)));
    double positives = number(card.value("positives", ordered_json(0)));
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", rows > 0 ? 100 * positives / rows : 0.0);
    std::cout << "  rows         " << at(card, "rows") << " closed, " << at(card, "positives") << " positive ("
              << share << ")\n";
    if (card.contains("features") && card["features"].is_array())
        std::cout << "  features     " << card["features"].size() << "\n";
    if (card.contains("parameters") && card["parameters"].is_object()) {
        std::cout << "  parameters  ";
        for (const auto& [k, v] : card["parameters"].items()) std::cout << " " << k << "=" << text(v) << ";";
        std::cout << "\n";
    }
    if (card.contains("cross_validation")) {
        const auto& cv = card["cross_validation"];
        std::cout << "  validation   " << at(cv, "folds") << "-fold (seed " << at(cv, "seed") << "): AUC "
                  << at(cv, "auc") << ", Brier " << at(cv, "brier") << " (calibrated " << at(cv, "calibrated_brier")
                  << ")\n";
    }
}

}  // namespace

int cmd_model_inspect(Words words) {
    Args args(words, {{"--top", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().size() != 1) throw UsageError("expected one MODEL.json");
    const std::string& path = args.positional()[0];
    size_t top = 10;
    if (auto t = args.value("--top")) {
        try {
            top = std::stoul(*t);
        } catch (const std::exception&) {
            throw UsageError("--top takes a whole number, not '" + *t + "'");
        }
    }
    ordered_json model = ordered_json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
    if (model.is_discarded() || !model.is_object() || model.value("format", "") != "qualify-model") {
        std::cerr << "qualify model inspect: " << path << ": not a qualify model file (see docs/model.md)\n";
        return kExitUsage;
    }
    bool from_card = false;
    auto ranked = ranked_features(model, from_card);
    std::cout << "model " << path << ": " << at(model, "kind") << ", " << ranked.size() << " features";
    if (model.value("kind", "") == "tree_ensemble")
        std::cout << ", " << (model.contains("trees") && model["trees"].is_array() ? model["trees"].size() : 0)
                  << " trees over "
                  << (model.contains("columns") && model["columns"].is_array() ? model["columns"].size() : 0)
                  << " columns";
    std::cout << "\n";
    if (model.contains("description")) std::cout << "  " << at(model, "description") << "\n";
    if (model.contains("training") && model["training"].is_object() && model["training"].contains("trained_at"))
        print_card(model["training"]);
    else
        std::cout << "card: none (the file was not written by qualify train)\n";

    std::string measure;
    if (from_card)
        measure = model["training"].contains("importance_measure")
                      ? at(model["training"], "importance_measure")
                      : "sd of the contribution to the log-odds over the training rows";
    else if (model.value("kind", "") == "tree_ensemble")
        measure = "share of the splits' cover";
    else
        measure = "spread of the contributions the coefficients allow";
    std::cout << "top features by importance (" << measure << "):\n";
    size_t shown = top == 0 ? ranked.size() : std::min(top, ranked.size());
    for (size_t i = 0; i < shown; ++i) {
        char line[64];
        std::snprintf(line, sizeof line, "  %3zu  %8.4f  ", i + 1, ranked[i].importance);
        std::cout << line << ranked[i].field << " (" << ranked[i].encoding << ")\n";
    }
    if (shown < ranked.size()) std::cout << "  ... " << ranked.size() - shown << " more (--top 0 lists all)\n";

    if (model.contains("calibration") && model["calibration"].is_object())
        std::cout << "calibration: " << at(model["calibration"], "method") << ", probability = sigmoid("
                  << at(model["calibration"], "a") << " x log-odds + " << at(model["calibration"], "b") << ")\n";
    else
        std::cout << "calibration: none (probability = sigmoid(log-odds))\n";
    if (model.contains("training") && model["training"].contains("calibration_table")) {
        std::cout << "  predicted    rows  mean predicted  observed\n";
        for (const auto& bin : model["training"]["calibration_table"]) {
            if (number(bin.value("rows", ordered_json(0))) == 0) continue;
            char line[128];
            std::snprintf(line, sizeof line, "  %s-%s  %7s          %s    %s\n", at(bin, "from").c_str(),
                          at(bin, "to").c_str(), at(bin, "rows").c_str(), at(bin, "mean_predicted").c_str(),
                          at(bin, "observed").c_str());
            std::cout << line;
        }
    }
    return kExitOk;
}

}  // namespace qualify::cli
