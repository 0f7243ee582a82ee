// `qualify fmt [--check] [--format text|github] FILE…`: rewrites rulebooks
// and test files in the canonical layout (format/), or with --check only
// says which are not in it, as a unified diff or as GitHub annotations.
// A file that does not parse is reported and never touched.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/github_annotations.hpp"
#include "cli/options.hpp"

#include "format/checked.hpp"
#include "format/unified_diff.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace qualify::cli {

namespace {

constexpr const char* kUsage =
    "usage: qualify fmt [--check] [--format text|github] FILE...\n"
    "       qualify fmt < FILE      (or FILE '-': standard input to standard output)\n\n"
    "Rewrites each rulebook or test file (NAME.test.qual) in place in the one\n"
    "canonical layout: indentation, spacing, alignment and blank lines; tokens,\n"
    "line breaks and comments stay. A file that does not parse is reported and\n"
    "left as it is.\n\n"
    "  --check          change nothing; print a unified diff for each file not\n"
    "                   in the canonical layout\n"
    "  --format github  report as GitHub Actions annotations instead (one per\n"
    "                   changed region, and one per syntax error)\n\n"
    "exit: 0 every file formatted (or, with --check, already formatted),\n"
    "      2 usage error or unreadable file, 3 some file does not parse,\n"
    "      7 --check: some file is not formatted\n";

void write_file(const std::string& path, const std::string& text) {
    // Write beside the file and rename over it, so an interrupted run never
    // leaves a half-written rulebook.
    const std::string temp = path + ".fmt-tmp";
    {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        if (!out) throw UsageError("cannot write '" + temp + "'");
    }
    // The rewritten file keeps the original's permissions.
    std::error_code ec;
    const auto perms = std::filesystem::status(path, ec).permissions();
    if (!ec) std::filesystem::permissions(temp, perms, ec);
    std::filesystem::rename(temp, path, ec);
    if (ec) throw UsageError("cannot replace '" + path + "': " + ec.message());
}

}  // namespace

int cmd_fmt(Words words) {
    Args args(words, {{"--check", false}, {"--format", true}});
    if (args.help()) {
        std::cout << kUsage;
        return kExitOk;
    }
    const bool check = args.has("--check");
    const bool github = one_of(args, "--format", "text", {"text", "github"}) == "github";
    std::vector<std::string> files = args.positional();
    if (files.empty()) files.push_back("-");
    // Read everything first: an unreadable file is a usage error before
    // anything is rewritten.
    std::vector<std::string> sources;
    for (const auto& path : files) sources.push_back(read_file(path));

    bool syntax_errors = false;
    size_t unformatted = 0;
    for (size_t i = 0; i < files.size(); ++i) {
        const bool stdin_file = files[i] == "-";
        const std::string path = stdin_file ? "<stdin>" : files[i];
        const auto kind = stdin_file ? format::FileKind::Guess
                          : format::is_test_file(path) ? format::FileKind::TestFile
                                                       : format::FileKind::Rulebook;
        const auto result = format::format_checked(sources[i], path, kind);
        if (!result.diagnostics.empty()) {
            syntax_errors = true;
            for (const auto& d : result.diagnostics)
                if (github) std::cout << github_line(d);
                else std::cerr << render(d, sources[i]);
            continue;
        }
        if (stdin_file && !check) {
            std::cout << result.formatted;
            continue;
        }
        if (result.formatted == sources[i]) continue;
        if (!check) {
            write_file(path, result.formatted);
            std::cerr << "formatted " << path << "\n";
            continue;
        }
        ++unformatted;
        if (!github) {
            std::cout << format::unified_diff(sources[i], result.formatted, path);
            continue;
        }
        for (const auto& hunk : format::diff_hunks(sources[i], result.formatted)) {
            Annotation a;
            a.file = path;
            a.line = hunk.old_start == 0 ? 1 : static_cast<unsigned>(hunk.old_start);
            if (hunk.old_count > 1) a.end_line = static_cast<unsigned>(hunk.old_start + hunk.old_count - 1);
            a.title = "not formatted";
            a.message = "qualify fmt would change these lines:\n";
            for (const auto& line : hunk.lines) a.message += line + "\n";
            std::cout << github_line(a);
        }
    }
    if (check && unformatted > 0)
        std::cerr << "qualify fmt: " << unformatted << " of " << files.size()
                  << (files.size() == 1 ? " file is" : " files are")
                  << " not formatted (run 'qualify fmt FILE...')\n";
    if (syntax_errors) return kExitRulebookErrors;
    return unformatted > 0 ? kExitNotFormatted : kExitOk;
}

}  // namespace qualify::cli
