// Gradient-boosted trees as a Learner (`qualify train --algo gbdt`): the
// history becomes a dense float32 matrix in the tree columns of
// docs/model.md (`FIELD`, `FIELD=LEVEL`, `FIELD:missing`; unknown = NaN so
// each split learns a default direction), XGBoost's C API fits
// binary:logistic trees on it, and the booster's own JSON goes through the
// importer (model/xgboost_import.cpp), so a trained model is exactly the
// file `qualify model import` writes and scoring needs no XGBoost. Only
// this file includes XGBoost; it is built into qualify_training alone.
#include "model/xgboost_import.hpp"
#include "training/encoder.hpp"
#include "training/learner.hpp"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

namespace qualify::training {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr size_t kImportanceRows = 10000;

void check(int status, const char* what) {
    if (status != 0) throw std::runtime_error(std::string("XGBoost: ") + what + ": " + XGBGetLastError());
}

// Owning handles: every exit path frees them.
struct DMatrix {
    DMatrixHandle h = nullptr;
    ~DMatrix() {
        if (h) XGDMatrixFree(h);
    }
};
struct Booster {
    BoosterHandle h = nullptr;
    ~Booster() {
        if (h) XGBoosterFree(h);
    }
};

std::string xgboost_version() {
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

// The encoded history, row-major, and everything needed to hand a subset of
// its rows to XGBoost.
struct Design {
    std::vector<std::string> columns;       // tree column names
    std::vector<size_t> feature_of;         // column -> feature (model statement order)
    std::vector<float> values;              // rows × columns, NaN = unknown
    std::vector<float> labels;
    size_t rows = 0;

    const float* row(size_t r) const { return values.data() + r * columns.size(); }

    void make_dmatrix(const std::vector<size_t>* subset, DMatrix& out) const {
        const size_t n = subset ? subset->size() : rows;
        std::vector<float> data;
        std::vector<float> y;
        const float* source = values.data();
        if (subset) {
            data.reserve(n * columns.size());
            for (size_t r : *subset) {
                data.insert(data.end(), row(r), row(r) + columns.size());
                y.push_back(labels[r]);
            }
            source = data.data();
        }
        check(XGDMatrixCreateFromMat(source, n, columns.size(), kNaN, &out.h), "XGDMatrixCreateFromMat");
        check(XGDMatrixSetFloatInfo(out.h, "label", subset ? y.data() : labels.data(), n), "set labels");
        std::vector<const char*> names;
        for (const auto& c : columns) names.push_back(c.c_str());
        check(XGDMatrixSetStrFeatureInfo(out.h, "feature_name", names.data(), names.size()), "set feature names");
    }
};

// The columns of one feature, from the encoder's decisions (the same
// levels, the same rare-level rule as logistic regression): a number or
// bool is one column, a string or enum one column per kept level (a rarer
// level is 0 in all of them: "other"), and every feature has a missing
// indicator.
Design encode(const Encoder& encoder, const History& history) {
    Design d;
    const auto& features = encoder.features();
    for (size_t f = 0; f < features.size(); ++f) {
        const EncodedFeature& e = features[f];
        if (e.encoding == Encoding::OneHot)
            for (const auto& level : e.levels) d.columns.push_back(e.field->name + "=" + level), d.feature_of.push_back(f);
        else
            d.columns.push_back(e.field->name), d.feature_of.push_back(f);
        d.columns.push_back(e.field->name + ":missing"), d.feature_of.push_back(f);
    }
    d.rows = history.rows.size();
    d.values.reserve(d.rows * d.columns.size());
    for (const auto& row : history.rows) {
        for (size_t f = 0; f < features.size(); ++f) {
            const EncodedFeature& e = features[f];
            const Cell& c = row.cells[f];
            const bool known = c.kind != Cell::Kind::Missing;
            if (e.encoding == Encoding::OneHot)
                for (const auto& level : e.levels) d.values.push_back(known ? (c.text == level ? 1.0f : 0.0f) : kNaN);
            else if (e.encoding == Encoding::Standardized)
                d.values.push_back(known ? c.number32 : kNaN);
            else
                d.values.push_back(known ? (c.flag ? 1.0f : 0.0f) : kNaN);
            d.values.push_back(known ? 0.0f : 1.0f);
        }
        d.labels.push_back(row.positive ? 1.0f : 0.0f);
    }
    return d;
}

SchemaInfo schema_of(const std::vector<const FieldInfo*>& fields) {
    SchemaInfo s;
    s.name = "lead";
    for (const auto* f : fields) {
        s.slot_of[f->name] = static_cast<int>(s.fields.size());
        s.fields.push_back(*f);
    }
    return s;
}

class GbdtFitted final : public FittedModel {
public:
    GbdtFitted(const Design& design, const std::vector<const FieldInfo*>& fields, size_t features,
               std::unique_ptr<Booster> booster, unsigned trees)
        : design_(design), fields_(fields), features_(features), booster_(std::move(booster)), trees_(trees) {
        // Margins of every row at once: the trainer asks row by row.
        DMatrix all;
        design_.make_dmatrix(nullptr, all);
        bst_ulong len = 0;
        const float* out = nullptr;
        check(XGBoosterPredict(booster_->h, all.h, /*output_margin*/ 1, 0, 0, &len, &out), "predict");
        margins_.assign(out, out + len);
    }

    double log_odds(size_t row) const override { return margins_[row]; }
    int iterations() const override { return static_cast<int>(trees_); }
    bool converged() const override { return true; }

    // Mean |TreeSHAP contribution| per feature over the training rows —
    // the per-field factors a decision shows, averaged — rather than
    // XGBoost's gain, which is split-count biased and not in log-odds.
    std::string importance_measure() const override {
        return design_.rows <= kImportanceRows
                   ? "mean |TreeSHAP contribution| to the log-odds over the training rows"
                   : "mean |TreeSHAP contribution| to the log-odds over " + std::to_string(kImportanceRows) +
                         " evenly spaced training rows";
    }
    // TreeSHAP costs far more than a fit (34 s of CPU against 2.4 s for 200
    // trees over 100,000 rows, bench/README.md), so at most 10,000 rows,
    // evenly spaced, enter the mean: every row up to that, a deterministic
    // sample beyond.
    std::vector<double> importance() const override {
        std::vector<size_t> sample;
        const size_t step = (design_.rows + kImportanceRows - 1) / kImportanceRows;
        for (size_t r = 0; r < design_.rows; r += std::max<size_t>(step, 1)) sample.push_back(r);
        DMatrix all;
        design_.make_dmatrix(&sample, all);
        bst_ulong len = 0;
        const float* out = nullptr;
        check(XGBoosterPredict(booster_->h, all.h, /*pred_contribs*/ 4, 0, 0, &len, &out), "pred_contribs");
        const size_t width = design_.columns.size() + 1;  // the bias last
        std::vector<double> mean(features_, 0.0), field(features_);
        for (size_t r = 0; r < sample.size(); ++r) {
            std::fill(field.begin(), field.end(), 0.0);
            for (size_t c = 0; c < design_.columns.size(); ++c) field[design_.feature_of[c]] += out[r * width + c];
            for (size_t f = 0; f < features_; ++f) mean[f] += std::fabs(field[f]);
        }
        for (double& m : mean) m /= sample.empty() ? 1.0 : static_cast<double>(sample.size());
        return mean;
    }

    void write(nlohmann::ordered_json& model) const override {
        bst_ulong len = 0;
        const char* buffer = nullptr;
        check(XGBoosterSaveModelToBuffer(booster_->h, R"({"format": "json"})", &len, &buffer), "save model");
        std::string error;
        auto file = import_xgboost(std::string_view(buffer, len), schema_of(fields_), error);
        if (!file) throw std::runtime_error("the trained booster does not convert: " + error);
        // The importer's layout keeps a tree's arrays on one line each; the
        // trees go after the card (dump()), the rest into the document.
        const std::string marker = "\n  \"trees\": [\n";
        const size_t at = file->find(marker);
        if (at == std::string::npos) throw std::logic_error("imported model without trees");
        trees_text_ = file->substr(at + 1);
        nlohmann::ordered_json imported = nlohmann::ordered_json::parse(file->substr(0, at - 1) + "\n}");
        model["kind"] = "tree_ensemble";
        for (const char* key : {"objective", "base_margin", "columns"}) model[key] = imported[key];
    }

    std::string dump(const nlohmann::ordered_json& model) const override {
        std::string text = model.dump(2);  // ends in "\n}"
        text.erase(text.size() - 2);
        return text + ",\n" + trees_text_;
    }

private:
    const Design& design_;
    const std::vector<const FieldInfo*>& fields_;
    size_t features_;
    std::unique_ptr<Booster> booster_;
    unsigned trees_;
    std::vector<float> margins_;
    mutable std::string trees_text_;
};

class GbdtLearner final : public Learner {
public:
    GbdtLearner(const std::vector<const FieldInfo*>& fields, const History& history, const LearnerOptions& options)
        : options_(options), fields_(fields), encoder_(fields, history.rows, options.rare_min_rows),
          design_(encode(encoder_, history)) {
        if (options.trees < 1 || options.trees > 5000) throw std::invalid_argument("--trees must be between 1 and 5000");
        if (options.depth < 1 || options.depth > 16) throw std::invalid_argument("--depth must be between 1 and 16");
        if (!(options.eta > 0 && options.eta <= 1)) throw std::invalid_argument("--eta must be in (0, 1]");
    }

    nlohmann::ordered_json parameters() const override {
        nlohmann::ordered_json p;
        p["algorithm"] = "gbdt";
        p["library"] = "XGBoost " + xgboost_version();
        p["objective"] = "binary:logistic";
        p["trees"] = options_.trees;
        p["max_depth"] = options_.depth;
        p["eta"] = decimal_text(options_.eta);
        p["tree_method"] = "hist";
        p["base_score"] = "0.5";
        p["min_child_weight"] = "1";
        p["lambda"] = "1";
        p["subsample"] = "1";
        p["nthread"] = options_.threads;
        p["seed"] = 0;
        p["rare_level_min_rows"] = options_.rare_min_rows;
        return p;
    }
    size_t columns() const override { return design_.columns.size(); }

    std::unique_ptr<FittedModel> fit(const std::vector<size_t>& rows) const override {
        DMatrix train;
        design_.make_dmatrix(&rows, train);
        auto booster = std::make_unique<Booster>();
        check(XGBoosterCreate(&train.h, 1, &booster->h), "create booster");
        const std::string depth = std::to_string(options_.depth), threads = std::to_string(options_.threads);
        const std::string eta = decimal_text(options_.eta);
        const std::pair<const char*, std::string> params[] = {
            {"objective", "binary:logistic"}, {"booster", "gbtree"},   {"tree_method", "hist"},
            {"max_depth", depth},             {"eta", eta},            {"base_score", "0.5"},
            {"min_child_weight", "1"},        {"lambda", "1"},         {"subsample", "1"},
            {"nthread", threads},             {"seed", "0"},           {"verbosity", "0"},
        };
        for (const auto& [key, value] : params) check(XGBoosterSetParam(booster->h, key, value.c_str()), key);
        // The saved JSON carries the names only when the booster has them.
        std::vector<const char*> names;
        for (const auto& c : design_.columns) names.push_back(c.c_str());
        check(XGBoosterSetStrFeatureInfo(booster->h, "feature_name", names.data(), names.size()), "set feature names");
        for (unsigned i = 0; i < options_.trees; ++i)
            check(XGBoosterUpdateOneIter(booster->h, static_cast<int>(i), train.h), "boosting round");
        return std::make_unique<GbdtFitted>(design_, fields_, encoder_.features().size(), std::move(booster),
                                            options_.trees);
    }

private:
    LearnerOptions options_;
    std::vector<const FieldInfo*> fields_;
    Encoder encoder_;
    Design design_;
};

}  // namespace

std::unique_ptr<Learner> make_gbdt_learner(const std::vector<const FieldInfo*>& fields, const History& history,
                                           const LearnerOptions& options) {
    return std::make_unique<GbdtLearner>(fields, history, options);
}

}  // namespace qualify::training
