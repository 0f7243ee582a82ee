// `qualify review sample --decisions LOG [--since DATE] [--until DATE]
// [--n N] [--format markdown|csv]`: the weekly false-negative review's
// worksheet (report/review_sample.hpp, docs/report.md).
#include "cli/commands.hpp"
#include "cli/subcommands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/log_input.hpp"
#include "cli/options.hpp"
#include "report/review_sample.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify review sample --decisions LOG [options]\n\n"
    "Lists the review-flagged leads the rules did not qualify (the rulebook's\n"
    "`review N% of ROUTE`), with the summary and reason codes of each decision,\n"
    "for a human to judge. The verdicts go back into the outcomes file's\n"
    "review_verdict column (qualify or reject) for 'qualify report'.\n\n"
    "  --decisions LOG             the decision log (JSON Lines, or SQLite for .db)\n"
    "  --since DATE, --until DATE  only the decisions logged on these days\n"
    "  --n N                       at most N leads, picked by a hash of the id\n"
    "                              (default 20)\n"
    "  --format markdown|csv       the worksheet's form (default markdown)\n\n"
    "exit: 0 ok, 2 usage error or unreadable file\n";

size_t count_arg(const Args& args) {
    if (!args.has("--n")) return 20;
    const std::string v = *args.value("--n");
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0)
        throw UsageError("--n '" + v + "' is not a positive whole number");
    return std::stoul(v);
}

int review_sample(Words words) {
    Args args(words, {{"--decisions", true}, {"--since", true}, {"--until", true}, {"--n", true}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
    if (!args.has("--decisions")) throw UsageError("--decisions LOG is required");
    const std::string format = one_of(args, "--format", "markdown", {"markdown", "csv"});
    const size_t n = count_arg(args);
    const report::Period period = period_of(args);
    const report::LogFile log = load_decision_log("review", *args.value("--decisions"), "--decisions", period);
    const report::ReviewSample sample = report::review_sample(log.records, n);
    std::cout << (format == "csv" ? report::render_review_csv(sample) : report::render_review_markdown(sample));
    return kExitOk;
}

}  // namespace

int cmd_review(Words args) { return run_subcommand("review", args, kUsage, {{"sample", review_sample}}); }

}  // namespace qualify::cli
