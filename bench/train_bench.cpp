// Training benchmark: logistic-regression training time on N synthetic
// closed outcomes (default 100,000) with the feature mix of a CRM export —
// two strings (8 and 40 levels), three numbers, two bools, some missing —
// timed for one Newton fit on every row and for the whole of `qualify
// train` (5-fold cross-validation, Platt calibration, the final fit and the
// model file). Medians of several runs; the machine is shared and noisy.
// Where the build has XGBoost, the same for `--algo gbdt` (200 trees of
// depth 4, one thread and two): one fit on every row, and the whole of
// `qualify train` once (six fits).
#include "training/learner.hpp"
#include "training/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace qualify;
using namespace qualify::training;
using Clock = std::chrono::steady_clock;

namespace {

// Wall and process CPU seconds (all threads) of one call: the machine is
// shared, so the CPU time is the steadier figure for single-thread work.
struct Seconds {
    double wall = 0, cpu = 0;
};
Seconds timed(const std::function<void()>& f) {
    const auto start = Clock::now();
    const std::clock_t cpu = std::clock();
    f();
    return {std::chrono::duration<double>(Clock::now() - start).count(),
            static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC};
}

// Medians of wall and CPU, each over the runs.
Seconds median_timed(int runs, const std::function<void()>& f) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        Seconds s = timed(f);
        wall.push_back(s.wall);
        cpu.push_back(s.cpu);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

double median_seconds(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

FieldInfo field(const char* name, ScalarType type) {
    FieldInfo f;
    f.name = name;
    f.type = type;
    f.optional = true;
    return f;
}

// A deterministic history: a linear congruential generator draws the
// features, a known logistic model the outcomes.
History synthetic(size_t n) {
    uint64_t s = 42;
    auto next = [&s] {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    };
    History h;
    h.rows.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        HistoryRow r;
        r.id = "L" + std::to_string(i);
        double logit = -0.5;
        auto text = [&](int levels, double effect) {
            Cell c;
            if (next() < 0.05) return c;
            int level = static_cast<int>(next() * levels);
            c.kind = Cell::Kind::Text;
            c.text = "level-" + std::to_string(level);
            logit += effect * (level % 3 - 1);
            return c;
        };
        auto number = [&](double scale, double effect) {
            Cell c;
            if (next() < 0.1) return c;
            c.kind = Cell::Kind::Number;
            c.number = std::floor(next() * scale);
            logit += effect * (c.number / scale - 0.5);
            return c;
        };
        auto flag = [&](double effect) {
            Cell c;
            if (next() < 0.05) return c;
            c.kind = Cell::Kind::Bool;
            c.flag = next() < 0.3;
            logit += c.flag ? effect : 0;
            return c;
        };
        r.cells = {text(8, 0.8), text(40, 0.3), number(5000, 1.5), number(30, 0.7), number(100, 0.2),
                   flag(-1.0), flag(0.4)};
        r.positive = next() < 1 / (1 + std::exp(-logit));
        h.rows.push_back(std::move(r));
    }
    h.records = n;
    return h;
}

}  // namespace

int main(int argc, char** argv) {
    const size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    FieldInfo f[] = {field("industry", ScalarType::String), field("country", ScalarType::String),
                     field("employees", ScalarType::Int),   field("visits", ScalarType::Int),
                     field("intent", ScalarType::Decimal),  field("is_customer", ScalarType::Bool),
                     field("opted_in", ScalarType::Bool)};
    std::vector<const FieldInfo*> fields;
    for (auto& x : f) fields.push_back(&x);
    History history = synthetic(n);

    LearnerOptions options;
    std::unique_ptr<Learner> learner;
    const double encode = median_seconds(runs, [&] { learner = make_learner("logreg", fields, history, options); });
    std::vector<size_t> all(history.rows.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    int iterations = 0;
    const double fit = median_seconds(runs, [&] { iterations = learner->fit(all)->iterations(); });
    TrainSpec spec;
    spec.trained_at = "2026-11-23";
    TrainResult result;
    const double whole = median_seconds(runs, [&] { result = train(fields, history, spec); });

    std::printf("logistic regression training, %zu rows, %zu columns, median of %d runs\n", n, learner->columns(), runs);
    std::printf("  encode (design matrix)          %8.3f s\n", encode);
    std::printf("  one Newton fit, all rows        %8.3f s  (%d iterations)\n", fit, iterations);
    std::printf("  qualify train (5-fold CV, Platt,\n    final fit, model file)        %8.3f s  = %.1f x one fit\n",
                whole, whole / fit);
    std::printf("  CV AUC %.4f, Brier %.4f\n", result.cv_auc, result.cv_brier);

#ifdef QUALIFY_WITH_XGBOOST
    LearnerOptions trees;  // the gbdt defaults: 200 trees, depth 4, eta 0.1, 1 thread
    std::unique_ptr<Learner> gbdt;
    const Seconds trees_encode = median_timed(runs, [&] { gbdt = make_learner("gbdt", fields, history, trees); });
    const Seconds trees_fit = median_timed(runs, [&] { gbdt->fit(all); });
    std::unique_ptr<FittedModel> fitted = gbdt->fit(all);
    const Seconds trees_shap = timed([&] { fitted->importance(); });
    trees.threads = 2;
    auto gbdt2 = make_learner("gbdt", fields, history, trees);
    const Seconds trees_fit2 = median_timed(runs, [&] { gbdt2->fit(all); });
    trees.threads = 1;
    spec.algo = "gbdt";
    spec.learner = trees;
    TrainResult trees_result;
    const Seconds trees_whole = timed([&] { trees_result = train(fields, history, spec); });
    std::printf("gradient-boosted trees (XGBoost hist, %u trees, depth %u), %zu rows, %zu columns\n", trees.trees,
                trees.depth, n, gbdt->columns());
    std::printf("                                    wall s     CPU s\n");
    std::printf("  encode (dense float32 matrix)  %8.3f  %8.3f  (median of %d)\n", trees_encode.wall, trees_encode.cpu,
                runs);
    std::printf("  one fit, all rows, 1 thread    %8.3f  %8.3f  (median of %d)\n", trees_fit.wall, trees_fit.cpu, runs);
    std::printf("  one fit, all rows, 2 threads   %8.3f  %8.3f  (median of %d)\n", trees_fit2.wall, trees_fit2.cpu,
                runs);
    std::printf("  importance: TreeSHAP, 10k rows %8.3f  %8.3f  (one run)\n", trees_shap.wall, trees_shap.cpu);
    std::printf("  qualify train --algo gbdt      %8.3f  %8.3f  (one run, 1 thread: 5-fold CV, Platt,\n"
                "                                                    final fit, SHAP importance, file)\n",
                trees_whole.wall, trees_whole.cpu);
    std::printf("  CV AUC %.4f, Brier %.4f\n", trees_result.cv_auc, trees_result.cv_brier);
#endif
    return 0;
}
