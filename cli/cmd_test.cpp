// `qualify test FILE…`: runs the tests written beside each rulebook (in the
// file itself and in NAME.test.qual) and prints PASS / FAIL a test, the
// failures' expected-versus-actual lines, and a final `N passed, N failed`;
// with --coverage, what no test exercised; with --format json, all of it as
// one JSON object for tools; with --format github, failures and compile
// diagnostics as GitHub Actions annotations on the failing test's line.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/github_annotations.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify test FILE... [--as-of YYYY-MM-DD] [-v] [--deny warnings]\n"
    "                   [--coverage] [--coverage-min PCT] [--format text|json|github]\n\n"
    "Runs the tests of each rulebook: those in the file and in NAME.test.qual\n"
    "beside it (a NAME.test.qual argument stands for NAME.qual). Prints\n"
    "'PASS name' or 'FAIL name (file:line)' a test, each failure indented\n"
    "under its test, and last 'N passed, N failed'.\n\n"
    "  --as-of YYYY-MM-DD  the date for tests without their own as_of line\n"
    "                      (default: today, UTC)\n"
    "  -v                  also name each rulebook and where each passing test is\n"
    "  --deny warnings     lint the rulebooks too; a warning fails the rulebook\n"
    "  --coverage          also report the disqualifiers, criteria, match arms,\n"
    "                      motions, escalations and routes no test exercises\n"
    "  --coverage-min PCT  fail when the tests exercise less than PCT% of them\n"
    "                      (implies --coverage)\n"
    "  --format json       one JSON object on stdout: tests, counts, coverage\n"
    "  --format github     each failure (and each compile diagnostic) as a GitHub\n"
    "                      Actions annotation on the test's line, on stdout\n\n"
    "exit: 0 all passed, 2 usage error or unreadable file, 3 a rulebook or its\n"
    "      tests did not compile, 4 some test failed or coverage is below\n"
    "      --coverage-min\n";

double coverage_min(const Args& args) {
    auto text = args.value("--coverage-min");
    if (!text) return -1;
    double v = -1;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size() || v < 0 || v > 100)
        throw UsageError("--coverage-min: '" + *text + "' is not a percentage between 0 and 100");
    return v;
}

std::string percent_text(double pct) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", pct);
    return buf;
}

}  // namespace

int cmd_test(Words words) {
    Args args(words, {{"--as-of", true}, {"-v", false}, {"--deny", true}, {"--coverage", false},
                      {"--coverage-min", true}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().empty()) throw UsageError("no rulebook file given");
    const int32_t as_of = as_of_date(args);
    const bool verbose = args.has("-v");
    const bool deny = deny_warnings(args);
    const double min_pct = coverage_min(args);
    const bool want_coverage = args.has("--coverage") || min_pct >= 0;
    const std::string format = one_of(args, "--format", "text", {"text", "json", "github"});
    const bool json = format == "json", github = format == "github";
    const auto files = rulebook_files(args.positional());
    for (const auto& path : files) require_readable(path);

    size_t passed = 0, failed = 0;
    bool compile_errors = false;
    TestCoverage coverage;
    nlohmann::ordered_json tests = nlohmann::ordered_json::array();
    for (const auto& path : files) {
        CompileOptions options{.include_test_file = true};
        std::optional<Rulebook> rulebook;
        if (github) {
            options.lint = deny;
            Compilation compilation = compile_file(path, options);
            if (deny) promote_warnings(compilation);
            for (const auto& d : compilation.diagnostics) std::cout << github_line(d);
            rulebook = std::move(compilation.rulebook);
        } else {
            rulebook = deny ? load_rulebook_denying_warnings(path, options) : load_rulebook(path, options);
        }
        if (!rulebook) {
            compile_errors = true;
            continue;
        }
        auto results = run_tests(*rulebook, as_of, want_coverage ? &coverage : nullptr);
        if (verbose && !json) std::cout << "# " << path << ": " << results.size() << " tests\n";
        for (const auto& t : results) {
            (t.passed ? passed : failed) += 1;
            if (json) {
                tests.push_back({{"name", t.name}, {"file", t.file}, {"line", t.line}, {"passed", t.passed},
                                 {"failures", t.failures}});
                continue;
            }
            if (t.passed) {
                std::cout << "PASS " << t.name;
                if (verbose) std::cout << " (" << t.file << ":" << t.line << ")";
                std::cout << "\n";
                continue;
            }
            if (github) {
                Annotation a;
                a.file = t.file;
                a.line = t.line;
                a.title = "test failed: " + t.name;
                for (const auto& f : t.failures) a.message += (a.message.empty() ? "" : "\n") + f;
                std::cout << github_line(a);
                continue;
            }
            std::cout << "FAIL " << t.name << " (" << t.file << ":" << t.line << ")\n";
            for (const auto& f : t.failures) std::cout << "    " << f << "\n";
        }
    }
    const size_t total = coverage.items.size(), covered = coverage.covered();
    // Nothing to exercise counts as fully covered.
    const double pct = total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
    const bool below = min_pct >= 0 && pct + 1e-9 < min_pct;
    if (json) {
        nlohmann::ordered_json out{{"tests", tests}, {"passed", passed}, {"failed", failed}};
        if (want_coverage) {
            nlohmann::ordered_json items = nlohmann::ordered_json::array();
            for (const auto& i : coverage.items)
                items.push_back({{"kind", i.kind}, {"name", i.name}, {"file", i.file}, {"line", i.line},
                                 {"column", i.column}, {"covered", i.covered}});
            out["coverage"] = {{"covered", covered}, {"total", total},
                               {"percent", static_cast<double>(static_cast<long>(pct * 100 + 0.5)) / 100},
                               {"items", items}};
            if (min_pct >= 0) out["coverage"]["min_percent"] = min_pct;
        }
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << passed << " passed, " << failed << " failed\n";
        if (want_coverage) {
            std::cout << "coverage: " << covered << " of " << total << " rules exercised (" << percent_text(pct) << ")\n";
            for (const auto& i : coverage.items)
                if (!i.covered)
                    std::cout << "    not exercised: " << i.kind << " " << i.name << " (" << i.file << ":" << i.line
                              << ":" << i.column << ")\n";
            if (below) std::cout << "coverage " << percent_text(pct) << " is below --coverage-min " << min_pct << "%\n";
        }
    }
    // A rulebook that does not compile is the graver problem: its tests did
    // not run at all, so it decides the exit code.
    if (compile_errors) return kExitRulebookErrors;
    return failed > 0 || below ? kExitTestsFailed : kExitOk;
}

}  // namespace qualify::cli
