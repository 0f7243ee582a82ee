// Formatting with proof: the source must parse, and the layout must parse to
// the same AST (spans aside) and be its own layout. `qualify fmt` writes
// nothing that fails either check.
#pragma once

#include "qualify/diagnostics.hpp"

#include <string>
#include <vector>

namespace qualify::format {

struct Checked {
    std::vector<Diagnostic> diagnostics;  // the source's syntax errors; nothing else is set then
    std::string formatted;                // the canonical layout
};

enum class FileKind { Rulebook, TestFile, Guess };

// FileKind::Guess reads a rulebook, or a test file when it is not one.
// Throws std::logic_error when the layout would change the meaning or is
// not stable: a fault of the formatter, never of the input.
Checked format_checked(const std::string& source, const std::string& file, FileKind kind);

// A test file by name: `NAME.test.qual`.
bool is_test_file(const std::string& path);

}  // namespace qualify::format
