// Reading a model file (docs/model.md): the exact bytes, the JSON, the
// versioned envelope ("format", "format_version", "kind") and, per kind, the
// body, validated against the rulebook's schema. Every problem is reported
// with the file and the JSON path of the offending value; all problems found
// are reported together, one per line.
#include "model/logistic_regression.hpp"
#include "model/model.hpp"
#include "model/tree_ensemble_file.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace qualify {

namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;

// `$.features[2].levels.software`; keys that are not plain identifiers are
// quoted: `$.features[0].levels["health tech"]`.
std::string child(const std::string& path, const std::string& key) {
    bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
    return plain ? path + "." + key : path + "[" + json(key).dump() + "]";
}
std::string child(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

const char* type_name(const FieldInfo& f) {
    if (f.is_list) return "a list";
    switch (f.type) {
        case ScalarType::String: return "string";
        case ScalarType::Int: return "int";
        case ScalarType::Decimal: return "decimal";
        case ScalarType::Bool: return "bool";
        case ScalarType::Date: return "date";
        case ScalarType::Enum: return "an enum";
    }
    return "?";
}

// nlohmann::json keeps the last of two equal keys without a word; a model
// edited by hand must not lose a coefficient that way, so a parser callback
// tracks the keys of every open object and the path to report.
class DuplicateKeyCheck {
public:
    explicit DuplicateKeyCheck(std::vector<std::string>& found) : found_(found) {}

    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start: frames_.push_back(Frame{false, 0, {}, {}}); break;
            case json::parse_event_t::array_start: frames_.push_back(Frame{true, 0, {}, {}}); break;
            case json::parse_event_t::key: {
                Frame& top = frames_.back();
                top.key = parsed.get<std::string>();
                if (!top.keys.insert(top.key).second) found_.push_back(path());
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                frames_.pop_back();
                element_done();
                break;
            case json::parse_event_t::value: element_done(); break;
        }
        return true;
    }

private:
    struct Frame {
        bool array;
        size_t index = 0;
        std::string key;
        std::set<std::string> keys;
    };

    void element_done() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    }
    std::string path() const {
        std::string p = "$";
        for (const auto& f : frames_) p = f.array ? child(p, f.index) : child(p, f.key);
        return p;
    }

    std::vector<Frame> frames_;
    std::vector<std::string>& found_;
};

// Validation helpers that remember every problem, prefixed with the file.
class Checker {
public:
    explicit Checker(std::string file) : file_(std::move(file)) {}

    void fail(const std::string& path, const std::string& message) {
        errors_.push_back(file_ + ": " + path + ": " + message);
    }
    bool ok() const { return errors_.empty(); }
    std::string message() const {
        std::string all;
        for (const auto& e : errors_) all += (all.empty() ? "" : "\n") + e;
        return all;
    }

    // Fails for every key of `obj` outside `allowed`: a misspelt key would
    // otherwise silently fall back to nothing.
    void only_keys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
        for (const auto& [key, value] : obj.items()) {
            bool known = false;
            for (const char* a : allowed) known = known || key == a;
            if (!known) {
                std::string list;
                for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(child(path, key), "unknown key (expected one of: " + list + ")");
            }
        }
    }

    const json* member(const json& obj, const std::string& path, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            fail(path, std::string("missing required key \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const json& obj, const std::string& path, const char* key) {
        const json* v = member(obj, path, key);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            fail(child(path, key), std::string("must be a string, not ") + v->type_name());
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    // Coefficients are decimal strings read exactly; a JSON number would
    // already have gone through a binary double inside the JSON parser.
    std::optional<Decimal> decimal(const json& v, const std::string& path) {
        if (v.is_number()) {
            fail(path, "must be a decimal string such as \"" + v.dump() +
                           "\", not a JSON number (numbers are read exactly from their text)");
            return std::nullopt;
        }
        if (!v.is_string()) {
            fail(path, std::string("must be a decimal string, not ") + v.type_name());
            return std::nullopt;
        }
        auto text = v.get<std::string>();
        auto d = Decimal::parse(text);
        if (!d) fail(path, json(text).dump() + " is not a decimal number (or is too large)");
        return d;
    }
    std::optional<Decimal> decimal(const json& obj, const std::string& path, const char* key) {
        const json* v = member(obj, path, key);
        return v ? decimal(*v, child(path, key)) : std::nullopt;
    }

private:
    std::string file_;
    std::vector<std::string> errors_;
};

void read_one_hot(Checker& c, const json& f, const std::string& path, const FieldInfo& field,
                  LogisticFeature& out) {
    c.only_keys(f, path, {"field", "encoding", "levels", "other", "missing"});
    if (field.type != ScalarType::String && field.type != ScalarType::Enum) {
        c.fail(child(path, "encoding"), std::string("\"one_hot\" needs a string or enum field; ") +
                                            field.name + " is " + type_name(field) +
                                            (field.type == ScalarType::Bool ? " (use \"bool\")"
                                             : field.type == ScalarType::Date
                                                 ? ""
                                                 : " (use \"standardized\")"));
        return;
    }
    out.encoding = FeatureEncoding::OneHot;
    out.over_enum = field.type == ScalarType::Enum;
    if (out.over_enum) {
        out.enum_names = field.enum_values;
        out.enum_levels.assign(field.enum_values.size(), std::nullopt);
    }
    if (auto d = c.decimal(f, path, "other")) out.other = *d;

    const json* levels = c.member(f, path, "levels");
    if (!levels) return;
    std::string lpath = child(path, "levels");
    if (!levels->is_object() || levels->empty()) {
        c.fail(lpath, "must be a non-empty object mapping each level to its coefficient");
        return;
    }
    for (const auto& [name, coef] : levels->items()) {
        std::string at = child(lpath, name);
        auto d = c.decimal(coef, at);
        if (!out.over_enum) {
            if (d) out.string_levels.emplace(name, *d);
            continue;
        }
        size_t pos = 0;
        while (pos < field.enum_values.size() && field.enum_values[pos] != name) ++pos;
        if (pos == field.enum_values.size()) {
            std::string values;
            for (const auto& v : field.enum_values) values += (values.empty() ? "" : ", ") + v;
            c.fail(at, json(name).dump() + " is not a value of " + field.name + " (" + values + ")");
        } else if (d) {
            out.enum_levels[pos] = *d;
        }
    }
}

void read_standardized(Checker& c, const json& f, const std::string& path, const FieldInfo& field,
                       LogisticFeature& out) {
    c.only_keys(f, path, {"field", "encoding", "mean", "scale", "coefficient", "missing"});
    if (field.type != ScalarType::Int && field.type != ScalarType::Decimal) {
        c.fail(child(path, "encoding"),
               std::string("\"standardized\" needs an int or decimal field; ") + field.name + " is " +
                   type_name(field) +
                   (field.type == ScalarType::Bool                                           ? " (use \"bool\")"
                    : field.type == ScalarType::String || field.type == ScalarType::Enum ? " (use \"one_hot\")"
                                                                                          : ""));
        return;
    }
    out.encoding = FeatureEncoding::Standardized;
    if (auto d = c.decimal(f, path, "mean")) out.mean = *d;
    if (auto d = c.decimal(f, path, "coefficient")) out.coefficient = *d;
    if (auto d = c.decimal(f, path, "scale")) {
        if (*d <= Decimal::zero())
            c.fail(child(path, "scale"), "scale must be greater than 0 (got \"" + d->to_string() + "\")");
        else
            out.scale = *d;
    }
}

void read_bool(Checker& c, const json& f, const std::string& path, const FieldInfo& field,
               LogisticFeature& out) {
    c.only_keys(f, path, {"field", "encoding", "true", "false", "missing"});
    if (field.type != ScalarType::Bool) {
        c.fail(child(path, "encoding"), std::string("\"bool\" needs a bool field; ") + field.name + " is " +
                                            type_name(field));
        return;
    }
    out.encoding = FeatureEncoding::Bool;
    if (auto d = c.decimal(f, path, "true")) out.if_true = *d;
    if (auto d = c.decimal(f, path, "false")) out.if_false = *d;
}

// `"calibration": {"method": "platt", "a": "…", "b": "…"}` (docs/model.md).
std::optional<PlattCalibration> read_calibration(Checker& c, const json& doc) {
    auto it = doc.find("calibration");
    if (it == doc.end()) return std::nullopt;
    const std::string path = "$.calibration";
    if (!it->is_object()) {
        c.fail(path, std::string("must be an object, not ") + it->type_name());
        return std::nullopt;
    }
    c.only_keys(*it, path, {"method", "a", "b"});
    auto method = c.string(*it, path, "method");
    if (method && *method != "platt")
        c.fail(child(path, "method"), "unknown calibration method " + json(*method).dump() + " (expected \"platt\")");
    PlattCalibration platt;
    auto a = c.decimal(*it, path, "a");
    auto b = c.decimal(*it, path, "b");
    if (!a || !b) return std::nullopt;
    platt.a = *a;
    platt.b = *b;
    return platt;
}

std::unique_ptr<PropensityModel> read_logistic_regression(Checker& c, const json& doc,
                                                          const SchemaInfo& schema, std::string bytes) {
    c.only_keys(doc, "$", {"format", "format_version", "kind", "description", "training", "intercept",
                           "features", "calibration"});
    if (doc.contains("description") && !doc["description"].is_string())
        c.fail("$.description", "must be a string");
    if (doc.contains("training") && !doc["training"].is_object())
        c.fail("$.training", "must be an object (free-form notes on how the model was trained)");
    LogisticRegressionSpec spec;
    if (auto d = c.decimal(doc, "$", "intercept")) spec.intercept = *d;
    spec.calibration = read_calibration(c, doc);

    const json* features = c.member(doc, "$", "features");
    if (features && (!features->is_array() || features->empty())) {
        c.fail("$.features", "must be a non-empty array of features");
        features = nullptr;
    }
    for (size_t i = 0; features && i < features->size(); ++i) {
        const json& f = (*features)[i];
        std::string path = child("$.features", i);
        if (!f.is_object()) {
            c.fail(path, std::string("must be an object, not ") + f.type_name());
            continue;
        }
        auto name = c.string(f, path, "field");
        auto encoding = c.string(f, path, "encoding");
        if (!name || !encoding) continue;
        int slot = schema.find(*name);
        if (slot < 0) {
            c.fail(child(path, "field"), "unknown field \"" + *name + "\" (not in schema " + schema.name + ")");
            continue;
        }
        for (size_t j = 0; j < spec.features.size(); ++j)
            if (spec.features[j].field == *name)
                c.fail(child(path, "field"), *name + " is already a feature at " + child("$.features", j));
        const FieldInfo& field = schema.fields[static_cast<size_t>(slot)];
        if (field.is_list) {
            c.fail(child(path, "field"), field.name + " is a list; a model feature reads one value");
            continue;
        }
        LogisticFeature out;
        out.field = *name;
        out.slot = slot;
        if (auto d = c.decimal(f, path, "missing")) out.missing = *d;
        if (*encoding == "one_hot")
            read_one_hot(c, f, path, field, out);
        else if (*encoding == "standardized")
            read_standardized(c, f, path, field, out);
        else if (*encoding == "bool")
            read_bool(c, f, path, field, out);
        else
            c.fail(child(path, "encoding"),
                   "unknown encoding \"" + *encoding + "\" (expected one_hot, standardized or bool)");
        spec.features.push_back(std::move(out));
    }
    if (!c.ok()) return nullptr;
    return std::make_unique<LogisticRegression>(std::move(spec), std::move(bytes));
}

}  // namespace

std::unique_ptr<PropensityModel> PropensityModel::load(const std::string& path, const SchemaInfo& schema,
                                                       std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open model file: " + std::strerror(errno);
        return nullptr;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string bytes = buffer.str();

    std::vector<std::string> duplicates;
    json doc;
    try {
        doc = json::parse(bytes, DuplicateKeyCheck(duplicates));
    } catch (const json::parse_error& e) {
        // e.what() starts with "[json.exception.parse_error.101] "; the rest
        // says where and what.
        std::string what = e.what();
        auto cut = what.find("] ");
        error = path + ": not valid JSON: " + (cut == std::string::npos ? what : what.substr(cut + 2));
        return nullptr;
    }

    Checker c(path);
    for (const auto& at : duplicates) c.fail(at, "duplicate key");
    if (!doc.is_object()) {
        error = path + ": $: a model file is a JSON object";
        return nullptr;
    }
    auto format = c.string(doc, "$", "format");
    if (format && *format != "qualify-model")
        c.fail("$.format", "expected \"qualify-model\", got " + json(*format).dump());
    if (const json* v = c.member(doc, "$", "format_version")) {
        if (!v->is_number_integer() || v->get<long long>() != kFormatVersion)
            c.fail("$.format_version", "unsupported format_version " + v->dump() + " (this build reads " +
                                           std::to_string(kFormatVersion) + ")");
    }
    auto kind = c.string(doc, "$", "kind");
    if (!c.ok() || !kind) {
        error = c.message();
        return nullptr;
    }

    std::unique_ptr<PropensityModel> model;
    if (*kind == "logistic_regression")
        model = read_logistic_regression(c, doc, schema, std::move(bytes));
    else if (*kind == "tree_ensemble") {
        std::vector<ModelFileProblem> problems;
        model = read_tree_ensemble(doc, schema, std::move(bytes), problems);
        for (const auto& p : problems) c.fail(p.path, p.message);
    } else
        c.fail("$.kind", "unknown model kind \"" + *kind + "\" (this build reads: logistic_regression, tree_ensemble)");
    if (!c.ok()) {
        error = c.message();
        return nullptr;
    }
    return model;
}

}  // namespace qualify
