// `qualify test FILE…`: runs the tests written beside each rulebook (in the
// file itself and in NAME.test.qual) and prints PASS / FAIL a test, the
// failures' expected-versus-actual lines, and a final `N passed, N failed`.
// With --format github, failures and compile diagnostics are GitHub Actions
// annotations instead, on the line of the failing test.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/github_annotations.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"

#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify test FILE... [--as-of YYYY-MM-DD] [-v] [--format text|github]\n\n"
    "Runs the tests of each rulebook: those in the file and in NAME.test.qual\n"
    "beside it (a NAME.test.qual argument stands for NAME.qual). Prints\n"
    "'PASS name' or 'FAIL name (file:line)' a test, each failure indented\n"
    "under its test, and last 'N passed, N failed'.\n\n"
    "  --as-of YYYY-MM-DD  the date for tests without their own as_of line\n"
    "                      (default: today, UTC)\n"
    "  -v                  also name each rulebook and where each passing test is\n"
    "  --format github     each failure (and each compile diagnostic) as a GitHub\n"
    "                      Actions annotation on the test's line, on stdout\n\n"
    "exit: 0 all passed, 2 usage error or unreadable file, 3 a rulebook or its\n"
    "      tests did not compile, 4 some test failed\n";

}  // namespace

int cmd_test(Words words) {
    Args args(words, {{"--as-of", true}, {"-v", false}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    if (args.positional().empty()) throw UsageError("no rulebook file given");
    const int32_t as_of = as_of_date(args);
    const bool verbose = args.has("-v");
    const bool github = one_of(args, "--format", "text", {"text", "github"}) == "github";
    const auto files = rulebook_files(args.positional());
    for (const auto& path : files) require_readable(path);

    size_t passed = 0, failed = 0;
    bool compile_errors = false;
    for (const auto& path : files) {
        std::optional<Rulebook> rulebook;
        if (github) {
            Compilation compilation = compile_file(path, {.include_test_file = true});
            for (const auto& d : compilation.diagnostics) std::cout << github_line(d);
            rulebook = std::move(compilation.rulebook);
        } else {
            rulebook = load_rulebook(path, {.include_test_file = true});
        }
        if (!rulebook) {
            compile_errors = true;
            continue;
        }
        auto results = run_tests(*rulebook, as_of);
        if (verbose) std::cout << "# " << path << ": " << results.size() << " tests\n";
        for (const auto& t : results) {
            if (t.passed) {
                ++passed;
                std::cout << "PASS " << t.name;
                if (verbose) std::cout << " (" << t.file << ":" << t.line << ")";
                std::cout << "\n";
                continue;
            }
            ++failed;
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
    std::cout << passed << " passed, " << failed << " failed\n";
    // A rulebook that does not compile is the graver problem: its tests did
    // not run at all, so it decides the exit code.
    if (compile_errors) return kExitRulebookErrors;
    return failed > 0 ? kExitTestsFailed : kExitOk;
}

}  // namespace qualify::cli
