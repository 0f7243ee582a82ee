// The statement grammar: the rulebook header, the schema, every top-level
// item, motion bodies and test blocks, and the two file rules the parser
// starts from (`rulebook_file`, `test_file`). Wherever a statement is
// committed (after its keyword) the rest is under must<>, so an error names
// what was expected there; the messages live in errors.hpp.
#pragma once

#include "expression.hpp"
#include "table_rules.hpp"

namespace qualify::grammar::rules {

// A required expression in a statement; the tag makes each place distinct.
template <typename Tag>
struct expression_in : expr<false> {};

// ---------------------------------------------------------------- header

struct rulebook_name : string_tok {};
struct version_keyword : tk<kw_version> {};
struct version_text : string_tok {};
struct header : pg::seq<tk<kw_rulebook>, pg::must<rulebook_name>, pg::must<version_keyword>, pg::must<version_text>> {};
struct header_required : header {};

// ---------------------------------------------------------------- schema

struct type_expr;
struct simple_type : pg::sor<w_string, w_int, w_decimal, w_bool, w_date> {};
struct enum_value : name {};
struct enum_open : lbrace {};
struct enum_values : pg::list_tail<tk<enum_value>, comma> {};
struct enum_close : rbrace {};
struct enum_type : pg::seq<tk<w_enum>, pg::must<enum_open>, pg::must<enum_values>, pg::must<enum_close>> {};
struct list_open : langle {};
struct list_element_type;
struct list_close_angle : rangle {};
struct list_type : pg::seq<tk<w_list>, pg::must<list_open>, pg::must<list_element_type>, pg::must<list_close_angle>> {};
struct type_expr : pg::sor<enum_type, list_type, tk<simple_type>> {};
struct list_element_type : type_expr {};

// In a declaration every segment may be any identifier: nothing else can
// stand there, so keywords are allowed (`intent.score`, even `score`).
struct field_name : pg::seq<pg::identifier, pg::star<pg::one<'.'>, pg::must<path_next_segment>>> {};
struct field_type : type_expr {};
struct optional_mark : pg::one<'?'> {};
// `pii` and `from` are not taken when a colon follows: then they are the
// next field's name.
struct pii_mark : pg::seq<kw_pii, pg::not_at<ws, pg::one<':'>>> {};
struct from_column : string_tok {};
struct from_clause : pg::seq<kw_from, pg::not_at<ws, pg::one<':'>>, ws, pg::must<from_column>> {};
// Without a colon after the name this is not a field, and the schema's
// closing brace is reported as missing: a name alone is no declaration.
struct field_decl
    : pg::seq<tk<field_name>, pg::at<pg::one<':'>>, colon, pg::must<field_type>, pg::opt<optional_mark, ws>,
              pg::star<pg::sor<pii_mark, from_clause>, ws>> {};

struct unknown_values_open : lbrace {};
struct unknown_values_close : rbrace {};
struct unknown_values_decl
    : pg::seq<kw_unknown_values, ws, pg::at<pg::one<'{'>>, pg::must<unknown_values_open>,
              pg::opt<pg::list_tail<string_tok, comma>>, pg::must<unknown_values_close>> {};

struct schema_name : name_tok {};
struct schema_open : lbrace {};
struct schema_close : rbrace {};
struct schema_decl
    : pg::seq<tk<kw_schema>, pg::must<schema_name>, pg::must<schema_open>,
              pg::star<pg::sor<unknown_values_decl, field_decl>>, pg::must<schema_close>> {};

// ---------------------------------------------------------------- rules

struct let_name : name_tok {};
struct let_assign : assign {};
struct let_value_tag;
struct let_stmt
    : pg::seq<tk<kw_let>, pg::must<let_name>, pg::must<let_assign>, pg::must<expression_in<let_value_tag>>> {};

struct disqualify_code : name_tok {};
struct disqualify_when : tk<kw_when> {};
struct disqualify_condition_tag;
struct disqualify_reason : tk<kw_reason> {};
struct disqualify_reason_text : string_tok {};
struct disqualify_stmt
    : pg::seq<tk<kw_disqualify>, pg::must<disqualify_code>, pg::must<disqualify_when>,
              pg::must<expression_in<disqualify_condition_tag>>, pg::must<disqualify_reason>,
              pg::must<disqualify_reason_text>> {};

struct criterion_code : name_tok {};
struct criterion_weight : tk<kw_weight> {};
struct criterion_weight_value : signed_number_tok {};
struct criterion_assign : assign {};
struct criterion_fit_tag;
struct criterion_stmt
    : pg::seq<tk<kw_criterion>, pg::must<criterion_code>, pg::must<criterion_weight>, pg::must<criterion_weight_value>,
              pg::opt<string_tok>, pg::must<criterion_assign>, pg::must<expression_in<criterion_fit_tag>>> {};

struct model_name : name_tok {};
struct model_assign : assign {};
struct model_path : string_tok {};
struct features_open : lbracket {};
struct features_close : rbracket {};
struct features_clause
    : pg::seq<tk<kw_features>, pg::must<features_open>, pg::opt<pg::list_tail<field_ref_tok, comma>>,
              pg::must<features_close>> {};
struct model_stmt
    : pg::seq<tk<kw_model>, pg::must<model_name>, pg::must<model_assign>, pg::must<model_path>,
              pg::opt<features_clause>> {};

struct score_assign : assign {};
struct score_value_tag;
struct score_stmt : pg::seq<tk<kw_score>, pg::must<score_assign>, pg::must<expression_in<score_value_tag>>> {};
struct confidence_assign : assign {};
struct confidence_value_tag;
struct confidence_stmt
    : pg::seq<tk<kw_confidence>, pg::must<confidence_assign>, pg::must<expression_in<confidence_value_tag>>> {};

// `dedupe by KEY, KEY…`: `dedupe` and `by` are words only here, so fields
// and lets may still be called so.
struct dedupe_by : tk<w_by> {};
struct dedupe_key_tag;
struct dedupe_stmt
    : pg::seq<tk<w_dedupe>, pg::must<dedupe_by>, pg::must<expression_in<dedupe_key_tag>>,
              pg::star<comma, pg::must<expression_in<dedupe_key_tag>>>> {};

// ---------------------------------------------------------------- motions

struct override_code : name_tok {};
struct override_weight : signed_number_tok {};
struct weight_override : pg::seq<tk<kw_weight>, pg::must<override_code>, pg::must<override_weight>> {};
struct disable_code : name_tok {};
struct disable_item : pg::seq<tk<kw_disable>, pg::must<disable_code>> {};

struct escalation_code : name_tok {};
struct escalation_condition_tag;
struct escalation_reason : tk<kw_reason> {};
struct escalation_reason_text : string_tok {};
struct motion_escalation_reason : tk<kw_reason> {};
// Inside a motion the condition is optional: without it the escalation
// always applies when the motion does.
struct motion_escalation
    : pg::seq<tk<kw_escalate>, pg::must<escalation_code>,
              pg::opt<tk<kw_when>, pg::must<expression_in<escalation_condition_tag>>>,
              pg::must<motion_escalation_reason>, pg::must<escalation_reason_text>> {};

struct motion_name : name_tok {};
struct motion_when : tk<kw_when> {};
struct motion_condition_tag;
struct motion_open : lbrace {};
struct motion_close : rbrace {};
struct motion_stmt
    : pg::seq<tk<kw_motion>, pg::must<motion_name>, pg::must<motion_when>,
              pg::must<expression_in<motion_condition_tag>>, pg::must<motion_open>,
              pg::star<pg::sor<criterion_stmt, weight_override, disable_item, motion_escalation>>,
              pg::must<motion_close>> {};

// ---------------------------------------------------------------- escalation and routing

struct escalate_when : tk<kw_when> {};
struct escalate_stmt
    : pg::seq<tk<kw_escalate>, pg::must<escalation_code>, pg::must<escalate_when>,
              pg::must<expression_in<escalation_condition_tag>>, pg::must<escalation_reason>,
              pg::must<escalation_reason_text>> {};

struct route_name : name_tok {};
struct route_condition_tag;
struct otherwise_mark : kw_otherwise {};
struct route_condition
    : pg::sor<pg::seq<tk<kw_when>, pg::must<expression_in<route_condition_tag>>>, tk<otherwise_mark>> {};
struct action_text : string_tok {};
struct action_clause : pg::seq<tk<kw_action>, pg::must<action_text>> {};
struct route_stmt
    : pg::seq<tk<kw_route>, pg::must<route_name>, pg::must<route_condition>, pg::opt<string_tok>,
              pg::opt<action_clause>, pg::opt<assign_clause>> {};

struct name_list_open : lbrace {};
struct name_list_close : rbrace {};
struct name_list_body
    : pg::seq<pg::must<name_list_open>, pg::opt<pg::list_tail<name_tok, comma>>, pg::must<name_list_close>> {};
struct qualified_routes_stmt : pg::seq<tk<kw_qualified_routes>, name_list_body> {};
struct rejection_reasons_stmt : pg::seq<tk<kw_rejection_reasons>, name_list_body> {};

struct sample_share : pg::seq<number, ws, pg::one<'%'>, ws> {};
struct sample_of : tk<kw_of> {};
struct sample_route : name_tok {};
struct explore_as : tk<kw_as> {};
struct explore_target : name_tok {};
struct review_stmt : pg::seq<tk<kw_review>, pg::must<sample_share>, pg::must<sample_of>, pg::must<sample_route>> {};
struct explore_stmt
    : pg::seq<tk<kw_explore>, pg::must<sample_share>, pg::must<sample_of>, pg::must<sample_route>,
              pg::must<explore_as>, pg::must<explore_target>> {};

// ---------------------------------------------------------------- tests

struct given_colon : colon {};
struct given_value_tag;
struct given_entry : pg::seq<field_ref_tok, pg::must<given_colon>, pg::must<expression_in<given_value_tag>>> {};
struct given_open : lbrace {};
struct given_close : rbrace {};
struct given_entries : pg::seq<pg::must<given_open>, pg::opt<pg::list_tail<given_entry, comma>>, pg::must<given_close>> {};
// `{ … }`, `NAME`, `NAME, NAME` or `NAME with { … }`: fixtures first, in
// order, then the entries; a later key overrides an earlier one.
struct given_fixture : name_tok {};
struct given_with : tk<w_with> {};
struct given_source
    : pg::sor<pg::seq<pg::at<pg::one<'{'>>, given_entries>,
              pg::seq<pg::list<given_fixture, comma>, pg::opt<given_with, given_entries>>> {};
struct given_source_required : given_source {};
struct given_block : pg::seq<tk<kw_given>, pg::must<given_source_required>> {};
struct as_of_value_tag;
struct as_of_line : pg::seq<tk<kw_as_of>, pg::must<expression_in<as_of_value_tag>>> {};

struct expect_name : name_tok {};
struct expect_operator : tk<comparison_symbol> {};
struct expect_number : signed_number_tok {};
struct expect_field : field_ref_tok {};
struct expect_reason_after_top : tk<kw_reason> {};
struct expect_escalation_after_no : tk<w_escalation> {};
struct expect_disqualified_after_not : tk<w_disqualified> {};

struct expect_route : pg::seq<tk<kw_route>, pg::must<expect_name>> {};
struct expect_range_low : signed_number_tok {};
struct expect_range_dots : dotdot {};
struct expect_range_high : signed_number_tok {};
// `in LOW..HIGH`, both ends included.
struct expect_range
    : pg::seq<tk<kw_in>, pg::must<expect_range_low>, pg::must<expect_range_dots>, pg::must<expect_range_high>> {};
struct expect_score
    : pg::seq<tk<kw_score>, pg::sor<expect_range, pg::seq<pg::must<expect_operator>, pg::must<expect_number>>>> {};
struct expect_confidence
    : pg::seq<tk<kw_confidence>, pg::sor<expect_range, pg::seq<pg::must<expect_operator>, pg::must<expect_number>>>> {};
// The code is optional; a name followed by `{` is the `cases` block, and in
// a `cases` row a name followed by `=>` or `with` is the next row's fixture.
struct disqualifier_code : pg::seq<name_tok, pg::not_at<pg::sor<arrow, w_with, pg::one<'{'>>>> {};
struct expect_not_disqualified
    : pg::seq<tk<kw_not>, pg::must<expect_disqualified_after_not>, pg::opt<disqualifier_code>> {};
struct expect_disqualified : pg::seq<tk<w_disqualified>, pg::opt<disqualifier_code>> {};
struct expect_reason : pg::seq<tk<kw_reason>, pg::must<expect_name>> {};
struct expect_top_reason : pg::seq<tk<w_top>, pg::must<expect_reason_after_top>, pg::must<expect_name>> {};
struct expect_escalation : pg::seq<tk<w_escalation>, pg::must<expect_name>> {};
struct expect_no_escalation : pg::seq<tk<w_no>, pg::must<expect_escalation_after_no>> {};
struct expect_motion : pg::seq<tk<kw_motion>, pg::must<expect_name>> {};
struct expect_unknown : pg::seq<tk<w_unknown>, pg::must<expect_field>> {};
struct expect_review : tk<kw_review> {};
struct expect_explore : tk<kw_explore> {};
struct expect_error_text : string_tok {};
struct expect_error : pg::seq<tk<w_error>, pg::opt<expect_error_text>> {};
// `expect assigned team = "emea"`: `assigned` is a word only here.
struct w_assigned : TAO_PEGTL_KEYWORD("assigned") {};
struct expect_assigned_eq : assign {};
struct expect_assigned_value : simple_test_value {};
struct expect_assigned
    : pg::seq<tk<w_assigned>, pg::must<expect_name>, pg::must<expect_assigned_eq>, pg::must<expect_assigned_value>> {};
struct expectation
    : pg::sor<expect_route, expect_score, expect_confidence, expect_not_disqualified, expect_disqualified,
              expect_reason, expect_top_reason, expect_escalation, expect_no_escalation, expect_motion,
              expect_unknown, expect_review, expect_explore, expect_error, expect_assigned> {};
struct expect_line : pg::seq<tk<kw_expect>, pg::must<expectation>> {};

// A table-driven test: `cases { GIVEN => EXPECTATION, … }`, one row a
// line; each row is a lead of its own, on top of the test's `given`.
struct row_arrow : arrow {};
struct row_expectation : expectation {};
struct test_row
    : pg::seq<given_source, pg::must<row_arrow>, pg::must<row_expectation>,
              pg::star<comma, pg::must<row_expectation>>> {};
struct cases_open : lbrace {};
struct cases_close : rbrace {};
struct cases_block : pg::seq<tk<w_cases>, pg::must<cases_open>, pg::star<test_row>, pg::must<cases_close>> {};

struct test_name : string_tok {};
struct test_open : lbrace {};
struct test_close : rbrace {};
struct test_block
    : pg::seq<tk<kw_test>, pg::must<test_name>, pg::must<test_open>,
              pg::star<pg::sor<given_block, as_of_line, expect_line, cases_block>>, pg::must<test_close>> {};

// `fixture NAME { field: value, … }`: given values tests share.
struct fixture_name : name_tok {};
struct fixture_stmt : pg::seq<tk<w_fixture>, pg::must<fixture_name>, given_entries> {};

// ---------------------------------------------------------------- files

struct item
    : pg::sor<schema_decl, let_stmt, disqualify_stmt, criterion_stmt, model_stmt, score_stmt, confidence_stmt,
              motion_stmt, escalate_stmt, route_stmt, qualified_routes_stmt, review_stmt, explore_stmt,
              rejection_reasons_stmt, dedupe_stmt, table_stmt, test_block, fixture_stmt> {};
struct rulebook_end : pg::eof {};
struct rulebook_file : pg::seq<ws, pg::must<header_required>, pg::star<item>, pg::must<rulebook_end>> {};

struct test_file_end : pg::eof {};
struct test_file : pg::seq<ws, pg::star<pg::sor<test_block, fixture_stmt>>, pg::must<test_file_end>> {};

}  // namespace qualify::grammar::rules
