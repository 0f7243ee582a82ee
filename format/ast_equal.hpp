// Whether two parsed rulebooks say the same thing: every node compared,
// source positions (spans), file name and source text ignored. The formatter
// refuses to write a layout whose AST differs from the original's, and the
// tests check the round trip with it.
#pragma once

#include "grammar/ast.hpp"

#include <string>

namespace qualify::format {

// Empty when equal; otherwise where they first differ ("criteria[2].fit.args[0].text").
std::string ast_difference(const ast::Rulebook& a, const ast::Rulebook& b);

}  // namespace qualify::format
