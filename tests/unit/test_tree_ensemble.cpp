// The tree-ensemble model: XGBoost fixtures (tests/data/xgboost, made by
// make_fixtures.py) give the same predictions to 1e-6 and the same TreeSHAP
// contributions to 1e-5 as XGBoost itself; float32 split semantics; the
// importer's output is the committed model file; every malformed tree or
// column is a load error, never a crash.
#include "interpreter/lead.hpp"
#include "interpreter/program.hpp"
#include "model/tree_ensemble.hpp"
#include "model/xgboost_import.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace qualify;
using nlohmann::json;

namespace {

const std::string kDir = std::string(QUALIFY_SOURCE_DIR) + "/tests/data/xgboost/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string write_model(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() / ("qualify_test_trees_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

Rulebook blend_rulebook() {
    Compilation c = compile_file(kDir + "blend.qual");
    REQUIRE_MESSAGE(c.ok(), c.render());
    return *c.rulebook;
}

const TreeEnsemble& trees_of(const Rulebook& r) {
    REQUIRE(r.program().models.size() == 1);
    const auto* trees = dynamic_cast<const TreeEnsemble*>(r.program().models[0].model.get());
    REQUIRE(trees != nullptr);
    return *trees;
}

SchemaInfo small_schema() {
    SchemaInfo s;
    s.name = "lead";
    const auto add = [&](std::string name, ScalarType type, std::vector<std::string> values = {}, bool list = false) {
        FieldInfo f;
        f.name = name;
        f.type = type;
        f.enum_values = std::move(values);
        f.is_list = list;
        f.optional = true;
        s.slot_of[name] = static_cast<int>(s.fields.size());
        s.fields.push_back(std::move(f));
    };
    add("id", ScalarType::String);
    add("x", ScalarType::Decimal);
    add("tier", ScalarType::Enum, {"gold", "silver"});
    add("name", ScalarType::String);
    add("flag", ScalarType::Bool);
    add("seen", ScalarType::Date);
    add("tags", ScalarType::String, {}, true);
    return s;
}

// A one-split model over `column` with the given threshold: left leaf 1,
// right leaf -1.
std::string stump(const std::string& columns, const std::string& threshold = "0.1",
                  const std::string& tree_extra = "") {
    return R"({"format": "qualify-model", "format_version": 1, "kind": "tree_ensemble",
  "objective": "binary:logistic", "base_margin": "0", "columns": )" + columns + R"(,
  "trees": [{"left": [1, -1, -1], "right": [2, -1, -1], "column": [0, -1, -1],
             "threshold": [")" + threshold + R"(", "0", "0"], "default_left": [true, false, false],
             "leaf": ["0", "1", "-1"], "cover": ["10", "4", "6"])" + tree_extra + "}]}";
}

std::string load_error(const std::string& text) {
    std::string error;
    auto model = PropensityModel::load(write_model("bad.json", text), small_schema(), error);
    CHECK_MESSAGE(model == nullptr, text);
    return error;
}

}  // namespace

TEST_CASE("imported XGBoost model: predictions to 1e-6, TreeSHAP to 1e-5, per column and per field") {
    Rulebook rulebook = blend_rulebook();
    const TreeEnsemble& model = trees_of(rulebook);
    const json expected = json::parse(slurp(kDir + "expected.json"));
    const auto& columns = expected["columns"];
    REQUIRE(columns.size() == model.spec().columns.size() + 1);
    for (size_t c = 0; c + 1 < columns.size(); ++c) CHECK(columns[c] == model.spec().columns[c].name);

    std::istringstream leads(slurp(kDir + "leads.jsonl"));
    std::string line;
    size_t row_index = 0;
    double worst_prediction = 0, worst_contribution = 0;
    Evaluator evaluator(rulebook, EvalOptions{});
    while (std::getline(leads, line)) {
        const json& want = expected["rows"][row_index++];
        Lead lead;
        auto error = read_json_lead(rulebook.program().schema, line, lead);
        REQUIRE_MESSAGE(!error, *error);
        CHECK(lead.id == want["id"]);

        std::vector<float> row;
        model.encode(lead.slots.data(), row);
        const double probability = Decimal::sigmoid(model.margin(row)).to_double();
        worst_prediction = std::max(worst_prediction, std::abs(probability - want["probability"].get<double>()));
        const std::vector<double> phi = model.contributions(row);
        for (size_t c = 0; c < phi.size(); ++c)
            worst_contribution =
                std::max(worst_contribution, std::abs(phi[c] - want["contributions"][c].get<double>()));

        // The decision carries the same probability and, per schema field,
        // the sum of its columns' contributions, largest magnitude first.
        Decision d = evaluator.evaluate_json(line);
        if (!d.disqualified.empty()) continue;
        REQUIRE(d.models.size() == 1);
        CHECK(std::abs(d.models[0].probability.to_double() - want["probability"].get<double>()) < 1e-6);
        REQUIRE(d.models[0].factors.size() == model.features().size());
        for (size_t i = 0; i < d.models[0].factors.size(); ++i) {
            const ModelFactor& f = d.models[0].factors[i];
            double sum = 0;
            for (size_t c = 0; c + 1 < columns.size(); ++c)
                if (model.spec().fields[static_cast<size_t>(model.spec().columns[c].feature)].name == f.feature)
                    sum += want["contributions"][c].get<double>();
            CHECK_MESSAGE(std::abs(f.contribution.to_double() - sum) < 1e-5, f.feature);
            if (i > 0) CHECK(d.models[0].factors[i - 1].contribution.abs() >= f.contribution.abs());
        }
    }
    CHECK(row_index == expected["rows"].size());
    MESSAGE("largest differences from XGBoost: prediction ", worst_prediction, ", contribution ", worst_contribution);
    CHECK(worst_prediction < 1e-6);
    CHECK(worst_contribution < 1e-5);
}

TEST_CASE("the importer writes the committed model file, byte for byte") {
    Rulebook rulebook = blend_rulebook();
    std::string error;
    XgboostImportInfo info;
    auto text = import_xgboost(slurp(kDir + "xgboost_model.json"), rulebook.program().schema, error, &info);
    REQUIRE_MESSAGE(text, error);
    CHECK(*text == slurp(kDir + "propensity.json"));
    CHECK(info.trees == 30);
    CHECK(info.columns == 11);
    CHECK(info.fields == std::vector<std::string>{"company.employees", "intent.score", "crm.is_customer",
                                                  "company.industry", "contact.seniority"});
}

TEST_CASE("the importer refuses what it cannot convert, naming each problem") {
    Rulebook rulebook = blend_rulebook();
    json doc = json::parse(slurp(kDir + "xgboost_model.json"));
    doc["learner"]["objective"]["name"] = "reg:squarederror";
    doc["learner"]["gradient_booster"]["name"] = "dart";
    doc["learner"]["feature_names"][1] = "company.employes:missing";
    doc["learner"]["feature_names"][4] = "company.industry=saas";
    doc["learner"]["feature_names"][8] = "contact.seniority";
    std::string error;
    CHECK(!import_xgboost(doc.dump(), rulebook.program().schema, error));
    CHECK(error.find("$.learner.objective.name: objective \"reg:squarederror\" is not supported") != std::string::npos);
    CHECK(error.find("$.learner.gradient_booster.name: booster \"dart\" is not supported") != std::string::npos);
    CHECK(error.find("$.learner.feature_names[1]: \"company.employes:missing\": unknown field \"company.employes:missing\"") !=
          std::string::npos);
    CHECK(error.find("$.learner.feature_names[4]: \"company.industry=saas\": \"saas\" is not a value of company.industry") !=
          std::string::npos);
    CHECK(error.find("$.learner.feature_names[8]: \"contact.seniority\": contact.seniority is a string or enum field") !=
          std::string::npos);

    error.clear();
    CHECK(!import_xgboost("{\"learner\": 1", rulebook.program().schema, error));
    CHECK(error.find("not valid JSON") == 0);

    json no_names = json::parse(slurp(kDir + "xgboost_model.json"));
    no_names["learner"]["feature_names"] = json::array();
    error.clear();
    CHECK(!import_xgboost(no_names.dump(), rulebook.program().schema, error));
    CHECK(error.find("the model has no feature names") != std::string::npos);

    json huge = json::parse(slurp(kDir + "xgboost_model.json"));
    huge["learner"]["gradient_booster"]["model"]["trees"][0]["left_children"][0] = 1e30;
    huge["learner"]["gradient_booster"]["model"]["trees"][1]["split_conditions"][0] = 1e300;
    error.clear();
    CHECK(!import_xgboost(huge.dump(), rulebook.program().schema, error));
    CHECK(error.find("trees[0].left_children: must be an array of 31 integers") != std::string::npos);
    huge["learner"]["gradient_booster"]["model"]["trees"][0]["left_children"][0] = 1;
    error.clear();
    CHECK(!import_xgboost(huge.dump(), rulebook.program().schema, error));
    CHECK(error.find("trees[1].split_conditions: must be an array of") != std::string::npos);

    json bad_child = json::parse(slurp(kDir + "xgboost_model.json"));
    bad_child["learner"]["gradient_booster"]["model"]["trees"][3]["left_children"][0] = 0;
    error.clear();
    CHECK(!import_xgboost(bad_child.dump(), rulebook.program().schema, error));
    CHECK(error.find("trees[3].left_children: node 0 has a bad child 0") != std::string::npos);
}

TEST_CASE("splits compare float32 values, as XGBoost does") {
    std::string error;
    auto loaded = PropensityModel::load(write_model("stump.json", stump(R"(["x"])")), small_schema(), error);
    REQUIRE_MESSAGE(loaded, error);
    const auto& model = dynamic_cast<const TreeEnsemble&>(*loaded);
    std::vector<Value> slots(7);
    const auto side = [&](const char* x) {
        slots[1] = x ? Value::number(*Decimal::parse(x)) : Value::unknown();
        std::vector<float> row;
        model.encode(slots.data(), row);
        return model.margin(row) == Decimal::one() ? "left" : "right";
    };
    // float32(0.1) is the threshold itself, so 0.1 is not below it; nor is
    // 0.099999999, which rounds to the same float32 — in binary64 it would be.
    CHECK(side("0.1") == std::string("right"));
    CHECK(side("0.099999999") == std::string("right"));
    CHECK(side("0.09999999") == std::string("left"));
    CHECK(side(nullptr) == std::string("left"));  // unknown: the default direction
    // Factors: one per field, the input as text, the TreeSHAP value (the
    // expected value is 0.4 * 1 + 0.6 * -1 = -0.2; the lead's leaf is 1).
    slots[1] = Value::number(*Decimal::parse("0.05"));
    std::vector<ModelFactor> factors;
    Decimal p = model.evaluate_into(slots.data(), factors);
    CHECK(p == Decimal::sigmoid(Decimal::one()));
    REQUIRE(factors.size() == 1);
    CHECK(factors[0].feature == "x");
    CHECK(factors[0].value == "0.05");
    CHECK(factors[0].contribution == *Decimal::parse("1.2"));
}

TEST_CASE("columns bind to fields by name: number, bool, level, missing indicator") {
    std::string error;
    auto loaded = PropensityModel::load(
        write_model("cols.json", stump(R"(["tier=gold", "x", "flag", "name=acme", "x:missing"])", "1")),
        small_schema(), error);
    REQUIRE_MESSAGE(loaded, error);
    const auto& model = dynamic_cast<const TreeEnsemble&>(*loaded);
    CHECK(model.features() == std::vector<std::string>{"tier", "x", "flag", "name"});
    std::vector<Value> slots(7);
    std::vector<float> row;
    model.encode(slots.data(), row);  // all unknown
    REQUIRE(row.size() == 5);
    CHECK((std::isnan(row[0]) && std::isnan(row[1]) && std::isnan(row[2]) && std::isnan(row[3])));
    CHECK(row[4] == 1.0f);
    slots[1] = Value::number(Decimal::from_int(3));
    slots[2] = Value::enumv(0);
    slots[3] = Value::string("acme");
    slots[4] = Value::boolean(false);
    model.encode(slots.data(), row);
    CHECK(row == std::vector<float>{1, 3, 0, 1, 0});
    slots[2] = Value::enumv(1);
    slots[3] = Value::string("Acme");  // levels match exactly, like every string comparison
    model.encode(slots.data(), row);
    CHECK(row[0] == 0.0f);
    CHECK(row[3] == 0.0f);
}

TEST_CASE("malformed columns and trees are load errors with their JSON path") {
    CHECK(load_error(stump(R"(["nope"])")).find("$.columns[0]: unknown field \"nope\"") != std::string::npos);
    CHECK(load_error(stump(R"(["name"])")).find("$.columns[0]: name is a string or enum field") != std::string::npos);
    CHECK(load_error(stump(R"(["tier=bronze"])")).find("\"bronze\" is not a value of tier") != std::string::npos);
    CHECK(load_error(stump(R"(["x=1"])")).find("FIELD=LEVEL needs a string or enum field") != std::string::npos);
    CHECK(load_error(stump(R"(["seen"])")).find("seen is a date") != std::string::npos);
    CHECK(load_error(stump(R"(["tags=a"])")).find("tags is a list") != std::string::npos);
    CHECK(load_error(stump(R"(["x", "x"])")).find("$.columns[1]: column \"x\" is listed twice") != std::string::npos);
    CHECK(load_error(stump(R"(["x"])", "abc")).find("$.trees[0].threshold[0]: \"abc\" is not a finite float32") !=
          std::string::npos);
    CHECK(load_error(stump(R"(["x"])", "1e40")).find("is not a finite float32") != std::string::npos);

    const auto tree = [](const std::string& left, const std::string& right, const std::string& cover = R"(["10", "4", "6"])") {
        return R"({"format": "qualify-model", "format_version": 1, "kind": "tree_ensemble",
          "objective": "binary:logistic", "base_margin": "0", "columns": ["x"],
          "trees": [{"left": )" + left + R"(, "right": )" + right + R"(, "column": [0, -1, -1],
             "threshold": ["1", "0", "0"], "default_left": [true, false, false],
             "leaf": ["0", "1", "-1"], "cover": )" + cover + "}]}";
    };
    CHECK(load_error(tree("[1, -1, -1]", "[1, -1, -1]")).find("children 1, 1: both -1 (a leaf) or two different nodes") !=
          std::string::npos);
    CHECK(load_error(tree("[1, -1, -1]", "[3, -1, -1]")).find("$.trees[0].left[0]: children 1, 3") != std::string::npos);
    CHECK(load_error(tree("[-1, -1, -1]", "[-1, -1, -1]")).find("$.trees[0].column[0]: must be -1 at a leaf") !=
          std::string::npos);
    CHECK(load_error(tree("[1, 2, -1]", "[2, 1, -1]")).find("$.trees[0].column[1]: column -1 out of range") !=
          std::string::npos);
    CHECK(load_error(tree("[1, -1]", "[2, -1, -1]")).find("$.trees[0].right: has 3 entries; \"left\" has 2") !=
          std::string::npos);
    CHECK(load_error(tree("[1, -1, -1]", "[2, -1, -1]", R"(["0", "4", "6"])"))
              .find("$.trees[0].cover[0]: must be greater than 0 at a split") != std::string::npos);
    CHECK(load_error(stump(R"(["x"])", "1", R"(, "depth": 3)")).find("$.trees[0].depth: unknown key") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "format_version": 1, "kind": "tree_ensemble",
          "objective": "multi:softprob", "base_margin": 0, "columns": [], "trees": []})")
              .find("$.objective: unsupported objective \"multi:softprob\"") != std::string::npos);
}

TEST_CASE("a cycle or an orphan node is refused, not followed") {
    const auto model = [](const std::string& left, const std::string& right, const std::string& column) {
        return R"({"format": "qualify-model", "format_version": 1, "kind": "tree_ensemble",
          "objective": "binary:logistic", "base_margin": "0", "columns": ["x"],
          "trees": [{"left": )" + left + R"(, "right": )" + right + R"(, "column": )" + column + R"(,
             "threshold": ["1", "1", "0", "0"], "default_left": [true, true, false, false],
             "leaf": ["0", "0", "1", "-1"], "cover": ["10", "4", "6", "1"]}]})";
    };
    // Node 1 is a child of both 0 and 2: not a tree (a cycle shows the same way).
    CHECK(load_error(model("[1, -1, 1, -1]", "[2, -1, 3, -1]", "[0, -1, 0, -1]")).find("node 1 is reached twice") !=
          std::string::npos);
    // Node 3 exists but nothing leads to it.
    CHECK(load_error(model("[1, -1, -1, -1]", "[2, -1, -1, -1]", "[0, -1, -1, -1]"))
              .find("1 node(s) are not reached from the root") != std::string::npos);
}

TEST_CASE("leaves that could sum beyond the decimal range are refused at load") {
    const std::string tree = R"({"left": [1, -1, -1], "right": [2, -1, -1], "column": [0, -1, -1],
        "threshold": ["1", "0", "0"], "default_left": [true, false, false],
        "leaf": ["0", "100000000000000000000", "-1"], "cover": ["10", "4", "6"]})";
    const std::string model = R"({"format": "qualify-model", "format_version": 1, "kind": "tree_ensemble",
      "objective": "binary:logistic", "base_margin": "0", "columns": ["x"], "trees": [)" + tree + ", " + tree + "]}";
    CHECK(load_error(model).find("$.trees: the leaf values can sum beyond the decimal range") != std::string::npos);
}

TEST_CASE("a calibration in a tree file: the scorer returns sigmoid(a x margin + b), factors unchanged") {
    std::string calibrated = stump(R"(["x"])");
    calibrated.insert(calibrated.rfind('}'), R"(, "calibration": {"method": "platt", "a": "0.5", "b": "-0.25"})");
    std::string error;
    auto loaded = PropensityModel::load(write_model("calibrated.json", calibrated), small_schema(), error);
    REQUIRE_MESSAGE(loaded, error);
    std::vector<Value> slots(7);
    slots[1] = Value::number(*Decimal::parse("0.05"));  // left: margin 1
    std::vector<ModelFactor> factors;
    const Decimal p = loaded->evaluate_into(slots.data(), factors);
    CHECK(p == Decimal::sigmoid(*Decimal::parse("0.25")));
    REQUIRE(factors.size() == 1);
    CHECK(factors[0].contribution == *Decimal::parse("1.2"));  // the uncalibrated TreeSHAP value

    std::string bad = stump(R"(["x"])");
    bad.insert(bad.rfind('}'), R"(, "calibration": {"method": "isotonic", "a": 1, "c": "0"})");
    const std::string e = load_error(bad);
    CHECK(e.find("$.calibration.method: unknown calibration method \"isotonic\"") != std::string::npos);
    CHECK(e.find("$.calibration.c: unknown key") != std::string::npos);
    CHECK(e.find("$.calibration.a: must be a decimal string") != std::string::npos);
    CHECK(e.find("$.calibration: missing required key \"b\"") != std::string::npos);
}
