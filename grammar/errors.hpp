// The error messages of the grammar: one entry per must<> point, each with
// the message in the author's terms and a help line showing the form to
// write. The control class (control.hpp) refuses to compile a must<> whose
// rule has no entry here, so no error can surface as a rule's C++ name.
#pragma once

#include "statements.hpp"

#include "qualify/diagnostics.hpp"

namespace qualify::grammar {

// What stood at the error point, when it matters for the diagnostic: a
// keyword where a name is declared or referenced becomes Q005.
enum class NameRole {
    None,
    Declared,    // a new name: a code, route, constant, motion, schema, enum value
    Referenced,  // a schema field written outside an expression
    Expression,  // an expression: a keyword there is most likely a field
};

struct ErrorText {
    const char* message = nullptr;
    const char* help = "";
    DiagnosticCode code = DiagnosticCode::Q001;
    NameRole role = NameRole::None;
};

template <typename Rule>
inline constexpr ErrorText error_message{};

#define QUALIFY_ERROR(RULE, ...) \
    template <>                  \
    inline constexpr ErrorText error_message<rules::RULE>{__VA_ARGS__};
#define QUALIFY_ERROR_T(RULE, ...) \
    template <bool A>              \
    inline constexpr ErrorText error_message<rules::RULE<A>>{__VA_ARGS__};
#define QUALIFY_ERROR_IN(TAG, ...) \
    template <>                    \
    inline constexpr ErrorText error_message<rules::expression_in<rules::TAG>>{__VA_ARGS__};

using enum DiagnosticCode;
using enum NameRole;

// ---------------------------------------------------------------- lexical

QUALIFY_ERROR(fraction_digits, "a decimal number needs digits after the point",
              "write `5.0` or `5`, not `5.`", Q003)
QUALIFY_ERROR(second_point, "a number has at most one decimal point", "write `1.25`", Q003)
QUALIFY_ERROR(leading_point, "a decimal number needs a digit before the point", "write `0.5`, not `.5`", Q003)
QUALIFY_ERROR(invalid_escape, "invalid escape in string",
              "strings take the escapes \\\" \\\\ \\n \\t and \\uXXXX; a raw string r\"…\" takes none", Q002)
QUALIFY_ERROR(string_close, "unterminated string: the line ends before the closing `\"`",
              "close the string on the line where it starts", Q004)
QUALIFY_ERROR(raw_close, "unterminated raw string: the line ends before the closing `\"`",
              "close the string on the line where it starts", Q004)
QUALIFY_ERROR(path_next_segment, "expected a field name after `.`",
              "write a dotted name such as `company.employees`")

// ---------------------------------------------------------------- expressions

QUALIFY_ERROR(arm_test_operand, "expected a value after the test's operator in this match arm",
              "write arms such as `in icp_industries => 1` or `>= 5000 => 1`", Q001, Expression)
QUALIFY_ERROR(range_high, "expected the upper bound of the range after `..`",
              "write a range such as `10..50`", Q001, Expression)
QUALIFY_ERROR(negation_operand, "expected a value after `-`", "write a negative number as `-10`", Q001,
              Expression)
QUALIFY_ERROR(intersect_rhs, "expected a set after `&`", "write `company.tech_stack & partner_stack`", Q001,
              Expression)
QUALIFY_ERROR_T(union_rhs, "expected a set after `|`", "write `partner_stack | crm_stack`", Q001, Expression)
QUALIFY_ERROR(quant_list, "expected the list after `in` of `any`/`all`",
              "write `any tool in company.tech_stack: tool in crm_stack`", Q001, Expression)
QUALIFY_ERROR(quant_colon, "expected `:` after the list of `any`/`all`",
              "write `any x in LIST: CONDITION`", Q001, Expression)
QUALIFY_ERROR(quant_body, "expected a condition after `:` of `any`/`all`",
              "write `any x in LIST: CONDITION`", Q001, Expression)
QUALIFY_ERROR_T(multiply_rhs, "expected a value after `*` or `/`", "write `a * b` or `a / b`", Q001, Expression)
QUALIFY_ERROR_T(add_rhs, "expected a value after `+` or `-`", "write `a + b` or `a - b`", Q001, Expression)
QUALIFY_ERROR_T(coalesce_rhs, "expected a fallback value after `??`", "write `x ?? 0`", Q001, Expression)
QUALIFY_ERROR_T(comparison_rhs, "expected a value to compare with after the comparison",
                "write `x >= 10`, `x in some_set` or `x matches r\"…\"`", Q001, Expression)
QUALIFY_ERROR(chained_comparison, "comparisons do not chain",
              "write `a < b and b < c` instead of `a < b < c`")
QUALIFY_ERROR_T(not_operand, "expected a condition after `not`", "write `not CONDITION`", Q001, Expression)
QUALIFY_ERROR_T(and_rhs, "expected a condition after `and`", "write `A and B`", Q001, Expression)
QUALIFY_ERROR_T(or_rhs, "expected a condition after `or`", "write `A or B`", Q001, Expression)
QUALIFY_ERROR(if_condition, "expected a condition after `if`", "write `if CONDITION then A else B`", Q001,
              Expression)
QUALIFY_ERROR(if_then, "expected `then` after the condition of `if`", "write `if CONDITION then A else B`")
QUALIFY_ERROR(then_branch, "expected a value after `then`", "write `if CONDITION then A else B`", Q001,
              Expression)
QUALIFY_ERROR(if_else, "expected `else`: every `if` needs an `else` branch", "write `if CONDITION then A else B`")
QUALIFY_ERROR_T(else_branch, "expected a value after `else`", "write `if CONDITION then A else B`", Q001,
                Expression)
QUALIFY_ERROR(paren_inner, "expected an expression after `(`", "", Q001, Expression)
QUALIFY_ERROR(paren_close, "expected `)` to close the parenthesis", "every `(` needs a matching `)`")
QUALIFY_ERROR(set_close, "expected `,` or `}` in the set", "write a set as `{a, b, c}`")
QUALIFY_ERROR(list_close, "expected `,` or `]` in the list", "write a list as `[a, b, c]`")
QUALIFY_ERROR(range_end, "expected the end of the range after `..`", "write a range as `ideal: 200..2000`", Q001,
              Expression)
QUALIFY_ERROR(call_close, "expected `,` or `)` in the call's arguments",
              "write a call as `f(x, name: value)`")
QUALIFY_ERROR(match_subject, "expected the value to match after `match`",
              "write `match x { TESTS => RESULT  else => RESULT }`", Q001, Expression)
QUALIFY_ERROR(match_open, "expected `{` after the value to match",
              "write `match x { TESTS => RESULT  else => RESULT }`")
QUALIFY_ERROR(match_close, "expected another arm or `}` closing the match",
              "an arm is `TESTS => RESULT` or `else => RESULT`; parenthesise a result that continues")
QUALIFY_ERROR(arm_arrow, "expected `=>` after the arm's tests", "write an arm as `TESTS => RESULT`")
QUALIFY_ERROR(arm_result, "expected the arm's result after `=>`", "write an arm as `TESTS => RESULT`", Q001,
              Expression)

// ---------------------------------------------------------------- header and schema

QUALIFY_ERROR(header_required, "a rulebook starts with `rulebook \"NAME\" version \"VERSION\"`",
              "write `rulebook \"saas-inbound\" version \"2026.11.1\"` as the first line")
QUALIFY_ERROR(rulebook_name, "expected the rulebook's name in quotes after `rulebook`",
              "write `rulebook \"NAME\" version \"VERSION\"`")
QUALIFY_ERROR(version_keyword, "expected `version \"…\"` after the rulebook's name",
              "write `rulebook \"NAME\" version \"VERSION\"`")
QUALIFY_ERROR(version_text, "expected the version in quotes after `version`",
              "write `rulebook \"NAME\" version \"VERSION\"`")
QUALIFY_ERROR(schema_name, "expected the schema's name after `schema`", "write `schema lead { id: string … }`",
              Q001, Declared)
QUALIFY_ERROR(schema_open, "expected `{` after the schema's name", "write `schema lead { id: string … }`")
QUALIFY_ERROR(schema_close, "expected a field declaration `name: type` or `}` closing the schema",
              "declare a field as `company.employees: int? from \"Employees\"`")
QUALIFY_ERROR(field_type, "expected a type after the field's `:`",
              "the types are string, int, decimal, bool, date, enum { a, b } and list<T>")
QUALIFY_ERROR(list_element_type, "expected the element type after `list<`", "write `list<string>`")
QUALIFY_ERROR(list_open, "expected `<` after `list`", "write `list<string>`")
QUALIFY_ERROR(list_close_angle, "expected `>` closing the list type", "write `list<string>`")
QUALIFY_ERROR(enum_open, "expected `{` after `enum`", "write `enum { ic, manager, director }`")
QUALIFY_ERROR(enum_values, "expected the enum's values after `{`", "write `enum { ic, manager, director }`", Q001,
              Declared)
QUALIFY_ERROR(enum_close, "expected `,` or `}` in the enum's values", "write `enum { ic, manager, director }`",
              Q001, Declared)
QUALIFY_ERROR(from_column, "expected the column's name in quotes after `from`", "write `from \"Employees\"`")
QUALIFY_ERROR(unknown_values_open, "expected `{` after `unknown_values`", "write `unknown_values { \"N/A\" }`")
QUALIFY_ERROR(unknown_values_close, "expected a quoted value, `,` or `}` in `unknown_values`",
              "write `unknown_values { \"Select\", \"N/A\" }`")

// ---------------------------------------------------------------- rules

QUALIFY_ERROR(let_name, "expected the constant's name after `let`", "write `let NAME = EXPRESSION`", Q001, Declared)
QUALIFY_ERROR(let_assign, "expected `=` after the constant's name", "write `let NAME = EXPRESSION`")
QUALIFY_ERROR_IN(let_value_tag, "expected the constant's value after `=`", "write `let NAME = EXPRESSION`", Q001,
                 Expression)
QUALIFY_ERROR(disqualify_code, "expected the disqualifier's code after `disqualify`",
              "write `disqualify CODE when CONDITION reason \"text\"`", Q001, Declared)
QUALIFY_ERROR(disqualify_when, "expected `when CONDITION` after the disqualifier's code",
              "write `disqualify CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR_IN(disqualify_condition_tag, "expected the disqualifier's condition after `when`",
                 "write `disqualify CODE when CONDITION reason \"text\"`", Q001, Expression)
QUALIFY_ERROR(disqualify_reason, "expected `reason \"…\"` after the disqualifier's condition",
              "write `disqualify CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR(disqualify_reason_text, "expected the reason in quotes after `reason`",
              "write `disqualify CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR(dedupe_by, "expected `by` after `dedupe`", "write `dedupe by lower(email)` or `dedupe by KEY, KEY`")
QUALIFY_ERROR_IN(dedupe_key_tag, "expected the dedupe key, an expression", "write `dedupe by lower(email)` or `dedupe by KEY, KEY`",
                 Q001, Expression)
QUALIFY_ERROR(criterion_code, "expected the criterion's code after `criterion`",
              "write `criterion CODE weight 20 \"Label\" = FIT`", Q001, Declared)
QUALIFY_ERROR(criterion_weight, "expected `weight N` after the criterion's code",
              "write `criterion CODE weight 20 \"Label\" = FIT`")
QUALIFY_ERROR(criterion_weight_value, "expected the criterion's weight, a number, after `weight`",
              "write `weight 20`, `weight 2.5` or, for a penalty, `weight -10`")
QUALIFY_ERROR(criterion_assign, "expected `=` and the criterion's fit after its weight and label",
              "write `criterion CODE weight 20 \"Label\" = FIT`")
QUALIFY_ERROR_IN(criterion_fit_tag, "expected the criterion's fit after `=`",
                 "write `criterion CODE weight 20 \"Label\" = FIT`", Q001, Expression)
QUALIFY_ERROR(model_name, "expected the model's name after `model`",
              "write `model NAME = \"path.json\" features [a.b, c.d]`", Q001, Declared)
QUALIFY_ERROR(model_assign, "expected `=` after the model's name",
              "write `model NAME = \"path.json\" features [a.b, c.d]`")
QUALIFY_ERROR(model_path, "expected the model file's path in quotes after `=`",
              "write `model NAME = \"path.json\" features [a.b, c.d]`")
QUALIFY_ERROR(features_open, "expected `[` after `features`", "write `features [company.industry, intent.score]`")
QUALIFY_ERROR(features_close, "expected a field name, `,` or `]` in the model's features",
              "write `features [company.industry, intent.score]`", Q001, Referenced)
QUALIFY_ERROR(score_assign, "expected `=` after `score`", "write `score = 0.7 * rules + 0.3 * propensity * 100`")
QUALIFY_ERROR_IN(score_value_tag, "expected the score's expression after `score =`",
                 "write `score = 0.7 * rules + 0.3 * propensity * 100`", Q001, Expression)
QUALIFY_ERROR(confidence_assign, "expected `=` after `confidence`", "write `confidence = known_share`")
QUALIFY_ERROR_IN(confidence_value_tag, "expected the confidence's expression after `confidence =`",
                 "write `confidence = known_share`", Q001, Expression)

// ---------------------------------------------------------------- motions, escalations, routes

QUALIFY_ERROR(motion_name, "expected the motion's name after `motion`", "write `motion NAME when CONDITION { … }`",
              Q001, Declared)
QUALIFY_ERROR(motion_when, "expected `when CONDITION` after the motion's name",
              "write `motion NAME when CONDITION { … }`")
QUALIFY_ERROR_IN(motion_condition_tag, "expected the motion's condition after `when`",
                 "write `motion NAME when CONDITION { … }`", Q001, Expression)
QUALIFY_ERROR(motion_open, "expected `{` after the motion's condition", "write `motion NAME when CONDITION { … }`")
QUALIFY_ERROR(motion_close, "expected `criterion`, `weight`, `disable`, `escalate` or `}` in the motion",
              "a motion holds `criterion …`, `weight CODE N`, `disable CODE` and `escalate CODE reason \"text\"`")
QUALIFY_ERROR(override_code, "expected the code of the criterion to reweigh after `weight`",
              "write `weight CODE 10`", Q001, Declared)
QUALIFY_ERROR(override_weight, "expected the new weight, a number, after the criterion's code",
              "write `weight CODE 10`")
QUALIFY_ERROR(disable_code, "expected the code of the criterion to disable after `disable`",
              "write `disable CODE`", Q001, Declared)
QUALIFY_ERROR(escalation_code, "expected the escalation's code after `escalate`",
              "write `escalate CODE when CONDITION reason \"text\"`", Q001, Declared)
QUALIFY_ERROR(escalate_when, "expected `when CONDITION` after the escalation's code",
              "write `escalate CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR_IN(escalation_condition_tag, "expected the escalation's condition after `when`",
                 "write `escalate CODE when CONDITION reason \"text\"`", Q001, Expression)
QUALIFY_ERROR(escalation_reason, "expected `reason \"…\"` after the escalation's condition",
              "write `escalate CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR(motion_escalation_reason, "expected `when CONDITION` or `reason \"…\"` after the escalation's code",
              "write `escalate CODE [when CONDITION] reason \"text\"`")
QUALIFY_ERROR(escalation_reason_text, "expected the reason in quotes after `reason`",
              "write `escalate CODE when CONDITION reason \"text\"`")
QUALIFY_ERROR(route_name, "expected the route's name after `route`",
              "write `route NAME when CONDITION \"Label\" action \"text\"` or `route NAME otherwise`", Q001, Declared)
QUALIFY_ERROR(route_condition, "expected `when CONDITION` or `otherwise` after the route's name",
              "write `route NAME when CONDITION` or `route NAME otherwise`")
QUALIFY_ERROR_IN(route_condition_tag, "expected the route's condition after `when`",
                 "write `route NAME when CONDITION \"Label\"`", Q001, Expression)
QUALIFY_ERROR(action_text, "expected the suggested action in quotes after `action`",
              "write `action \"Book a discovery call\"`")
QUALIFY_ERROR(name_list_open, "expected `{` and a list of names", "write `qualified_routes { ae, sdr }`")
QUALIFY_ERROR(name_list_close, "expected a name, `,` or `}` in the list", "write `qualified_routes { ae, sdr }`",
              Q001, Declared)
QUALIFY_ERROR(sample_share, "expected a share such as `5%`", "write `review 5% of reject` or `explore 3% of nurture as sdr`")
QUALIFY_ERROR(sample_of, "expected `of ROUTE` after the share", "write `review 5% of reject`")
QUALIFY_ERROR(sample_route, "expected a route's name (or `disqualified`) after `of`", "write `review 5% of reject`",
              Q001, Declared)
QUALIFY_ERROR(explore_as, "expected `as ROUTE` naming where explored leads go", "write `explore 3% of nurture as sdr`")
QUALIFY_ERROR(explore_target, "expected a route's name after `as`", "write `explore 3% of nurture as sdr`", Q001,
              Declared)

// ---------------------------------------------------------------- tests

QUALIFY_ERROR(test_name, "expected the test's name in quotes after `test`", "write `test \"name\" { given { … } expect … }`")
QUALIFY_ERROR(test_open, "expected `{` after the test's name", "write `test \"name\" { given { … } expect … }`")
QUALIFY_ERROR(test_close, "expected `given`, `as_of`, `expect`, `cases` or `}` in the test",
              "a test holds `given { field: value, … }`, `as_of date(\"…\")`, `expect …` lines and `cases { … }`")
QUALIFY_ERROR(given_open, "expected `{` with the given fields", "write `given { id: \"t1\", company.employees: 500 }`")
QUALIFY_ERROR(given_source_required, "expected `{ … }` or a fixture's name after `given`",
              "write `given { id: \"t1\", company.employees: 500 }` or `given FIXTURE with { … }`")
QUALIFY_ERROR(fixture_name, "expected the fixture's name after `fixture`",
              "write `fixture base { id: \"t1\", source: inbound_form }`", Q001, Declared)
QUALIFY_ERROR(row_arrow, "expected `=>` after the row's given values", "write a row as `{ field: value } => route ae, score >= 80`")
QUALIFY_ERROR(row_expectation, "expected what to check after `=>` or `,` in the row",
              "write e.g. `=> route ae, score in 60..80, disqualified CODE`")
QUALIFY_ERROR(cases_open, "expected `{` after `cases`", "write `cases { { field: value } => route ae … }`")
QUALIFY_ERROR(cases_close, "expected another row or `}` closing the cases",
              "a row is `{ field: value, … } => EXPECTATION, …` or `FIXTURE with { … } => …`")
QUALIFY_ERROR(expect_range_low, "expected a number after `in`", "write e.g. `expect score in 60..80`")
QUALIFY_ERROR(expect_range_dots, "expected `..` in the range", "write e.g. `expect score in 60..80`")
QUALIFY_ERROR(expect_range_high, "expected the upper bound after `..`", "write e.g. `expect score in 60..80`")
QUALIFY_ERROR(given_colon, "expected `:` after the field's name", "write `given { id: \"t1\", company.employees: 500 }`")
QUALIFY_ERROR_IN(given_value_tag, "expected the field's value after `:`",
                 "write `given { id: \"t1\", company.employees: 500 }`", Q001, Expression)
QUALIFY_ERROR(given_close, "expected `,` or `}` after the field's value",
              "separate the fields with commas: `given { id: \"t1\", source: inbound_form }`", Q001, Referenced)
QUALIFY_ERROR_IN(as_of_value_tag, "expected the date after `as_of`", "write `as_of date(\"2026-11-01\")`", Q001,
                 Expression)
QUALIFY_ERROR(expectation, "expected what to check after `expect`",
              "write e.g. `expect route ae`, `expect score >= 80`, `expect disqualified CODE`, `expect no escalation`")
QUALIFY_ERROR(expect_name, "expected a name after the expectation's keyword", "write e.g. `expect route ae`", Q001,
              Declared)
QUALIFY_ERROR(expect_operator, "expected a comparison (== != < <= > >=)", "write e.g. `expect score >= 80`")
QUALIFY_ERROR(expect_number, "expected a number after the comparison", "write e.g. `expect score >= 80`")
QUALIFY_ERROR(expect_field, "expected a field's name after `expect unknown`",
              "write e.g. `expect unknown contact.seniority`", Q001, Referenced)
QUALIFY_ERROR(expect_reason_after_top, "expected `reason` after `expect top`", "write `expect top reason CODE`")
QUALIFY_ERROR(expect_escalation_after_no, "expected `escalation` after `expect no`", "write `expect no escalation`")
QUALIFY_ERROR(expect_disqualified_after_not, "expected `disqualified` after `expect not`",
              "write `expect not disqualified` or `expect not disqualified CODE`")

// ---------------------------------------------------------------- decision tables and assignments

QUALIFY_ERROR(table_name, "expected the table's name after `table`",
              "write `table owner hit first \"Owner\" { … }`", Q001, Declared)
QUALIFY_ERROR(table_hit, "expected `hit` and a hit policy after the table's name",
              "write `table owner hit first { … }` (policies: first, unique, collect)")
QUALIFY_ERROR(table_policy, "expected a hit policy after `hit`: `first`, `unique` or `collect`",
              "write `table owner hit first { … }`")
QUALIFY_ERROR(table_open, "expected `{` to open the table", "write `table owner hit first \"Owner\" { … }`")
QUALIFY_ERROR(table_header, "expected the table's header row: input columns, `=>` and output names",
              "write `company.country | company.employees => team`", Q001, Expression)
QUALIFY_ERROR(table_next_column, "expected an input expression after `|` in the table's header",
              "write `company.country | company.employees => team`; parenthesise a set union", Q001, Expression)
QUALIFY_ERROR(table_arrow, "expected `|` or `=>` in the table's header",
              "write `company.country | company.employees => team`")
QUALIFY_ERROR(table_output_name, "expected an output name after `=>` in the table's header",
              "write `… => team` or `… => team, tier`", Q001, Declared)
QUALIFY_ERROR(table_next_output_name, "expected an output name after `,` in the table's header",
              "write `… => team, tier`", Q001, Declared)
QUALIFY_ERROR(cell_operand, "expected a value after the cell's operator",
              "write cells such as `in {\"US\", \"CA\"}`, `>= 1000`, `10..50` or `-`", Q001, Expression)
QUALIFY_ERROR(table_next_cell, "expected a cell after `|`",
              "a cell is `-` (anything) or a test such as `in {\"US\"}`, `>= 1000`, `10..50`, an enum value",
              Q001, Expression)
QUALIFY_ERROR(table_row_arrow, "expected `|` or `=>` in the table row",
              "write `in {\"US\"} | >= 1000 => \"enterprise\"`; parenthesise a set union in a cell")
QUALIFY_ERROR(table_output, "expected an output value after `=>`",
              "outputs are literals, enum values or constant names: `=> \"emea\"`", Q001, Expression)
QUALIFY_ERROR(table_next_output, "expected an output value after `,`",
              "write `=> \"emea\", 2`", Q001, Expression)
QUALIFY_ERROR(table_close, "expected a table row or `}`",
              "a row is cells separated by `|`, `=>` and its outputs, one row per line")
QUALIFY_ERROR(assign_entry, "expected `NAME: EXPR` after `assign`", "write `assign team: owner.team`", Q001, Declared)
QUALIFY_ERROR(assign_next_entry, "expected `NAME: EXPR` after `,` in `assign`",
              "write `assign team: owner.team, tier: owner.tier`", Q001, Declared)
QUALIFY_ERROR(assign_colon, "expected `:` after the assigned name", "write `assign team: owner.team`")
QUALIFY_ERROR(assign_value, "expected the assigned value after `:`", "write `assign team: owner.team`", Q001,
              Expression)
QUALIFY_ERROR(expect_assigned_eq, "expected `=` after the assigned name", "write `expect assigned team = \"emea\"`")
QUALIFY_ERROR(expect_assigned_value, "expected the expected value after `=`",
              "write `expect assigned team = \"emea\"` (a literal or an enum value)", Q001, Expression)

// ---------------------------------------------------------------- files

QUALIFY_ERROR(rulebook_end, "expected a statement",
              "statements start with `schema`, `let`, `disqualify`, `criterion`, `model`, `score`, `confidence`, "
              "`motion`, `escalate`, `route`, `qualified_routes`, `review`, `explore`, `rejection_reasons`, `dedupe`, `table`, `test` or `fixture`")
QUALIFY_ERROR(test_file_end, "expected a test block", "a test file holds only `test \"name\" { … }` and `fixture NAME { … }` blocks")

#undef QUALIFY_ERROR
#undef QUALIFY_ERROR_T
#undef QUALIFY_ERROR_IN

}  // namespace qualify::grammar
