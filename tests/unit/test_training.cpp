// The pieces of `qualify train`: the Newton fit reaches the penalised
// optimum (its gradient vanishes) with the intercept unpenalised, AUC and
// Brier on hand-worked cases, the fold rule, and the encoder's columns
// (rare levels bucketed, standardisation, missing indicators).
#include "training/encoder.hpp"
#include "training/folds.hpp"
#include "training/logistic_fit.hpp"
#include "training/metrics.hpp"

#include <doctest/doctest.h>

#include "model/model.hpp"
#include "training/learner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace qualify;
using namespace qualify::training;

namespace {

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// x: one dense feature per row (all rows non-zero).
SparseMatrix one_column(const std::vector<double>& x) {
    SparseMatrix m;
    m.columns = 1;
    for (double v : x) {
        m.add(0, v);
        m.end_row();
    }
    return m;
}

}  // namespace

TEST_CASE("the Newton fit zeroes the gradient of the penalised loss") {
    std::vector<double> x{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5};
    std::vector<double> y{0, 0, 1, 0, 0, 1, 0, 1, 1, 1};
    SparseMatrix m = one_column(x);
    std::vector<size_t> rows{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (double C : {0.1, 1.0, std::numeric_limits<double>::infinity()}) {
        LogisticFit fit = fit_logistic(m, y, rows, LogisticParams{C, 100, 1e-12});
        CHECK(fit.converged);
        double g0 = 0, g1 = 0;
        for (size_t r : rows) {
            double p = sigmoid(fit.intercept + fit.weights[0] * x[r]);
            g0 += p - y[r];
            g1 += (p - y[r]) * x[r];
        }
        if (!std::isinf(C)) g1 += fit.weights[0] / C;
        CHECK(std::fabs(g0) < 1e-9);  // the intercept is not penalised
        CHECK(std::fabs(g1) < 1e-9);
    }
    // A stronger penalty shrinks the weight.
    CHECK(std::fabs(fit_logistic(m, y, rows, {0.1, 100, 1e-12}).weights[0]) <
          std::fabs(fit_logistic(m, y, rows, {1.0, 100, 1e-12}).weights[0]));
}

TEST_CASE("AUC counts ties half; Brier is the mean squared error") {
    std::vector<double> score{0.1, 0.4, 0.35, 0.8};
    std::vector<double> y{0, 0, 1, 1};
    std::vector<size_t> all{0, 1, 2, 3};
    CHECK(roc_auc(score, y, all) == doctest::Approx(0.75));
    std::vector<double> tied{0.5, 0.5, 0.5, 0.5};
    CHECK(roc_auc(tied, y, all) == doctest::Approx(0.5));
    CHECK(roc_auc(score, y, {0, 1}) == -1);  // one class only
    CHECK(brier(score, y, all) == doctest::Approx((0.01 + 0.16 + 0.4225 + 0.04) / 4));
    auto table = calibration_table(score, y);
    CHECK(table.size() == 10);
    CHECK(table[3].rows == 1);
    CHECK(table[3].observed == 1);
    CHECK(table[4].rows == 1);
    CHECK(table[4].observed == 0);
}

TEST_CASE("folds are FNV-1a of SEED:ID modulo K") {
    // FNV-1a 64 of "0:L1" is 0x6cf4bef9bb783e98 (computed independently).
    CHECK(fold_of("L1", 0, 5) == 0x6cf4bef9bb783e98ULL % 5);
    CHECK(fold_of("L1", 0, 5) == fold_of("L1", 0, 5));
    bool seed_matters = false;
    for (int i = 0; i < 20; ++i)
        seed_matters = seed_matters || fold_of("L" + std::to_string(i), 0, 5) != fold_of("L" + std::to_string(i), 1, 5);
    CHECK(seed_matters);
}

TEST_CASE("the encoder buckets rare levels, standardises numbers and marks missing values") {
    FieldInfo industry, employees, customer;
    industry.name = "company.industry";
    industry.type = ScalarType::String;
    employees.name = "company.employees";
    employees.type = ScalarType::Int;
    customer.name = "crm.is_customer";
    customer.type = ScalarType::Bool;
    std::vector<HistoryRow> rows;
    for (int i = 0; i < 12; ++i) {
        HistoryRow r;
        Cell text, number, flag;
        text.kind = Cell::Kind::Text;
        text.text = i < 10 ? "software" : "retail";  // retail: 2 rows, rare
        number.kind = i == 11 ? Cell::Kind::Missing : Cell::Kind::Number;
        number.number = i % 2 ? 300 : 100;
        flag.kind = i == 0 ? Cell::Kind::Missing : Cell::Kind::Bool;
        flag.flag = i % 3 == 0;
        r.cells = {text, number, flag};
        rows.push_back(r);
    }
    Encoder enc({&industry, &employees, &customer}, rows, 10);
    // industry: software, other, missing; employees: z, missing; customer: true, missing.
    REQUIRE(enc.columns() == 7);
    REQUIRE(enc.features()[0].levels == std::vector<std::string>{"software"});
    CHECK(enc.features()[1].mean == doctest::Approx(100 + 200 * 5.0 / 11));
    SparseMatrix m;
    m.columns = enc.columns();
    enc.encode(rows[10], m);  // retail → other; 100 → z < 0; 10 % 3 != 0 → false
    REQUIRE(m.rows() == 1);
    CHECK(m.column[0] == 1);
    CHECK(m.column[1] == 3);
    CHECK(m.value[1] < 0);
    CHECK(m.column.size() == 2);  // a false bool has no entry
    enc.encode(rows[11], m);      // employees missing → its indicator
    CHECK(m.column[m.row_start[1] + 1] == 4);

    auto features = enc.model_features({0.5, -0.25, 0.1, 0.75, -0.2, 1.5, 0});
    CHECK(features[0]["levels"]["software"] == "0.5");
    CHECK(features[0]["other"] == "-0.25");
    CHECK(features[0]["missing"] == "0.1");
    CHECK(features[1]["encoding"] == "standardized");
    CHECK(features[1]["coefficient"] == "0.75");
    CHECK(features[2]["true"] == "1.5");
    CHECK(features[2]["false"] == "0");
}

TEST_CASE("decimal_text writes 12 places without trailing zeros") {
    CHECK(decimal_text(0.5) == "0.5");
    CHECK(decimal_text(-2) == "-2");
    CHECK(decimal_text(-1e-15) == "0");
    CHECK(decimal_text(1.0 / 3) == "0.333333333333");
}

#ifdef QUALIFY_WITH_XGBOOST
// The gbdt learner's file, scored by qualify without XGBoost, gives the
// booster's own margins: the tree columns, the NaN for unknown values and
// the import agree (docs/model.md, "The algorithm: --algo gbdt").
TEST_CASE("a gbdt model file scores every training row as XGBoost predicts it") {
    SchemaInfo schema;
    schema.name = "lead";
    const auto add = [&](const char* name, ScalarType type) {
        FieldInfo f;
        f.name = name;
        f.type = type;
        f.optional = true;
        schema.slot_of[name] = static_cast<int>(schema.fields.size());
        schema.fields.push_back(f);
    };
    add("industry", ScalarType::String);
    add("employees", ScalarType::Decimal);
    add("customer", ScalarType::Bool);
    std::vector<const FieldInfo*> fields;
    for (const auto& f : schema.fields) fields.push_back(&f);

    History history;
    uint64_t s = 7;
    auto next = [&s] {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    };
    const char* industries[] = {"software", "retail", "media", "fintech", "rare"};
    for (int i = 0; i < 400; ++i) {
        HistoryRow r;
        r.id = "L" + std::to_string(i);
        r.cells.resize(3);
        double logit = -0.3;
        if (next() > 0.1) {
            const int k = next() < 0.02 ? 4 : static_cast<int>(next() * 4);
            r.cells[0].kind = Cell::Kind::Text;
            r.cells[0].text = industries[k];
            logit += k == 0 || k == 3 ? 0.8 : -0.4;
        }
        if (next() > 0.15) {
            r.cells[1].kind = Cell::Kind::Number;
            r.cells[1].number = std::floor(next() * 300000) / 100;  // two places
            r.cells[1].number32 = static_cast<float>(r.cells[1].number);
            logit += r.cells[1].number / 1500 - 1;
        }
        if (next() > 0.1) {
            r.cells[2].kind = Cell::Kind::Bool;
            r.cells[2].flag = next() < 0.4;
            logit += r.cells[2].flag ? -0.7 : 0.2;
        }
        r.positive = next() < sigmoid(logit);
        history.rows.push_back(std::move(r));
    }
    LearnerOptions options;
    options.trees = 40;
    options.depth = 3;
    auto learner = make_learner("gbdt", fields, history, options);
    std::vector<size_t> all(history.rows.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    auto fitted = learner->fit(all);
    nlohmann::ordered_json doc;
    doc["format"] = "qualify-model";
    doc["format_version"] = 1;
    fitted->write(doc);
    const std::string tmp = std::filesystem::temp_directory_path() / "qualify_test_training_gbdt.json";
    std::ofstream(tmp) << fitted->dump(doc);
    std::string error;
    auto model = PropensityModel::load(tmp, schema, error);
    REQUIRE_MESSAGE(model, error);
    std::vector<ModelFactor> factors;
    double worst = 0;
    for (size_t i = 0; i < history.rows.size(); ++i) {
        const auto& cells = history.rows[i].cells;
        std::vector<Value> slots(3);
        if (cells[0].kind == Cell::Kind::Text) slots[0] = Value::string(cells[0].text);
        if (cells[1].kind == Cell::Kind::Number) {
            char text[32];
            std::snprintf(text, sizeof text, "%.2f", cells[1].number);
            slots[1] = Value::number(*Decimal::parse(text));
        }
        if (cells[2].kind == Cell::Kind::Bool) slots[2] = Value::boolean(cells[2].flag);
        const double ours = model->evaluate_into(slots.data(), factors).to_double();
        worst = std::max(worst, std::fabs(ours - sigmoid(fitted->log_odds(i))));
    }
    CHECK(worst < 1e-6);
    std::filesystem::remove(tmp);
}
#endif
