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

}  // namespace qualify::cli
