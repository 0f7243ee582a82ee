// Entry point of the qualify command: finds the subcommand, runs it, and
// turns usage mistakes and engine faults into their exit codes. Data goes
// to stdout, messages and diagnostics to stderr.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace qualify::cli;

struct Subcommand {
    const char* name;
    int (*run)(Words);
    const char* summary;
};

constexpr Subcommand kSubcommands[] = {
    {"check", cmd_check, "compile rulebooks and print their diagnostics"},
    {"score", cmd_score, "decide JSON Lines leads, one decision a line (or a ranked queue)"},
    {"explain", cmd_explain, "decide one lead and print the trace of every rule"},
    {"test", cmd_test, "run the tests written beside rulebooks"},
    {"fmt", cmd_fmt, "rewrite rulebooks in the canonical layout (--check: report only)"},
    {"disasm", cmd_disasm, "print a rulebook's bytecode"},
    {"profile", cmd_profile, "report the data quality of a leads file, field by field"},
    {"diff", cmd_diff, "compare two rulebooks' decisions on the same leads (impact of a change)"},
    {"report", cmd_report, "report how well decisions predicted outcomes (calibration, drift)"},
    {"review", cmd_review, "list review-flagged rejected leads for the false-negative review"},
    {"log", cmd_log, "show the logged decisions of a lead (the audit trail)"},
    {"train", cmd_train, "fit a rulebook's model on closed outcomes and write the model file"},
    {"model", cmd_model, "work with model files (model import, model inspect)"},
};

void usage(std::ostream& out) {
    out << "usage: qualify COMMAND [ARGS...]\n"
           "       qualify COMMAND --help\n\n"
           "commands:\n";
    for (const auto& s : kSubcommands) {
        std::string name = s.name;
        name.resize(10, ' ');
        out << "  " << name << s.summary << "\n";
    }
    out << "\nexit codes: 0 ok, 1 some records were errors, 2 usage error,\n"
           "            3 rulebook errors, 4 failing tests, 5 stopped by --max-errors,\n"
           "            6 too little history to train, 7 fmt --check: not formatted\n";
}

}  // namespace

int main(int argc, char** argv) {
    // Only iostreams are used, so they need not stay in step with stdio;
    // untying makes reading and writing JSON Lines several times faster.
    std::ios::sync_with_stdio(false);
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        usage(std::cerr);
        return kExitUsage;
    }
    const std::string& command = words[0];
    if (command == "--help" || command == "-h" || command == "help") {
        usage(std::cout);
        return kExitOk;
    }
    for (const auto& s : kSubcommands) {
        if (command != s.name) continue;
        try {
            return s.run(Words(words).subspan(1));
        } catch (const UsageError& e) {
            std::cerr << "qualify " << command << ": " << e.what() << "\n"
                      << "try 'qualify " << command << " --help'\n";
            return kExitUsage;
        } catch (const std::exception& e) {
            // Rule-level problems are values in the decision stream; an
            // exception reaching here is a fault of the engine itself.
            std::cerr << "qualify " << command << ": internal error: " << e.what() << "\n";
            return 70;  // EX_SOFTWARE
        }
    }
    std::cerr << "qualify: unknown command '" << command << "'\n\n";
    usage(std::cerr);
    return kExitUsage;
}
