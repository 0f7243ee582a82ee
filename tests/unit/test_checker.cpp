// The checker: each mistake gets its diagnostic code, and some things that
// look like mistakes are accepted (lead.NAME for keyword fields, `expect
// route reject` without a route named reject).
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

using namespace qualify;

namespace {

const std::string kHeader = R"(rulebook "unit" version "1"
schema lead {
  id: string
  n: int?
  score: int?
  tier: enum { low, mid, high }?
}
)";

std::vector<Diagnostic> diagnostics_of(const std::string& body) {
    return compile_source(kHeader + body, "unit.qual", ".").diagnostics;
}

}  // namespace

TEST_CASE("each mistake gets its code") {
    struct Case {
        const char* body;
        const char* code;
    } cases[] = {
        {"criterion a weight 1 = n > 1\nscore = 1\nscore = 2\nroute r otherwise", "Q105"},
        {"criterion a weight 1 = n > 1\nconfidence = 1\nconfidence = 0.5\nroute r otherwise", "Q105"},
        {"criterion a weight 1 = n > 1\nroute r otherwise\nqualified_routes { r }\nqualified_routes { r }", "Q105"},
        {"criterion a weight 1 = n > 1\nroute r otherwise\nreview 5% of r\nreview 10% of r", "Q126"},
        {"criterion a weight 1 = n > 1\nroute a when n > 1\nroute r otherwise\nexplore 5% of a as r\nexplore 1% of a as r",
         "Q126"},
        {"criterion a weight 1 = tier == \"low\"\nroute r otherwise", "Q117"},
        {"criterion a weight 1 = tier == lowest\nroute r otherwise", "Q104"},
        {"criterion a weight 1 = nn > 1\nroute r otherwise", "Q101"},
        {"criterion a weight 1 = n > 1\nroute r when n > 2", "Q106"},
        {"criterion a weight 1 = n > 1\nroute r otherwise\nroute s when n > 1", "Q106"},
        {"let x = y\nlet y = x\ncriterion a weight 1 = x > 1\nroute r otherwise", "Q121"},
        {"route r otherwise", "Q113"},
        {"criterion a weight 1 = \"yes\"\nroute r otherwise", "Q112"},
        {"criterion a weight 1 = lead.score > 1\nscore = n\nroute r otherwise", "Q111"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.body);
        auto d = diagnostics_of(c.body);
        REQUIRE_FALSE(d.empty());
        CHECK(std::string(code_name(d.front().code)) == c.code);
    }
}

TEST_CASE("lead.NAME reaches a keyword-named field in given and expect unknown") {
    CompileOptions options;
    Compilation c = compile_source(kHeader + R"(
criterion a weight 10 = (lead.score ?? 0) > 90
route hot when score >= 50
route reject otherwise
test "keyword field" {
  given { id: "k", lead.score: 80 }
  expect route reject
}
test "keyword field high" {
  given { id: "h", lead.score: 95 }
  expect route hot
}
test "keyword field unknown" {
  given { id: "u" }
  expect unknown lead.score
  expect route reject
}
)",
                                   "unit.qual", ".", options);
    REQUIRE_MESSAGE(c.ok(), c.render());
    for (const auto& r : run_tests(*c.rulebook, *parse_date("2026-11-23"))) {
        std::string why;
        for (const auto& f : r.failures) why += f + "; ";
        CHECK_MESSAGE(r.passed, r.name << ": " << why);
    }
}

TEST_CASE("`expect route reject` holds for a disqualified lead without a reject route") {
    Compilation c = compile_source(kHeader + R"(
disqualify tiny when n < 10 reason "Too small"
criterion a weight 10 = n > 50
route later otherwise
test "tiny" {
  given { id: "t", n: 3 }
  expect disqualified tiny
  expect route reject
}
)",
                                   "unit.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    auto results = run_tests(*c.rulebook, *parse_date("2026-11-23"));
    REQUIRE(results.size() == 1);
    CHECK(results[0].passed);
}

TEST_CASE("an unreadable rulebook file is Q203 with no position") {
    Compilation c = compile_file("/nonexistent/dir/rules.qual");
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].code == DiagnosticCode::Q203);
    CHECK(c.diagnostics[0].line == 0);
}

TEST_CASE("date() of text that may not be a date is optional, so score = needs ??") {
    auto d = diagnostics_of("criterion a weight 1 = n > 1\nscore = 50 + days_since(date(\"x\" ?? \"y\")) / 100\nroute r otherwise");
    REQUIRE_FALSE(d.empty());
    CHECK(std::string(code_name(d.front().code)) == "Q111");
    // A valid literal date is never unknown.
    CHECK(diagnostics_of("criterion a weight 1 = n > 1\nscore = 50 + days_since(date(\"2026-01-01\")) / 100\nroute r otherwise")
              .empty());
}

TEST_CASE("a range arm takes enum values of the match's subject") {
    CHECK(diagnostics_of("criterion a weight 1 = match tier { low..mid => 1  else => 0 }\nroute r otherwise").empty());
}
