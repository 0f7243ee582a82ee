// `qualify report --decisions LOG --outcomes FILE [--baseline LOG]
// [--since DATE] [--until DATE] [--format text|json|markdown]
// [--html FILE]`: joins a decision log with what became of the leads and
// prints bands, discrimination, calibration, false positives and
// negatives, exploration, drift, a verdict and warnings (docs/report.md).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/log_input.hpp"
#include "cli/options.hpp"
#include "report/render.hpp"

#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify report --decisions LOG --outcomes FILE [options]\n\n"
    "Joins a decision log (written by 'qualify score --log': JSON Lines, or\n"
    "SQLite for a .db file) with the leads' outcomes (CSV or JSON Lines: id,\n"
    "outcome, and optionally sales_accepted, rejection_reason, review_verdict,\n"
    "closed_at) and reports how well the rulebook qualifies: score deciles and\n"
    "routes, AUC, Brier score, calibration, false positives and negatives,\n"
    "exploration, drift, a verdict and warnings.\n\n"
    "  --baseline LOG              an earlier decision log: PSI drift of the\n"
    "                              score and of every input field\n"
    "  --since DATE, --until DATE  only the decisions logged on these days\n"
    "                              (YYYY-MM-DD, UTC, both included)\n"
    "  --format text|json|markdown the rendering (default text)\n"
    "  --html FILE                 also write the report as one self-contained\n"
    "                              HTML page with charts\n\n"
    "exit: 0 ok, 2 usage error or unreadable file\n";

}  // namespace

int cmd_report(Words words) {
    Args args(words, {{"--decisions", true},
                      {"--outcomes", true},
                      {"--baseline", true},
                      {"--format", true},
                      {"--since", true},
                      {"--until", true},
                      {"--html", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
    if (!args.has("--decisions")) throw UsageError("--decisions LOG is required");
    if (!args.has("--outcomes")) throw UsageError("--outcomes FILE is required");
    const std::string format = one_of(args, "--format", "text", {"text", "json", "markdown"});
    const report::Period period = period_of(args);

    const report::LogFile decisions = load_decision_log("report", *args.value("--decisions"), "--decisions", period);
    std::optional<report::LogFile> baseline;
    if (args.has("--baseline")) baseline = load_decision_log("report", *args.value("--baseline"), "--baseline");

    const std::string outcomes_path = *args.value("--outcomes");
    require_readable(outcomes_path);
    std::ifstream in(outcomes_path, std::ios::binary);
    const bool csv = outcomes_path.size() >= 4 && outcomes_path.compare(outcomes_path.size() - 4, 4, ".csv") == 0;
    const report::Outcomes outcomes = report::read_outcomes(in, csv);

    // The HTML file is opened before anything is printed, so a bad path is
    // a usage error with no half-written output.
    std::ofstream html;
    if (args.has("--html")) {
        html.open(*args.value("--html"), std::ios::binary | std::ios::trunc);
        if (!html) throw UsageError("cannot write the HTML report '" + *args.value("--html") + "'");
    }

    const report::Report r =
        report::compute_report(decisions.records, outcomes, baseline ? &baseline->records : nullptr);
    if (format == "json")
        std::cout << report::render_json(r);
    else if (format == "markdown")
        std::cout << report::render_markdown(r);
    else
        std::cout << report::render_text(r);
    if (html.is_open()) {
        html << report::render_html(r);
        html.flush();
        if (!html) throw UsageError("error writing the HTML report '" + *args.value("--html") + "'");
    }
    return kExitOk;
}

}  // namespace qualify::cli
