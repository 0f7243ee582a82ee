// `qualify explain RULEBOOK --lead JSON|@file`: decides one lead with the
// trace on and prints it as a readable tree — the decision line, then every
// rule in evaluation order with its result, points, inputs and why — or,
// with --format json, the decision JSON with its trace.
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include <algorithm>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify explain RULEBOOK --lead JSON|@FILE [options]\n\n"
    "Decides one lead and prints the trace of every rule: its inputs, its\n"
    "result, the points it added and why a route matched.\n\n"
    "  --lead JSON|@FILE      the lead: a JSON object, or @FILE to read it from\n"
    "                         a file (@- reads stdin)\n"
    "  --as-of YYYY-MM-DD     the run's date (default: today, UTC)\n"
    "  --show-pii             show pii fields' values instead of redacting them\n"
    "  --engine vm|reference  the bytecode VM (default) or the reference evaluator\n"
    "  --format text|json     a readable tree (default) or the decision JSON\n"
    "                         with its trace\n\n"
    "exit: 0 ok, 1 the lead is an error record, 2 usage error or unreadable\n"
    "      file, 3 rulebook errors\n";

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string pad(std::string s, size_t width) {
    if (s.size() < width) s.resize(width, ' ');
    return s;
}

std::string headline(const Decision& d) {
    std::string line = (d.id.empty() ? "(no id)" : d.id) + " -> " + std::string(d.route);
    if (d.explored_from) line += " (explored from " + std::string(*d.explored_from) + ")";
    if (!d.disqualified.empty()) {
        std::vector<std::string> codes;
        for (const auto& c : d.disqualified) codes.emplace_back(c.code);
        return line + "  disqualified: " + join(codes, ", ");
    }
    if (d.score) line += "  score " + d.score->to_fixed(2);
    if (d.confidence) line += "  confidence " + d.confidence->to_fixed(2);
    if (d.motion) line += "  motion " + std::string(*d.motion);
    return line;
}

// One row of the tree: the rule split into its kind and name, the result,
// the points out of the weight, then the inputs, the note and the source
// position as free text.
struct Row {
    std::string kind, name, result, points, rest;
};

Row row_of(const TraceEntry& t) {
    Row r;
    auto space = t.rule.find(' ');
    r.kind = t.rule.substr(0, space);
    if (space != std::string::npos) r.name = t.rule.substr(space + 1);
    r.result = t.result;
    if (t.points) {
        r.points = t.points->to_fixed(2);
        if (t.weight) r.points += " / " + t.weight->to_string();
    }
    std::vector<std::string> inputs;
    for (const auto& [name, value] : t.inputs) inputs.push_back(name + " = " + value);
    r.rest = join({join(inputs, ", "), t.note, t.at.empty() ? "" : "(" + t.at + ")"}, "   ");
    return r;
}

void print_tree(const Decision& d, std::ostream& out) {
    out << headline(d) << "\n";
    std::vector<Row> rows;
    for (const auto& t : d.trace) rows.push_back(row_of(t));
    // A long result (a fit with 18 decimals, say) does not widen its
    // column; it pushes the rest of its own line to the right instead.
    constexpr size_t kMaxResultWidth = 12;
    size_t kind_w = 0, name_w = 0, result_w = 0, points_w = 0;
    for (const auto& r : rows) {
        kind_w = std::max(kind_w, r.kind.size());
        name_w = std::max(name_w, r.name.size());
        if (r.result.size() <= kMaxResultWidth) result_w = std::max(result_w, r.result.size());
        points_w = std::max(points_w, r.points.size());
    }
    for (const auto& r : rows) {
        std::string line = "  " + pad(r.kind, kind_w) + " " + pad(r.name, name_w) + "  " +
                           pad(r.result, result_w);
        if (points_w) line += "  " + pad(r.points, points_w);
        if (!r.rest.empty()) line += "  " + r.rest;
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << "\n";
    }
    if (!d.escalations.empty()) {
        std::vector<std::string> codes;
        for (const auto& c : d.escalations) codes.emplace_back(c.code);
        out << "escalations: " << join(codes, ", ") << "\n";
    }
    if (!d.unknown.empty()) {
        std::vector<std::string> fields(d.unknown.begin(), d.unknown.end());
        out << "unknown: " << join(fields, ", ") << "\n";
    }
    if (d.review) out << "review: sampled for human review\n";
    if (d.explore) out << "explore: sampled for exploration\n";
    out << "summary: " << summary(d) << "\n";
}

}  // namespace

int cmd_explain(Words words) {
    Args args(words, {{"--lead", true},
                      {"--as-of", true},
                      {"--show-pii", false},
                      {"--engine", true},
                      {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().size() != 1) throw UsageError("expected exactly one rulebook file");
    auto lead = args.value("--lead");
    if (!lead) throw UsageError("--lead is required");
    const std::string format = one_of(args, "--format", "text", {"text", "json"});
    const EvalOptions options = eval_options(args, /*explain=*/true);
    std::string json = lead->starts_with("@") ? read_file(lead->substr(1)) : *lead;
    // A lead file may end with a newline; the reader wants one object.
    while (!json.empty() && (json.back() == '\n' || json.back() == '\r')) json.pop_back();

    auto rulebook = load_rulebook(args.positional()[0]);
    if (!rulebook) return kExitRulebookErrors;

    Evaluator evaluator(*rulebook, options);
    Decision d = evaluator.evaluate_json(json, 1);
    if (format == "json") {
        std::cout << to_json(d) << "\n";
    } else if (!d.is_error) {
        print_tree(d, std::cout);
    }
    if (d.is_error) {
        std::cerr << "qualify explain: the lead is an error record: " << d.error << "\n";
        return kExitRecordErrors;
    }
    return kExitOk;
}

}  // namespace qualify::cli
