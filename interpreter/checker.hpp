// The checker: turns a parsed rulebook into a Program — schema slots, types
// of every expression, names resolved, constant sets built, regexes compiled,
// models loaded — or into a list of diagnostics. All problems are collected,
// not just the first.
#pragma once

#include "program.hpp"
#include "qualify/diagnostics.hpp"

#include <memory>
#include <string>
#include <vector>

namespace qualify {

struct CheckOptions {
    // `qualify train` checks a rulebook whose model file it is about to write.
    bool allow_missing_models = false;
    // `qualify train`: do not read model files at all (CompileOptions).
    bool skip_model_files = false;
};

// Returns null when any error was reported. `base_dir` is where model paths
// are resolved from.
std::unique_ptr<Program> check(std::unique_ptr<ast::Rulebook> rulebook, const std::string& base_dir,
                               std::vector<Diagnostic>& diagnostics, const CheckOptions& options = {});

}  // namespace qualify
