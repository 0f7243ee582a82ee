// `qualify report --decisions LOG --outcomes FILE [--baseline LOG]
// [--format text|json|markdown]`: joins a decision log with what became of
// the leads and prints bands, discrimination, calibration, false positives
// and negatives, exploration, drift, a verdict and warnings
// (docs/report.md).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "report/log_file.hpp"
#include "report/render.hpp"

#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify report --decisions LOG --outcomes FILE [options]\n\n"
    "Joins a decision log (written by 'qualify score --log') with the leads'\n"
    "outcomes (CSV or JSON Lines: id, outcome, and optionally sales_accepted,\n"
    "rejection_reason, review_verdict, closed_at) and reports how well the\n"
    "rulebook qualifies: score deciles and routes, AUC, Brier score,\n"
    "calibration, false positives and negatives, exploration, drift, a verdict\n"
    "and warnings.\n\n"
    "  --baseline LOG              an earlier decision log: PSI drift of the\n"
    "                              score and of every input field\n"
    "  --format text|json|markdown the rendering (default text)\n\n"
    "exit: 0 ok, 2 usage error or unreadable file\n";

report::LogFile load_log(const std::string& path, const char* flag) {
    require_readable(path);
    std::ifstream in(path, std::ios::binary);
    report::LogFile log = report::read_log(in);
    for (const auto& p : log.problems) std::cerr << "qualify report: " << path << ": " << p << "\n";
    if (log.records.empty() && !log.problems.empty())
        throw UsageError(std::string(flag) + " " + path + " is not a decision log");
    return log;
}

}  // namespace

int cmd_report(Words words) {
    Args args(words, {{"--decisions", true}, {"--outcomes", true}, {"--baseline", true}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
    if (!args.has("--decisions")) throw UsageError("--decisions LOG is required");
    if (!args.has("--outcomes")) throw UsageError("--outcomes FILE is required");
    const std::string format = one_of(args, "--format", "text", {"text", "json", "markdown"});

    const report::LogFile decisions = load_log(*args.value("--decisions"), "--decisions");
    std::optional<report::LogFile> baseline;
    if (args.has("--baseline")) baseline = load_log(*args.value("--baseline"), "--baseline");

    const std::string outcomes_path = *args.value("--outcomes");
    require_readable(outcomes_path);
    std::ifstream in(outcomes_path, std::ios::binary);
    const bool csv = outcomes_path.size() >= 4 && outcomes_path.compare(outcomes_path.size() - 4, 4, ".csv") == 0;
    const report::Outcomes outcomes = report::read_outcomes(in, csv);

    const report::Report r =
        report::compute_report(decisions.records, outcomes, baseline ? &baseline->records : nullptr);
    if (format == "json")
        std::cout << report::render_json(r);
    else if (format == "markdown")
        std::cout << report::render_markdown(r);
    else
        std::cout << report::render_text(r);
    return kExitOk;
}

}  // namespace qualify::cli
