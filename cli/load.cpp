// Compiling the rulebook a subcommand names (see load.hpp).
#include "cli/load.hpp"

#include "cli/options.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace qualify::cli {

std::vector<std::string> rulebook_files(const std::vector<std::string>& args) {
    constexpr std::string_view kTestSuffix = ".test.qual";
    std::vector<std::string> files;
    for (std::string path : args) {
        if (path.ends_with(kTestSuffix)) {
            std::string rulebook = path.substr(0, path.size() - kTestSuffix.size()) + ".qual";
            std::error_code ec;
            if (std::filesystem::exists(rulebook, ec)) path = rulebook;
        }
        if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(path);
    }
    return files;
}

void require_readable(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw UsageError("'" + path + "' is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read '" + path + "'");
}

std::optional<Rulebook> load_rulebook(const std::string& path, const CompileOptions& options) {
    require_readable(path);
    Compilation compilation = compile_file(path, options);
    std::cerr << compilation.render();
    return compilation.rulebook;
}

bool deny_warnings(const Args& args) { return one_of(args, "--deny", "", {"warnings"}) == "warnings"; }

void promote_warnings(Compilation& compilation) {
    bool any = false;
    for (auto& d : compilation.diagnostics) {
        any = any || d.severity == Diagnostic::Severity::Warning;
        d.severity = Diagnostic::Severity::Error;
    }
    if (any) compilation.rulebook.reset();
}

std::optional<Rulebook> load_rulebook_denying_warnings(const std::string& path, CompileOptions options) {
    require_readable(path);
    options.lint = true;
    Compilation compilation = compile_file(path, options);
    promote_warnings(compilation);
    std::cerr << compilation.render();
    return compilation.rulebook;
}

}  // namespace qualify::cli
