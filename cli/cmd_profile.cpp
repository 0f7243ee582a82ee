// `qualify profile LEADS --rulebook R [--format text|json]`: a data-quality
// report of a leads file against the rulebook's schema (fill rates,
// placeholders, invalid values, distinct and top values, email shares),
// the first thing to run on a new CRM export. Nothing is scored.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_format.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include "qualify/profile.hpp"
#include "qualify/qualify.hpp"

#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify profile LEADS.jsonl|LEADS.csv|- --rulebook RULEBOOK [options]\n\n"
    "Reads every record of a JSON Lines or CSV file (stdin for '-') against\n"
    "the rulebook's schema and prints, per field: how many records fill it,\n"
    "leave it missing, hold a placeholder (unknown_values) or an invalid\n"
    "value (with examples, pii redacted); its distinct and most frequent\n"
    "values (never for pii fields); for email fields the share of free-mail,\n"
    "disposable and role addresses. Records that cannot be read at all are\n"
    "counted apart.\n\n"
    "  --rulebook FILE        the rulebook whose schema the records follow\n"
    "  --format text|json     a report per field (default), or one JSON object\n"
    "  --input jsonl|csv      the input format (default: csv for a .csv or .tsv\n"
    "                         file, else jsonl)\n"
    "  --delimiter ,|;|tab    the CSV delimiter (default: detected)\n\n"
    "exit: 0 ok, 2 usage error, unreadable file or a CSV header that does not\n"
    "      fit the schema, 3 rulebook errors\n";

}  // namespace

int cmd_profile(Words words) {
    Args args(words, {{"--rulebook", true}, {"--format", true}, {"--input", true}, {"--delimiter", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const auto& paths = args.positional();
    if (paths.size() != 1) throw UsageError("expected one LEADS file ('-' for stdin)");
    if (!args.has("--rulebook")) throw UsageError("--rulebook RULEBOOK is required");
    const std::string format = one_of(args, "--format", "text", {"text", "json"});
    const bool from_stdin = paths[0] == "-";
    const bool csv_in = csv_input(args, from_stdin ? nullptr : &paths[0]);
    const char delim = delimiter(args);
    if (delim && !csv_in) throw UsageError("--delimiter applies to CSV input only");
    const std::string source = from_stdin ? std::string("stdin") : paths[0];

    std::ifstream file;
    if (!from_stdin) {
        require_readable(paths[0]);
        file.open(paths[0], std::ios::binary);
    }
    std::istream& in = from_stdin ? std::cin : file;
    auto rulebook = load_rulebook(*args.value("--rulebook"));
    if (!rulebook) return kExitRulebookErrors;

    Profiler profiler(*rulebook);
    if (csv_in) {
        CsvReader reader(*rulebook, in, delim);
        if (auto error = reader.read_header()) {
            std::cerr << "qualify profile: " << source << ": " << *error << "\n";
            return kExitUsage;
        }
        CsvRow row;
        while (reader.next(row)) profiler.add_csv(reader.columns(), row);
    } else {
        uint64_t line = 0;
        std::string text;
        while (std::getline(in, text)) {
            ++line;
            if (text.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank, as in score
            profiler.add_json(text, line);
        }
    }
    if (in.bad()) throw UsageError("error reading the leads");
    const Profile profile = profiler.result();
    std::cout << (format == "json" ? profile_json(profile, source) : profile_text(profile, source));
    return kExitOk;
}

}  // namespace qualify::cli
