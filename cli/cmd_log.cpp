// `qualify log show ID --decisions LOG [--format text|json]`: the audit
// trail of one lead — every decision the log holds for it, oldest first,
// with when, at which as-of date, by which rulebook and model, from which
// inputs, and why (docs/governance.md). The log holds pii only when it was
// written with --log-pii, so nothing here can reveal more than was kept.
#include "cli/commands.hpp"
#include "cli/subcommands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/log_input.hpp"
#include "cli/options.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify log show ID --decisions LOG [--format text|json]\n\n"
    "Prints every decision the log holds for lead ID, oldest first: when and\n"
    "at which as-of date it was decided, by which rulebook version and hash\n"
    "and model file, the route, score, disqualifiers, criteria and\n"
    "escalations, and the inputs the rulebook read (pii fields only when the\n"
    "log was written with --log-pii).\n\n"
    "  --decisions LOG        the decision log (JSON Lines, or SQLite for .db)\n"
    "  --format text|json     readable text (default) or the log's JSON records\n\n"
    "exit: 0 found, 1 no decision for ID in the log, 2 usage error\n";

std::string list(const std::vector<std::string>& items) {
    if (items.empty()) return "none";
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

std::string pairs(const report::NamedText& items) {
    std::string s;
    for (const auto& [k, v] : items) s += (s.empty() ? "" : ", ") + k + " " + v;
    return s.empty() ? "none" : s;
}

std::string text(const report::LogRecord& r) {
    std::string s = r.logged_at + "  " + r.id + " (as of " + r.as_of + ", " + r.rulebook + " " + r.rulebook_hash + ")\n";
    if (!r.error.empty()) return s + "  error: " + r.error + "\n";
    s += "  route       " + r.route + (r.explored_from ? " (explored from " + *r.explored_from + ")" : "") +
         (r.qualified ? ", qualified" : ", not qualified") + "\n";
    if (!r.summary.empty()) s += "  summary     " + r.summary + "\n";
    s += "  score       " + (r.score.empty() ? "unknown" : r.score) + ", confidence " +
         (r.confidence.empty() ? "unknown" : r.confidence) + (r.motion ? ", motion " + *r.motion : "") + "\n";
    s += "  disqualified " + list(r.disqualified) + "\n";
    s += "  reasons     " + list(r.reasons) + "\n";
    s += "  escalations " + list(r.escalations) + "\n";
    std::string flags;
    if (r.review) flags += "review sample";
    if (r.explore) flags += std::string(flags.empty() ? "" : ", ") + "explored";
    if (!flags.empty()) s += "  flags       " + flags + "\n";
    if (!r.models.empty()) s += "  models      " + pairs(r.models) + "\n";
    if (!r.model_hashes.empty()) s += "  model files " + pairs(r.model_hashes) + "\n";
    s += "  inputs\n";
    for (const auto& [field, value] : r.fields) s += "    " + field + " = " + value + "\n";
    return s;
}

int log_show(Words words) {
    Args args(words, {{"--decisions", true}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().size() != 1) throw UsageError("give exactly one lead id");
    if (!args.has("--decisions")) throw UsageError("--decisions LOG is required");
    const std::string format = one_of(args, "--format", "text", {"text", "json"});
    const std::string& id = args.positional()[0];
    const std::string path = *args.value("--decisions");
    const report::LogFile log = load_decision_log("log", path, "--decisions");
    size_t found = 0;
    for (const auto& r : log.records) {
        if (r.id != id) continue;
        if (format == "json")
            std::cout << report::to_json_line(r) << "\n";
        else
            std::cout << (found ? "\n" : "") << text(r);
        ++found;
    }
    if (found == 0) {
        std::cerr << "qualify log: no decision for '" << id << "' in " << path << "\n";
        return kExitRecordErrors;
    }
    return kExitOk;
}

}  // namespace

int cmd_log(Words args) { return run_subcommand("log", args, kUsage, {{"show", log_show}}); }

}  // namespace qualify::cli
