// `qualify check FILE… [--format text|json|github] [--deny warnings]
// [--data-report]`: compiles each rulebook (and the NAME.test.qual beside it,
// so tests are type-checked too) and reports its diagnostics, lint warnings
// included. Text goes to stderr in the house format, with `FILE: ok` for
// clean files; JSON is one array of diagnostic objects on stdout; github is
// one GitHub Actions annotation a diagnostic on stdout. --data-report also
// prints, on stdout, the fields each clean rulebook reads and never reads
// (data_report.hpp).
#include "cli/commands.hpp"
#include "cli/data_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/github_annotations.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include "qualify/qualify.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify check FILE... [--format text|json|github] [--deny warnings] [--data-report]\n\n"
    "Compiles each rulebook (with NAME.test.qual beside it, when present) and\n"
    "prints its diagnostics. A NAME.test.qual argument stands for NAME.qual.\n\n"
    "  --format text   diagnostics on stderr in the house format, and\n"
    "                  'FILE: ok' on stderr for each clean file (default)\n"
    "  --format json   one JSON array of every diagnostic on stdout\n"
    "  --format github one GitHub Actions annotation a diagnostic on stdout\n"
    "                  (::error / ::warning lines, for a workflow step)\n"
    "  --deny warnings lint warnings (W0xx) count as errors\n"
    "  --data-report   also print on stdout each field the rulebook reads, with\n"
    "                  its pii tag, and the declared fields it never reads (with\n"
    "                  --format json: one object a line, after the diagnostics)\n\n"
    "Lint warnings are printed but do not change the exit code, unless\n"
    "--deny warnings.\n\n"
    "exit: 0 every file compiled, 2 usage error or unreadable file,\n"
    "      3 some file has errors (or warnings, under --deny warnings)\n";

bool has_errors(const Compilation& c) {
    for (const auto& d : c.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) return true;
    return !c.ok();
}

}  // namespace

int cmd_check(Words words) {
    Args args(words, {{"--format", true}, {"--deny", true}, {"--data-report", false}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const std::string format = one_of(args, "--format", "text", {"text", "json", "github"});
    const bool deny = deny_warnings(args);
    if (args.positional().empty()) throw UsageError("no rulebook file given");
    // Every file is checked before anything is printed, so that an
    // unreadable file is reported as a usage error and not halfway through.
    const auto files = rulebook_files(args.positional());
    for (const auto& path : files) require_readable(path);

    bool any_errors = false;
    bool first_json = true;
    const bool data_report = args.has("--data-report");
    std::string data_reports;
    if (format == "json") std::cout << "[";
    for (const auto& path : files) {
        Compilation compilation = compile_file(path, {.include_test_file = true, .lint = true});
        if (deny) promote_warnings(compilation);
        any_errors = any_errors || has_errors(compilation);
        if (data_report && compilation.rulebook)
            data_reports += format == "json" ? data_report_json(path, *compilation.rulebook) + "\n"
                                             : data_report_text(path, *compilation.rulebook);
        if (format == "github") {
            for (const auto& d : compilation.diagnostics) std::cout << github_line(d);
            continue;
        }
        if (format == "json") {
            for (const auto& d : compilation.diagnostics) {
                std::cout << (first_json ? "\n" : ",\n") << render_json(d);
                first_json = false;
            }
            continue;
        }
        std::cerr << compilation.render();
        if (!has_errors(compilation)) std::cerr << path << ": ok\n";
    }
    if (format == "json") std::cout << (first_json ? "]\n" : "\n]\n");
    std::cout << data_reports;
    return any_errors ? kExitRulebookErrors : kExitOk;
}

}  // namespace qualify::cli
