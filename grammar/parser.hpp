// Entry points of the parser: rulebook text in, AST or diagnostics out.
// The PEGTL grammar itself lives in grammar.hpp, its actions in actions.hpp
// and its error messages in errors.hpp.
#pragma once

#include "ast.hpp"
#include "qualify/diagnostics.hpp"

#include <memory>
#include <string>
#include <vector>

namespace qualify {

struct ParseResult {
    std::unique_ptr<ast::Rulebook> rulebook;  // null when diagnostics holds an error
    std::vector<Diagnostic> diagnostics;
};

// Parses a whole rulebook. `file` names it in diagnostics. The returned AST
// keeps `file` and `source`.
ParseResult parse_rulebook(std::string source, std::string file);

// Parses a `NAME.test.qual` file: `test` blocks only. The returned rulebook
// has only `tests` (and file/source) filled in.
ParseResult parse_test_file(std::string source, std::string file);

}  // namespace qualify
