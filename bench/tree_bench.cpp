// Scoring throughput of gradient-boosted trees: qualify's native evaluation
// of an imported 200-tree depth-6 XGBoost model beside XGBoost's own
// single-thread predict on the same rows, in one run (bench/README.md).
//
// The program trains the model itself through XGBoost's C API on
// deterministic synthetic leads shaped like tests/data/xgboost/blend.qual,
// saves it as JSON, imports it with qualify's importer, checks that both
// give the same probabilities (to 1e-6) on every scored row, then times,
// on one core, medians of 5 runs:
//   - XGBoost predict (batch, nthread=1), and pred_contribs (TreeSHAP);
//   - qualify: encode + walk + exact-decimal margin and sigmoid per lead;
//   - qualify: the full model evaluation a decision makes (probability and
//     TreeSHAP factors per field).
// Usage: qualify_tree_bench SOURCE_DIR [ROWS]
#include "interpreter/lead.hpp"
#include "interpreter/program.hpp"
#include "model/tree_ensemble.hpp"
#include "model/tree_ensemble_file.hpp"
#include "model/xgboost_import.hpp"
#include "qualify/qualify.hpp"

#include <xgboost/c_api.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using namespace qualify;

namespace {

#define XGB_CHECK(call)                                                         \
    do {                                                                        \
        if ((call) != 0) {                                                      \
            std::fprintf(stderr, "%s: %s\n", #call, XGBGetLastError());         \
            std::exit(1);                                                       \
        }                                                                       \
    } while (0)

const char* kSeniorities[] = {"ic", "manager", "director", "vp", "cxo"};
const char* kColumns[] = {"company.employees", "company.employees:missing", "intent.score", "crm.is_customer",
                          "company.industry=software", "company.industry=fintech", "company.industry=health",
                          "company.industry=retail", "contact.seniority=director", "contact.seniority=vp",
                          "contact.seniority=cxo"};
constexpr size_t kNumColumns = sizeof kColumns / sizeof kColumns[0];
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// xorshift64*: the same rows on every machine.
struct Rng {
    uint64_t s;
    uint64_t next() {
        s ^= s >> 12, s ^= s << 25, s ^= s >> 27;
        return s * 2685821657736338717ULL;
    }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

struct Row {
    std::vector<Value> slots;
    float features[kNumColumns];
    float label;
};

// One synthetic lead as schema slots and as the XGBoost row the column
// naming convention gives (docs/model.md).
Row make_row(Rng& rng, const SchemaInfo& schema) {
    Row r;
    r.slots.assign(schema.fields.size(), Value::unknown());
    std::fill(std::begin(r.features), std::end(r.features), kNaN);
    double z = -1;
    if (rng.unit() > 0.2) {
        const auto employees = static_cast<int64_t>(std::exp(5 + 1.6 * (rng.unit() * 2 - 1) * 1.7));
        r.slots[schema.find("company.employees")] = Value::number(Decimal::from_int(employees));
        r.features[0] = static_cast<float>(static_cast<double>(employees));
        r.features[1] = 0;
        z += 0.8 * std::log10(employees + 1.0) - 1.5;
    } else {
        r.features[1] = 1;
        z -= 0.4;
    }
    if (rng.unit() > 0.1) {
        const int64_t hundredths = static_cast<int64_t>(rng.below(10001));
        r.slots[schema.find("intent.score")] = Value::number(Decimal::from_raw(hundredths * Decimal::kScale / 100));
        r.features[2] = static_cast<float>(static_cast<double>(hundredths) / 100.0);
        z += (hundredths / 100.0 - 50) / 25;
    }
    if (rng.unit() > 0.3) {
        const bool customer = rng.unit() < 0.2;
        r.slots[schema.find("crm.is_customer")] = Value::boolean(customer);
        r.features[3] = customer ? 1.0f : 0.0f;
        z -= customer ? 1.5 : 0;
    }
    if (rng.unit() > 0.15) {
        const size_t industry = rng.below(5);
        r.slots[schema.find("company.industry")] = Value::enumv(static_cast<int32_t>(industry));
        for (size_t i = 0; i < 4; ++i) r.features[4 + i] = industry == i ? 1.0f : 0.0f;
        z += std::vector<double>{1.0, 0.6, 0.2, -0.3, -0.3}[industry];
    }
    if (rng.unit() > 0.25) {
        const size_t seniority = rng.below(5);
        r.slots[schema.find("contact.seniority")] = Value::string(kSeniorities[seniority]);
        for (size_t i = 0; i < 3; ++i) r.features[8 + i] = seniority == i + 2 ? 1.0f : 0.0f;
        z += std::vector<double>{0, 0, 0.4, 0.7, 0.9}[seniority];
    }
    r.label = rng.unit() < 1 / (1 + std::exp(-z)) ? 1.0f : 0.0f;
    return r;
}

DMatrixHandle to_dmatrix(const std::vector<Row>& rows, bool with_labels) {
    std::vector<float> data, labels;
    for (const auto& r : rows) {
        data.insert(data.end(), std::begin(r.features), std::end(r.features));
        labels.push_back(r.label);
    }
    DMatrixHandle m;
    XGB_CHECK(XGDMatrixCreateFromMat(data.data(), rows.size(), kNumColumns, kNaN, &m));
    XGB_CHECK(XGDMatrixSetStrFeatureInfo(m, "feature_name", kColumns, kNumColumns));
    if (with_labels) XGB_CHECK(XGDMatrixSetFloatInfo(m, "label", labels.data(), labels.size()));
    return m;
}

// Median wall time of 5 runs, in seconds.
double median_seconds(const std::function<void()>& run) {
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        run();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: qualify_tree_bench SOURCE_DIR [ROWS]\n");
        return 2;
    }
    const std::string source = argv[1];
    const size_t rows = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20000;
    CompileOptions options;
    options.allow_missing_models = true;
    Compilation c = compile_file(source + "/tests/data/xgboost/blend.qual", options);
    if (!c.ok()) {
        std::fprintf(stderr, "%s", c.render().c_str());
        return 1;
    }
    const SchemaInfo& schema = c.rulebook->program().schema;

    Rng rng{0x9E3779B97F4A7C15ULL};
    std::vector<Row> train, test;
    for (size_t i = 0; i < 20000; ++i) train.push_back(make_row(rng, schema));
    for (size_t i = 0; i < rows; ++i) test.push_back(make_row(rng, schema));

    DMatrixHandle dtrain = to_dmatrix(train, true), dtest = to_dmatrix(test, false);
    BoosterHandle booster;
    XGB_CHECK(XGBoosterCreate(&dtrain, 1, &booster));
    for (auto [k, v] : {std::pair{"objective", "binary:logistic"}, {"max_depth", "6"}, {"eta", "0.1"},
                        {"base_score", "0.3"}, {"nthread", "1"}, {"tree_method", "hist"}, {"seed", "7"}})
        XGB_CHECK(XGBoosterSetParam(booster, k, v));
    auto t0 = std::chrono::steady_clock::now();
    for (int iter = 0; iter < 200; ++iter) XGB_CHECK(XGBoosterUpdateOneIter(booster, iter, dtrain));
    const double train_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    // The booster keeps feature names only when told (the DMatrix's are not
    // copied); the importer binds them to schema fields.
    XGB_CHECK(XGBoosterSetStrFeatureInfo(booster, "feature_name", kColumns, kNumColumns));
    bst_ulong len = 0;
    const char* buffer = nullptr;
    XGB_CHECK(XGBoosterSaveModelToBuffer(booster, R"({"format": "json"})", &len, &buffer));
    std::string error;
    auto text = import_xgboost(std::string_view(buffer, len), schema, error);
    if (!text) {
        std::fprintf(stderr, "import failed: %s\n", error.c_str());
        return 1;
    }
    std::vector<ModelFileProblem> problems;
    auto loaded = read_tree_ensemble(nlohmann::json::parse(*text), schema, *text, problems);
    if (!loaded) {
        std::fprintf(stderr, "the imported model does not load\n");
        return 1;
    }
    const auto& model = dynamic_cast<const TreeEnsemble&>(*loaded);

    // XGBoost's own predictions, and the same rows through qualify.
    const float* xgb_out = nullptr;
    XGB_CHECK(XGBoosterPredict(booster, dtest, 0, 0, 0, &len, &xgb_out));
    std::vector<float> xgb(xgb_out, xgb_out + len);
    double worst = 0;
    std::vector<float> encoded;
    for (size_t i = 0; i < rows; ++i) {
        model.encode(test[i].slots.data(), encoded);
        for (size_t k = 0; k < kNumColumns; ++k)
            if (!(encoded[k] == test[i].features[k] || (std::isnan(encoded[k]) && std::isnan(test[i].features[k])))) {
                std::fprintf(stderr, "row %zu column %s: qualify encodes %g, the bench %g\n", i, kColumns[k],
                             static_cast<double>(encoded[k]), static_cast<double>(test[i].features[k]));
                return 1;
            }
        const double p = Decimal::sigmoid(model.margin(encoded)).to_double();
        worst = std::max(worst, std::abs(p - static_cast<double>(xgb[i])));
    }

    // XGBoost caches the predictions of a DMatrix it has seen: each timed
    // run predicts on a fresh one (built outside the timing).
    const auto xgb_seconds = [&](int option_mask, const std::vector<Row>& rows_in) {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
            DMatrixHandle fresh = to_dmatrix(rows_in, false);
            auto start = std::chrono::steady_clock::now();
            XGB_CHECK(XGBoosterPredict(booster, fresh, option_mask, 0, 0, &len, &xgb_out));
            times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            XGB_CHECK(XGDMatrixFree(fresh));
        }
        std::sort(times.begin(), times.end());
        return times[2];
    };
    // TreeSHAP costs about a thousand times a prediction: it is timed on the
    // first tenth of the rows, and reported per row.
    const std::vector<Row> shap_rows(test.begin(), test.begin() + static_cast<std::ptrdiff_t>(std::max<size_t>(rows / 10, 1)));
    const double xgb_s = xgb_seconds(0, test);
    const double xgb_shap_s = xgb_seconds(4, shap_rows);
    Decimal sink;
    const double q_s = median_seconds([&] {
        std::vector<float> row;
        for (const auto& r : test) {
            model.encode(r.slots.data(), row);
            sink = sink + Decimal::sigmoid(model.margin(row));
        }
    });
    std::vector<ModelFactor> factors;
    const double q_shap_s = median_seconds([&] {
        for (const auto& r : shap_rows) sink = sink + model.evaluate_into(r.slots.data(), factors);
    });

    std::printf("model: 200 trees, max depth 6, %zu columns; trained in %.1f s (XGBoost, 1 thread, 20000 rows)\n",
                kNumColumns, train_s);
    std::printf("rows scored: %zu; largest |qualify - XGBoost| probability: %.2e\n", rows, worst);
    std::printf("%-44s %12s %10s\n", "one core, median of 5", "rows/s", "vs XGBoost");
    const auto line = [&](const char* what, size_t n, double s, double base) {
        std::printf("%-44s %12.0f %9.2fx\n", what, static_cast<double>(n) / s, base / s);
    };
    line("XGBoost predict (nthread=1)", rows, xgb_s, xgb_s);
    line("qualify probability (exact-decimal margin)", rows, q_s, xgb_s);
    line("XGBoost pred_contribs (nthread=1)", shap_rows.size(), xgb_shap_s, xgb_shap_s);
    line("qualify probability + TreeSHAP factors", shap_rows.size(), q_shap_s, xgb_shap_s);
    XGB_CHECK(XGBoosterFree(booster));
    XGB_CHECK(XGDMatrixFree(dtrain));
    XGB_CHECK(XGDMatrixFree(dtest));
    if (sink == Decimal::from_int(-1)) std::printf("\n");  // keeps the timed loops from being optimised away
    return worst < 1e-6 ? 0 : 1;
}
