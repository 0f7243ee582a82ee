// The decision writers (to_json, append_json, to_csv, append_csv, summary)
// on decisions the spec goldens do not hold: text that must be escaped or
// quoted inside the summary and the cells, lines longer than the builder's
// stack buffer, and appends after text already in the caller's buffer.
#include "qualify/decision.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace qualify;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

Decision awkward() {
    Decision d;
    d.id = "id \"7\"\n";
    d.route = "sdr";
    d.route_label = "Good, \"fit\"";
    d.score = dec("61.225");
    d.confidence = dec("0.8");
    d.reasons.push_back({"industry", "ICP \"industry\"\tfit", dec("20"), dec("20")});
    d.reasons.push_back({"size", "", dec("14.142"), dec("12.5")});
    d.reasons.push_back({"neg", "Negative", dec("-3"), dec("5")});
    d.models.push_back({"propensity", dec("0.61995"), {{"company.industry", "soft\\ware", dec("-0.00004")}}});
    d.escalations.push_back({"big,deal", "over 1,000 seats"});
    d.unknown.push_back("contact.seniority");
    d.as_of = "2026-11-23";
    d.rulebook = "saas@1";
    d.rulebook_hash = "sha256:00";
    return d;
}

}  // namespace

TEST_CASE("the summary is escaped inside the JSON line, and reads back whole") {
    const Decision d = awkward();
    CHECK(summary(d) ==
          "Score 61.23 (ICP \"industry\"\tfit 20/20, size 14.14/12.5; propensity 0.62) -> sdr");
    const std::string line = to_json(d);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["summary"] == summary(d));
    CHECK(j["id"] == d.id);
    CHECK(j["route_label"] == "Good, \"fit\"");
    CHECK(j["score"] == "61.23");
    CHECK(j["confidence"] == "0.80");
    CHECK(j["reasons"][1]["of"] == "12.5");
    CHECK(j["model"]["probability"] == "0.6200");
    CHECK(j["model"]["factors"][0]["value"] == "soft\\ware");
    CHECK(j["model"]["factors"][0]["contribution"] == "0.0000");
    CHECK(line.find("\"summary\":\"Score 61.23 (ICP \\\"industry\\\"\\tfit 20/20,") != std::string::npos);
}

TEST_CASE("append_json and append_csv add to what the buffer holds") {
    const Decision d = awkward();
    std::string out = "previous line\n";
    append_json(out, d);
    CHECK(out == "previous line\n" + to_json(d));
    std::string rows = "header\n";
    append_csv(rows, d, {});
    CHECK(rows == "header\n" + to_csv(d));
}

TEST_CASE("CSV cells are quoted when they hold a comma, a quote or a line break") {
    const Decision d = awkward();
    CHECK(to_csv(d) ==
          "\"id \"\"7\"\"\n\",sdr,61.23,0.80,,\"big,deal\","
          "\"Score 61.23 (ICP \"\"industry\"\"\tfit 20/20, size 14.14/12.5; propensity 0.62) -> sdr\"\n");
    Decision plain;
    plain.id = "L1";
    plain.route = "reject";
    plain.disqualified.push_back({"academic", "Student"});
    plain.disqualified.push_back({"competitor", "Rival"});
    CHECK(to_csv(plain) ==
          "L1,reject,,,academic;competitor,,\"Disqualified: academic (Student), competitor (Rival) -> reject\"\n");
    Decision error;
    error.is_error = true;
    error.line = 12;
    error.error = "bad \"email\"";
    CHECK(to_csv(error) == ",,,,,,\"error (line 12): bad \"\"email\"\"\"\n");
    CHECK(to_json(error) == "{\"id\":null,\"line\":12,\"error\":\"bad \\\"email\\\"\"}");
}

TEST_CASE("a line longer than the stack buffer") {
    Decision d = awkward();
    d.traced = true;
    for (int i = 0; i < 200; ++i) {
        TraceEntry t;
        t.rule = "criterion c" + std::to_string(i);
        t.at = "r.qual:" + std::to_string(i) + ":1";
        t.inputs.push_back({"company.name", "\"Acme \\\"" + std::to_string(i) + "\\\"\""});
        t.result = "true";
        t.points = dec("1.005");
        t.weight = dec("2.50");
        t.note = "line\nbreak";
        d.trace.push_back(t);
    }
    const std::string line = to_json(d);
    CHECK(line.size() > 4096 * 4);
    const auto j = nlohmann::json::parse(line);
    REQUIRE(j["trace"].size() == 200);
    CHECK(j["trace"][199]["inputs"]["company.name"] == "Acme \"199\"");
    CHECK(j["trace"][199]["points"] == "1.01");
    CHECK(j["trace"][199]["weight"] == "2.5");
    CHECK(j["trace"][199]["why"] == "line\nbreak");
    std::string out = "x";
    append_json(out, d);
    CHECK(out == "x" + line);
}
