// The lexical layer of the rulebook grammar: whitespace and comments,
// keywords, identifiers, number and string literals, punctuation. Every
// token rule here consumes the whitespace that follows it, so that a rule
// starts exactly at its first token and a node's position is that token's.
#pragma once

#include <tao/pegtl.hpp>

namespace qualify::grammar::rules {

namespace pg = tao::pegtl;

// ---------------------------------------------------------------- whitespace

// `#` starts a comment that runs to the end of the line. Strings are tokens
// of their own, so a `#` inside a string never reaches this rule.
struct comment : pg::seq<pg::one<'#'>, pg::until<pg::eolf>> {};
struct ws : pg::star<pg::sor<pg::space, comment>> {};

// A token: the rule itself, then any whitespace.
template <typename Rule>
struct tk : pg::seq<Rule, ws> {};

// ---------------------------------------------------------------- keywords

// The reserved words. Each needs a word boundary after it, so `scoring` is a
// name while `score` is the keyword.
#define QUALIFY_RESERVED_WORDS(X)                                                        \
    X(rulebook) X(version) X(schema) X(unknown_values) X(pii) X(from) X(let)             \
    X(disqualify) X(when) X(reason) X(criterion) X(weight) X(match) X(in) X(not)         \
    X(else) X(model) X(features) X(score) X(confidence) X(motion) X(disable)             \
    X(escalate) X(route) X(otherwise) X(action) X(qualified_routes) X(review)            \
    X(explore) X(of) X(as) X(rejection_reasons) X(test) X(given) X(expect) X(and) X(or)  \
    X(if) X(then) X(true) X(false) X(null) X(table) X(hit) X(assign) X(as_of)

#define QUALIFY_DEFINE_KEYWORD(word) struct kw_##word : TAO_PEGTL_KEYWORD(#word) {};
QUALIFY_RESERVED_WORDS(QUALIFY_DEFINE_KEYWORD)
#undef QUALIFY_DEFINE_KEYWORD

#define QUALIFY_KEYWORD_ALTERNATIVE(word) kw_##word,
struct keyword : pg::sor<QUALIFY_RESERVED_WORDS(QUALIFY_KEYWORD_ALTERNATIVE) pg::failure> {};
#undef QUALIFY_KEYWORD_ALTERNATIVE

// Words with a meaning only in one position; elsewhere they are ordinary
// names (a field may be called `error` or `top`).
struct w_matches : TAO_PEGTL_KEYWORD("matches") {};
struct w_string : TAO_PEGTL_KEYWORD("string") {};
struct w_int : TAO_PEGTL_KEYWORD("int") {};
struct w_decimal : TAO_PEGTL_KEYWORD("decimal") {};
struct w_bool : TAO_PEGTL_KEYWORD("bool") {};
struct w_date : TAO_PEGTL_KEYWORD("date") {};
struct w_enum : TAO_PEGTL_KEYWORD("enum") {};
struct w_list : TAO_PEGTL_KEYWORD("list") {};
struct w_disqualified : TAO_PEGTL_KEYWORD("disqualified") {};
struct w_top : TAO_PEGTL_KEYWORD("top") {};
struct w_escalation : TAO_PEGTL_KEYWORD("escalation") {};
struct w_no : TAO_PEGTL_KEYWORD("no") {};
struct w_unknown : TAO_PEGTL_KEYWORD("unknown") {};
struct w_error : TAO_PEGTL_KEYWORD("error") {};
struct w_dedupe : TAO_PEGTL_KEYWORD("dedupe") {};
struct w_by : TAO_PEGTL_KEYWORD("by") {};
struct w_fixture : TAO_PEGTL_KEYWORD("fixture") {};
struct w_with : TAO_PEGTL_KEYWORD("with") {};
struct w_cases : TAO_PEGTL_KEYWORD("cases") {};

// ---------------------------------------------------------------- names

struct identifier : pg::identifier {};
// A name that is not a keyword: constants, codes, routes, motions, enum values.
struct name : pg::seq<pg::not_at<keyword>, pg::identifier> {};
struct name_tok : tk<name> {};

// ---------------------------------------------------------------- numbers

// Digits are required on both sides of the point; `..` is a token of its
// own, so `200..2000` reads as 200, `..`, 2000.
struct fraction_digits : pg::plus<pg::digit> {};
struct leading_point : pg::success {};  // raised for `.5`
struct second_point : pg::success {};   // raised for `1.2.3`
struct number_text
    : pg::sor<pg::seq<pg::plus<pg::digit>,
                      pg::opt<pg::one<'.'>, pg::not_at<pg::one<'.'>>, pg::must<fraction_digits>,
                              pg::opt<pg::at<pg::one<'.'>, pg::digit>, pg::raise<second_point>>>>,
              pg::seq<pg::at<pg::one<'.'>, pg::digit>, pg::raise<leading_point>>> {};
struct number : number_text {};
struct signed_number : pg::seq<pg::opt<pg::one<'-'>>, number_text> {};
struct number_tok : tk<number> {};
struct signed_number_tok : tk<signed_number> {};

// ---------------------------------------------------------------- strings

// A string may not span lines: a missing closing quote is then reported on
// the line where the string starts rather than at the end of the file.
struct escape_code : pg::sor<pg::one<'"', '\\', 'n', 't'>, pg::seq<pg::one<'u'>, pg::rep<4, pg::xdigit>>> {};
struct escape_sequence : pg::seq<pg::one<'\\'>, escape_code> {};
// A failed alternative rewinds, so the error points at the backslash itself.
struct invalid_escape : pg::success {};
struct escape : pg::seq<pg::at<pg::one<'\\'>>, pg::sor<escape_sequence, pg::raise<invalid_escape>>> {};
struct plain_char : pg::not_one<'"', '\\', '\n', '\r'> {};
struct string_close : pg::one<'"'> {};
struct string_lit : pg::seq<pg::one<'"'>, pg::star<pg::sor<plain_char, escape>>, pg::must<string_close>> {};
struct string_tok : tk<string_lit> {};

// Raw strings take no escapes, which is what regular expressions want.
struct raw_close : pg::one<'"'> {};
struct raw_string_lit
    : pg::seq<pg::one<'r'>, pg::one<'"'>, pg::star<pg::not_one<'"', '\n', '\r'>>, pg::must<raw_close>> {};
struct raw_string_tok : tk<raw_string_lit> {};

// ---------------------------------------------------------------- punctuation

template <char C>
struct sym : pg::seq<pg::one<C>, ws> {};
struct comma : sym<','> {};
struct colon : sym<':'> {};
struct lbrace : sym<'{'> {};
struct rbrace : sym<'}'> {};
struct lbracket : sym<'['> {};
struct rbracket : sym<']'> {};
struct lparen : sym<'('> {};
struct rparen : sym<')'> {};
struct langle : sym<'<'> {};
struct rangle : sym<'>'> {};
struct question : sym<'?'> {};
struct percent : sym<'%'> {};
// `=` binds a name; it must not be the start of `==` or `=>`.
struct assign : pg::seq<pg::one<'='>, pg::not_at<pg::one<'=', '>'>>, ws> {};
struct arrow : pg::seq<pg::string<'=', '>'>, ws> {};
struct dotdot : pg::seq<pg::two<'.'>, ws> {};

// ---------------------------------------------------------------- dotted names

// After a `.` any identifier is a field segment, keywords included.
struct path_segment : pg::identifier {};
struct path_next_segment : path_segment {};
template <typename Head>
struct dotted : pg::seq<Head, pg::star<pg::one<'.'>, pg::not_at<pg::one<'.'>>, pg::must<path_next_segment>>> {};

// A reference to a schema field outside an expression (`given`, `features`,
// `expect unknown`): written as in expressions, so its first segment is not
// a keyword (`lead.score` reaches a field named `score`).
struct field_ref_head : name {};
struct field_ref : dotted<field_ref_head> {};
struct field_ref_tok : tk<field_ref> {};

}  // namespace qualify::grammar::rules
