// `qualify score RULEBOOK [LEADS.jsonl]`: decides every lead of a JSON
// Lines file (or stdin), one decision a line on stdout in input order, or a
// ranked queue with --queue. A count goes to stderr at the end; exit 1 when
// some records were errors.
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/lead_stream.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "cli/queue_view.hpp"

#include <fstream>
#include <iostream>
#include <unistd.h>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify score RULEBOOK [LEADS.jsonl|-] [options]\n\n"
    "Decides each lead of a JSON Lines file (stdin when LEADS is absent or '-')\n"
    "and prints one decision a line on stdout, in input order. Blank lines are\n"
    "skipped; line numbers in error records count them.\n\n"
    "  --as-of YYYY-MM-DD     the run's date (default: today, UTC)\n"
    "  --explain              add the trace of every rule to each decision\n"
    "  --show-pii             show pii fields' values in the trace\n"
    "  -j N                   evaluate on N threads (0: one per core); the\n"
    "                         output is the same at any N\n"
    "  --engine vm|reference  the bytecode VM (default) or the tree-walking\n"
    "                         reference evaluator\n"
    "  --queue                a ranked view instead of JSON: by route, then\n"
    "                         by score; colour when stdout is a terminal\n\n"
    "At the end, 'N leads: D decisions, E errors' on stderr.\n"
    "exit: 0 ok, 1 some records were errors, 2 usage error or unreadable\n"
    "      file, 3 rulebook errors\n";

}  // namespace

int cmd_score(Words words) {
    Args args(words, {{"--as-of", true},
                      {"--explain", false},
                      {"--show-pii", false},
                      {"-j", true},
                      {"--engine", true},
                      {"--queue", false}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const auto& paths = args.positional();
    if (paths.empty()) throw UsageError("no rulebook file given");
    if (paths.size() > 2) throw UsageError("expected RULEBOOK and at most one LEADS file");
    const EvalOptions options = eval_options(args, args.has("--explain"));
    const unsigned threads = thread_count(args);
    const bool queue = args.has("--queue");

    // Open the leads before compiling, so a missing file is a usage error
    // whatever state the rulebook is in.
    std::ifstream file;
    const bool from_stdin = paths.size() == 1 || paths[1] == "-";
    if (!from_stdin) {
        require_readable(paths[1]);
        file.open(paths[1], std::ios::binary);
    }
    std::istream& in = from_stdin ? std::cin : file;

    auto rulebook = load_rulebook(paths[0]);
    if (!rulebook) return kExitRulebookErrors;

    LeadStream stream(*rulebook, options, threads, /*make_json=*/!queue);
    StreamCounts counts;
    if (queue) {
        QueueView view(rulebook->route_names());
        counts = stream.run(in, [&](StreamResult& r) { view.add(r.decision); });
        view.print(std::cout, isatty(STDOUT_FILENO) == 1);
    } else {
        std::string out;
        counts = stream.run(in, [&](StreamResult& r) {
            out += r.json;
            out += '\n';
            // Write in chunks: big enough to be cheap, small enough to
            // stream through a pipe as the input is read.
            if (out.size() >= (1u << 16)) {
                std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
                out.clear();
            }
        });
        std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    }
    std::cout.flush();
    if (in.bad()) throw UsageError("error reading the leads");
    std::cerr << counts.leads << " leads: " << counts.leads - counts.errors << " decisions, "
              << counts.errors << " errors\n";
    return counts.errors > 0 ? kExitRecordErrors : kExitOk;
}

}  // namespace qualify::cli
