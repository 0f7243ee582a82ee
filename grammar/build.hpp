// The tree builder: turns the parse tree of actions.hpp into the AST of
// ast.hpp. Expressions are built in build_expression.cpp, statements and
// test blocks in build_statements.cpp. A problem the grammar cannot see
// (a lone surrogate in `\u` escapes, a missing schema) is thrown as a
// SyntaxError like any parse error.
#pragma once

#include "actions.hpp"
#include "ast.hpp"
#include "control.hpp"

#include <string>

namespace qualify::grammar {

ast::Span span_of(const Node& n);

// The i-th child, checked: a tree of the wrong shape is a bug in the
// grammar, reported rather than dereferenced.
const Node& child(const Node& n, std::size_t i);

// The value of a String or RawString node, escapes decoded into UTF-8.
std::string string_value(const Node& n);

// An expression from the node of one expression slot.
ast::ExprPtr build_expression(const Node& n);

// One unary test (a match arm's or a decision table cell's).
ast::UnaryTest build_unary_test(const Node& n);

// A `table` statement (build_table.cpp).
ast::Table build_table(const Node& n);

// Fills `book` from the root of a `rulebook_file` or a `test_file`.
void build_rulebook(const Node& root, ast::Rulebook& book);
void build_test_file(const Node& root, ast::Rulebook& book);

}  // namespace qualify::grammar
