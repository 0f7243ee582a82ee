// `dedupe by`: the statement's grammar and checks, the key (unknown parts,
// several parts, what counts as equal), and Run, the per-run state that
// disqualifies later leads with an earlier lead's key.
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace qualify;

namespace {

const char* kHeader = R"(rulebook "dedupe" version "1"
schema lead {
  id: string
  email: string? pii
  company: string?
  employees: int?
  tags: list<string>?
}
disqualify tiny when employees < 5 reason "Too small"
criterion big weight 10 = employees >= 100
route ae when score >= 50
route nurture otherwise
review 100% of disqualified
)";

Rulebook compile_ok(const std::string& body) {
    Compilation c = compile_source(std::string(kHeader) + body, "dedupe.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    return *c.rulebook;
}

std::string first_error(const std::string& body) {
    Compilation c = compile_source(std::string(kHeader) + body, "dedupe.qual", ".");
    REQUIRE(!c.ok());
    return std::string(code_name(c.diagnostics.front().code)) + " " + c.diagnostics.front().message;
}

// Decides `leads` in order through one Run, with either engine; returns the
// JSON of each decision.
std::vector<std::string> run(const Rulebook& rb, const std::vector<std::string>& leads,
                             EngineKind engine = EngineKind::Vm) {
    Evaluator evaluator(rb, {*parse_date("2026-11-23"), false, false, engine});
    Run r(rb);
    std::vector<std::string> out;
    uint64_t line = 0;
    for (const auto& lead : leads) {
        Decision d = evaluator.evaluate_json(lead, ++line);
        r.admit(d);
        out.push_back(to_json(d));
    }
    return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kDuplicateOfA = R"({"code":"duplicate","reason":"Duplicate of a"})";

}  // namespace

TEST_CASE("a later lead with an earlier lead's key is disqualified as a duplicate of it") {
    Rulebook rb = compile_ok("dedupe by lower(email)\n");
    for (auto engine : {EngineKind::Vm, EngineKind::Reference}) {
        auto out = run(rb,
                       {R"({"id":"a","email":"Jo@Acme.com","employees":500})",
                        R"({"id":"b","email":"jo@acme.COM","employees":500})",
                        R"({"id":"c","email":"other@acme.com","employees":500})",
                        R"({"id":"d","email":"JO@ACME.COM"})"},
                       engine);
        CHECK(contains(out[0], R"("route":"ae")"));
        CHECK(contains(out[1], R"("route":"reject")"));
        CHECK(contains(out[1], kDuplicateOfA));
        // A duplicate has no score: it is a rejected lead, like any other.
        CHECK(!contains(out[1], R"("score":"1)"));
        CHECK(contains(out[2], R"("route":"ae")"));
        CHECK(contains(out[3], kDuplicateOfA));
    }
}

TEST_CASE("disqualified leads register their key; error records and unknown key parts do not") {
    Rulebook rb = compile_ok("dedupe by lower(email)\n");
    auto out = run(rb, {
                           R"({"id":"a","email":"x@y.io","employees":1})",    // disqualified: registers
                           R"({"id":"b","email":"x@y.io","employees":500})",  // duplicate of a
                           R"({"id":"e1","email":"q@y.io","employees":"many"})",  // error: registers nothing
                           R"({"id":"c","email":"q@y.io"})",                  // first with q@y.io
                           R"({"id":"u1"})",                                   // unknown key: nothing
                           R"({"id":"u2"})",                                   // not a duplicate of u1
                       });
    CHECK(contains(out[0], R"({"code":"tiny","reason":"Too small"})"));
    CHECK(!contains(out[0], "duplicate"));
    CHECK(contains(out[1], kDuplicateOfA));
    CHECK(contains(out[2], R"("error":)"));
    CHECK(!contains(out[3], "duplicate"));
    CHECK(!contains(out[4], "duplicate"));
    CHECK(!contains(out[5], "duplicate"));
}

TEST_CASE("a duplicate that another disqualifier also rejects lists both, duplicate last; review samples it") {
    Rulebook rb = compile_ok("dedupe by lower(email)\n");
    auto out = run(rb, {R"({"id":"a","email":"x@y.io","employees":500})", R"({"id":"b","email":"x@y.io","employees":1})"});
    CHECK(contains(out[1], R"("disqualified":[{"code":"tiny","reason":"Too small"},{"code":"duplicate","reason":"Duplicate of a"}])"));
    CHECK(contains(out[1], R"("review":true)"));
}

TEST_CASE("a key of several parts: equal only when every part is equal, unknown when one part is") {
    Rulebook rb = compile_ok("dedupe by lower(company), employees\n");
    auto out = run(rb, {
                           R"({"id":"a","company":"Acme","employees":10})",
                           R"({"id":"b","company":"ACME","employees":11})",
                           R"({"id":"c","company":"acme","employees":"10"})",
                           R"({"id":"d","company":"acme"})",
                           R"({"id":"e","company":"acme"})",
                           // "a\n" + "b" must not equal "a" + "\nb": parts are quoted.
                           R"({"id":"f","company":"10","employees":10})",
                       });
    CHECK(!contains(out[1], "duplicate"));
    CHECK(contains(out[2], kDuplicateOfA));
    CHECK(!contains(out[3], "duplicate"));
    CHECK(!contains(out[4], "duplicate"));
    CHECK(!contains(out[5], "duplicate"));
}

TEST_CASE("each Run starts empty; the Rulebook holds no dedupe state") {
    Rulebook rb = compile_ok("dedupe by lower(email)\n");
    const std::vector<std::string> leads = {R"({"id":"a","email":"x@y.io"})", R"({"id":"b","email":"x@y.io"})"};
    CHECK(run(rb, leads) == run(rb, leads));
    Evaluator evaluator(rb, {*parse_date("2026-11-23"), false, false, EngineKind::Vm});
    Run r(rb);
    Decision a = evaluator.evaluate_json(leads[0], 1);
    CHECK(!r.admit(a));
    Decision b = evaluator.evaluate_json(leads[1], 2);
    CHECK(r.admit(b));
    CHECK(r.distinct_keys() == 1);
}

TEST_CASE("without dedupe by, a Run changes nothing") {
    Rulebook rb = compile_ok("");
    auto out = run(rb, {R"({"id":"a","email":"x@y.io"})", R"({"id":"a","email":"x@y.io"})"});
    CHECK(out[0] == out[1]);
}

TEST_CASE("explain: a duplicate's trace ends with the dedupe entry") {
    Rulebook rb = compile_ok("dedupe by lower(email)\n");
    Evaluator evaluator(rb, {*parse_date("2026-11-23"), true, false, EngineKind::Vm});
    Run r(rb);
    Decision a = evaluator.evaluate_json(R"({"id":"a","email":"x@y.io"})", 1);
    r.admit(a);
    Decision b = evaluator.evaluate_json(R"({"id":"b","email":"x@y.io"})", 2);
    REQUIRE(r.admit(b));
    REQUIRE(!b.trace.empty());
    CHECK(b.trace.back().rule == "dedupe");
    CHECK(b.trace.back().at == "dedupe.qual:14:1");
    CHECK(b.trace.back().result == "reject");
}

TEST_CASE("dedupe statement errors: list key, twice, missing by, missing key, unknown field") {
    CHECK(first_error("dedupe by tags\n").starts_with("Q103 a dedupe key is one value"));
    CHECK(first_error("dedupe by email\ndedupe by company\n").starts_with("Q105 `dedupe by` is given twice"));
    CHECK(first_error("dedupe email\n").starts_with("Q001 expected `by` after `dedupe`"));
    CHECK(first_error("dedupe by\n").starts_with("Q00"));
    CHECK(first_error("dedupe by emial\n").starts_with("Q10"));
    CHECK(first_error("dedupe by score\n").starts_with("Q124"));
}

TEST_CASE("`dedupe` and `by` stay usable as names") {
    Compilation c = compile_source(R"(rulebook "names" version "1"
schema lead {
  id: string
  dedupe: string?
  by: int?
}
let x = by
criterion c weight 1 = dedupe == "y" or x > 1
dedupe by dedupe, by
route r otherwise
)", "names.qual", ".");
    CHECK_MESSAGE(c.ok(), c.render());
}
