// Compiling the rulebook a subcommand names (see load.hpp).
#include "cli/load.hpp"

#include "cli/options.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace qualify::cli {

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
