// The logistic-regression model: loading the documented file format,
// evaluating exact contributions and probabilities, ordering factors, and
// every validation error the loader reports.
#include "model/model.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace qualify;

namespace {

FieldInfo field(std::string name, ScalarType type, std::vector<std::string> enum_values = {},
                bool is_list = false) {
    FieldInfo f;
    f.name = name;
    f.type = type;
    f.enum_values = std::move(enum_values);
    f.is_list = is_list;
    f.optional = name != "id";
    f.column = name;
    return f;
}

SchemaInfo test_schema() {
    SchemaInfo s;
    s.name = "lead";
    s.fields = {
        field("id", ScalarType::String),
        field("company.industry", ScalarType::String),
        field("company.employees", ScalarType::Int),
        field("contact.seniority", ScalarType::Enum, {"ic", "manager", "director", "vp", "cxo"}),
        field("crm.is_customer", ScalarType::Bool),
        field("intent.score", ScalarType::Decimal),
        field("company.tech_stack", ScalarType::String, {}, true),
        field("company.founded", ScalarType::Date),
    };
    for (size_t i = 0; i < s.fields.size(); ++i) s.slot_of[s.fields[i].name] = static_cast<int>(i);
    s.id_slot = 0;
    return s;
}

Decimal dec(const char* text) { return *Decimal::parse(text); }

// Writes `text` to a file of this test process and returns its path.
std::string write_model(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() / ("qualify_test_model_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const char* kModel = R"({
  "format": "qualify-model",
  "format_version": 1,
  "kind": "logistic_regression",
  "description": "unit-test model",
  "intercept": "-1.25",
  "features": [
    {"field": "company.industry", "encoding": "one_hot",
     "levels": {"software": "0.9", "fintech": "0.6"}, "other": "-0.2", "missing": "-0.1"},
    {"field": "company.employees", "encoding": "standardized",
     "mean": "500", "scale": "250", "coefficient": "0.4", "missing": "0"},
    {"field": "contact.seniority", "encoding": "one_hot",
     "levels": {"vp": "0.8", "cxo": "0.8", "director": "0.5"}, "other": "0", "missing": "-0.3"},
    {"field": "crm.is_customer", "encoding": "bool", "true": "-2", "false": "0.1", "missing": "0"}
  ]
}
)";

// A model file whose one feature is `feature` (a JSON object's text).
std::string with_feature(const std::string& feature) {
    return R"({"format": "qualify-model", "format_version": 1, "kind": "logistic_regression",
              "intercept": "0", "features": [)" +
           feature + "]}";
}

// Loads `text` and returns the error; fails the test if it loaded.
std::string load_error(const std::string& text, const std::string& name = "bad.json") {
    std::string error;
    auto model = PropensityModel::load(write_model(name, text), test_schema(), error);
    CHECK(model == nullptr);
    return error;
}

std::vector<Value> slots(Value industry, Value employees, Value seniority, Value customer) {
    return {Value::string("L-1"), industry, employees, seniority, customer,
            Value::unknown(), Value::unknown(), Value::unknown()};
}

}  // namespace

TEST_CASE("a model loads with its features, kind and exact bytes") {
    std::string error;
    auto model = PropensityModel::load(write_model("m.json", kModel), test_schema(), error);
    REQUIRE_MESSAGE(model, error);
    CHECK(model->kind() == "logistic_regression");
    CHECK(model->file_bytes() == kModel);
    CHECK(model->features() == std::vector<std::string>{"company.industry", "company.employees",
                                                        "contact.seniority", "crm.is_customer"});
}

TEST_CASE("contributions, log-odds and probability are exact decimals") {
    std::string error;
    auto model = PropensityModel::load(write_model("m.json", kModel), test_schema(), error);
    REQUIRE_MESSAGE(model, error);

    SUBCASE("listed levels and a standardized number") {
        // 0.9 + 0.4 * (1100 - 500) / 250 + 0.8 + 0.1 = 2.76; -1.25 + 2.76 = 1.51.
        auto lead = slots(Value::string("software"), Value::number(dec("1100")), Value::enumv(3),
                          Value::boolean(false));
        auto r = model->evaluate(lead.data());
        CHECK(r.probability == dec("0.819061206847857987"));  // sigmoid(1.51), 18 places
        REQUIRE(r.factors.size() == 4);
        CHECK(r.factors[0].feature == "company.employees");
        CHECK(r.factors[0].value == "1100");
        CHECK(r.factors[0].contribution == dec("0.96"));
        CHECK(r.factors[1].feature == "company.industry");
        CHECK(r.factors[1].value == "software");
        CHECK(r.factors[1].contribution == dec("0.9"));
        CHECK(r.factors[2].value == "vp");
        CHECK(r.factors[2].contribution == dec("0.8"));
        CHECK(r.factors[3].value == "false");
        CHECK(r.factors[3].contribution == dec("0.1"));
    }
    SUBCASE("whole numbers show as their digits, with a sign when negative") {
        for (const char* n : {"-3", "0", "25000", "-1100"}) {
            auto lead = slots(Value::string("software"), Value::number(dec(n)), Value::enumv(3), Value::boolean(false));
            auto r = model->evaluate(lead.data());
            bool found = false;
            for (const auto& f : r.factors)
                if (f.feature == "company.employees") {
                    CHECK(f.value == n);
                    found = true;
                }
            CHECK(found);
        }
    }
    SUBCASE("every value unknown: the missing coefficients, ties in feature order") {
        auto lead = slots(Value::unknown(), Value::unknown(), Value::unknown(), Value::unknown());
        auto r = model->evaluate(lead.data());
        CHECK(r.probability == dec("0.161108949576585237"));  // sigmoid(-1.65)
        REQUIRE(r.factors.size() == 4);
        CHECK(r.factors[0].feature == "contact.seniority");
        CHECK(r.factors[0].value == "unknown");
        CHECK(r.factors[0].contribution == dec("-0.3"));
        CHECK(r.factors[1].feature == "company.industry");
        CHECK(r.factors[2].feature == "company.employees");  // 0, before the other 0
        CHECK(r.factors[3].feature == "crm.is_customer");
    }
    SUBCASE("unlisted levels take `other`; string levels are case-sensitive") {
        // -1.25 - 0.2 + 0.4 * (400 - 500) / 250 + 0 - 2 = -3.61.
        auto lead = slots(Value::string("Software"), Value::number(dec("400")), Value::enumv(0),
                          Value::boolean(true));
        auto r = model->evaluate(lead.data());
        CHECK(r.probability == dec("0.026339319625283387"));  // sigmoid(-3.61)
        REQUIRE(r.factors.size() == 4);
        CHECK(r.factors[0].feature == "crm.is_customer");
        CHECK(r.factors[0].contribution == dec("-2"));
        CHECK(r.factors[1].value == "Software");
        CHECK(r.factors[1].contribution == dec("-0.2"));
        CHECK(r.factors[2].contribution == dec("-0.16"));
        CHECK(r.factors[3].value == "ic");
        CHECK(r.factors[3].contribution == dec("0"));
    }
    SUBCASE("log-odds of zero is probability one half") {
        // 0.6 - 0.4 * (500 - 500) ... : fintech 0.6, mean employees 0,
        // director 0.5, customer unknown 0: -1.25 + 0.6 + 0 + 0.5 + 0 = -0.15;
        // a decimal employee count moves it to exactly zero.
        // 0.4 * (x - 500) / 250 = 0.15  =>  x = 593.75.
        auto lead = slots(Value::string("fintech"), Value::number(dec("593.75")), Value::enumv(2),
                          Value::unknown());
        auto r = model->evaluate(lead.data());
        CHECK(r.probability == dec("0.5"));
        CHECK(r.factors[0].feature == "company.industry");  // 0.6
        CHECK(r.factors[1].feature == "contact.seniority");  // 0.5
        CHECK(r.factors[2].feature == "company.employees");  // 0.15
        CHECK(r.factors[2].value == "593.75");
    }
}

TEST_CASE("enum levels map to positions by name, not by file order") {
    std::string error;
    auto model = PropensityModel::load(write_model("enum.json", with_feature(R"(
        {"field": "contact.seniority", "encoding": "one_hot",
         "levels": {"cxo": "2", "ic": "-1"}, "other": "0.5", "missing": "0"})")),
                                       test_schema(), error);
    REQUIRE_MESSAGE(model, error);
    std::vector<Value> lead(8);
    lead[3] = Value::enumv(4);
    CHECK(model->evaluate(lead.data()).factors[0].contribution == dec("2"));
    lead[3] = Value::enumv(0);
    CHECK(model->evaluate(lead.data()).factors[0].contribution == dec("-1"));
    lead[3] = Value::enumv(2);
    CHECK(model->evaluate(lead.data()).factors[0].contribution == dec("0.5"));
    CHECK(model->evaluate(lead.data()).factors[0].value == "director");
}

TEST_CASE("file-level errors name the file") {
    std::string error;
    CHECK(PropensityModel::load("/nonexistent/model.json", test_schema(), error) == nullptr);
    CHECK(error.find("/nonexistent/model.json: cannot open model file") == 0);

    CHECK(load_error("{\"format\": ", "trunc.json").find("trunc.json: not valid JSON") != std::string::npos);
    CHECK(load_error("[1, 2]").find("$: a model file is a JSON object") != std::string::npos);
}

TEST_CASE("envelope errors") {
    CHECK(load_error(R"({"format": "other", "format_version": 1, "kind": "logistic_regression"})")
              .find("$.format: expected \"qualify-model\"") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "format_version": 2, "kind": "logistic_regression"})")
              .find("$.format_version: unsupported format_version 2") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "format_version": "1", "kind": "logistic_regression"})")
              .find("$.format_version: unsupported") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "kind": "logistic_regression"})")
              .find("$: missing required key \"format_version\"") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "format_version": 1})")
              .find("$: missing required key \"kind\"") != std::string::npos);
    CHECK(load_error(R"({"format": "qualify-model", "format_version": 1, "kind": "xgboost"})")
              .find("$.kind: unknown model kind \"xgboost\"") != std::string::npos);
}

TEST_CASE("body errors carry the JSON path") {
    auto full = [](const std::string& rest) {
        return R"({"format": "qualify-model", "format_version": 1, "kind": "logistic_regression", )" + rest +
               "}";
    };
    auto e = load_error(full(R"("intercept": -1.25, "features": [])"), "numbers.json");
    CHECK(e.find("numbers.json: $.intercept: must be a decimal string") != std::string::npos);
    CHECK(e.find("$.features: must be a non-empty array") != std::string::npos);

    CHECK(load_error(full(R"("intercept": "1.2.3", "features": [{}])"))
              .find("$.intercept: \"1.2.3\" is not a decimal number") != std::string::npos);
    CHECK(load_error(full(R"("intercept": "0", "features": [{}], "note": 1)"))
              .find("$.note: unknown key") != std::string::npos);
    CHECK(load_error(full(R"("intercept": "0", "features": [7])"))
              .find("$.features[0]: must be an object") != std::string::npos);
    CHECK(load_error(full(R"("intercept": "0", "description": 3, "features": [{}])"))
              .find("$.description: must be a string") != std::string::npos);
    CHECK(load_error(full(R"("intercept": "0", "intercept": "1", "features": [{}])"))
              .find("$.intercept: duplicate key") != std::string::npos);
}

TEST_CASE("feature errors") {
    auto error_for = [](const std::string& feature) { return load_error(with_feature(feature)); };

    CHECK(error_for(R"({"field": "company.industy", "encoding": "bool", "true": "1", "false": "0", "missing": "0"})")
              .find("$.features[0].field: unknown field \"company.industy\" (not in schema lead)") !=
          std::string::npos);
    CHECK(error_for(R"({"encoding": "bool"})").find("$.features[0]: missing required key \"field\"") !=
          std::string::npos);
    CHECK(error_for(R"({"field": "company.tech_stack", "encoding": "one_hot"})")
              .find("$.features[0].field: company.tech_stack is a list") != std::string::npos);
    CHECK(error_for(R"({"field": "crm.is_customer", "encoding": "binary", "missing": "0"})")
              .find("$.features[0].encoding: unknown encoding \"binary\"") != std::string::npos);

    SUBCASE("encoding and field type must agree") {
        CHECK(error_for(R"({"field": "company.employees", "encoding": "one_hot", "levels": {"1": "1"},
                            "other": "0", "missing": "0"})")
                  .find("\"one_hot\" needs a string or enum field; company.employees is int (use \"standardized\")") !=
              std::string::npos);
        CHECK(error_for(R"({"field": "company.founded", "encoding": "one_hot", "levels": {"x": "1"},
                            "other": "0", "missing": "0"})")
                  .find("company.founded is date") != std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "standardized", "mean": "0",
                            "scale": "1", "coefficient": "1", "missing": "0"})")
                  .find("\"standardized\" needs an int or decimal field; company.industry is string (use \"one_hot\")") !=
              std::string::npos);
        CHECK(error_for(R"({"field": "contact.seniority", "encoding": "bool", "true": "1", "false": "0",
                            "missing": "0"})")
                  .find("$.features[0].encoding: \"bool\" needs a bool field; contact.seniority is an enum") !=
              std::string::npos);
        CHECK(error_for(R"({"field": "crm.is_customer", "encoding": "standardized", "mean": "0",
                            "scale": "1", "coefficient": "1", "missing": "0"})")
                  .find("(use \"bool\")") != std::string::npos);
    }
    SUBCASE("one_hot") {
        CHECK(error_for(R"({"field": "contact.seniority", "encoding": "one_hot",
                            "levels": {"vpp": "1"}, "other": "0", "missing": "0"})")
                  .find("$.features[0].levels.vpp: \"vpp\" is not a value of contact.seniority "
                        "(ic, manager, director, vp, cxo)") != std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "one_hot",
                            "levels": {"health tech": "x"}, "other": "0", "missing": "0"})")
                  .find("$.features[0].levels[\"health tech\"]: \"x\" is not a decimal number") !=
              std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "one_hot", "levels": {},
                            "other": "0", "missing": "0"})")
                  .find("$.features[0].levels: must be a non-empty object") != std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "one_hot", "levels": {"a": "1"},
                            "missing": "0"})")
                  .find("$.features[0]: missing required key \"other\"") != std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "one_hot", "levels": {"a": "1"},
                            "other": "0"})")
                  .find("$.features[0]: missing required key \"missing\"") != std::string::npos);
        CHECK(error_for(R"({"field": "company.industry", "encoding": "one_hot",
                            "levels": {"a": "1", "a": "2"}, "other": "0", "missing": "0"})")
                  .find("$.features[0].levels.a: duplicate key") != std::string::npos);
    }
    SUBCASE("standardized") {
        auto standardized = [&](const std::string& scale) {
            return error_for(R"({"field": "intent.score", "encoding": "standardized", "mean": "50",
                                 "scale": ")" + scale + R"(", "coefficient": "0.02", "missing": "0"})");
        };
        CHECK(standardized("0").find("$.features[0].scale: scale must be greater than 0 (got \"0\")") !=
              std::string::npos);
        CHECK(standardized("-3.5").find("$.features[0].scale: scale must be greater than 0") !=
              std::string::npos);
        CHECK(standardized("ten").find("$.features[0].scale: \"ten\" is not a decimal number") !=
              std::string::npos);
        CHECK(error_for(R"({"field": "intent.score", "encoding": "standardized", "mean": "50",
                            "scale": "10", "coeficient": "0.02", "missing": "0"})")
                  .find("$.features[0].coeficient: unknown key") != std::string::npos);
    }
    SUBCASE("bool") {
        CHECK(error_for(R"({"field": "crm.is_customer", "encoding": "bool", "true": true, "false": "0",
                            "missing": "0"})")
                  .find("$.features[0].true: must be a decimal string, not boolean") != std::string::npos);
    }
    SUBCASE("a field is a feature once") {
        CHECK(load_error(with_feature(
                             R"({"field": "crm.is_customer", "encoding": "bool", "true": "1", "false": "0", "missing": "0"},
                                {"field": "crm.is_customer", "encoding": "bool", "true": "1", "false": "0", "missing": "0"})"))
                  .find("$.features[1].field: crm.is_customer is already a feature at $.features[0]") !=
              std::string::npos);
    }
}

TEST_CASE("every problem is reported, one per line") {
    auto e = load_error(with_feature(R"(
        {"field": "intent.score", "encoding": "standardized", "mean": "x", "scale": "0",
         "coefficient": 1, "missing": "0"})"));
    CHECK(e.find("$.features[0].mean") != std::string::npos);
    CHECK(e.find("$.features[0].scale") != std::string::npos);
    CHECK(e.find("$.features[0].coefficient") != std::string::npos);
    CHECK(std::count(e.begin(), e.end(), '\n') == 2);
}

TEST_CASE("the bundled saas-inbound model gives the spec's probabilities") {
    // The saas_inbound.qual schema, as far as the model reads it.
    SchemaInfo s;
    s.name = "lead";
    s.fields = {
        field("id", ScalarType::String),
        field("company.industry", ScalarType::String),
        field("company.employees", ScalarType::Int),
        field("contact.seniority", ScalarType::Enum, {"ic", "manager", "director", "vp", "cxo"}),
        field("engagement.pages_visited", ScalarType::Int),
        field("intent.score", ScalarType::Decimal),
    };
    for (size_t i = 0; i < s.fields.size(); ++i) s.slot_of[s.fields[i].name] = static_cast<int>(i);
    std::string error;
    auto model = PropensityModel::load(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks/models/saas_propensity.json",
                                       s, error);
    REQUIRE_MESSAGE(model, error);

    // Spec section 4: software, 1,100 employees, seniority unknown, 10 pages,
    // intent 80. rulebooks/models/check_saas_model.py prints the same digits.
    std::vector<Value> section4 = {Value::string("L-10023"), Value::string("software"),
                                   Value::number(dec("1100")), Value::unknown(),
                                   Value::number(dec("10")), Value::number(dec("80"))};
    auto r = model->evaluate(section4.data());
    CHECK(r.probability == dec("0.620004344771964646"));
    CHECK(r.probability.to_fixed(4) == "0.6200");
    CHECK(r.factors[0].feature == "company.industry");
    CHECK(r.factors.back().value == "1100");

    // Spec section 2, test t2: software, 800 employees, vp, 25 pages, intent 90.
    std::vector<Value> t2 = {Value::string("t2"), Value::string("software"), Value::number(dec("800")),
                             Value::enumv(3), Value::number(dec("25")), Value::number(dec("90"))};
    CHECK(model->evaluate(t2.data()).probability == dec("0.900322823847781451"));
}

TEST_CASE("a Platt calibration changes the probability, not the factors") {
    std::string calibrated = kModel;
    calibrated.replace(calibrated.rfind('}'), 1, R"(, "calibration": {"method": "platt", "a": "2", "b": "-0.5"}})");
    std::string error;
    auto plain = PropensityModel::load(write_model("plain.json", kModel), test_schema(), error);
    auto platt = PropensityModel::load(write_model("platt.json", calibrated), test_schema(), error);
    REQUIRE_MESSAGE(platt, error);
    REQUIRE(plain);
    auto lead = slots(Value::string("software"), Value::number(dec("1100")), Value::enumv(3), Value::boolean(false));
    auto p = plain->evaluate(lead.data());
    auto c = platt->evaluate(lead.data());
    // log-odds 1.51 (above); calibrated: sigmoid(2 × 1.51 − 0.5) = sigmoid(2.52).
    CHECK(c.probability == Decimal::sigmoid(dec("2.52")));
    CHECK(c.probability != p.probability);
    REQUIRE(c.factors.size() == p.factors.size());
    for (size_t i = 0; i < c.factors.size(); ++i) CHECK(c.factors[i].contribution == p.factors[i].contribution);
}

TEST_CASE("calibration errors") {
    auto with = [](const std::string& calibration) {
        std::string text = kModel;
        text.replace(text.rfind('}'), 1, ", \"calibration\": " + calibration + "}");
        return load_error(text);
    };
    CHECK(with(R"({"method": "isotonic", "a": "1", "b": "0"})")
              .find("$.calibration.method: unknown calibration method \"isotonic\"") != std::string::npos);
    CHECK(with(R"({"method": "platt", "b": "0"})").find("$.calibration: missing required key \"a\"") !=
          std::string::npos);
    CHECK(with(R"({"method": "platt", "a": 1, "b": "0"})").find("$.calibration.a: must be a decimal string") !=
          std::string::npos);
    CHECK(with(R"({"method": "platt", "a": "1", "b": "0", "c": "2"})").find("$.calibration.c: unknown key") !=
          std::string::npos);
    CHECK(with(R"("platt")").find("$.calibration: must be an object") != std::string::npos);
}
