// Semantics of the engine (spec §3 and §4) on small rulebooks: exact
// decimals, Kleene logic, unknowns, runtime errors as error decisions,
// sampling, and the spec §4 example decision.
#include "interpreter/decide.hpp"
#include "engines_agree.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

using namespace qualify;

namespace {

const char* kHeader = R"(rulebook "unit" version "1"
schema lead {
  id: string
  n: int?
  d: decimal?
  s: string?
  flag: bool?
  tier: enum { low, mid, high }?
}
)";

// Compiles kHeader + body; decides `lead` with each engine; both must agree.
std::string decide_json(const std::string& body, const std::string& lead) {
    Compilation c = compile_source(std::string(kHeader) + body, "unit.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    return engine_test::decide_with_both(*c.rulebook, lead);
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("decimals are exact: 0.1 + 0.2 == 0.3 and 7 / 2 == 3.5") {
    std::string out = decide_json(R"(
criterion exact weight 10 = 0.1 + 0.2 == 0.3 and 7 / 2 == 3.5
route r otherwise)", R"({"id":"a"})");
    CHECK(contains(out, R"("score":"100.00")"));
}

TEST_CASE("Kleene logic: false and 1/0 is false without an error; unknown or true is true") {
    std::string out = decide_json(R"(
criterion a weight 10 = not (false and 1 / 0 > 1)
criterion b weight 10 = n > 5 or true
route r otherwise)", R"({"id":"a"})");
    CHECK(contains(out, R"("score":"100.00")"));
    CHECK(contains(out, R"("unknown":["n"])"));
}

TEST_CASE("an unknown fit contributes 0 and lowers confidence") {
    std::string out = decide_json(R"(
criterion known_one weight 30 = true
criterion missing weight 10 = n > 5
route r otherwise)", R"({"id":"a"})");
    CHECK(contains(out, R"("score":"75.00")"));
    CHECK(contains(out, R"("confidence":"0.75")"));
}

TEST_CASE("division by zero and overflow become error decisions naming the rule") {
    std::string out = decide_json(R"(
criterion ratio weight 10 = 1 / n
route r otherwise)", R"({"id":"z","n":0})");
    CHECK(contains(out, R"("error":"division by zero in criterion ratio (unit.qual:)"));
    out = decide_json(R"(
criterion big weight 10 = d * d > 1
route r otherwise)", R"({"id":"o","d":"100000000000000000000"})");
    CHECK(contains(out, "overflow"));
    CHECK(contains(out, R"("id":"o")"));
}

TEST_CASE("?? gives the default only for unknown; known() and if/then/else") {
    std::string out = decide_json(R"(
score = if known(n) then (n ?? 0) + 0 else (d ?? 40) + 2
route r otherwise)", R"({"id":"a"})");
    CHECK(contains(out, R"("score":"42.00")"));
}

TEST_CASE("match: first arm that holds; unknown subject is unknown; enum order") {
    std::string body = R"(
criterion m weight 10 = match n { < 0 => 0  0..10 => 0.5  in {11, 12} => 0.75  else => 1 }
criterion t weight 10 = tier >= mid
route r otherwise)";
    CHECK(contains(decide_json(body, R"({"id":"a","n":5,"tier":"high"})"), R"("score":"75.00")"));
    CHECK(contains(decide_json(body, R"({"id":"a","n":12,"tier":"low"})"), R"("score":"37.50")"));
    CHECK(contains(decide_json(body, R"({"id":"a"})"), R"("confidence":"0.00")"));
}

TEST_CASE("sampling is FNV-1a 64 of name, kind and id") {
    // Reference values computed independently: h mod 10000 for these keys.
    CHECK(fnv1a64("saas-inbound\nreview\nL-1") == 8393069367385079481ULL);
    CHECK(sampled("saas-inbound", "review", "L-2", 4849));
    CHECK_FALSE(sampled("saas-inbound", "review", "L-2", 4848));
    CHECK(sampled_from(sample_seed("saas-inbound", "review"), "L-2", 4849));
    CHECK_FALSE(sampled_from(sample_seed("saas-inbound", "review"), "L-2", 4848));
}

TEST_CASE("the spec §4 example decision") {
    Compilation c = compile_file(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks/saas_inbound.qual");
    REQUIRE_MESSAGE(c.ok(), c.render());
    Evaluator e(*c.rulebook, {*parse_date("2026-11-23"), false, false, EngineKind::Vm});
    std::string out = to_json(e.evaluate_json(
        R"({"id":"L-10023","email":"x@northwind.io","source":"inbound_form","company":{"domain":"northwind.io","employees":1100,"industry":"software","country":"DE","tech_stack":["hubspot","jira"]},"contact":{"changed_job_recently":false},"crm":{"is_customer":false,"is_competitor":false},"engagement":{"pages_visited":10,"downloads":1},"intent":{"score":80,"days_since_spike":7}})",
        1));
    std::string expected_head =
        R"({"id":"L-10023","route":"sdr","route_label":"Good fit","action":"Ask two qualifying questions by email",)"
        R"("score":"61.22","confidence":"0.85","disqualified":[],"motion":null,)"
        R"("reasons":[{"code":"industry_fit","label":"ICP industry","points":"20.00","of":"20"},)"
        R"({"code":"size_fit","label":"Company size","points":"15.00","of":"15"},)"
        R"({"code":"intent","label":"Third-party intent","points":"14.14","of":"25"},)"
        R"({"code":"engagement","label":"Website engagement","points":"6.75","of":"15"},)"
        R"({"code":"tech_fit","label":"Tech stack alignment","points":"5.00","of":"10"}],)"
        R"("model":{"name":"propensity","probability":"0.6200","factors":[)";
    CHECK(out.substr(0, expected_head.size()) == expected_head);
    std::string expected_tail =
        R"("summary":"Score 61.22 (ICP industry 20/20, Company size 15/15, Third-party intent 14.14/25; propensity 0.62) -> sdr",)"
        R"("escalations":[],"unknown":["contact.seniority"],"review":false,"explore":false,"as_of":"2026-11-23",)"
        R"("rulebook":"saas-inbound@2026.11.1","rulebook_hash":"sha256:)";
    CHECK(contains(out, expected_tail));
}

TEST_CASE("a disqualified lead: route reject, nulls, summary names the disqualifiers") {
    Compilation c = compile_file(std::string(QUALIFY_SOURCE_DIR) + "/rulebooks/saas_inbound.qual");
    REQUIRE(c.ok());
    Evaluator e(*c.rulebook, {*parse_date("2026-11-23"), false, false, EngineKind::Vm});
    std::string out = to_json(e.evaluate_json(R"({"id":"t1","email":"jo@uni.ac.uk","source":"inbound_form","company":{"employees":5}})", 1));
    CHECK(contains(out, R"("route":"reject","route_label":null,"action":null,"score":null,"confidence":null,)"));
    CHECK(contains(out, R"("disqualified":[{"code":"academic","reason":"Student or academic email"},{"code":"too_small")"));
    CHECK(contains(out, R"("motion":null,"reasons":[],"model":null,"summary":"Disqualified: academic (Student or academic email), too_small)"));
}

TEST_CASE("decay is rounded once: 0.5^(1/3) to 18 places") {
    std::string out = decide_json(R"(
criterion c weight 100 = decay(n, half_life: 3)
score = points
route r otherwise)", R"({"id":"a","n":1})");
    // 0.5^(1/3) = 0.793700525984099737375852819636…; x 100 points = 79.37…
    CHECK(contains(out, R"("score":"79.37")"));
    CHECK(Decimal::pow_ratio(*Decimal::parse("0.5"), Decimal::from_int(1), Decimal::from_int(3)).to_string() ==
          "0.793700525984099737");
}

TEST_CASE("an enum range arm holds between its ends, in declaration order") {
    std::string body = R"(
criterion t weight 10 = match tier { low..mid => 1  else => 0 }
route r otherwise)";
    CHECK(contains(decide_json(body, R"({"id":"a","tier":"mid"})"), R"("score":"100.00")"));
    CHECK(contains(decide_json(body, R"({"id":"a","tier":"high"})"), R"("score":"0.00")"));
}

TEST_CASE("lets computed inside the VM's loop: chains, reuse, errors naming the let") {
    // A chain of eleven lets, deeper than the VM keeps in its own loop
    // (the innermost ones then go through EvalContext::derived), each used
    // once by the next and l10 also by two rules.
    std::string lets = "let l0 = n + 1\n";
    for (int i = 1; i <= 10; ++i) lets += "let l" + std::to_string(i) + " = l" + std::to_string(i - 1) + " + 1\n";
    std::string out = decide_json(lets + R"(
disqualify tiny when l10 < 5 reason "too small"
criterion deep weight 10 = l10 == 12 and l3 == 5
criterion again weight 10 = l10 > 11
route r otherwise)", R"({"id":"a","n":1})");
    CHECK(contains(out, R"("score":"100.00")"));
    out = decide_json(lets + R"(
disqualify tiny when l10 < 5 reason "too small"
criterion c weight 10 = true
route r otherwise)", R"({"id":"b","n":-10})");
    CHECK(contains(out, R"("disqualified":[{"code":"tiny")"));
    // An error inside a let names the let, not the rule that asked for it;
    // the rule after it in the same phase is not reached.
    out = decide_json(R"(
let inverse = 1 / n
disqualify first when n > 100 reason "first"
disqualify second when inverse > 1 reason "second"
criterion c weight 10 = true
route r otherwise)", R"({"id":"c","n":0})");
    CHECK(contains(out, R"("error":"division by zero in let inverse (unit.qual:)"));
    // A let first needed by a motion (a phase that stops at the first true
    // condition) and then by a route.
    out = decide_json(R"(
let big = n ?? 0 > 10
motion m when big {
  escalate look reason "big"
}
criterion c weight 10 = true
route hot when big
route r otherwise)", R"({"id":"d","n":11})");
    CHECK(contains(out, R"("motion":"m")"));
    CHECK(contains(out, R"("route":"hot")"));
}

TEST_CASE("a let computed inside the VM's loop keeps its stack values when deeper work nests") {
    // Each let holds values on the stack while the next one runs; past the
    // VM's own let depth, and for a decision table's columns, evaluation
    // nests a new frame, which must start above all of them.
    std::string lets = "let l0 = n + 1\n";
    for (int i = 1; i <= 12; ++i)
        lets += "let l" + std::to_string(i) + " = n + (n + (n + (n + l" + std::to_string(i - 1) + ")))\n";
    std::string out = decide_json(lets + R"(
criterion deep weight 10 = l12 == 50
route r otherwise)", R"({"id":"a","n":1})");
    CHECK(contains(out, R"("score":"100.00")"));
    out = decide_json(R"(
let base = n + 1
let scaled = n + (n + (n + tier_points.points + base))
table tier_points hit first {
  tier  => points
  low   => 1
  mid   => 2
  high  => 3
}
criterion t weight 10 = scaled == 7
route r otherwise)", R"({"id":"b","n":1,"tier":"mid"})");
    CHECK(contains(out, R"("score":"100.00")"));
}

TEST_CASE("a phase evaluates only the rules the decision reaches") {
    // Motions and routes stop at the first that holds: a later one that
    // would divide by zero is never evaluated, with or without the trace.
    // A criterion the motion disables is not evaluated either.
    const std::string body = R"(
motion first when n == 0 {
  disable risky
}
motion second when 1 / n > 1 {
  escalate look reason "second"
}
criterion risky weight 10 = 1 / n > 1
criterion safe weight 10 = true
route hot when score >= 50
route never when 1 / n > 1
route r otherwise)";
    std::string out = decide_json(body, R"({"id":"a","n":0})");
    CHECK(contains(out, R"("motion":"first")"));
    CHECK(contains(out, R"("route":"hot")"));
    CHECK_FALSE(contains(out, "error"));
    Compilation c = compile_source(std::string(kHeader) + body, "unit.qual", ".");
    REQUIRE(c.ok());
    std::string traced = engine_test::decide_with_both(*c.rulebook, R"({"id":"a","n":0})", true);
    CHECK_FALSE(contains(traced, "\"error\""));
    CHECK(contains(traced, "disabled by motion first"));
}
