// The grammar's structure and the AST it builds: the grammar has no
// left recursion or empty loops, the rulebook and tests of the spec parse
// into the expected statements, and expressions keep their precedence.
#include "grammar/grammar.hpp"
#include "test_grammar_support.hpp"

#include <doctest/doctest.h>
#include <tao/pegtl/contrib/analyze.hpp>

using namespace qualify;
using qualify::testing::expr_sx;
using qualify::testing::parse_snippet;
using qualify::testing::read_source_file;
using qualify::testing::sx;

TEST_CASE("the grammar is free of left recursion and empty loops") {
    CHECK(tao::pegtl::analyze<grammar::rules::rulebook_file>() == 0);
    CHECK(tao::pegtl::analyze<grammar::rules::test_file>() == 0);
}

TEST_CASE("the complete rulebook of the spec parses") {
    const auto source = read_source_file("tests/data/spec/saas_inbound.qual");
    REQUIRE(!source.empty());
    auto r = parse_rulebook(source, "saas_inbound.qual");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.rulebook);
    const auto& b = *r.rulebook;

    CHECK(b.file == "saas_inbound.qual");
    CHECK(b.source == source);
    CHECK(b.name == "saas-inbound");
    CHECK(b.version == "2026.11.1");
    CHECK(b.header_span.line == 1);
    CHECK(b.header_span.column == 1);

    SUBCASE("schema") {
        CHECK(b.schema.name == "lead");
        CHECK(b.schema.unknown_values == std::vector<std::string>{"Select", "N/A"});
        REQUIRE(b.schema.fields.size() == 17);
        const auto& email = b.schema.fields[1];
        CHECK(email.name == "email");
        CHECK(email.pii);
        CHECK(email.from == "Email");
        CHECK(!email.optional);
        const auto& source_field = b.schema.fields[2];
        CHECK(source_field.type.base == ast::TypeExpr::Base::Enum);
        CHECK(source_field.type.enum_values.size() == 6);
        CHECK(source_field.type.enum_values.back() == "product_signup");
        const auto& employees = b.schema.fields[4];
        CHECK(employees.name == "company.employees");
        CHECK(employees.type.base == ast::TypeExpr::Base::Int);
        CHECK(employees.optional);
        CHECK(!employees.pii);
        CHECK(employees.from == "Employees");
        const auto& stack = b.schema.fields[7];
        CHECK(stack.type.base == ast::TypeExpr::Base::List);
        REQUIRE(stack.type.element);
        CHECK(stack.type.element->base == ast::TypeExpr::Base::String);
        CHECK(b.schema.fields[14].name == "intent.score");
        CHECK(b.schema.fields[14].type.base == ast::TypeExpr::Base::Decimal);
    }

    SUBCASE("statement counts") {
        CHECK(b.lets.size() == 6);
        CHECK(b.disqualifiers.size() == 5);
        CHECK(b.criteria.size() == 7);
        CHECK(b.models.size() == 1);
        CHECK(b.score != nullptr);
        CHECK(b.confidence == nullptr);
        CHECK(b.motions.size() == 3);
        CHECK(b.escalations.size() == 2);
        CHECK(b.routes.size() == 4);
        CHECK(b.reviews.size() == 2);
        CHECK(b.explores.size() == 1);
        CHECK(b.tests.empty());
        REQUIRE(b.qualified_routes);
        CHECK(b.qualified_routes->names == std::vector<std::string>{"ae", "sdr"});
        REQUIRE(b.rejection_reasons);
        CHECK(b.rejection_reasons->names.size() == 6);
    }

    SUBCASE("lets and disqualifiers") {
        CHECK(b.lets[0].name == "icp_industries");
        CHECK(sx(*b.lets[0].value) == R"({"software", "fintech", "healthtech"})");
        CHECK(sx(*b.lets[5].value) == "email_domain(email)");
        CHECK(b.disqualifiers[1].code == "competitor");
        CHECK(sx(*b.disqualifiers[1].when) == "(or (in company.domain competitors) crm.is_competitor)");
        CHECK(b.disqualifiers[1].reason == "Direct competitor");
        CHECK(sx(*b.disqualifiers[2].when) == R"((matches domain "\.(edu|ac\.[a-z]{2})$"))");
    }

    SUBCASE("criteria") {
        const auto& industry = b.criteria[0];
        CHECK(industry.code == "industry_fit");
        CHECK(industry.weight == "20");
        CHECK(industry.label == "ICP industry");
        CHECK(sx(*industry.fit) ==
              "(match company.industry [in icp_industries => 1] [in adjacent_industries => 0.5] [else => 0])");
        REQUIRE(industry.fit->arms.size() == 3);
        CHECK(industry.fit->arms[2].is_else);
        CHECK(sx(*b.criteria[1].fit) == "proximity(company.employees, ideal: 200..2000, zero: 10..20000)");
        CHECK(sx(*b.criteria[2].fit) ==
              "(match contact.seniority [cxo, vp => 1] [director => 0.7] [manager => 0.4] [else => 0.1])");
        CHECK(sx(*b.criteria[3].fit) == "min((/ count((& company.tech_stack partner_stack)) 2), 1)");
        CHECK(sx(*b.criteria[4].fit) ==
              "(+ (* min((/ engagement.pages_visited 20), 1) 0.7) (* min((/ engagement.downloads 3), 1) 0.3))");
        CHECK(sx(*b.criteria[5].fit) ==
              "(* (/ intent.score 100) decay(intent.days_since_spike, half_life: 14))");
        CHECK(b.criteria[6].weight == "-10");
        CHECK(b.criteria[6].label == "Contact changed jobs recently");
        CHECK(b.criteria[6].span.line == 67);
        CHECK(b.criteria[6].span.column == 1);
    }

    SUBCASE("model and score") {
        const auto& m = b.models[0];
        CHECK(m.name == "propensity");
        CHECK(m.path == "models/saas_propensity.json");
        CHECK(m.features.size() == 5);
        CHECK(m.features[4] == "intent.score");
        CHECK(m.feature_spans.size() == 5);
        CHECK(sx(*b.score) == "(+ (* 0.7 rules) (* (* 0.3 propensity) 100))");
    }

    SUBCASE("motions") {
        const auto& plg = b.motions[0];
        CHECK(plg.name == "product_led");
        CHECK(sx(*plg.when) == "(== source product_signup)");
        REQUIRE(plg.criteria.size() == 1);
        CHECK(plg.criteria[0].code == "activation");
        CHECK(plg.criteria[0].weight == "30");
        REQUIRE(plg.weights.size() == 1);
        CHECK(plg.weights[0].code == "industry_fit");
        CHECK(plg.weights[0].weight == "10");
        REQUIRE(plg.disables.size() == 1);
        CHECK(plg.disables[0].code == "engagement");
        const auto& partner = b.motions[1];
        REQUIRE(partner.escalations.size() == 1);
        CHECK(partner.escalations[0].code == "partner_review");
        CHECK(partner.escalations[0].when == nullptr);
        CHECK(partner.escalations[0].reason == "Partner-sourced: partner context comes first");
        CHECK(sx(*b.motions[2].criteria[0].fit) == "true");
    }

    SUBCASE("escalations, routes, samples") {
        CHECK(sx(*b.escalations[0].when) == "(< confidence 0.5)");
        CHECK(sx(*b.escalations[1].when) == "(and (>= company.employees 5000) (< score 60))");
        const auto& ae = b.routes[0];
        CHECK(ae.name == "ae");
        CHECK(sx(*ae.when) == "(and (>= score 80) (>= confidence 0.7))");
        CHECK(ae.label == "Strong fit and intent");
        CHECK(ae.action == "Book a discovery call within one business day");
        CHECK(b.routes[2].label == "Early or partial fit");
        CHECK(!b.routes[2].action);
        CHECK(b.routes[3].name == "reject");
        CHECK(b.routes[3].when == nullptr);
        CHECK(b.routes[3].label == "Low fit");
        CHECK(b.reviews[0].percent == "5");
        CHECK(b.reviews[0].of == "reject");
        CHECK(b.reviews[1].percent == "10");
        CHECK(b.reviews[1].of == "disqualified");
        CHECK(b.explores[0].percent == "3");
        CHECK(b.explores[0].of == "nurture");
        CHECK(b.explores[0].as == "sdr");
    }
}

TEST_CASE("the test blocks of the spec parse") {
    const auto source = read_source_file("tests/data/spec/saas_inbound.test.qual");
    REQUIRE(!source.empty());
    auto r = parse_test_file(source, "saas_inbound.test.qual");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.rulebook);
    const auto& tests = r.rulebook->tests;
    REQUIRE(tests.size() == 2);
    CHECK(tests[0].name == "academic email is disqualified");
    REQUIRE(tests[0].given.size() == 4);
    CHECK(tests[0].given[2].field == "source");
    CHECK(sx(*tests[0].given[2].value) == "inbound_form");
    CHECK(tests[0].given[3].field == "company.employees");
    REQUIRE(tests[0].expects.size() == 2);
    CHECK(tests[0].expects[0].kind == ast::Expect::Kind::Disqualified);
    CHECK(tests[0].expects[0].name == "academic");
    CHECK(tests[0].expects[1].kind == ast::Expect::Kind::Route);
    CHECK(tests[0].expects[1].name == "reject");

    const auto& t2 = tests[1];
    CHECK(t2.given.size() == 11);
    CHECK(sx(*t2.given.back().value) == R"(["salesforce", "segment"])");
    REQUIRE(t2.expects.size() == 5);
    CHECK(t2.expects[1].kind == ast::Expect::Kind::Score);
    CHECK(t2.expects[1].op == ">=");
    CHECK(t2.expects[1].number == "80");
    CHECK(t2.expects[2].kind == ast::Expect::Kind::Reason);
    CHECK(t2.expects[3].kind == ast::Expect::Kind::NotDisqualified);
    CHECK(t2.expects[3].name == "competitor");
    CHECK(t2.expects[4].kind == ast::Expect::Kind::NoEscalation);
}

TEST_CASE("a rulebook may hold its tests") {
    auto r = parse_snippet(read_source_file("tests/data/spec/saas_inbound.test.qual"));
    REQUIRE(r.rulebook);
    CHECK(r.rulebook->tests.size() == 2);
}

TEST_CASE("every expectation form") {
    auto r = parse_test_file(R"(
test "all" {
  as_of date("2026-11-01")
  given { a.b: -5, c: 2.5, d: null, e: [], f: vp, }
  expect route ae
  expect score == 61.22
  expect confidence < 0.5
  expect score >= -1
  expect disqualified
  expect not disqualified
  expect disqualified too_small
  expect not disqualified competitor
  expect reason industry_fit
  expect top reason intent
  expect escalation manual_review
  expect no escalation
  expect motion none
  expect unknown contact.seniority
  expect review
  expect explore
  expect error
}
)",
                             "t.test.qual");
    REQUIRE(r.diagnostics.empty());
    const auto& t = r.rulebook->tests.at(0);
    REQUIRE(t.as_of);
    CHECK(sx(*t.as_of) == R"(date("2026-11-01"))");
    REQUIRE(t.given.size() == 5);
    CHECK(t.given[0].field == "a.b");
    CHECK(sx(*t.given[0].value) == "-5");
    CHECK(t.given[2].value->kind == ast::Expr::Kind::Null);
    using E = ast::Expect::Kind;
    const std::vector<E> kinds{E::Route,         E::Score,      E::Confidence,   E::Score,     E::Disqualified,
                               E::NotDisqualified, E::Disqualified, E::NotDisqualified, E::Reason, E::TopReason,
                               E::Escalation,    E::NoEscalation, E::Motion,     E::Unknown,   E::Review,
                               E::Explore,       E::Error};
    REQUIRE(t.expects.size() == kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) CHECK(t.expects[i].kind == kinds[i]);
    CHECK(t.expects[2].op == "<");
    CHECK(t.expects[2].number == "0.5");
    CHECK(t.expects[3].number == "-1");
    CHECK(t.expects[4].name.empty());
    CHECK(t.expects[6].name == "too_small");
    CHECK(t.expects[9].name == "intent");
    CHECK(t.expects[12].name == "none");
    CHECK(t.expects[13].name == "contact.seniority");
}

TEST_CASE("precedence and associativity") {
    CHECK(expr_sx("0.7 * rules + 0.3 * propensity * 100") == "(+ (* 0.7 rules) (* (* 0.3 propensity) 100))");
    CHECK(expr_sx("a or b and c") == "(or a (and b c))");
    CHECK(expr_sx("a and b or c") == "(or (and a b) c)");
    CHECK(expr_sx("not x in s") == "(not (in x s))");
    CHECK(expr_sx("not not x") == "(not (not x))");
    CHECK(expr_sx("x not in s") == "(not in x s)");
    CHECK(expr_sx("x  not\n  in s") == "(not in x s)");
    CHECK(expr_sx("x ?? 0 + 1") == "(?? x (+ 0 1))");
    CHECK(expr_sx("x ?? y ?? 0") == "(?? (?? x y) 0)");
    CHECK(expr_sx("a - b - c") == "(- (- a b) c)");
    CHECK(expr_sx("a / b * c") == "(* (/ a b) c)");
    CHECK(expr_sx("a & b * 2") == "(* (& a b) 2)");
    CHECK(expr_sx("-a * b") == "(* (- a) b)");
    CHECK(expr_sx("-2 * b") == "(* -2 b)");
    CHECK(expr_sx("- -2") == "(- -2)");
    CHECK(expr_sx("a + b == c") == "(== (+ a b) c)");
    CHECK(expr_sx("a == b and c != d") == "(and (== a b) (!= c d))");
    CHECK(expr_sx("x ?? 0 >= 5") == "(>= (?? x 0) 5)");
    CHECK(expr_sx("(a or b) and c") == "(and (or a b) c)");
    CHECK(expr_sx("if a then 1 else 2 + 3") == "(if a 1 (+ 2 3))");
    CHECK(expr_sx("if a or b then x else if c then y else z") == "(if (or a b) x (if c y z))");
    CHECK(expr_sx("s matches r\"^a\" or t") == "(or (matches s \"^a\") t)");
    CHECK(expr_sx("a<=b") == "(<= a b)");
    CHECK(expr_sx("{}") == "{}");
    CHECK(expr_sx("{1, 2,}") == "{1, 2}");
    CHECK(expr_sx("f()") == "f()");
    CHECK(expr_sx("f (a, b,)") == "f(a, b)");
}

TEST_CASE("names and literals") {
    CHECK(expr_sx("lead.score") == "lead.score");
    CHECK(expr_sx("lead.score + 1") == "(+ lead.score 1)");
    CHECK(expr_sx("intent.score") == "intent.score");
    CHECK(expr_sx("a.not.if") == "a.not.if");
    CHECK(expr_sx("score") == "score");
    CHECK(expr_sx("motion == product_led") == "(== motion product_led)");
    CHECK(expr_sx("r\"\\.(edu)$\"") == "\"\\.(edu)$\"");
    CHECK(expr_sx(R"("a\"b\\c\nd\te")") == "\"a\"b\\c\nd\te\"");
    CHECK(expr_sx(R"("\u00e9\u20AC")") == "\"\xC3\xA9\xE2\x82\xAC\"");
    CHECK(expr_sx(R"("\uD83D\uDE00")") == "\"\xF0\x9F\x98\x80\"");
    CHECK(expr_sx(R"("# not a comment")") == "\"# not a comment\"");
    CHECK(expr_sx("1 # a comment\n + 2") == "(+ 1 2)");
    CHECK(expr_sx("0.5") == "0.5");
    CHECK(expr_sx("true and false or null") == "(or (and true false) null)");
    CHECK(expr_sx("[1, \"a\", b]") == "[1, \"a\", b]");
}

TEST_CASE("ranges in call arguments") {
    auto r = parse_snippet("let e = proximity(x, ideal: 200..2000, zero: -5..n)\n");
    REQUIRE(r.rulebook);
    const auto& call = *r.rulebook->lets[0].value;
    REQUIRE(call.kind == ast::Expr::Kind::Call);
    CHECK(call.text == "proximity");
    CHECK(call.arg_names == std::vector<std::string>{"", "ideal", "zero"});
    REQUIRE(call.args.size() == 3);
    CHECK(call.args[1]->kind == ast::Expr::Kind::Range);
    CHECK(sx(*call.args[1]->args[0]) == "200");
    CHECK(sx(*call.args[1]->args[1]) == "2000");
    CHECK(sx(*call.args[2]) == "-5..n");
    CHECK(call.args[1]->span.column == call.args[1]->args[0]->span.column);
}

TEST_CASE("match arms end where the next arm begins") {
    CHECK(expr_sx("match x { >= 5000 => 1  < 10 => 0  else => 0.5 }") ==
          "(match x [>= 5000 => 1] [< 10 => 0] [else => 0.5])");
    CHECK(expr_sx("match x { in icp => 1  in adjacent => 0.5 }") == "(match x [in icp => 1] [in adjacent => 0.5])");
    CHECK(expr_sx("match x { cxo, vp => 1  director => 0.7  else => 0.1 }") ==
          "(match x [cxo, vp => 1] [director => 0.7] [else => 0.1])");
    // An operator that does not start an arm stays part of the result.
    CHECK(expr_sx("match x { 1 => a + b  2 => c < d  else => e }") ==
          "(match x [1 => (+ a b)] [2 => (< c d)] [else => e])");
    CHECK(expr_sx("match x { 1 => 5 -1 => 3 }") == "(match x [1 => 5] [-1 => 3])");
    CHECK(expr_sx("match x { 1 => a not in b => 3 }") == "(match x [1 => a] [not in b => 3])");
    CHECK(expr_sx("match x { 1 => (a < 10) 2 => b }") == "(match x [1 => (< a 10)] [2 => b])");
    CHECK(expr_sx("match x { 1 => a == b  == c => 2 }") == "(match x [1 => (== a b)] [== c => 2])");
    CHECK(expr_sx("match x { 1 => if a then b else c  else => d }") == "(match x [1 => (if a b c)] [else => d])");
    CHECK(expr_sx("match n { 1..5, 10 => a  -3..-1 => b  \"s\" => c  lo..hi => d  not in s => e }") ==
          "(match n [1..5, 10 => a] [-3..-1 => b] [\"s\" => c] [lo..hi => d] [not in s => e])");
    CHECK(expr_sx("match a { 1 => match b { 2 => 3 } else => 4 }") == "(match a [1 => (match b [2 => 3])] [else => 4])");
}

TEST_CASE("spans point at the first token") {
    auto r = parse_snippet("let e =\n  a +\n\tb * c\n");
    REQUIRE(r.rulebook);
    const auto& e = *r.rulebook->lets[0].value;
    CHECK(r.rulebook->lets[0].span.line == 3);
    CHECK(r.rulebook->lets[0].span.column == 1);
    CHECK(e.span.line == 4);
    CHECK(e.span.column == 3);
    CHECK(e.args[1]->span.line == 5);
    CHECK(e.args[1]->span.column == 2);
    CHECK(e.args[1]->span.offset == r.rulebook->source.find("b * c"));
}

TEST_CASE("keywords are fine in schema declarations") {
    auto r = parse_rulebook(R"(rulebook "k" version "1"
schema lead {
  id: string
  score: int? pii
  from: string from "From" pii
  pii: bool
  unknown_values: string
  lead.as_of: date
  t: list<list<enum { a, b, }>>?
}
)",
                            "k.qual");
    REQUIRE(r.diagnostics.empty());
    const auto& f = r.rulebook->schema.fields;
    REQUIRE(f.size() == 7);
    CHECK(f[1].name == "score");
    CHECK(f[1].pii);
    CHECK(f[2].name == "from");
    CHECK(f[2].from == "From");
    CHECK(f[2].pii);
    CHECK(f[3].name == "pii");
    CHECK(f[4].name == "unknown_values");
    CHECK(f[5].name == "lead.as_of");
    CHECK(f[6].optional);
    CHECK(f[6].type.element->element->enum_values == std::vector<std::string>{"a", "b"});
}

TEST_CASE("statements in any order, decimal and negative numbers") {
    auto r = parse_rulebook(R"(rulebook "o" version "2"
route reject otherwise
criterion penalty weight -2.5 = x
confidence = known_share
schema lead { id: string }
review 2.5% of reject
explore 10 % of nurture as sdr
qualified_routes { ae, }
motion m when true { weight penalty -1 escalate e when a reason "r" }
)",
                            "o.qual");
    REQUIRE(r.diagnostics.empty());
    const auto& b = *r.rulebook;
    CHECK(b.criteria[0].weight == "-2.5");
    CHECK(b.criteria[0].label.empty());
    CHECK(b.reviews[0].percent == "2.5");
    CHECK(b.explores[0].percent == "10");
    CHECK(b.confidence != nullptr);
    CHECK(b.motions[0].weights[0].weight == "-1");
    REQUIRE(b.motions[0].escalations[0].when);
}

TEST_CASE("set union and difference: `&` over `|` over `*` and `-`") {
    CHECK(expr_sx("a | b & c") == "(| a (& b c))");
    CHECK(expr_sx("a & b | c") == "(| (& a b) c)");
    CHECK(expr_sx("a - b | c") == "(- a (| b c))");
    CHECK(expr_sx("a | b | c") == "(| (| a b) c)");
}

TEST_CASE("any and all: the variable, the list and a condition that extends to the right") {
    CHECK(expr_sx("any t in tags: t == \"a\"") == "(any t tags (== t \"a\"))");
    CHECK(expr_sx("all t in a | b: t in s and x") == "(all t (| a b) (and (in t s) x))");
    CHECK(expr_sx("x and any t in l: c") == "(and x (any t l c))");
    CHECK(expr_sx("not any t in l: c") == "(not (any t l c))");
    CHECK(expr_sx("any(x)") == "any(x)");
    CHECK(expr_sx("all + 1") == "(+ all 1)");
    CHECK(expr_sx("any t in l c").rfind("error: expected `:`", 0) == 0);
}
