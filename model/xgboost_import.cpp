// The XGBoost importer. XGBoost's JSON keeps each tree as parallel arrays
// (left_children, right_children, split_indices, split_conditions — the leaf
// value at a leaf —, default_left, sum_hessian); qualify's file keeps the
// same arrays with the reachable nodes only (pruned nodes dropped,
// renumbered from the root), every float32 written as the shortest decimal
// that reads back as the same float32, and base_score turned into the
// margin it stands for: ln(p / (1 − p)), in exact decimal arithmetic.
#include "model/xgboost_import.hpp"

#include "model/tree_ensemble_file.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace qualify {

namespace {

using nlohmann::json;

std::string shortest(float v) {
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    return std::string(buf, end);
}

std::string quoted(const std::string& s) { return json(s).dump(); }

struct Problems {
    std::vector<std::string> lines;
    void fail(const std::string& path, const std::string& message) { lines.push_back(path + ": " + message); }
};

// Follows a path of object keys; fails naming the first missing one.
const json* find(Problems& p, const json& root, std::initializer_list<const char*> keys) {
    const json* at = &root;
    std::string path = "$";
    for (const char* k : keys) {
        if (!at->is_object() || !at->contains(k)) {
            p.fail(path, std::string("missing \"") + k + "\" (not a model saved by XGBoost's save_model as JSON?)");
            return nullptr;
        }
        at = &(*at)[k];
        path += std::string(".") + k;
    }
    return at;
}

// XGBoost writes numbers of its parameters as strings ("3E-1").
std::optional<float> param_float(const json& v) {
    if (v.is_number()) return static_cast<float>(v.get<double>());
    if (!v.is_string()) return std::nullopt;
    const auto& s = v.get_ref<const std::string&>();
    float out = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return out;
}

// Indices must be JSON integers (a double such as 1e30 has no int64 value);
// floats must fit float32, which is what XGBoost stored.
bool numeric_array(const json& tree, const char* key, size_t n, bool integers) {
    if (!tree.contains(key) || !tree[key].is_array() || tree[key].size() != n) return false;
    for (const auto& v : tree[key]) {
        if (integers ? !v.is_number_integer() : !v.is_number()) return false;
        if (!integers && !(std::abs(v.get<double>()) <= std::numeric_limits<float>::max())) return false;
    }
    return true;
}

// One tree in qualify's layout, or problems. Nodes are renumbered in
// breadth-first order from the root, which drops nodes XGBoost pruned.
std::optional<std::string> convert_tree(Problems& p, const json& tree, const std::string& path, size_t columns) {
    if (!tree.is_object() || !tree.contains("left_children") || !tree["left_children"].is_array()) {
        p.fail(path, "not a tree (no left_children array)");
        return std::nullopt;
    }
    const size_t n = tree["left_children"].size();
    for (const char* key : {"left_children", "right_children", "split_indices", "default_left"})
        if (!numeric_array(tree, key, n, true)) {
            p.fail(path + "." + key, "must be an array of " + std::to_string(n) + " integers, one per node");
            return std::nullopt;
        }
    for (const char* key : {"split_conditions", "sum_hessian"})
        if (!numeric_array(tree, key, n, false)) {
            p.fail(path + "." + key, "must be an array of " + std::to_string(n) + " float32 numbers, one per node");
            return std::nullopt;
        }
    if (tree.contains("split_type"))
        for (const auto& t : tree["split_type"])
            if (t != 0) {
                p.fail(path + ".split_type", "categorical splits are not supported (one-hot encode the field instead)");
                return std::nullopt;
            }
    if (n == 0) {
        p.fail(path, "has no nodes");
        return std::nullopt;
    }
    const auto at = [&](const char* key, size_t i) { return tree[key][i]; };
    std::vector<int64_t> order{0}, new_index(n, -1);
    new_index[0] = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        const auto i = static_cast<size_t>(order[k]);
        const int64_t left = at("left_children", i).get<int64_t>(), right = at("right_children", i).get<int64_t>();
        if (left == -1 && right == -1) continue;
        for (int64_t c : {left, right}) {
            if (c < 1 || c >= static_cast<int64_t>(n) || new_index[static_cast<size_t>(c)] >= 0) {
                p.fail(path + ".left_children", "node " + std::to_string(i) + " has a bad child " + std::to_string(c));
                return std::nullopt;
            }
            new_index[static_cast<size_t>(c)] = static_cast<int64_t>(order.size());
            order.push_back(c);
        }
        const int64_t column = at("split_indices", i).get<int64_t>();
        if (column < 0 || column >= static_cast<int64_t>(columns)) {
            p.fail(path + ".split_indices", "node " + std::to_string(i) + " splits on feature " +
                                                std::to_string(column) + ", but the model has " +
                                                std::to_string(columns) + " feature names");
            return std::nullopt;
        }
    }
    std::string left, right, column, threshold, default_left, leaf, cover;
    for (size_t k = 0; k < order.size(); ++k) {
        const auto i = static_cast<size_t>(order[k]);
        const char* sep = k == 0 ? "" : ", ";
        const bool is_leaf = at("left_children", i).get<int64_t>() == -1;
        const auto child = [&](const char* key) {
            return is_leaf ? int64_t{-1} : new_index[static_cast<size_t>(at(key, i).get<int64_t>())];
        };
        const std::string condition = quoted(shortest(static_cast<float>(at("split_conditions", i).get<double>())));
        left += sep + std::to_string(child("left_children"));
        right += sep + std::to_string(child("right_children"));
        column += sep + std::to_string(is_leaf ? int64_t{-1} : at("split_indices", i).get<int64_t>());
        threshold += sep + (is_leaf ? std::string("\"0\"") : condition);
        default_left += sep + std::string(!is_leaf && at("default_left", i).get<int64_t>() != 0 ? "true" : "false");
        leaf += sep + (is_leaf ? condition : std::string("\"0\""));
        cover += sep + quoted(shortest(static_cast<float>(at("sum_hessian", i).get<double>())));
    }
    return "    {\"left\": [" + left + "],\n     \"right\": [" + right + "],\n     \"column\": [" + column +
           "],\n     \"threshold\": [" + threshold + "],\n     \"default_left\": [" + default_left +
           "],\n     \"leaf\": [" + leaf + "],\n     \"cover\": [" + cover + "]}";
}

}  // namespace

std::optional<std::string> import_xgboost(std::string_view xgboost_json, const SchemaInfo& schema,
                                          std::string& error, XgboostImportInfo* info) {
    json doc;
    try {
        doc = json::parse(xgboost_json);
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        auto cut = what.find("] ");
        error = "not valid JSON: " + (cut == std::string::npos ? what : what.substr(cut + 2));
        return std::nullopt;
    }
    Problems p;
    const json* objective = find(p, doc, {"learner", "objective", "name"});
    const json* booster = find(p, doc, {"learner", "gradient_booster", "name"});
    const json* base_score = find(p, doc, {"learner", "learner_model_param", "base_score"});
    const json* names = find(p, doc, {"learner", "feature_names"});
    const json* trees = find(p, doc, {"learner", "gradient_booster", "model", "trees"});
    if (objective && *objective != "binary:logistic")
        p.fail("$.learner.objective.name", "objective " + objective->dump() + " is not supported (only \"binary:logistic\")");
    if (booster && *booster != "gbtree")
        p.fail("$.learner.gradient_booster.name",
               "booster " + booster->dump() + " is not supported (only \"gbtree\"; dart and gblinear are not)");
    const std::optional<float> read_score = base_score ? param_float(*base_score) : std::nullopt;
    const float score = read_score.value_or(0.5f);
    if (base_score && (!read_score || !(score > 0 && score < 1)))
        p.fail("$.learner.learner_model_param.base_score", base_score->dump() + " is not a probability in (0, 1)");
    if (names && (!names->is_array() || names->empty()))
        p.fail("$.learner.feature_names",
               "the model has no feature names: give the DMatrix feature_names (docs/model.md names "
               "them after schema fields, e.g. company.employees, company.industry=software)");
    if (doc.contains("learner") && doc["learner"].contains("feature_types"))
        for (const auto& t : doc["learner"]["feature_types"])
            if (t == "c") {
                p.fail("$.learner.feature_types", "categorical features are not supported (one-hot encode them)");
                break;
            }
    if (trees && (!trees->is_array() || trees->empty())) {
        p.fail("$.learner.gradient_booster.model.trees", "must be a non-empty array of trees");
        trees = nullptr;
    }
    std::vector<TreeField> fields;
    std::vector<std::string> columns;
    if (names && names->is_array())
        for (size_t i = 0; i < names->size(); ++i) {
            const json& name = (*names)[i];
            std::string why;
            if (!name.is_string())
                p.fail("$.learner.feature_names[" + std::to_string(i) + "]", "must be a string");
            else if (!bind_column(name.get<std::string>(), schema, fields, why))
                p.fail("$.learner.feature_names[" + std::to_string(i) + "]", quoted(name.get<std::string>()) + ": " + why);
            else
                columns.push_back(name.get<std::string>());
        }
    if (!p.lines.empty() || !trees) {
        for (const auto& l : p.lines) error += (error.empty() ? "" : "\n") + l;
        return std::nullopt;
    }
    std::vector<std::string> converted;
    for (size_t t = 0; t < trees->size(); ++t)
        if (auto tree = convert_tree(p, (*trees)[t], "$.learner.gradient_booster.model.trees[" + std::to_string(t) + "]",
                                     columns.size()))
            converted.push_back(std::move(*tree));
    if (!p.lines.empty()) {
        for (const auto& l : p.lines) error += (error.empty() ? "" : "\n") + l;
        return std::nullopt;
    }

    // base_score is a probability; the trees add to its log-odds.
    const Decimal prob = *Decimal::parse(shortest(score));
    const Decimal base_margin = Decimal::ln(prob / (Decimal::one() - prob));
    std::string version = "XGBoost";
    if (doc.contains("version") && doc["version"].is_array()) {
        std::string dotted;
        for (const auto& v : doc["version"]) dotted += (dotted.empty() ? " " : ".") + v.dump();
        version += dotted;
    }
    std::ostringstream out;
    out << "{\n  \"format\": \"qualify-model\",\n  \"format_version\": 1,\n  \"kind\": \"tree_ensemble\",\n"
        << "  \"description\": " << quoted("Gradient-boosted trees imported from " + version + " (save_model JSON).")
        << ",\n  \"training\": {\"imported_from\": " << quoted(version) << ", \"base_score\": " << quoted(shortest(score))
        << "},\n  \"objective\": \"binary:logistic\",\n  \"base_margin\": " << quoted(base_margin.to_string())
        << ",\n  \"columns\": [";
    for (size_t c = 0; c < columns.size(); ++c) out << (c ? ",\n              " : "") << quoted(columns[c]);
    out << "],\n  \"trees\": [\n";
    for (size_t t = 0; t < converted.size(); ++t) out << converted[t] << (t + 1 < converted.size() ? ",\n" : "\n");
    out << "  ]\n}\n";

    // The file must read back: a failure here is a fault of the importer.
    std::vector<ModelFileProblem> problems;
    if (!read_tree_ensemble(json::parse(out.str()), schema, out.str(), problems)) {
        error = "internal error: the converted model does not read back";
        for (const auto& pr : problems) error += "\n" + pr.path + ": " + pr.message;
        return std::nullopt;
    }
    if (info) {
        info->trees = converted.size();
        info->columns = columns.size();
        for (const auto& f : fields) info->fields.push_back(f.name);
    }
    return out.str();
}

}  // namespace qualify
