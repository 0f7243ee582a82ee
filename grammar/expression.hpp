// The expression grammar: precedence levels from `if … then … else` down
// to primaries, calls, sets, lists and `match`. Every level is a template on
// `InArm`: inside a match arm's result a binary operator is only taken when
// what follows it is not the next arm's tests and `=>`, so that
// `>= 5000 => 1  < 10 => 0` reads as two arms.
#pragma once

#include "lexical.hpp"

#include <type_traits>

namespace qualify::grammar::rules {

template <bool InArm>
struct expr;
struct primary;

// `must<Rule>` where a construct is committed, plain `Rule` where it is only
// being looked at (the lookahead for the next arm must fail quietly).
template <bool Commit, typename Rule>
using must_if_committed = std::conditional_t<Commit, pg::must<Rule>, Rule>;

// ---------------------------------------------------------------- operators

struct op_or : kw_or {};
struct op_and : kw_and {};
struct op_eq : pg::string<'=', '='> {};
struct op_ne : pg::string<'!', '='> {};
struct op_le : pg::string<'<', '='> {};
struct op_ge : pg::string<'>', '='> {};
struct op_lt : pg::one<'<'> {};
struct op_gt : pg::one<'>'> {};
struct op_in : kw_in {};
struct op_not_in : pg::seq<kw_not, ws, kw_in> {};
struct op_matches : w_matches {};
struct op_coalesce : pg::string<'?', '?'> {};
struct op_plus : pg::one<'+'> {};
struct op_minus : pg::one<'-'> {};
struct op_times : pg::one<'*'> {};
struct op_divide : pg::one<'/'> {};
struct op_intersect : pg::one<'&'> {};
struct op_union : pg::one<'|'> {};

// Two-character operators come first so that `<=` is not read as `<`.
struct comparison_symbol : pg::sor<op_eq, op_ne, op_le, op_ge, op_lt, op_gt> {};
struct comparison_operator : pg::sor<comparison_symbol, op_in, op_not_in, op_matches> {};

// ---------------------------------------------------------------- match arms

// The operand of `in`, `not in` and a comparison inside an arm's tests. The
// tests end at `=>`, which no expression can swallow.
template <bool InArm>
struct coalesce_level;
struct arm_test_operand;
struct range_high;

struct literal_true : kw_true {};
struct literal_false : kw_false {};
struct literal_null : kw_null {};
struct path_head : pg::sor<pg::seq<pg::not_at<keyword>, pg::identifier>, kw_score, kw_confidence, kw_motion> {};
struct name_path : dotted<path_head> {};

// A range bound or an equality test: a literal (possibly negative) or a name.
struct range_bound : pg::sor<signed_number_tok, string_tok, tk<name_path>> {};
struct simple_test_value
    : pg::sor<signed_number_tok, raw_string_tok, string_tok, tk<literal_true>, tk<literal_false>, tk<literal_null>,
              tk<name_path>> {};

template <bool Commit>
struct test_in : pg::seq<tk<kw_in>, must_if_committed<Commit, arm_test_operand>> {};
template <bool Commit>
struct test_not_in : pg::seq<kw_not, ws, kw_in, ws, must_if_committed<Commit, arm_test_operand>> {};
template <bool Commit>
struct test_compare : pg::seq<comparison_symbol, ws, must_if_committed<Commit, arm_test_operand>> {};
template <bool Commit>
struct test_range : pg::seq<range_bound, dotdot, must_if_committed<Commit, range_high>> {};
struct test_equals : simple_test_value {};

template <bool Commit>
struct unary_test : pg::sor<test_in<Commit>, test_not_in<Commit>, test_compare<Commit>, test_range<Commit>, test_equals> {};
template <bool Commit>
struct arm_tests : pg::list<unary_test<Commit>, comma> {};

// The lookahead for "a new arm starts here". It leaves nothing in the tree.
struct next_arm : pg::seq<arm_tests<false>, arrow> {};

template <bool InArm>
struct arm_guard : pg::success {};
template <>
struct arm_guard<true> : pg::not_at<next_arm> {};

template <bool InArm, typename Operator>
struct binary_operator : pg::seq<arm_guard<InArm>, Operator, ws> {};

// ---------------------------------------------------------------- levels

// Tightest first. Each binary level is a flat chain `operand (op operand)*`
// that the tree builder folds to the left.
struct negation_operand;
struct negation_op : pg::one<'-'> {};
struct unary_level : pg::sor<pg::seq<pg::plus<negation_op, ws>, pg::must<negation_operand>>, primary> {};

struct intersect_rhs;
template <bool InArm>
struct intersect_level : pg::seq<unary_level, pg::star<binary_operator<InArm, op_intersect>, pg::must<intersect_rhs>>> {};

// Union binds less tightly than intersection (`a | b & c` is `a | (b & c)`)
// and more tightly than arithmetic; set difference is `-`, typed by the
// checker, at the level of `+` and `-`.
template <bool InArm>
struct union_rhs;
template <bool InArm>
struct union_level
    : pg::seq<intersect_level<InArm>, pg::star<binary_operator<InArm, op_union>, pg::must<union_rhs<InArm>>>> {};

template <bool InArm>
struct multiply_rhs;
template <bool InArm>
struct multiply_level
    : pg::seq<union_level<InArm>,
              pg::star<binary_operator<InArm, pg::sor<op_times, op_divide>>, pg::must<multiply_rhs<InArm>>>> {};

template <bool InArm>
struct add_rhs;
template <bool InArm>
struct add_level
    : pg::seq<multiply_level<InArm>, pg::star<binary_operator<InArm, pg::sor<op_plus, op_minus>>, pg::must<add_rhs<InArm>>>> {};

template <bool InArm>
struct coalesce_rhs;
template <bool InArm>
struct coalesce_level
    : pg::seq<add_level<InArm>, pg::star<binary_operator<InArm, op_coalesce>, pg::must<coalesce_rhs<InArm>>>> {};

// Comparisons do not associate: a second operator is an error with a hint.
struct chained_comparison : pg::success {};
template <bool InArm>
struct comparison_rhs;
template <bool InArm>
struct comparison_level
    : pg::seq<coalesce_level<InArm>,
              pg::opt<binary_operator<InArm, comparison_operator>, pg::must<comparison_rhs<InArm>>,
                      pg::opt<pg::at<binary_operator<InArm, comparison_operator>>, pg::raise<chained_comparison>>>> {};

template <bool InArm>
struct not_operand;
struct not_op : kw_not {};
template <bool InArm>
struct not_level : pg::sor<pg::seq<pg::plus<not_op, ws>, pg::must<not_operand<InArm>>>, comparison_level<InArm>> {};

template <bool InArm>
struct and_rhs;
template <bool InArm>
struct and_level : pg::seq<not_level<InArm>, pg::star<binary_operator<InArm, op_and>, pg::must<and_rhs<InArm>>>> {};

template <bool InArm>
struct or_rhs;
template <bool InArm>
struct or_level : pg::seq<and_level<InArm>, pg::star<binary_operator<InArm, op_or>, pg::must<or_rhs<InArm>>>> {};

// `if c then a else b`: the condition and the `then` branch end at their
// keywords; only the `else` branch can reach the next arm.
struct if_condition;
struct if_then;
struct then_branch;
struct if_else;
template <bool InArm>
struct else_branch;
template <bool InArm>
struct if_expr
    : pg::seq<tk<kw_if>, pg::must<if_condition>, pg::must<if_then>, pg::must<then_branch>, pg::must<if_else>,
              pg::must<else_branch<InArm>>> {};

template <bool InArm>
struct expr : pg::sor<if_expr<InArm>, or_level<InArm>> {};

// ---------------------------------------------------------------- primaries

struct paren_inner;
struct paren_close : rparen {};
struct paren : pg::seq<lparen, pg::must<paren_inner>, pg::must<paren_close>> {};

struct element;
struct set_close : rbrace {};
struct set_lit : pg::seq<lbrace, pg::opt<pg::list_tail<element, comma>>, pg::must<set_close>> {};
struct list_close : rbracket {};
struct list_lit : pg::seq<lbracket, pg::opt<pg::list_tail<element, comma>>, pg::must<list_close>> {};

// `f(x, ideal: 200..2000)`: a named argument is `name:`; a `..` makes a range.
struct argument_value;
struct range_end;
struct arg_name : pg::identifier {};
struct call_arg
    : pg::seq<pg::opt<arg_name, ws, pg::one<':'>, ws>, argument_value, pg::opt<dotdot, pg::must<range_end>>> {};
struct call_close : rparen {};
struct function_name : name {};
struct call : pg::seq<function_name, ws, pg::one<'('>, ws, pg::opt<pg::list_tail<call_arg, comma>>, pg::must<call_close>> {};

struct match_subject;
struct match_open : lbrace {};
struct match_close : rbrace {};
struct arm_arrow : arrow {};
struct arm_result : expr<true> {};
struct else_arm : pg::seq<tk<kw_else>, pg::must<arm_arrow>, pg::must<arm_result>> {};
struct test_arm : pg::seq<arm_tests<true>, pg::must<arm_arrow>, pg::must<arm_result>> {};
struct match_expr
    : pg::seq<tk<kw_match>, pg::must<match_subject>, pg::must<match_open>, pg::star<pg::sor<else_arm, test_arm>>,
              pg::must<match_close>> {};

// `any x in LIST: COND` and `all x in LIST: COND`. `any` and `all` are not
// reserved: only the whole shape up to `in` commits, so a field or let may
// still be called `all`. The condition extends as far as an expression can
// (like `else`), so `(any x in l: c) and d` needs its parentheses.
struct quant_any : TAO_PEGTL_KEYWORD("any") {};
struct quant_all : TAO_PEGTL_KEYWORD("all") {};
struct quant_kind : pg::sor<quant_any, quant_all> {};
struct quant_var : pg::seq<pg::not_at<keyword>, pg::identifier> {};
struct quant_list;
struct quant_colon : pg::seq<pg::one<':'>, ws> {};
struct quant_body;
struct quantifier
    : pg::seq<quant_kind, ws, quant_var, ws, tk<kw_in>, pg::must<quant_list>, pg::must<quant_colon>,
              pg::must<quant_body>> {};

struct primary
    : pg::sor<match_expr, number_tok, raw_string_tok, string_tok, tk<literal_true>, tk<literal_false>, tk<literal_null>,
              quantifier, call, tk<name_path>, set_lit, list_lit, paren> {};

// ---------------------------------------------------------------- committed operands

// Distinct types for each place an expression is required, so that each
// has its own error message in errors.hpp.
struct negation_operand : primary {};
struct intersect_rhs : unary_level {};
template <bool InArm>
struct union_rhs : intersect_level<InArm> {};
template <bool InArm>
struct multiply_rhs : union_level<InArm> {};
template <bool InArm>
struct add_rhs : multiply_level<InArm> {};
template <bool InArm>
struct coalesce_rhs : add_level<InArm> {};
template <bool InArm>
struct comparison_rhs : coalesce_level<InArm> {};
template <bool InArm>
struct not_operand : comparison_level<InArm> {};
template <bool InArm>
struct and_rhs : not_level<InArm> {};
template <bool InArm>
struct or_rhs : and_level<InArm> {};
struct if_condition : expr<false> {};
struct if_then : tk<kw_then> {};
struct then_branch : expr<false> {};
struct if_else : tk<kw_else> {};
template <bool InArm>
struct else_branch : expr<InArm> {};
struct paren_inner : expr<false> {};
struct element : expr<false> {};
struct argument_value : expr<false> {};
struct range_end : expr<false> {};
struct match_subject : expr<false> {};
struct quant_list : coalesce_level<false> {};
struct quant_body : expr<false> {};
struct arm_test_operand : coalesce_level<false> {};
struct range_high : range_bound {};

}  // namespace qualify::grammar::rules
