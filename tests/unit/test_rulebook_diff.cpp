// The impact report of `qualify diff` (report/rulebook_diff.cpp): leads
// matched by id, the transition matrix, moves, newly disqualified and
// re-qualified leads, nearest-rank quartiles, and the most-changed order.
#include "report/rulebook_diff.hpp"

#include <doctest/doctest.h>

using namespace qualify;
using namespace qualify::report;

namespace {
DiffSide side(const std::string& route, int score, bool dq = false) {
    DiffSide s;
    s.route = route;
    s.score = Decimal::from_int(score);
    s.disqualified = dq;
    s.summary = route + " " + std::to_string(score);
    return s;
}
}  // namespace

TEST_CASE("compute_diff matches by id and counts what moved") {
    std::vector<std::pair<std::string, DiffSide>> before = {
        {"a", side("sdr", 60)}, {"b", side("nurture", 57)}, {"c", side("reject", 0, true)},
        {"d", side("ae", 90)},  {"gone", side("sdr", 61)},
    };
    std::vector<std::pair<std::string, DiffSide>> after = {
        {"d", side("ae", 80)}, {"a", side("sdr", 60)}, {"b", side("sdr", 57)},
        {"c", side("nurture", 40)}, {"new", side("ae", 99)},
    };
    RulebookDiff d = compute_diff(before, after, 10);
    CHECK(d.matched == 4);
    CHECK(d.only_old == std::vector<std::string>{"gone"});
    CHECK(d.only_new == std::vector<std::string>{"new"});
    CHECK(d.moved == 2);
    CHECK(d.moved_percent() == doctest::Approx(50.0));
    CHECK(d.transitions.at({"nurture", "sdr"}) == 1);
    CHECK(d.transitions.at({"sdr", "sdr"}) == 1);
    CHECK(d.requalified.size() == 1);
    CHECK(d.newly_disqualified.empty());
    // Route changes first (in input order among equals by score change), then score changes.
    REQUIRE(d.top.size() == 3);
    CHECK(d.top[0].id == "c");  // moved, score +40
    CHECK(d.top[1].id == "b");  // moved, score unchanged
    CHECK(d.top[2].id == "d");  // stayed, score -10
    // Nearest-rank quartiles of 0, 57, 60, 90.
    CHECK(d.old_scores.q1.to_fixed(2) == "0.00");
    CHECK(d.old_scores.median.to_fixed(2) == "57.00");
    CHECK(d.old_scores.q3.to_fixed(2) == "60.00");
    CHECK(d.old_scores.mean.to_fixed(2) == "51.75");
    CHECK(diff_text(d).find("nurture -> sdr: 1  *") != std::string::npos);
    CHECK(diff_markdown(d).find("**2 of 4 leads (50.0%) change route.**") != std::string::npos);
    CHECK(diff_json(d).find(R"("moved":2,"moved_percent":"50.0")") != std::string::npos);
}

TEST_CASE("markdown keeps a summary with a pipe in its table cell") {
    RulebookDiff d;
    ChangedLead c;
    c.id = "L|1";
    c.before = side("nurture", 40);
    c.after = side("sdr", 61);
    c.after.summary = "Score 61 (Fit | intent 20/20) -> sdr";
    d.top.push_back(c);
    const std::string md = diff_markdown(d);
    CHECK(md.find("| L\\|1 | nurture 40 | Score 61 (Fit \\| intent 20/20) -> sdr |\n") != std::string::npos);
}
