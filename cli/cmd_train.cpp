// `qualify train RULEBOOK --history FILE --target COLUMN --out MODEL.json`:
// fits the model a rulebook's `model` statement describes on closed
// outcomes, prints the cross-validated figures and the calibration table,
// and writes the model file with its card (docs/model.md, "Training").
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include "interpreter/date.hpp"
#include "interpreter/program.hpp"
#include "interpreter/sha256.hpp"
#include "training/encoder.hpp"
#include "training/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify train RULEBOOK --history FILE.csv|FILE.jsonl --target COLUMN [options]\n\n"
    "Fits the model of the rulebook's `model` statement on the closed outcomes\n"
    "of a history file (read like `qualify score` reads leads: the schema, its\n"
    "`from` columns and unknown_values), prints 5-fold cross-validated AUC and\n"
    "Brier score, the class balance and the calibration table, and writes the\n"
    "model file with its card. The model file need not exist yet.\n\n"
    "  --history FILE         closed (and open) outcomes, CSV or JSON Lines by\n"
    "                         the extension (.csv/.tsv are CSV)\n"
    "  --target COLUMN        the outcome's CSV column or JSON key; an empty\n"
    "                         value or one in unknown_values is an open record\n"
    "  --positive VALUE       the outcome text of a win (default: 1, true or yes\n"
    "                         are wins; 0, false or no are losses)\n"
    "  --algo logreg|gbdt     the algorithm (default logreg: L2 logistic\n"
    "                         regression by Newton's method; gbdt: gradient-\n"
    "                         boosted trees through XGBoost)\n"
    "  --out MODEL.json       where to write (default: the path the rulebook names)\n"
    "  --model NAME           which model statement (needed when there are several)\n"
    "  --folds K              cross-validation folds, 2 to 20 (default 5)\n"
    "  --seed S               the fold assignment's seed (default 0)\n"
    "  --C VALUE              inverse L2 strength, as scikit-learn's C (default 1)\n"
    "  --rare-min N           levels in fewer closed rows go to \"other\" (default 10)\n"
    "  --trees N              gbdt: boosting rounds, 1 to 5000 (default 200)\n"
    "  --depth D              gbdt: maximum tree depth, 1 to 16 (default 4)\n"
    "  --eta X                gbdt: learning rate, in (0, 1] (default 0.1)\n"
    "  --threads N            gbdt: XGBoost threads (default 1: the same file on\n"
    "                         every machine)\n"
    "  --as-of YYYY-MM-DD     the card's trained_at (default: today, UTC)\n\n"
    "exit: 0 ok, 2 usage error or unreadable history, 3 rulebook errors,\n"
    "      6 too little history (fewer than 50 closed outcomes or 10 of a class)\n";

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

unsigned long long number_flag(const Args& args, std::string_view flag, unsigned long long fallback) {
    auto v = args.value(flag);
    if (!v) return fallback;
    try {
        size_t used = 0;
        unsigned long long n = std::stoull(*v, &used);
        if (used == v->size() && (*v)[0] != '-') return n;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string(flag) + " takes a whole number, not '" + *v + "'");
}

const ast::Model& choose_model(const Program& program, const Args& args) {
    const auto& models = program.ast->models;
    if (models.empty()) throw UsageError("the rulebook has no `model` statement to train");
    if (auto name = args.value("--model")) {
        for (const auto& m : models)
            if (m.name == *name) return m;
        throw UsageError("the rulebook has no model named '" + *name + "'");
    }
    if (models.size() > 1) throw UsageError("the rulebook has several models; name one with --model");
    return models[0];
}

void print_report(const training::TrainResult& r, const training::History& h, const training::TrainSpec& spec,
                  size_t features, const std::string& out_path) {
    const double share = r.rows ? 100.0 * static_cast<double>(r.positives) / static_cast<double>(r.rows) : 0;
    std::printf("history: %llu records: %llu closed (%llu positive, %.1f%%; %llu negative), %llu open, %llu unreadable\n",
                static_cast<unsigned long long>(h.records), static_cast<unsigned long long>(r.rows),
                static_cast<unsigned long long>(r.positives), share,
                static_cast<unsigned long long>(r.rows - r.positives), static_cast<unsigned long long>(h.open),
                static_cast<unsigned long long>(h.unreadable));
    std::string algo = spec.algo;
    if (algo == "gbdt")
        algo += " (" + std::to_string(spec.learner.trees) + " trees, depth " + std::to_string(spec.learner.depth) +
                ", eta " + training::decimal_text(spec.learner.eta) + ")";
    std::printf("model `%s`: %s, %zu features, %zu columns\n", spec.model_name.c_str(), algo.c_str(), features,
                r.columns);
    std::printf("%u-fold cross-validation: AUC %.4f, Brier %.4f (calibrated %.4f)\n", spec.folds, r.cv_auc, r.cv_brier,
                r.calibrated_brier);
    std::printf("  fold AUC:");
    for (double a : r.fold_auc) a < 0 ? std::printf(" n/a") : std::printf(" %.4f", a);
    std::printf("\ncalibration (Platt, on out-of-fold log-odds): a %.4f, b %.4f\n", r.platt_a, r.platt_b);
    std::printf("  predicted    rows  mean predicted  observed\n");
    for (const auto& bin : r.table)
        if (bin.rows)
            std::printf("  %.1f-%.1f  %7zu          %.4f    %.4f\n", bin.from, bin.to, bin.rows, bin.mean_predicted,
                        bin.observed);
    std::printf("wrote %s\n", out_path.c_str());
    std::fflush(stdout);
}

}  // namespace

int cmd_train(Words words) {
    Args args(words, {{"--history", true},
                      {"--target", true},
                      {"--positive", true},
                      {"--algo", true},
                      {"--out", true},
                      {"--model", true},
                      {"--folds", true},
                      {"--seed", true},
                      {"--C", true},
                      {"--rare-min", true},
                      {"--trees", true},
                      {"--depth", true},
                      {"--eta", true},
                      {"--threads", true},
                      {"--as-of", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const auto& paths = args.positional();
    if (paths.size() != 1) throw UsageError("expected one RULEBOOK");
    auto history_path = args.value("--history");
    auto target = args.value("--target");
    if (!history_path) throw UsageError("--history FILE is required");
    if (!target || target->empty()) throw UsageError("--target COLUMN is required");
    require_readable(*history_path);

    training::TrainSpec spec;
    spec.algo = args.value("--algo").value_or("logreg");
    if (std::string known; !training::known_algorithm(spec.algo, known))
        throw UsageError("unknown --algo '" + spec.algo + "' (this build trains: " + known + ")");
    spec.folds = static_cast<unsigned>(number_flag(args, "--folds", 5));
    if (spec.folds < 2 || spec.folds > 20) throw UsageError("--folds must be between 2 and 20");
    spec.seed = number_flag(args, "--seed", 0);
    spec.learner.rare_min_rows = number_flag(args, "--rare-min", 10);
    const bool gbdt = spec.algo == "gbdt";
    for (const char* flag : {"--trees", "--depth", "--eta", "--threads"})
        if (args.value(flag) && !gbdt) throw UsageError(std::string(flag) + " is an option of --algo gbdt");
    if (args.value("--C") && gbdt) throw UsageError("--C is an option of --algo logreg");
    spec.learner.trees = static_cast<unsigned>(std::min<unsigned long long>(number_flag(args, "--trees", 200), 1u << 30));
    spec.learner.depth = static_cast<unsigned>(std::min<unsigned long long>(number_flag(args, "--depth", 4), 1u << 30));
    spec.learner.threads = static_cast<unsigned>(std::min<unsigned long long>(number_flag(args, "--threads", 1), 1u << 30));
    if (spec.learner.trees < 1 || spec.learner.trees > 5000) throw UsageError("--trees must be between 1 and 5000");
    if (spec.learner.depth < 1 || spec.learner.depth > 16) throw UsageError("--depth must be between 1 and 16");
    if (spec.learner.threads < 1 || spec.learner.threads > 64) throw UsageError("--threads must be between 1 and 64");
    if (auto e = args.value("--eta")) {
        try {
            size_t used = 0;
            spec.learner.eta = std::stod(*e, &used);
            if (used != e->size() || !(spec.learner.eta > 0 && spec.learner.eta <= 1)) throw std::exception();
        } catch (const std::exception&) {
            throw UsageError("--eta takes a number in (0, 1], not '" + *e + "'");
        }
    }
    if (auto c = args.value("--C")) {
        try {
            size_t used = 0;
            spec.learner.C = std::stod(*c, &used);
            if (used != c->size() || !(spec.learner.C > 0) || !std::isfinite(spec.learner.C)) throw std::exception();
        } catch (const std::exception&) {
            throw UsageError("--C takes a number greater than 0, not '" + *c + "'");
        }
    }
    spec.trained_at = format_iso_date(as_of_date(args));

    CompileOptions compile;
    compile.allow_missing_models = true;
    compile.skip_model_files = true;  // train writes them; a stale one must not stop it
    auto rulebook = load_rulebook(paths[0], compile);
    if (!rulebook) return kExitRulebookErrors;
    const Program& program = rulebook->program();
    const ast::Model& model = choose_model(program, args);
    if (model.features.empty())
        throw UsageError("model `" + model.name + "` lists no features; write `features [field, ...]` in the rulebook");

    std::vector<int> slots;
    std::vector<const FieldInfo*> fields;
    for (const auto& name : model.features) {
        int slot = program.schema.resolve(name);
        slots.push_back(slot);
        fields.push_back(&program.schema.fields[static_cast<size_t>(slot)]);
        if (fields.back()->is_list || fields.back()->type == ScalarType::Date)
            throw UsageError("model feature " + name + " is a " + (fields.back()->is_list ? "list" : "date") +
                             "; a feature reads one string, enum, number or bool");
    }

    const std::string out_path =
        args.value("--out").value_or((std::filesystem::path(program.base_dir) / model.path).string());
    spec.rulebook_file = std::filesystem::path(paths[0]).filename().string();
    spec.rulebook_sha256 = sha256_hex(read_file(paths[0]));
    spec.model_name = model.name;
    spec.history_file = std::filesystem::path(*history_path).filename().string();
    spec.target = *target;
    spec.positive = args.value("--positive").value_or("");

    training::HistorySource source;
    source.path = *history_path;
    source.csv = ends_with(*history_path, ".csv") || ends_with(*history_path, ".tsv");
    source.target = *target;
    source.positive = args.value("--positive");

    training::History history;
    training::TrainResult result;
    try {
        history = training::read_history(*rulebook, slots, source);
        for (const auto& p : history.problems) std::cerr << "qualify train: " << *history_path << ": " << p << "\n";
        if (history.unreadable > history.problems.size())
            std::cerr << "qualify train: " << *history_path << ": " << history.unreadable - history.problems.size()
                      << " more unreadable records\n";
        result = training::train(fields, history, spec);
    } catch (const training::HistoryError& e) {
        std::cerr << "qualify train: " << e.what() << "\n";
        return kExitUsage;
    } catch (const training::TooLittleData& e) {
        std::cerr << "qualify train: " << *history_path << ": " << e.what() << "\n";
        return kExitTooLittleData;
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    for (const auto& w : result.warnings) std::cerr << "qualify train: warning: " << w << "\n";

    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    if (!(out << result.model_json) || !out.flush()) {
        std::cerr << "qualify train: cannot write " << out_path << "\n";
        return kExitUsage;
    }
    print_report(result, history, spec, fields.size(), out_path);
    return kExitOk;
}

}  // namespace qualify::cli
