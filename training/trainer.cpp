// The training procedure (trainer.hpp): guard, cross-validate, calibrate,
// fit on everything, write the model file with its card.
#include "training/trainer.hpp"

#include "training/encoder.hpp"
#include "training/folds.hpp"
#include "training/logistic_fit.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace qualify::training {

namespace {

double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

void guard(uint64_t rows, uint64_t positives, std::vector<std::string>& warnings) {
    const uint64_t negatives = rows - positives;
    if (rows < kMinClosedRows || positives < kMinPerClass || negatives < kMinPerClass)
        throw TooLittleData("too little history to train: " + std::to_string(rows) + " closed outcomes (" +
                            std::to_string(positives) + " positive, " + std::to_string(negatives) +
                            " negative); at least " + std::to_string(kMinClosedRows) + " closed outcomes and " +
                            std::to_string(kMinPerClass) + " of each class are needed");
    if (positives < kWarnBelowPositives)
        warnings.push_back("only " + std::to_string(positives) + " positive outcomes (fewer than " +
                           std::to_string(kWarnBelowPositives) +
                           "): the coefficients and the cross-validated figures are unstable");
}

// Platt scaling: an unpenalised one-feature logistic regression of the
// outcome on the out-of-fold log-odds.
void fit_platt(const std::vector<double>& log_odds, const std::vector<double>& y, TrainResult& out) {
    SparseMatrix s;
    s.columns = 1;
    std::vector<size_t> rows(log_odds.size());
    for (size_t r = 0; r < log_odds.size(); ++r) {
        s.add(0, log_odds[r]);
        s.end_row();
        rows[r] = r;
    }
    // Platt's smoothed targets, (P + 1) / (P + 2) for wins and 1 / (N + 2)
    // for losses, keep a and b finite even when the out-of-fold log-odds
    // separate the classes perfectly.
    double positives = 0;
    for (double v : y) positives += v;
    const double negatives = static_cast<double>(y.size()) - positives;
    std::vector<double> target(y.size());
    for (size_t r = 0; r < y.size(); ++r) target[r] = y[r] > 0.5 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2);
    LogisticParams params;
    params.C = std::numeric_limits<double>::infinity();
    LogisticFit fit = fit_logistic(s, target, rows, params);
    // Rounded as the model file stores them, so the table describes the
    // calibration the scorer applies.
    out.platt_a = std::stod(decimal_text(fit.weights[0]));
    out.platt_b = std::stod(decimal_text(fit.intercept));
}

// Figures for people: a fixed number of places, zeros kept ("0.2120").
std::string fixed(double v, int places = 4) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    return buffer;
}

nlohmann::ordered_json card(const TrainSpec& spec, const History& history, const TrainResult& r,
                            const Learner& learner, const FittedModel& final_model,
                            const std::vector<const FieldInfo*>& fields) {
    nlohmann::ordered_json c;
    c["trained_at"] = spec.trained_at;
    c["trained_by"] = "qualify train";
    c["rulebook"] = {{"file", spec.rulebook_file}, {"sha256", spec.rulebook_sha256}, {"model", spec.model_name}};
    c["history"] = {{"file", spec.history_file},
                    {"target", spec.target},
                    {"positive", spec.positive.empty() ? "1/true/yes" : spec.positive},
                    {"records", history.records},
                    {"open", history.open},
                    {"unreadable", history.unreadable}};
    c["rows"] = r.rows;
    c["positives"] = r.positives;
    c["features"] = nlohmann::ordered_json::array();
    for (const auto* f : fields) c["features"].push_back(f->name);
    nlohmann::ordered_json params = learner.parameters();
    params["columns"] = r.columns;
    params["iterations"] = final_model.iterations();
    c["parameters"] = params;
    nlohmann::ordered_json cv;
    cv["folds"] = spec.folds;
    cv["seed"] = spec.seed;
    cv["fold_rule"] = "fnv1a64(\"SEED:ID\") mod FOLDS";
    cv["auc"] = fixed(r.cv_auc);
    cv["auc_per_fold"] = nlohmann::ordered_json::array();
    for (double a : r.fold_auc) cv["auc_per_fold"].push_back(a < 0 ? "n/a" : fixed(a));
    cv["brier"] = fixed(r.cv_brier);
    cv["calibrated_brier"] = fixed(r.calibrated_brier);
    c["cross_validation"] = cv;
    nlohmann::ordered_json importance = nlohmann::ordered_json::object();
    std::vector<double> imp = final_model.importance();
    for (size_t i = 0; i < fields.size(); ++i) importance[fields[i]->name] = fixed(imp[i]);
    if (std::string measure = final_model.importance_measure(); !measure.empty()) c["importance_measure"] = measure;
    c["importance"] = importance;
    nlohmann::ordered_json table = nlohmann::ordered_json::array();
    for (const auto& bin : r.table)
        table.push_back({{"from", fixed(bin.from, 1)},
                         {"to", fixed(bin.to, 1)},
                         {"rows", bin.rows},
                         {"mean_predicted", fixed(bin.mean_predicted)},
                         {"observed", fixed(bin.observed)}});
    c["calibration_table"] = table;
    return c;
}

}  // namespace

TrainResult train(const std::vector<const FieldInfo*>& fields, const History& history, const TrainSpec& spec) {
    if (spec.folds < 2 || spec.folds > 20) throw std::invalid_argument("--folds must be between 2 and 20");
    TrainResult r;
    r.rows = history.rows.size();
    r.positives = history.positives();
    guard(r.rows, r.positives, r.warnings);

    auto learner = make_learner(spec.algo, fields, history, spec.learner);
    r.columns = learner->columns();

    std::vector<unsigned> fold(r.rows);
    std::vector<double> y(r.rows);
    for (size_t i = 0; i < r.rows; ++i) {
        fold[i] = fold_of(history.rows[i].id, spec.seed, spec.folds);
        y[i] = history.rows[i].positive ? 1 : 0;
    }
    std::vector<double> oof(r.rows), oof_p(r.rows);
    double auc_sum = 0, brier_sum = 0;
    unsigned auc_folds = 0, brier_folds = 0;
    for (unsigned k = 0; k < spec.folds; ++k) {
        std::vector<size_t> fit_rows, held_out;
        for (size_t i = 0; i < r.rows; ++i) (fold[i] == k ? held_out : fit_rows).push_back(i);
        if (held_out.empty()) {
            r.fold_auc.push_back(-1);
            continue;
        }
        auto model = learner->fit(fit_rows);
        for (size_t i : held_out) {
            oof[i] = model->log_odds(i);
            oof_p[i] = sigmoid(oof[i]);
        }
        double auc = roc_auc(oof, y, held_out);
        r.fold_auc.push_back(auc);
        if (auc >= 0) auc_sum += auc, ++auc_folds;
        brier_sum += brier(oof_p, y, held_out), ++brier_folds;
    }
    if (auc_folds < spec.folds)
        r.warnings.push_back(std::to_string(spec.folds - auc_folds) +
                             " fold(s) held out only one class and have no AUC; the mean is over the others");
    r.cv_auc = auc_folds ? auc_sum / auc_folds : 0;
    r.cv_brier = brier_folds ? brier_sum / brier_folds : 0;

    fit_platt(oof, y, r);
    std::vector<double> calibrated(r.rows);
    std::vector<size_t> all(r.rows);
    for (size_t i = 0; i < r.rows; ++i) {
        calibrated[i] = sigmoid(r.platt_a * oof[i] + r.platt_b);
        all[i] = i;
    }
    r.calibrated_brier = brier(calibrated, y, all);
    r.table = calibration_table(calibrated, y);

    auto final_model = learner->fit(all);
    if (!final_model->converged())
        r.warnings.push_back("the solver stopped after " + std::to_string(final_model->iterations()) +
                             " iterations without converging; the coefficients are approximate");
    nlohmann::ordered_json model;
    model["format"] = "qualify-model";
    model["format_version"] = 1;
    model["kind"] = "";  // set by the learner; kept here for the key order
    model["description"] = "Model `" + spec.model_name + "` of " + spec.rulebook_file + ", trained by qualify train (" +
                           spec.algo + ") on " + spec.history_file + ".";
    model["training"] = card(spec, history, r, *learner, *final_model, fields);
    final_model->write(model);
    model["calibration"] = {{"method", "platt"}, {"a", decimal_text(r.platt_a)}, {"b", decimal_text(r.platt_b)}};
    r.model_json = final_model->dump(model);
    return r;
}

}  // namespace qualify::training
