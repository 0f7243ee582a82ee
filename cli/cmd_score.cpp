// `qualify score RULEBOOK [LEADS]`: decides every lead of a JSON Lines or
// CSV file (or stdin), one decision a line (JSON or CSV) on stdout in input
// order, or a ranked queue with --queue. A count goes to stderr at the end;
// exit 1 when some records were errors.
#include "cli/commands.hpp"
#include "cli/decision_log.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_format.hpp"
#include "cli/lead_stream.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/queue_view.hpp"

#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <unistd.h>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify score RULEBOOK [LEADS.jsonl|LEADS.csv|-] [options]\n\n"
    "Decides each lead of a JSON Lines or CSV file (stdin when LEADS is absent\n"
    "or '-') and prints one decision a line on stdout, in input order. Blank\n"
    "lines are skipped; line numbers in error records count them.\n\n"
    "  --input jsonl|csv      the input format (default: csv for a .csv or .tsv\n"
    "                         file, else jsonl; stdin is jsonl)\n"
    "  --delimiter ,|;|tab    the CSV delimiter (default: detected from the\n"
    "                         header line)\n"
    "  --output jsonl|csv     one JSON decision a line (default), or CSV rows\n"
    "                         id,route,score,confidence,disqualified,\n"
    "                         escalations,summary\n"
    "  --as-of YYYY-MM-DD     the run's date (default: today, UTC)\n"
    "  --explain              add the trace of every rule to each decision\n"
    "  --show-pii             show pii fields' values in the trace\n"
    "  -j N                   evaluate on N threads (0: one per core); the\n"
    "                         output is the same at any N\n"
    "  --engine vm|reference  the bytecode VM (default) or the tree-walking\n"
    "                         reference evaluator\n"
    "  --queue                a ranked view instead of JSON: by route, then\n"
    "                         by score; colour when stdout is a terminal\n"
    "  --max-errors N         stop after the first error record beyond N (a\n"
    "                         file that does not fit the rulebook); exit 5\n"
    "  --log PATH             also append one record per decision to the\n"
    "                         decision log PATH (JSON Lines; docs/governance.md)\n"
    "  --log-pii              write pii fields into the log (left out by default)\n"
    "  --now TIMESTAMP        the log's timestamp, YYYY-MM-DDThh:mm:ssZ (default:\n"
    "                         $QUALIFY_NOW, else the wall clock)\n\n"
    "Leads a `dedupe by` key makes duplicates of earlier leads of the run are\n"
    "disqualified as `duplicate`. On a terminal, a progress line on stderr.\n"
    "At the end, 'N leads: D decisions, E errors' on stderr.\n"
    "exit: 0 ok, 1 some records were errors, 2 usage error, unreadable file\n"
    "      or a CSV header that does not fit the schema, 3 rulebook errors,\n"
    "      5 stopped by --max-errors\n";

bool csv_output(const Args& args) {
    if (!args.has("--output")) return false;
    const std::string v = args.value("--output").value_or("");
    if (v == "csv") return true;
    if (v == "jsonl") return false;
    throw UsageError("--output takes jsonl or csv, not '" + v + "'");
}

std::optional<uint64_t> max_errors_flag(const Args& args) {
    if (!args.has("--max-errors")) return std::nullopt;
    const std::string v = args.value("--max-errors").value_or("");
    uint64_t n = 0;
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError("--max-errors takes a count (0 or more), not '" + v + "'");
    for (char c : v) n = n * 10 + static_cast<uint64_t>(c - '0');
    return n;
}

}  // namespace

int cmd_score(Words words) {
    Args args(words, {{"--as-of", true},
                      {"--explain", false},
                      {"--show-pii", false},
                      {"-j", true},
                      {"--engine", true},
                      {"--queue", false},
                      {"--input", true},
                      {"--delimiter", true},
                      {"--output", true},
                      {"--max-errors", true},
                      {"--log", true},
                      {"--log-pii", false},
                      {"--now", true}});
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
    const bool from_stdin = paths.size() == 1 || paths[1] == "-";
    const bool csv_in = csv_input(args, from_stdin ? nullptr : &paths[1]);
    const char delim = delimiter(args);
    if (delim && !csv_in) throw UsageError("--delimiter applies to CSV input only");
    const bool csv_out = csv_output(args);
    if (queue && args.has("--output")) throw UsageError("--queue and --output are exclusive");
    const std::optional<uint64_t> max_errors = max_errors_flag(args);
    if ((args.has("--log-pii") || args.has("--now")) && !args.has("--log"))
        throw UsageError("--log-pii and --now apply to --log only");
    std::string logged_at;
    if (args.has("--log")) {
        auto now = report::run_timestamp(args.value("--now"));
        if (!now) throw UsageError("--now and QUALIFY_NOW take YYYY-MM-DDThh:mm:ssZ");
        logged_at = *now;
    }

    // Open the leads before compiling, so a missing file is a usage error
    // whatever state the rulebook is in.
    // JSON Lines are read block-wise from the descriptor; CSV through a stream.
    std::ifstream file;
    std::optional<LineReader> lines;
    if (!from_stdin) require_readable(paths[1]);
    if (csv_in && !from_stdin) file.open(paths[1], std::ios::binary);
    if (!csv_in) {
        const size_t block = threads > 1 ? LineReader::kParallelBlock : LineReader::kBlock;
        if (from_stdin) lines.emplace(STDIN_FILENO, block);
        else lines.emplace(paths[1], block);
    }
    std::istream& in = from_stdin ? std::cin : file;

    auto rulebook = load_rulebook(paths[0]);
    if (!rulebook) return kExitRulebookErrors;

    // A CSV header that does not fit the schema is one run-level error,
    // not an error per row.
    std::optional<CsvReader> csv;
    if (csv_in) {
        csv.emplace(*rulebook, in, delim);
        if (auto error = csv->read_header()) {
            std::cerr << "qualify score: " << (from_stdin ? std::string("stdin") : paths[1])
                      << ": " << *error << "\n";
            return kExitUsage;
        }
    }

    // On one thread the decisions are written straight into the output
    // buffer; on several, each worker makes its decisions' JSON so that
    // writing runs in parallel too.
    const bool json_out = !queue && !csv_out;
    const bool json_on_workers = json_out && threads > 1;
    LeadStream stream(*rulebook, options, threads, /*make_json=*/json_on_workers);
    if (max_errors) stream.set_max_errors(*max_errors);
    std::optional<Progress> progress;
    if (Progress::wanted()) {
        progress.emplace(std::cerr);
        stream.set_batch_observer([&](const StreamCounts& c) { progress->update(c); });
    }
    std::optional<DecisionLog> log;
    if (args.has("--log")) {
        stream.capture_fields(args.has("--log-pii"));
        log.emplace(*args.value("--log"), report::run_info(*rulebook, logged_at), args.has("--log-pii"));
    }
    auto run = [&](const std::function<void(StreamResult&)>& sink) {
        auto logged = [&](StreamResult& r) {
            if (log) log->add(r.decision, std::move(r.fields));
            sink(r);
        };
        return csv ? stream.run_csv(*csv, logged) : stream.run(*lines, logged);
    };
    StreamCounts counts;
    if (queue) {
        QueueView view(rulebook->route_names());
        counts = run([&](StreamResult& r) { view.add(r.decision); });
        view.print(std::cout, isatty(STDOUT_FILENO) == 1);
    } else {
        // Lines are appended to one buffer, written in chunks: big enough
        // to be cheap, small enough to stream through a pipe as the input
        // is read.
        constexpr size_t kChunk = 1u << 16;
        std::string out = csv_out ? csv_header(rulebook->assigned_names()) : std::string();
        out.reserve(kChunk + 8192);
        const std::vector<std::string>& assigned_names = rulebook->assigned_names();
        counts = run([&](StreamResult& r) {
            if (csv_out) {
                append_csv(out, r.decision, assigned_names);
            } else {
                if (json_on_workers) out += r.json;
                else append_json(out, r.decision);
                out += '\n';
            }
            if (out.size() >= kChunk) {
                std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
                out.clear();
            }
        });
        std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    }
    std::cout.flush();
    if (progress) progress->finish();
    if (log) log->finish();
    if (in.bad() || (lines && lines->failed())) throw UsageError("error reading the leads");
    std::cerr << counts.leads << " leads: " << counts.leads - counts.errors << " decisions, "
              << counts.errors << " errors\n";
    if (counts.stopped) {
        std::cerr << "qualify score: stopped at line " << counts.stopped_at_line << ": more than " << *max_errors
                  << " error records (--max-errors " << *max_errors << "); is "
                  << (from_stdin ? std::string("stdin") : paths[1]) << " a file of leads for "
                  << rulebook->name() << "?\n";
        return kExitTooManyErrors;
    }
    return counts.errors > 0 ? kExitRecordErrors : kExitOk;
}

}  // namespace qualify::cli
