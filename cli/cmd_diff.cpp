// `qualify diff OLD.qual NEW.qual LEADS`: the impact of a rulebook change on
// real leads, for a pull-request review; the computation and rendering are
// in report/rulebook_diff.cpp. Leads are read as `score` reads them (JSON
// Lines or CSV), once per rulebook, and matched by id.
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_format.hpp"
#include "cli/lead_stream.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "qualify/csv.hpp"
#include "report/rulebook_diff.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify diff OLD.qual NEW.qual LEADS.jsonl|LEADS.csv [options]\n\n"
    "Decides every lead with both rulebooks and reports what the change does:\n"
    "the route transition matrix (from -> to counts), leads newly disqualified\n"
    "or re-qualified, the score distribution before and after (mean and\n"
    "quartiles, overall and per old route), and the leads whose decision\n"
    "changed most with both summaries side by side. Leads are matched by id;\n"
    "a lead present in one run only is counted as such.\n\n"
    "  --format text|json|markdown  the report's form (default: text);\n"
    "                               markdown is ready for a pull-request comment\n"
    "  --top N                      how many most-changed leads (default: 10)\n"
    "  --fail-if-moved PCT          exit 8 when more than PCT% of the leads\n"
    "                               change route\n"
    "  --as-of YYYY-MM-DD           the run's date (default: today, UTC)\n"
    "  --input jsonl|csv            the input format (default: from the extension)\n"
    "  --delimiter ,|;|tab          the CSV delimiter (default: detected)\n\n"
    "exit: 0 ok, 2 usage error or unreadable file, 3 rulebook errors,\n"
    "      7 more than --fail-if-moved PCT% of the leads changed route\n";

std::vector<std::pair<std::string, report::DiffSide>> decide_all(const Rulebook& rulebook, const Args& args,
                                                                const std::string& path, bool csv_in, char delim) {
    std::vector<std::pair<std::string, report::DiffSide>> out;
    LeadStream stream(rulebook, eval_options(args, false), 1, /*make_json=*/false);
    auto sink = [&](StreamResult& r) {
        out.emplace_back(r.decision.id.empty() ? "line " + std::to_string(r.decision.line) : r.decision.id,
                         report::diff_side(r.decision));
    };
    if (csv_in) {
        std::ifstream in(path, std::ios::binary);
        CsvReader csv(rulebook, in, delim);
        if (auto error = csv.read_header()) throw UsageError(path + ": " + *error);
        stream.run_csv(csv, sink);
    } else {
        LineReader lines(path);
        stream.run(lines, sink);
        if (lines.failed()) throw UsageError(path + ": cannot be read");
    }
    return out;
}

}  // namespace

int cmd_diff(Words words) {
    Args args(words, {{"--as-of", true},
                      {"--format", true},
                      {"--top", true},
                      {"--fail-if-moved", true},
                      {"--input", true},
                      {"--delimiter", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const auto& paths = args.positional();
    if (paths.size() != 3) throw UsageError("expected OLD.qual NEW.qual LEADS");
    const std::string format = one_of(args, "--format", "text", {"text", "json", "markdown"});
    size_t top = 10;
    if (auto t = args.value("--top")) {
        if (t->empty() || t->size() > 6 || t->find_first_not_of("0123456789") != std::string::npos)
            throw UsageError("--top takes a count, not '" + *t + "'");
        top = static_cast<size_t>(std::stoul(*t));
    }
    std::optional<double> fail_if_moved;
    if (auto f = args.value("--fail-if-moved")) {
        char* end = nullptr;
        double v = std::strtod(f->c_str(), &end);
        if (f->empty() || *end != '\0' || v < 0 || v > 100)
            throw UsageError("--fail-if-moved takes a percentage from 0 to 100, not '" + *f + "'");
        fail_if_moved = v;
    }
    require_readable(paths[2]);
    const bool csv_in = csv_input(args, &paths[2]);
    const char delim = delimiter(args);
    if (delim && !csv_in) throw UsageError("--delimiter applies to CSV input only");

    auto before = load_rulebook(paths[0]);
    auto after = load_rulebook(paths[1]);
    if (!before || !after) return kExitRulebookErrors;

    report::RulebookDiff d = report::compute_diff(decide_all(*before, args, paths[2], csv_in, delim),
                                                  decide_all(*after, args, paths[2], csv_in, delim), top);
    d.old_name = before->name() + "@" + before->version();
    d.new_name = after->name() + "@" + after->version();
    std::cout << (format == "json" ? report::diff_json(d) : format == "markdown" ? report::diff_markdown(d) : report::diff_text(d));
    if (fail_if_moved && d.moved_percent() > *fail_if_moved) {
        std::cerr << "qualify diff: " << d.moved << " of " << d.matched << " leads changed route, more than "
                  << *fail_if_moved << "%\n";
        return kExitTooManyMoved;
    }
    return kExitOk;
}

}  // namespace qualify::cli
