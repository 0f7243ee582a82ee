// The JSON decision writer (decision_json.cpp, decision_summary.cpp,
// line_cursor.hpp) against a plain reference writer kept here: one
// std::string, every string escaped through json_string(), every number
// through Decimal::to_fixed / to_string, the summary built as text and
// escaped whole. The writer copies plain strings in SIMD blocks, checks its
// room once per group of pieces and copies into the summary text the line
// already holds; each of those must give the reference's bytes exactly,
// whatever the strings hold (quotes, backslashes, control bytes, UTF-8),
// however long they are, and wherever they fall.
#include "interpreter/json_text.hpp"
#include "qualify/decision.hpp"
#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace qualify;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

// ---- the reference writer ----

std::string trimmed(const Decimal& d) {
    std::string s = d.to_fixed(2);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string reference_summary(const Decision& d) {
    if (d.is_error) return {};
    std::string s;
    if (!d.disqualified.empty()) {
        s = "Disqualified: ";
        for (size_t i = 0; i < d.disqualified.size(); ++i) {
            if (i) s += ", ";
            s += std::string(d.disqualified[i].code) + " (" + std::string(d.disqualified[i].reason) + ")";
        }
        return s + " -> reject";
    }
    s = "Score " + trimmed(d.score.value_or(Decimal::zero()));
    size_t items = 0;
    auto next_item = [&](bool first_model) {
        if (items++ == 0) s += " (";
        else if (first_model) s += "; ";
        else s += ", ";
    };
    for (const auto& r : d.reasons) {
        if (items == 3 || r.points <= Decimal::zero()) break;
        next_item(false);
        s += std::string(r.label.empty() ? r.code : r.label) + " " + trimmed(r.points) + "/" + r.weight.to_string();
    }
    for (size_t i = 0; i < d.models.size(); ++i) {
        next_item(i == 0);
        s += std::string(d.models[i].name) + " " + trimmed(d.models[i].probability);
    }
    if (items) s += ")";
    s += " -> " + std::string(d.route);
    if (d.explored_from) s += " (explored from " + std::string(*d.explored_from) + ")";
    return s;
}

std::string q(std::string_view s) { return json_string(s); }
std::string opt(const std::optional<std::string_view>& v) { return v ? q(*v) : "null"; }
std::string num(const std::optional<Decimal>& v, int places) { return v ? q(v->to_fixed(places)) : "null"; }

std::string codes(const std::vector<CodeAndReason>& items) {
    std::string s = "[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ",";
        s += "{\"code\":" + q(items[i].code) + ",\"reason\":" + q(items[i].reason) + "}";
    }
    return s + "]";
}

std::string model(const ModelOutcome& m) {
    std::string s = "{\"name\":" + q(m.name) + ",\"probability\":" + q(m.probability.to_fixed(4)) + ",\"factors\":[";
    for (size_t i = 0; i < m.factors.size(); ++i) {
        if (i) s += ",";
        const ModelFactor& f = m.factors[i];
        s += "{\"feature\":" + q(f.feature) + ",\"value\":" + q(f.value) +
             ",\"contribution\":" + q(f.contribution.to_fixed(4)) + "}";
    }
    return s + "]}";
}

// Decisions without a trace (the writer's trace is LineBuilder code that
// did not change).
std::string reference_json(const Decision& d) {
    std::string s = "{\"id\":" + (d.id.empty() ? std::string("null") : q(d.id));
    if (d.is_error)
        return s + ",\"line\":" + (d.line ? std::to_string(d.line) : "null") + ",\"error\":" + q(d.error) + "}";
    s += ",\"route\":" + q(d.route) + ",\"route_label\":" + opt(d.route_label) + ",\"action\":" + opt(d.action);
    if (d.has_assigned) {
        s += ",\"assigned\":{";
        for (size_t i = 0; i < d.assigned.size(); ++i)
            s += (i ? "," : "") + q(d.assigned[i].name) + ":" + d.assigned[i].json;
        s += "}";
    }
    s += ",\"score\":" + num(d.score, 2) + ",\"confidence\":" + num(d.confidence, 2);
    s += ",\"disqualified\":" + codes(d.disqualified) + ",\"motion\":" + opt(d.motion) + ",\"reasons\":[";
    for (size_t i = 0; i < d.reasons.size(); ++i) {
        const ReasonItem& r = d.reasons[i];
        s += (i ? "," : "") + std::string("{\"code\":") + q(r.code) + ",\"label\":" + q(r.label) +
             ",\"points\":" + q(r.points.to_fixed(2)) + ",\"of\":" + q(r.weight.to_string()) + "}";
    }
    s += "],\"model\":";
    if (d.models.empty()) {
        s += "null";
    } else if (d.models.size() == 1) {
        s += model(d.models[0]);
    } else {
        s += "[";
        for (size_t i = 0; i < d.models.size(); ++i) s += (i ? "," : "") + model(d.models[i]);
        s += "]";
    }
    s += ",\"summary\":" + q(reference_summary(d)) + ",\"escalations\":" + codes(d.escalations) + ",\"unknown\":[";
    for (size_t i = 0; i < d.unknown.size(); ++i) s += (i ? "," : "") + q(d.unknown[i]);
    s += std::string("],\"review\":") + (d.review ? "true" : "false") + ",\"explore\":" + (d.explore ? "true" : "false");
    if (d.explored_from) s += ",\"explored_from\":" + q(*d.explored_from);
    s += ",\"as_of\":" + q(d.as_of) + ",\"rulebook\":" + q(d.rulebook) + ",\"rulebook_hash\":" + q(d.rulebook_hash);
    return s + "}";
}

// ---- awkward text ----

// Text of `n` bytes drawn from plain ASCII, UTF-8 and every kind of byte
// JSON escapes (more often than real data would).
std::string random_text(std::mt19937& rng, size_t n) {
    static const std::vector<std::string> pieces = {"a", "Z", "0", " ", "-", ".", "é", "—", "中", "\"", "\\", "\n",
                                                    "\t", "\r", std::string(1, '\0'), "\x01", "\x1f", "\x7f", "/"};
    std::string s;
    while (s.size() < n) {
        // Mostly plain, so that blocks without an escape are common too.
        if (rng() % 4) s += static_cast<char>('a' + rng() % 26);
        else s += pieces[rng() % pieces.size()];
    }
    return s;
}

size_t random_size(std::mt19937& rng) {
    switch (rng() % 8) {
        case 0: return 0;
        case 1: return 1 + rng() % 3;
        case 2: return 4 + rng() % 4;
        case 3: return 8 + rng() % 8;
        case 4: return 16 + rng() % 17;
        case 5: return 33 + rng() % 64;
        case 6: return rng() % 2 ? 5000 : 300;  // past the builder's 4 KiB
        default: return rng() % 40;
    }
}

}  // namespace

TEST_CASE("copy_json_plain copies exactly the plain strings, within their bytes") {
    for (size_t n = 0; n <= 80; ++n) {
        for (size_t at = 0; at <= n; ++at) {  // at == n: no special byte
            for (const char special : {'"', '\\', '\n', '\0', '\x1f', '\xc3'}) {
                // Exact-size heap copies: a read or write outside them is a
                // sanitizer error.
                std::unique_ptr<char[]> src(new char[n ? n : 1]);
                for (size_t i = 0; i < n; ++i) src[i] = static_cast<char>('a' + i % 26);
                if (at < n) src[at] = special;
                std::unique_ptr<char[]> dst(new char[n + 8]);
                std::memset(dst.get(), '#', n + 8);
                const bool plain = copy_json_plain(dst.get(), src.get(), n);
                const bool expected = at == n || special == '\xc3';  // UTF-8 lead byte: plain
                CAPTURE(n);
                CAPTURE(at);
                CHECK(plain == expected);
                if (plain) CHECK(std::string(dst.get(), n) == std::string(src.get(), n));
                CHECK(std::string(dst.get() + n, 8) == "########");
                char escaped[6 * 80 + 1];
                const char* end = write_json_escaped(escaped, std::string_view(src.get(), n));
                CHECK("\"" + std::string(escaped, static_cast<size_t>(end - escaped)) + "\"" == json_string(std::string_view(src.get(), n)));
            }
        }
    }
}

TEST_CASE("awkward text in every field is written as the reference writes it") {
    Decision d;
    d.id = "L\"1\"\\\n";
    d.route = "a\"e";
    d.route_label = "Good \"fit\" — ✓";
    d.action = "Call\tnow\x01";
    d.score = dec("61.225");
    d.confidence = dec("0.8");
    d.motion = "plg\\x";
    d.reasons.push_back({"industry", "ICP \"industry\"\tfit", dec("20"), dec("20")});
    d.reasons.push_back({"size\n", "", dec("14.142"), dec("12.5")});
    d.reasons.push_back({"seniority", "Contact seniority (VP+) — Müller", dec("7.5"), dec("15")});
    d.reasons.push_back({"fourth", "Fourth \"reason\"", dec("3"), dec("5")});
    d.models.push_back({"propen\"sity", dec("0.61995"), {{"company.industry", "soft\\ware", dec("-0.00004")}}});
    d.models.push_back({"second", dec("0.1"), {}});
    d.escalations.push_back({"big,deal", "over 1,000 \"seats\""});
    d.unknown.push_back("contact.seniority");
    d.unknown.push_back("a\"b");
    d.explored_from = "nurture\"";
    d.as_of = "2026-11-23";
    d.rulebook = "saas\"@1";
    d.rulebook_hash = "sha256:00\n";
    CHECK(to_json(d) == reference_json(d));

    SUBCASE("disqualified, more than the writer records for the summary") {
        d.disqualified.clear();
        for (int i = 0; i < 7; ++i)
            d.disqualified.push_back({i % 2 ? "code\"" : "plain_code", i % 3 ? "Reason with \\ and \x02" : "Plain reason"});
        d.route = "reject";
        CHECK(to_json(d) == reference_json(d));
    }
    SUBCASE("no score, a confidence") {
        d.score.reset();
        CHECK(to_json(d) == reference_json(d));
    }
    SUBCASE("a label longer than the stack buffer, with escapes, mid-line") {
        std::string long_label(6000, 'x');
        for (size_t i = 0; i < long_label.size(); i += 97) long_label[i] = '"';
        d.reasons[0].label = long_label;
        d.route_label = std::string_view(long_label).substr(0, 4500);
        CHECK(to_json(d) == reference_json(d));
    }
}

TEST_CASE("random decisions are written as the reference writes them") {
    std::mt19937 rng(20261123);
    for (int round = 0; round < 400; ++round) {
        std::vector<std::string> text;  // owns what the decision views
        text.reserve(256);
        auto t = [&]() -> std::string_view {
            text.push_back(random_text(rng, random_size(rng)));
            return text.back();
        };
        auto number = [&](int scale) {
            const long long v = static_cast<long long>(rng() % 2000000) - 500000;
            return *Decimal::parse(std::to_string(v / scale) + "." + std::to_string(std::abs(v % scale)));
        };
        Decision d;
        d.id = std::string(t());
        d.route = t();
        if (rng() % 2) d.route_label = t();
        if (rng() % 2) d.action = t();
        if (rng() % 3) d.score = number(1000);
        if (rng() % 3) d.confidence = number(10000);
        if (rng() % 2)
            for (unsigned i = rng() % 7; i; --i) d.disqualified.push_back({t(), t()});
        if (rng() % 2) d.motion = t();
        for (unsigned i = rng() % 6; i; --i) d.reasons.push_back({t(), rng() % 4 ? t() : "", number(100), number(10)});
        for (unsigned i = rng() % 3; i; --i) {
            ModelOutcome m{t(), number(100000), {}};
            for (unsigned j = rng() % 4; j; --j) m.factors.push_back({t(), std::string(t()), number(100000)});
            d.models.push_back(m);
        }
        for (unsigned i = rng() % 3; i; --i) d.escalations.push_back({t(), t()});
        for (unsigned i = rng() % 4; i; --i) d.unknown.push_back(t());
        d.review = rng() % 2;
        d.explore = rng() % 2;
        if (rng() % 4 == 0) d.explored_from = t();
        d.as_of = "2026-11-23";
        d.rulebook = t();
        d.rulebook_hash = t();
        CAPTURE(round);
        REQUIRE(to_json(d) == reference_json(d));
        std::string out = "before\n";
        append_json(out, d);
        CHECK(out == "before\n" + reference_json(d));
    }
}

TEST_CASE("a rulebook with awkward text: the decisions are the reference's bytes") {
    const char* source = R"(rulebook "awk\"ward" version "1"
schema lead {
  id: string
  employees: int?
  country: string?
}
disqualify tiny when employees < 5 reason "Too \"small\" \\ under 5 — ünder\n\tfive"
disqualify far when country == "AQ" reason "Polar \u0001 region"
criterion big weight 10 "Big \"company\" — größer" = employees >= 100
criterion mid weight 5 "Mid\\size" = employees >= 20
route ae when score >= 10 "Account \"exec\"\n"
  action "Call \\ today — ✓"
route nurture otherwise
)";
    Compilation c = compile_source(source, "awkward.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    Evaluator evaluator(*c.rulebook, {*parse_date("2026-11-23"), false, false, EngineKind::Vm});
    const std::vector<std::string> leads = {
        R"({"id":"a\"1","employees":3,"country":"AQ"})", R"({"id":"b\\2","employees":150})",
        R"({"id":"c","employees":30})",                  R"({"id":"d\n","employees":1})",
        R"({"id":"e"})",
    };
    uint64_t line = 0;
    for (const auto& lead : leads) {
        const Decision d = evaluator.evaluate_json(lead, ++line);
        CAPTURE(lead);
        CHECK(to_json(d) == reference_json(d));
    }
}
