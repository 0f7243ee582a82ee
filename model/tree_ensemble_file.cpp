// Validation of a tree-ensemble model file: the columns against the schema,
// and each tree's flat arrays — equal lengths, children in range, every node
// reached exactly once from the root (no cycles, no orphans), bounded depth,
// float32 thresholds, decimal leaf values, positive covers — so a malformed
// file is a compile error, never a crash at scoring time.
#include "model/tree_ensemble_file.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <utility>

namespace qualify {

namespace {

using nlohmann::json;

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

const char* kTreeKeys[] = {"left", "right", "column", "threshold", "default_left", "leaf", "cover"};

class Reader {
public:
    explicit Reader(std::vector<ModelFileProblem>& problems) : problems_(problems) {}

    void fail(std::string path, std::string message) {
        problems_.push_back({std::move(path), std::move(message)});
        ++count_;
    }
    size_t count() const { return count_; }

    void only_keys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
        for (const auto& [key, value] : obj.items()) {
            bool known = false;
            std::string list;
            for (const char* a : allowed) {
                known = known || key == a;
                list += (list.empty() ? "" : ", ") + std::string(a);
            }
            if (!known) fail(path + "." + key, "unknown key (expected one of: " + list + ")");
        }
    }

    const json* member(const json& obj, const std::string& path, const char* key) {
        auto it = obj.find(key);
        if (it != obj.end()) return &*it;
        fail(path, std::string("missing required key \"") + key + "\"");
        return nullptr;
    }

    // A decimal string, read exactly (never a JSON number: see docs/model.md).
    std::optional<Decimal> decimal(const json& v, const std::string& path) {
        if (!v.is_string()) {
            fail(path, std::string("must be a decimal string, not ") + (v.is_number() ? "a JSON number" : v.type_name()));
            return std::nullopt;
        }
        auto d = Decimal::parse(v.get_ref<const std::string&>());
        if (!d) fail(path, v.dump() + " is not a decimal number (or is too large)");
        return d;
    }

    // A decimal string read as the nearest float32 / binary64.
    template <typename F>
    std::optional<F> binary(const json& v, const std::string& path, const char* what) {
        if (!v.is_string()) {
            fail(path, std::string("must be a decimal string, not ") + (v.is_number() ? "a JSON number" : v.type_name()));
            return std::nullopt;
        }
        const auto& text = v.get_ref<const std::string&>();
        F out{};
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(out)) {
            fail(path, v.dump() + " is not a finite " + what);
            return std::nullopt;
        }
        return out;
    }

private:
    std::vector<ModelFileProblem>& problems_;
    size_t count_ = 0;
};

std::optional<int64_t> integer(Reader& r, const json& v, const std::string& path) {
    if (v.is_number_integer()) return v.get<int64_t>();
    r.fail(path, std::string("must be an integer, not ") + v.type_name());
    return std::nullopt;
}

// Checks that the nodes form one tree from node 0 and records its depth.
void check_shape(Reader& r, const std::string& path, const std::vector<TreeNode>& nodes, int& max_depth) {
    std::vector<int> depth(nodes.size(), -1);
    std::vector<int> stack{0};
    depth[0] = 0;
    size_t reached = 1;
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        const TreeNode& n = nodes[static_cast<size_t>(i)];
        if (n.left < 0) {
            max_depth = std::max(max_depth, depth[static_cast<size_t>(i)]);
            continue;
        }
        if (depth[static_cast<size_t>(i)] >= kMaxTreeDepth) {
            r.fail(path, "deeper than " + std::to_string(kMaxTreeDepth) + " levels");
            return;
        }
        for (int child : {n.left, n.right}) {
            if (depth[static_cast<size_t>(child)] >= 0) {
                r.fail(at(path + ".left", static_cast<size_t>(i)),
                       "node " + std::to_string(child) + " is reached twice (the nodes must form a tree)");
                return;
            }
            depth[static_cast<size_t>(child)] = depth[static_cast<size_t>(i)] + 1;
            stack.push_back(child);
            ++reached;
        }
    }
    if (reached != nodes.size())
        r.fail(path, std::to_string(nodes.size() - reached) + " node(s) are not reached from the root (node 0)");
}

void read_tree(Reader& r, const json& tree, const std::string& path, size_t columns, TreeEnsembleSpec& spec) {
    if (!tree.is_object()) {
        r.fail(path, std::string("must be an object, not ") + tree.type_name());
        return;
    }
    r.only_keys(tree, path, {"left", "right", "column", "threshold", "default_left", "leaf", "cover"});
    const json* arrays[7];
    size_t n = 0;
    bool ok = true;
    for (size_t k = 0; k < 7; ++k) {
        arrays[k] = r.member(tree, path, kTreeKeys[k]);
        if (!arrays[k]) { ok = false; continue; }
        const std::string apath = path + "." + kTreeKeys[k];
        if (!arrays[k]->is_array() || arrays[k]->empty()) {
            r.fail(apath, "must be a non-empty array, one entry per node");
            ok = false;
        } else if (k == 0) {
            n = arrays[k]->size();
        } else if (arrays[k]->size() != n && n != 0) {
            r.fail(apath, "has " + std::to_string(arrays[k]->size()) + " entries; \"left\" has " +
                              std::to_string(n) + " (one per node)");
            ok = false;
        }
    }
    if (!ok) return;
    const size_t before = r.count();
    std::vector<TreeNode> nodes(n);
    for (size_t i = 0; i < n; ++i) {
        TreeNode& node = nodes[i];
        auto left = integer(r, (*arrays[0])[i], at(path + ".left", i));
        auto right = integer(r, (*arrays[1])[i], at(path + ".right", i));
        auto column = integer(r, (*arrays[2])[i], at(path + ".column", i));
        if (!left || !right || !column) continue;
        const bool leaf = *left == -1 && *right == -1;
        const auto in_nodes = [&](int64_t c) { return c >= 1 && c < static_cast<int64_t>(n); };
        if (!leaf && !(in_nodes(*left) && in_nodes(*right) && *left != *right)) {
            r.fail(at(path + ".left", i), "children " + std::to_string(*left) + ", " + std::to_string(*right) +
                                              ": both -1 (a leaf) or two different nodes 1.." +
                                              std::to_string(n - 1));
            continue;
        }
        if (leaf ? *column != -1 : (*column < 0 || *column >= static_cast<int64_t>(columns))) {
            r.fail(at(path + ".column", i), leaf ? "must be -1 at a leaf"
                                                 : "column " + std::to_string(*column) + " out of range 0.." +
                                                       std::to_string(columns - 1));
            continue;
        }
        node.left = static_cast<int32_t>(*left);
        node.right = static_cast<int32_t>(*right);
        node.column = static_cast<int32_t>(*column);
        const json& dl = (*arrays[4])[i];
        if (!dl.is_boolean()) r.fail(at(path + ".default_left", i), "must be true or false");
        else node.default_left = dl.get<bool>();
        if (auto t = r.binary<float>((*arrays[3])[i], at(path + ".threshold", i), "float32")) node.threshold = *t;
        const json& leaf_value = (*arrays[5])[i];
        if (auto d = r.decimal(leaf_value, at(path + ".leaf", i))) node.leaf = *d;
        if (auto d = r.binary<double>(leaf_value, at(path + ".leaf", i), "number")) node.leaf_double = *d;
        if (auto c = r.binary<double>((*arrays[6])[i], at(path + ".cover", i), "number")) {
            if (*c < 0 || (!leaf && *c <= 0))
                r.fail(at(path + ".cover", i), leaf ? "must be at least 0" : "must be greater than 0 at a split");
            node.cover = *c;
        }
    }
    if (r.count() != before) return;
    check_shape(r, path, nodes, spec.max_depth);
    if (r.count() != before) return;
    const auto offset = static_cast<int32_t>(spec.nodes.size());
    for (TreeNode& node : nodes) {
        if (node.left >= 0) node.left += offset, node.right += offset;
        spec.nodes.push_back(node);
    }
    spec.roots.push_back(offset);
}

// `"calibration": {"method": "platt", "a": "…", "b": "…"}`, as in a
// logistic-regression file (docs/model.md, "Calibration").
std::optional<PlattCalibration> read_calibration(Reader& r, const json& c) {
    const std::string path = "$.calibration";
    if (!c.is_object()) {
        r.fail(path, std::string("must be an object, not ") + c.type_name());
        return std::nullopt;
    }
    r.only_keys(c, path, {"method", "a", "b"});
    const json* method = r.member(c, path, "method");
    if (method && *method != "platt")
        r.fail(path + ".method", "unknown calibration method " + method->dump() + " (expected \"platt\")");
    const json* a = r.member(c, path, "a");
    const json* b = r.member(c, path, "b");
    std::optional<Decimal> da = a ? r.decimal(*a, path + ".a") : std::nullopt;
    std::optional<Decimal> db = b ? r.decimal(*b, path + ".b") : std::nullopt;
    if (!da || !db) return std::nullopt;
    return PlattCalibration{*da, *db};
}

}  // namespace

std::optional<TreeColumn> bind_column(const std::string& name, const SchemaInfo& schema,
                                      std::vector<TreeField>& fields, std::string& error) {
    static const std::string kMissing = ":missing";
    TreeColumn col;
    col.name = name;
    std::string field_name = name;
    if (name.size() > kMissing.size() && name.compare(name.size() - kMissing.size(), kMissing.size(), kMissing) == 0 &&
        schema.find(name.substr(0, name.size() - kMissing.size())) >= 0) {
        col.encoding = ColumnEncoding::MissingIndicator;
        field_name = name.substr(0, name.size() - kMissing.size());
    } else if (schema.find(name) < 0 && name.find('=') != std::string::npos) {
        col.encoding = ColumnEncoding::Level;
        field_name = name.substr(0, name.find('='));
        col.level = name.substr(name.find('=') + 1);
    }
    const int slot = schema.find(field_name);
    if (slot < 0) {
        error = "unknown field \"" + field_name + "\" (not in schema " + schema.name +
                "; columns are named FIELD, FIELD=LEVEL or FIELD:missing)";
        return std::nullopt;
    }
    const FieldInfo& field = schema.fields[static_cast<size_t>(slot)];
    if (field.is_list) {
        error = field.name + " is a list; a model column reads one value";
        return std::nullopt;
    }
    const bool text = field.type == ScalarType::String || field.type == ScalarType::Enum;
    if (col.encoding == ColumnEncoding::Level) {
        if (!text) {
            error = "\"" + name + "\": FIELD=LEVEL needs a string or enum field; " + field.name + " is not one";
            return std::nullopt;
        }
        if (field.type == ScalarType::Enum) {
            auto it = std::find(field.enum_values.begin(), field.enum_values.end(), col.level);
            if (it == field.enum_values.end()) {
                std::string values;
                for (const auto& v : field.enum_values) values += (values.empty() ? "" : ", ") + v;
                error = "\"" + col.level + "\" is not a value of " + field.name + " (" + values + ")";
                return std::nullopt;
            }
            col.enum_position = static_cast<int32_t>(it - field.enum_values.begin());
        }
    } else if (col.encoding != ColumnEncoding::MissingIndicator) {
        if (text) {
            error = field.name + " is a string or enum field: name one of its levels, \"" + field.name + "=LEVEL\"";
            return std::nullopt;
        }
        if (field.type == ScalarType::Date) {
            error = field.name + " is a date; dates have no encoding (derive a number in the data)";
            return std::nullopt;
        }
        col.encoding = field.type == ScalarType::Bool ? ColumnEncoding::Bool : ColumnEncoding::Number;
    }
    auto known = std::find_if(fields.begin(), fields.end(), [&](const TreeField& f) { return f.slot == slot; });
    if (known == fields.end()) {
        TreeField f;
        f.name = field.name;
        f.slot = slot;
        if (field.type == ScalarType::Enum) f.enum_names = field.enum_values;
        fields.push_back(std::move(f));
        known = fields.end() - 1;
    }
    col.feature = static_cast<int>(known - fields.begin());
    return col;
}

std::unique_ptr<PropensityModel> read_tree_ensemble(const json& doc, const SchemaInfo& schema, std::string bytes,
                                                    std::vector<ModelFileProblem>& problems) {
    Reader r(problems);
    r.only_keys(doc, "$", {"format", "format_version", "kind", "description", "training", "objective",
                           "base_margin", "columns", "trees", "calibration"});
    if (doc.contains("description") && !doc["description"].is_string()) r.fail("$.description", "must be a string");
    if (doc.contains("training") && !doc["training"].is_object())
        r.fail("$.training", "must be an object (free-form notes on how the model was trained)");
    TreeEnsembleSpec spec;
    if (const json* o = r.member(doc, "$", "objective"); o && *o != "binary:logistic")
        r.fail("$.objective", "unsupported objective " + o->dump() + " (this build reads \"binary:logistic\")");
    if (const json* m = r.member(doc, "$", "base_margin"))
        if (auto d = r.decimal(*m, "$.base_margin")) spec.base_margin = *d;

    if (auto it = doc.find("calibration"); it != doc.end()) spec.calibration = read_calibration(r, *it);

    const json* columns = r.member(doc, "$", "columns");
    if (columns && (!columns->is_array() || columns->empty())) {
        r.fail("$.columns", "must be a non-empty array of column names");
        columns = nullptr;
    }
    std::set<std::string> seen;
    for (size_t i = 0; columns && i < columns->size(); ++i) {
        const json& c = (*columns)[i];
        if (!c.is_string()) {
            r.fail(at("$.columns", i), std::string("must be a column name, not ") + c.type_name());
            continue;
        }
        const auto& name = c.get_ref<const std::string&>();
        std::string error;
        if (!seen.insert(name).second) r.fail(at("$.columns", i), "column \"" + name + "\" is listed twice");
        else if (auto col = bind_column(name, schema, spec.fields, error)) spec.columns.push_back(std::move(*col));
        else r.fail(at("$.columns", i), error);
    }
    const json* trees = r.member(doc, "$", "trees");
    if (trees && (!trees->is_array() || trees->empty())) {
        r.fail("$.trees", "must be a non-empty array of trees");
        trees = nullptr;
    }
    if (r.count() != 0) return nullptr;  // tree columns index the columns just read
    for (size_t t = 0; t < trees->size(); ++t) read_tree(r, (*trees)[t], at("$.trees", t), spec.columns.size(), spec);
    if (r.count() != 0) return nullptr;
    if (!margin_fits(spec)) {
        r.fail("$.trees", "the leaf values can sum beyond the decimal range");
        return nullptr;
    }
    return std::make_unique<TreeEnsemble>(std::move(spec), std::move(bytes));
}

}  // namespace qualify
