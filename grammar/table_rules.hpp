// The grammar of decision tables and of a route's `assign` clause. A table
// is a header row (input expressions, `=>`, output names) and one row per
// line of cells. Inside a table `|` always separates columns, so a cell's
// operand is a primary (`in {"US", "CA"}`, `>= 1000`, `(a | b)`), never a
// bare set union; outputs are single values, so a row ends where its
// output list does and the next row's first cell can never be swallowed.
// The builder (build_table.cpp) checks that each row starts on a new line.
#pragma once

#include "expression.hpp"

namespace qualify::grammar::rules {

struct w_first : TAO_PEGTL_KEYWORD("first") {};
struct w_unique : TAO_PEGTL_KEYWORD("unique") {};
struct w_collect : TAO_PEGTL_KEYWORD("collect") {};

struct table_name : name_tok {};
struct table_hit : tk<kw_hit> {};
struct table_policy : tk<pg::sor<w_first, w_unique, w_collect>> {};
struct table_label : string_tok {};
struct table_open : lbrace {};
struct table_close : rbrace {};
struct column_bar : pg::seq<pg::one<'|'>, ws> {};
struct table_arrow : arrow {};

// Header: `company.country | company.employees => team, tier`.
struct table_column : unary_level {};
struct table_next_column : table_column {};
struct table_output_name : name_tok {};
struct table_next_output_name : table_output_name {};
struct table_header
    : pg::seq<table_column, pg::star<column_bar, pg::must<table_next_column>>, pg::must<table_arrow>,
              pg::must<table_output_name>, pg::star<comma, pg::must<table_next_output_name>>> {};

// Cells: `-` (any value, unknown included) or a unary test.
struct cell_operand : unary_level {};
struct cell_any : pg::seq<pg::one<'-'>, pg::not_at<pg::digit>, ws> {};
struct cell_in : pg::seq<tk<kw_in>, pg::must<cell_operand>> {};
struct cell_not_in : pg::seq<kw_not, ws, kw_in, ws, pg::must<cell_operand>> {};
struct cell_compare : pg::seq<comparison_symbol, ws, pg::must<cell_operand>> {};
struct cell_range : pg::seq<range_bound, dotdot, pg::must<range_high>> {};
struct cell_equals : simple_test_value {};
struct table_cell : pg::sor<cell_any, cell_in, cell_not_in, cell_compare, cell_range, cell_equals> {};
struct table_next_cell : table_cell {};
struct table_row_arrow : arrow {};
struct table_output : simple_test_value {};
struct table_next_output : table_output {};
struct table_row
    : pg::seq<table_cell, pg::star<column_bar, pg::must<table_next_cell>>, pg::must<table_row_arrow>,
              pg::must<table_output>, pg::star<comma, pg::must<table_next_output>>> {};

struct table_stmt
    : pg::seq<tk<kw_table>, pg::must<table_name>, pg::must<table_hit>, pg::must<table_policy>, pg::opt<table_label>,
              pg::must<table_open>, pg::must<table_header>, pg::star<table_row>, pg::must<table_close>> {};

// `assign team: owner.team, tier: owner.tier` after a route's label and action.
struct assign_name : name_tok {};
struct assign_colon : colon {};
struct assign_value_tag;
struct assign_value : expr<false> {};
struct assign_entry : pg::seq<assign_name, pg::must<assign_colon>, pg::must<assign_value>> {};
struct assign_next_entry : assign_entry {};
struct assign_clause : pg::seq<tk<kw_assign>, pg::must<assign_entry>, pg::star<comma, pg::must<assign_next_entry>>> {};

}  // namespace qualify::grammar::rules
