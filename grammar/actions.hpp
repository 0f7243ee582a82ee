// What a successful match leaves behind. The grammar's actions are the
// selection of a PEGTL parse tree: the rules listed here become nodes of a
// given kind, everything else (keywords, punctuation, whitespace) leaves no
// trace. A tree rather than stack-pushing actions because the grammar
// backtracks (calls versus names, the lookahead for the next match arm),
// and a tree discards a failed branch's nodes by construction. The builder
// (build.hpp) turns the tree into the AST.
#pragma once

#include "statements.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <memory>
#include <type_traits>

namespace qualify::grammar {

enum class NodeKind {
    None,
    Discard,      // a lookahead's subtree: dropped as soon as it matches
    Transparent,  // replaced by its only child; selected so that control.hpp sees it nest
    // expressions
    Number, String, RawString, BoolLit, NullLit, NamePath, Segment, Call, FunctionName, CallArg, ArgName, Set, List,
    Match, Quantifier, QuantKind, QuantVar, Arm, ElseArm, TestIn, TestNotIn, TestCompare, TestRange, TestEquals, If, Chain, Prefix, PrefixOp, Op,
    // statements
    Header, Name, Schema, UnknownValues, FieldDecl, FieldName, TypeSimple, TypeEnum, TypeList, Optional, Pii, From,
    Let, Disqualify, Criterion, Model, Features, FieldRef, ScoreStmt, ConfidenceStmt, Motion, WeightOverride, Disable,
    Escalate, Route, Otherwise, Action, QualifiedRoutes, RejectionReasons, Review, Explore, Dedupe,
    Test, Given, GivenEntry, AsOf, ExpectRoute, ExpectScore, ExpectConfidence, ExpectDisqualified,
    ExpectNotDisqualified, ExpectReason, ExpectTopReason, ExpectEscalation, ExpectNoEscalation, ExpectMotion,
    ExpectUnknown, ExpectReview, ExpectExplore, ExpectError, ExpectRange, Cases, TestRow, Fixture, ExpectAssigned,
    // decision tables and route assignments
    Table, TablePolicy, TableHeader, TableRow, CellAny, TableOutput, AssignEntry,
};

namespace detail {

template <typename Rule, typename Base>
inline constexpr bool is = std::is_base_of_v<Base, Rule>;
// Derived from either instantiation of a level template.
template <typename Rule, template <bool> class Level>
inline constexpr bool is_level = std::is_base_of_v<Level<false>, Rule> || std::is_base_of_v<Level<true>, Rule>;

// Rules derived from a node rule (the must<> wrappers of expression.hpp and
// statements.hpp) are the same construct in another place, so they make
// the same kind of node: PEGTL calls a wrapper's control, not its base's.
template <typename R>
constexpr NodeKind kind_of() {
    namespace r = rules;
    using K = NodeKind;
    // expressions
    if constexpr (is<R, r::next_arm>) return K::Discard;
    else if constexpr (is_level<R, r::expr> || is<R, r::type_expr>) return K::Transparent;
    else if constexpr (is<R, r::number> || is<R, r::signed_number>) return K::Number;
    else if constexpr (is<R, r::string_lit>) return K::String;
    else if constexpr (is<R, r::raw_string_lit>) return K::RawString;
    else if constexpr (is<R, r::literal_true> || is<R, r::literal_false>) return K::BoolLit;
    else if constexpr (is<R, r::literal_null>) return K::NullLit;
    else if constexpr (std::is_same_v<R, r::name_path>) return K::NamePath;
    else if constexpr (is<R, r::path_head> || is<R, r::path_segment>) return K::Segment;
    else if constexpr (is<R, r::call>) return K::Call;
    else if constexpr (is<R, r::function_name>) return K::FunctionName;
    else if constexpr (is<R, r::call_arg>) return K::CallArg;
    else if constexpr (is<R, r::arg_name>) return K::ArgName;
    else if constexpr (is<R, r::set_lit>) return K::Set;
    else if constexpr (is<R, r::list_lit>) return K::List;
    else if constexpr (is<R, r::match_expr>) return K::Match;
    else if constexpr (is<R, r::quantifier>) return K::Quantifier;
    else if constexpr (is<R, r::quant_kind>) return K::QuantKind;
    else if constexpr (is<R, r::quant_var>) return K::QuantVar;
    else if constexpr (is<R, r::test_arm>) return K::Arm;
    else if constexpr (is<R, r::else_arm>) return K::ElseArm;
    else if constexpr (is<R, r::test_in<true>> || is<R, r::test_in<false>>) return K::TestIn;
    else if constexpr (is<R, r::test_not_in<true>> || is<R, r::test_not_in<false>>) return K::TestNotIn;
    else if constexpr (is<R, r::test_compare<true>> || is<R, r::test_compare<false>>) return K::TestCompare;
    else if constexpr (is<R, r::test_range<true>> || is<R, r::test_range<false>>) return K::TestRange;
    else if constexpr (is<R, r::test_equals>) return K::TestEquals;
    else if constexpr (is_level<R, r::if_expr>) return K::If;
    else if constexpr (is_level<R, r::or_level> || is_level<R, r::and_level> || is_level<R, r::comparison_level> ||
                       is_level<R, r::coalesce_level> || is_level<R, r::add_level> ||
                       is_level<R, r::multiply_level> || is_level<R, r::union_level> ||
                       is_level<R, r::intersect_level>)
        return K::Chain;
    else if constexpr (is_level<R, r::not_level> || is<R, r::unary_level>) return K::Prefix;
    else if constexpr (is<R, r::not_op> || is<R, r::negation_op>) return K::PrefixOp;
    else if constexpr (is<R, r::op_or> || is<R, r::op_and> || is<R, r::op_eq> || is<R, r::op_ne> ||
                       is<R, r::op_le> || is<R, r::op_ge> || is<R, r::op_lt> || is<R, r::op_gt> ||
                       is<R, r::op_in> || is<R, r::op_not_in> || is<R, r::op_matches> || is<R, r::op_coalesce> ||
                       is<R, r::op_plus> || is<R, r::op_minus> || is<R, r::op_times> || is<R, r::op_divide> ||
                       is<R, r::op_intersect> || is<R, r::op_union>)
        return K::Op;
    // decision tables (table_rules.hpp): before `name`, which some of their parts derive from
    else if constexpr (is<R, r::table_stmt>) return K::Table;
    else if constexpr (is<R, r::table_policy>) return K::TablePolicy;
    else if constexpr (is<R, r::table_header>) return K::TableHeader;
    else if constexpr (is<R, r::table_row>) return K::TableRow;
    else if constexpr (is<R, r::cell_any>) return K::CellAny;
    else if constexpr (is<R, r::cell_in>) return K::TestIn;
    else if constexpr (is<R, r::cell_not_in>) return K::TestNotIn;
    else if constexpr (is<R, r::cell_compare>) return K::TestCompare;
    else if constexpr (is<R, r::cell_range>) return K::TestRange;
    else if constexpr (is<R, r::cell_equals>) return K::TestEquals;
    else if constexpr (is<R, r::table_output>) return K::TableOutput;
    else if constexpr (is<R, r::assign_entry>) return K::AssignEntry;
    else if constexpr (is<R, r::expect_assigned>) return K::ExpectAssigned;
    else if constexpr (is<R, r::expect_assigned_value>) return K::TableOutput;
    // statements
    else if constexpr (is<R, r::header>) return K::Header;
    else if constexpr (is<R, r::name>) return K::Name;  // after function_name, which is also a name
    else if constexpr (is<R, r::schema_decl>) return K::Schema;
    else if constexpr (is<R, r::unknown_values_decl>) return K::UnknownValues;
    else if constexpr (is<R, r::field_decl>) return K::FieldDecl;
    else if constexpr (is<R, r::field_name>) return K::FieldName;
    else if constexpr (is<R, r::simple_type>) return K::TypeSimple;
    else if constexpr (is<R, r::enum_type>) return K::TypeEnum;
    else if constexpr (is<R, r::list_type>) return K::TypeList;
    else if constexpr (is<R, r::optional_mark>) return K::Optional;
    else if constexpr (is<R, r::pii_mark>) return K::Pii;
    else if constexpr (is<R, r::from_clause>) return K::From;
    else if constexpr (is<R, r::let_stmt>) return K::Let;
    else if constexpr (is<R, r::disqualify_stmt>) return K::Disqualify;
    else if constexpr (is<R, r::criterion_stmt>) return K::Criterion;
    else if constexpr (is<R, r::model_stmt>) return K::Model;
    else if constexpr (is<R, r::features_clause>) return K::Features;
    else if constexpr (is<R, r::field_ref>) return K::FieldRef;
    else if constexpr (is<R, r::score_stmt>) return K::ScoreStmt;
    else if constexpr (is<R, r::confidence_stmt>) return K::ConfidenceStmt;
    else if constexpr (is<R, r::motion_stmt>) return K::Motion;
    else if constexpr (is<R, r::weight_override>) return K::WeightOverride;
    else if constexpr (is<R, r::disable_item>) return K::Disable;
    else if constexpr (is<R, r::escalate_stmt> || is<R, r::motion_escalation>) return K::Escalate;
    else if constexpr (is<R, r::route_stmt>) return K::Route;
    else if constexpr (is<R, r::otherwise_mark>) return K::Otherwise;
    else if constexpr (is<R, r::action_clause>) return K::Action;
    else if constexpr (is<R, r::qualified_routes_stmt>) return K::QualifiedRoutes;
    else if constexpr (is<R, r::rejection_reasons_stmt>) return K::RejectionReasons;
    else if constexpr (is<R, r::review_stmt>) return K::Review;
    else if constexpr (is<R, r::explore_stmt>) return K::Explore;
    else if constexpr (is<R, r::dedupe_stmt>) return K::Dedupe;
    else if constexpr (is<R, r::test_block>) return K::Test;
    else if constexpr (is<R, r::given_block>) return K::Given;
    else if constexpr (is<R, r::given_entry>) return K::GivenEntry;
    else if constexpr (is<R, r::as_of_line>) return K::AsOf;
    else if constexpr (is<R, r::expect_route>) return K::ExpectRoute;
    else if constexpr (is<R, r::expect_score>) return K::ExpectScore;
    else if constexpr (is<R, r::expect_confidence>) return K::ExpectConfidence;
    else if constexpr (is<R, r::expect_disqualified>) return K::ExpectDisqualified;
    else if constexpr (is<R, r::expect_not_disqualified>) return K::ExpectNotDisqualified;
    else if constexpr (is<R, r::expect_reason>) return K::ExpectReason;
    else if constexpr (is<R, r::expect_top_reason>) return K::ExpectTopReason;
    else if constexpr (is<R, r::expect_escalation>) return K::ExpectEscalation;
    else if constexpr (is<R, r::expect_no_escalation>) return K::ExpectNoEscalation;
    else if constexpr (is<R, r::expect_motion>) return K::ExpectMotion;
    else if constexpr (is<R, r::expect_unknown>) return K::ExpectUnknown;
    else if constexpr (is<R, r::expect_review>) return K::ExpectReview;
    else if constexpr (is<R, r::expect_explore>) return K::ExpectExplore;
    else if constexpr (is<R, r::expect_error>) return K::ExpectError;
    else if constexpr (is<R, r::expect_range>) return K::ExpectRange;
    else if constexpr (is<R, r::cases_block>) return K::Cases;
    else if constexpr (is<R, r::test_row>) return K::TestRow;
    else if constexpr (is<R, r::fixture_stmt>) return K::Fixture;
    else return K::None;
}

}  // namespace detail

template <typename Rule>
inline constexpr NodeKind kind_of = detail::kind_of<Rule>();

// A parse-tree node that knows its kind, so that the builder switches on an
// enum rather than on demangled rule names.
struct Node : tao::pegtl::parse_tree::basic_node<Node> {
    NodeKind kind = NodeKind::None;

    template <typename Rule, typename ParseInput, typename... States>
    void start(const ParseInput& in, States&&... st) {
        basic_node<Node>::template start<Rule>(in, st...);
        kind = kind_of<Rule>;
    }
};

template <typename Rule>
struct selector : std::bool_constant<kind_of<Rule> != NodeKind::None> {
    // A lookahead only asks whether something matches; what it matched must
    // not end up in the tree.
    template <typename... States>
    static void transform(std::unique_ptr<Node>& n, States&&... /*state*/) noexcept {
        if (n->kind == NodeKind::Discard) {
            n.reset();
        } else if (n->kind == NodeKind::Transparent && n->children.size() == 1) {
            auto only = std::move(n->children.front());
            n = std::move(only);
        }
    }
};

}  // namespace qualify::grammar
