// The lint pass (interpreter/lint*.cpp): each warning fires where it is
// certain, and stays quiet where unknown values, unanalysed conditions or
// gaps between ranges mean a rule can still be reached. Also the test-side
// features that go with it: fixtures, cases rows, ranges, coverage.
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace qualify;

namespace {

const char* const kHeader = R"(rulebook "lint" version "1"
schema lead {
  id:                string
  source:            enum { web, partner, event }
  plan:              enum { free, team, business }?
  company.employees: int?
  company.country:   string?
  crm.is_customer:   bool?
}
disqualify customer when crm.is_customer reason "Customer"
criterion size weight 10 "Size" = company.employees >= 100
criterion country weight 5 "Country" = company.country in {"US", "CA"}
criterion plan weight 5 "Plan" = match plan { business => 1  else => 0.5 }
criterion channel weight 5 "Channel" = source == partner
)";

// The codes of the warnings the fragment draws, in order.
std::vector<std::string> warnings(const std::string& fragment) {
    Compilation c = compile_source(std::string(kHeader) + fragment, "lint.qual", ".", {.lint = true});
    REQUIRE_MESSAGE(c.ok(), c.render());
    std::vector<std::string> codes;
    for (const auto& d : c.diagnostics)
        if (d.severity == Diagnostic::Severity::Warning) codes.emplace_back(code_name(d.code));
    return codes;
}

bool has(const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

TEST_CASE("a clean rulebook draws no warning") {
    CHECK(warnings("route a when score >= 80\nroute b when score >= 50\nroute c otherwise\n").empty());
}

TEST_CASE("W001: routes shadowed by earlier routes") {
    CHECK(has(warnings("route a when score >= 50\nroute b when score >= 80\nroute c otherwise\n"), "W001"));
    // Together the earlier routes take every score: `otherwise` is dead.
    CHECK(has(warnings("route a when score >= 50\nroute b when score < 50\nroute c otherwise\n"), "W001"));
    // `not` and `or` are understood.
    CHECK(has(warnings("route a when not (score < 60) or confidence > 0.9\nroute b when score >= 70\nroute c otherwise\n"),
              "W001"));
    // A gap stays reachable: 50 itself is not taken by `> 50`.
    CHECK_FALSE(has(warnings("route a when score > 50\nroute b when score >= 50 and score <= 50\nroute c otherwise\n"),
                    "W001"));
    // A condition on a field that may be unknown does not cover leads where it is.
    CHECK_FALSE(has(warnings("route a when company.employees >= 10 or company.employees < 10\nroute c otherwise\n"),
                    "W001"));
    // What the analysis does not understand never shadows.
    CHECK_FALSE(has(warnings("route a when score - rules > -1000\nroute b when score >= 10\nroute c otherwise\n"),
                    "W001"));
}

TEST_CASE("W002: criteria that never contribute") {
    CHECK(has(warnings("criterion z weight 0 \"Zero\" = true\nroute c otherwise\n"), "W002"));
    CHECK(has(warnings("criterion z weight 5 \"Zero\" = if crm.is_customer then 0 else 0\nroute c otherwise\n"), "W002"));
    CHECK(has(warnings("criterion z weight 5 \"Never\" = company.employees > 100 and company.employees < 50\n"
                       "route c otherwise\n"),
              "W002"));
    // A motion that gives it a weight brings it to life.
    CHECK_FALSE(has(warnings("criterion z weight 0 \"Zero\" = true\n"
                             "motion m when source == web { weight z 5 }\nroute c otherwise\n"),
                    "W002"));
}

TEST_CASE("W003: match arms shadowed by earlier arms") {
    CHECK(has(warnings("criterion s weight 5 \"S\" = match source { web, partner => 1  partner => 0.5  else => 0 }\n"
                       "route c otherwise\n"),
              "W003"));
    // An `else` after every enum value is never taken.
    CHECK(has(warnings("criterion s weight 5 \"S\" = match source { web => 1  partner, event => 0.5  else => 0 }\n"
                       "route c otherwise\n"),
              "W003"));
    CHECK(has(warnings("criterion s weight 5 \"S\" = match company.country { in {\"US\", \"CA\"} => 1  \"US\" => 0.5  else => 0 }\n"
                       "route c otherwise\n"),
              "W003"));
    CHECK(has(warnings("criterion s weight 5 \"S\" = match company.employees { < 100 => 0.5  10..50 => 1  else => 0 }\n"
                       "route c otherwise\n"),
              "W003"));
    CHECK_FALSE(has(warnings("criterion s weight 5 \"S\" = match company.employees { < 100 => 0.5  50..500 => 1  else => 0 }\n"
                             "route c otherwise\n"),
                    "W003"));
}

TEST_CASE("W004: motions shadowed by earlier motions") {
    CHECK(has(warnings("motion a when source != web { disable size }\nmotion b when source == event { disable size }\n"
                       "route c otherwise\n"),
              "W004"));
    CHECK_FALSE(has(warnings("motion a when source == partner { disable size }\nmotion b when source == event { disable size }\n"
                             "route c otherwise\n"),
                    "W004"));
}

TEST_CASE("W005, W006, W007: unread fields, unused lets, large samples") {
    // Every field of the header is read; a new one is not.
    CHECK_FALSE(has(warnings("route c otherwise\n"), "W005"));
    auto w = warnings("let big = {1000, 5000}\nlet used = {\"US\"}\nlet via = used\n"
                      "criterion u weight 1 \"U\" = company.country in via\n"
                      "route c when score >= 50\nroute d otherwise\nreview 75% of d\nexplore 5% of d as c\n");
    CHECK(std::count(w.begin(), w.end(), "W006") == 1);  // `big` only: `used` is read through `via`
    CHECK(std::count(w.begin(), w.end(), "W007") == 1);  // the review, not the 5% explore
}

TEST_CASE("warnings are not errors, and only appear when asked for") {
    const std::string text = std::string(kHeader) + "route a when score >= 50\nroute b when score >= 80\nroute c otherwise\n";
    Compilation linted = compile_source(text, "lint.qual", ".", {.lint = true});
    CHECK(linted.ok());
    CHECK(linted.render().find("warning[W001]: route `b` can never apply") != std::string::npos);
    CHECK(compile_source(text, "lint.qual", ".").diagnostics.empty());
}

TEST_CASE("fixtures, cases rows and ranges; coverage counts what the tests took") {
    const std::string text = std::string(kHeader) + R"(route hi when score >= 50
route lo otherwise
fixture base { id: "f1", source: web, company.employees: 500 }
fixture us { company.country: "US" }
test "rows" {
  given base
  cases {
    { plan: business }                  => route hi, score in 60..70
    base, us with { plan: team }        => route hi, score == 70
    base with { company.employees: 5 }  => route lo, not disqualified
    { crm.is_customer: true }           => disqualified customer
  }
}
)";
    Compilation c = compile_source(text, "rows.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    TestCoverage coverage;
    auto results = run_tests(*c.rulebook, *parse_date("2026-11-23"), &coverage);
    REQUIRE(results.size() == 1);
    std::string failures;
    for (const auto& f : results[0].failures) failures += f + "\n";
    CHECK_MESSAGE(results[0].passed, failures);
    auto item = [&](const std::string& kind, const std::string& name) {
        for (const auto& i : coverage.items)
            if (i.kind == kind && i.name.find(name) != std::string::npos) return i.covered;
        FAIL("no coverage item " << kind << " " << name);
        return false;
    };
    CHECK(item("disqualifier", "customer"));
    CHECK(item("criterion", "country"));
    CHECK_FALSE(item("criterion", "channel"));  // no partner lead
    CHECK(item("match arm", "`business`"));
    CHECK(item("match arm", "`else`"));
    CHECK(item("route", "lo"));

    // A failing row is named by its number and line.
    const std::string wrong = std::string(kHeader) + R"(route hi when score >= 50
route lo otherwise
test "rows" {
  given { id: "w", source: web }
  cases {
    { company.employees: 500 } => route lo
    { company.employees: 5 }   => route hi
  }
}
)";
    Compilation w = compile_source(wrong, "wrong.qual", ".");
    REQUIRE(w.ok());
    auto r = run_tests(*w.rulebook, *parse_date("2026-11-23"));
    REQUIRE(r.size() == 1);
    REQUIRE(r[0].failures.size() == 1);
    CHECK(r[0].failures[0].rfind("row 2 (wrong.qual:", 0) == 0);
}

TEST_CASE("unknown fixtures and empty ranges are errors") {
    auto fails_with = [](const std::string& fragment, const std::string& text) {
        Compilation c = compile_source(std::string(kHeader) + "route c otherwise\n" + fragment, "t.qual", ".");
        CHECK_FALSE(c.ok());
        CHECK_MESSAGE(c.render().find(text) != std::string::npos, c.render());
    };
    fails_with("test \"t\" { given nope expect route c }\n", "uses fixture `nope`, which is not defined");
    fails_with("test \"t\" { given { id: \"x\", source: web } expect score in 80..20 }\n", "is empty");
    fails_with("fixture f { id: \"a\" }\nfixture f { id: \"b\" }\n", "fixture `f` is already defined");
}
