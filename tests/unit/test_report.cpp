// The feedback loop with known truth: decision logs whose outcomes are drawn
// with known probabilities (a fixed PRNG), so the report must recover the
// calibration; a random-outcome control that must not be called
// discriminating; a drifted sample that must be flagged; log round trips
// through JSON Lines and SQLite giving identical reports; period selection;
// the review sample; the HTML page; the statistics on hand-checked values;
// data minimisation in the log.
#include "qualify/qualify.hpp"
#include "report/log_file.hpp"
#include "report/log_sqlite.hpp"
#include "report/render.hpp"
#include "report/report_model.hpp"
#include "report/review_sample.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace qualify;
using namespace qualify::report;

namespace {

// splitmix64: the same stream on every platform and standard library.
struct Rng {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

std::string places(double x, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", n, x);
    return buf;
}

struct Sample {
    std::vector<LogRecord> log;
    Outcomes outcomes;
};

// `n` leads with model probability p (uniform in [0.02, 0.98], or bent by
// `shift`), score 100p, one numeric field; each converts with probability
// `truth(p)`.
template <class Truth>
Sample generate(size_t n, uint64_t seed, Truth truth, double shift = 1.0) {
    Rng rng{seed};
    Sample s;
    for (size_t i = 0; i < n; ++i) {
        const double p = std::pow(0.02 + 0.96 * rng.uniform(), shift);
        LogRecord r;
        r.logged_at = "2026-11-23T12:00:00Z";
        r.as_of = "2026-11-23";
        r.id = "L-" + std::to_string(i);
        r.route = p >= 0.6 ? "sdr" : "reject";
        r.qualified = r.route == "sdr";
        r.score = places(100 * p, 2);
        r.models = {{"propensity", places(p, 4)}};
        r.rulebook = "gen@1";
        r.rejection_reasons = {"not_icp", "no_budget"};
        r.fields = {{"company.employees", std::to_string(static_cast<int>(p * 1000 * shift))}};
        s.log.push_back(r);
        Outcome o;
        o.id = r.id;
        o.converted = rng.uniform() < truth(p);
        o.line = i + 2;
        s.outcomes.items.push_back(o);
    }
    return s;
}

}  // namespace

TEST_CASE("outcomes drawn with the model's probabilities: calibration recovered, verdict discriminating") {
    Sample s = generate(5000, 1, [](double p) { return p; });
    Report r = compute_report(s.log, s.outcomes, nullptr);
    REQUIRE(r.ece);
    CHECK(*r.ece < 0.03);
    REQUIRE(r.deciles.size() == 10);
    for (const auto& band : r.deciles) CHECK(std::fabs(*band.mean_predicted - band.conversion) < 0.06);
    CHECK(*r.auc > 0.75);
    CHECK(r.verdict == "discriminating");
    CHECK(r.verdict_detail.find("top band converts") == 0);
    for (const auto& w : r.warnings) CHECK(w.find("calibration") == std::string::npos);
}

TEST_CASE("a miscalibrated model is warned about") {
    Sample s = generate(5000, 2, [](double p) { return p * p; });
    Report r = compute_report(s.log, s.outcomes, nullptr);
    REQUIRE(r.ece);
    CHECK(*r.ece > kCalibrationThreshold);
    bool warned = false;
    for (const auto& w : r.warnings) warned |= w.find("calibration") == 0;
    CHECK(warned);
}

TEST_CASE("random outcomes: the verdict is not_discriminating") {
    Sample s = generate(5000, 3, [](double) { return 0.3; });
    Report r = compute_report(s.log, s.outcomes, nullptr);
    CHECK(r.verdict == "not_discriminating");
    CHECK(r.verdict_detail.find("recalibrate or retrain") != std::string::npos);
    CHECK(std::fabs(*r.auc - 0.5) < 0.05);
}

TEST_CASE("too few outcomes: insufficient_data with the minimum needed") {
    Sample s = generate(150, 4, [](double p) { return p; });
    Report r = compute_report(s.log, s.outcomes, nullptr);
    CHECK(r.verdict == "insufficient_data");
    CHECK(r.verdict_detail.find("need at least 200") == 0);
}

TEST_CASE("drift: a shifted sample is flagged, a fresh sample of the same population is not") {
    Sample base = generate(3000, 5, [](double p) { return p; });
    Sample same = generate(3000, 6, [](double p) { return p; });
    Sample drifted = generate(3000, 7, [](double p) { return p; }, 0.4);
    Report quiet = compute_report(same.log, same.outcomes, &base.log);
    REQUIRE(quiet.drift.size() == 2);
    CHECK(quiet.drift[0].name == "score");
    CHECK_FALSE(quiet.drift[0].flagged);
    CHECK_FALSE(quiet.drift[1].flagged);
    Report loud = compute_report(drifted.log, drifted.outcomes, &base.log);
    CHECK(loud.drift[0].flagged);
    CHECK(loud.drift[0].psi > kDriftThreshold);
    CHECK(loud.drift[1].name == "company.employees");
    CHECK(loud.drift[1].flagged);
    bool warned = false;
    for (const auto& w : loud.warnings) warned |= w.find("drift: PSI of score") == 0;
    CHECK(warned);
}

TEST_CASE("a JSON Lines round trip gives the identical report") {
    Sample s = generate(1000, 8, [](double p) { return p; });
    std::string text;
    for (const auto& r : s.log) text += to_json_line(r) + "\n";
    std::istringstream in(text);
    LogFile back = read_log(in);
    CHECK(back.problems.empty());
    REQUIRE(back.records.size() == s.log.size());
    CHECK(render_json(compute_report(back.records, s.outcomes, nullptr)) ==
          render_json(compute_report(s.log, s.outcomes, nullptr)));
    CHECK(render_text(compute_report(back.records, s.outcomes, nullptr)) ==
          render_text(compute_report(s.log, s.outcomes, nullptr)));
}

// A scratch SQLite file, removed with its WAL side files.
struct ScratchDb {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("qualify-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                           .string();
    static inline int counter = 0;
    ~ScratchDb() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
};

TEST_CASE("a SQLite round trip gives the identical report, the same as JSON Lines") {
    Sample s = generate(1200, 10, [](double p) { return p; });
    s.log[3].error = "missing required field `id`";  // an error record too
    s.log[7].explored_from = "reject";
    s.log[7].explore = true;
    s.log[9].motion = "partner";
    ScratchDb db;
    {
        SqliteLogWriter writer(db.path);
        for (const auto& r : s.log) writer.add(r);  // crosses several transactions
        writer.finish();
    }
    LogFile back = read_sqlite_log(db.path, {});
    CHECK(back.problems.empty());
    REQUIRE(back.records.size() == s.log.size());
    for (size_t i = 0; i < s.log.size(); ++i) CHECK(to_json_line(back.records[i]) == to_json_line(s.log[i]));
    std::string text;
    for (const auto& r : s.log) text += to_json_line(r) + "\n";
    std::istringstream in(text);
    LogFile jsonl = read_log(in);
    CHECK(render_json(compute_report(back.records, s.outcomes, nullptr)) ==
          render_json(compute_report(jsonl.records, s.outcomes, nullptr)));
    CHECK(render_text(compute_report(back.records, s.outcomes, &jsonl.records)) ==
          render_text(compute_report(jsonl.records, s.outcomes, &back.records)));
}

TEST_CASE("--since/--until select the same records from JSON Lines and SQLite") {
    Sample s = generate(30, 11, [](double p) { return p; });
    for (size_t i = 0; i < s.log.size(); ++i) s.log[i].logged_at = "2026-11-" + std::to_string(10 + i % 3) + "T23:59:59Z";
    ScratchDb db;
    {
        SqliteLogWriter writer(db.path);
        for (const auto& r : s.log) writer.add(r);
        writer.finish();
    }
    std::string text;
    for (const auto& r : s.log) text += to_json_line(r) + "\n";
    for (const Period& p : {Period{"2026-11-11", ""}, Period{"", "2026-11-11"}, Period{"2026-11-11", "2026-11-11"},
                            Period{"2026-11-13", ""}, Period{}}) {
        std::istringstream in(text);
        const LogFile a = read_log(in, p);
        const LogFile b = read_sqlite_log(db.path, p);
        REQUIRE(a.records.size() == b.records.size());
        for (size_t i = 0; i < a.records.size(); ++i) CHECK(a.records[i].id == b.records[i].id);
        size_t expected = 0;
        for (const auto& r : s.log) expected += p.contains(r.logged_at);
        CHECK(a.records.size() == expected);
    }
    CHECK(valid_date("2026-11-30"));
    CHECK_FALSE(valid_date("2026-13-01"));
    CHECK_FALSE(valid_date("2026-11-3"));
    CHECK_FALSE(valid_date("2026-11-31"));
}

TEST_CASE("a file that is not a SQLite decision log is reported, not read") {
    ScratchDb db;
    { std::FILE* f = std::fopen(db.path.c_str(), "w"); std::fputs("not a database\n", f); std::fclose(f); }
    const LogFile back = read_sqlite_log(db.path, {});
    CHECK(back.records.empty());
    CHECK_FALSE(back.problems.empty());
}

TEST_CASE("the review sample: flagged rejections only, picked by id hash, independent of log order") {
    Sample s = generate(400, 12, [](double p) { return p; });
    size_t flagged = 0;
    for (size_t i = 0; i < s.log.size(); ++i) {
        s.log[i].review = i % 4 == 0;
        flagged += s.log[i].review && !s.log[i].qualified;
    }
    ReviewSample a = review_sample(s.log, 10);
    CHECK(a.flagged == flagged);
    REQUIRE(a.leads.size() == 10);
    for (const auto* r : a.leads) CHECK((r->review && !r->qualified));
    for (size_t i = 1; i < a.leads.size(); ++i)
        CHECK(std::strtod(a.leads[i - 1]->score.c_str(), nullptr) >= std::strtod(a.leads[i]->score.c_str(), nullptr));
    std::vector<LogRecord> reversed(s.log.rbegin(), s.log.rend());
    ReviewSample b = review_sample(reversed, 10);
    REQUIRE(b.leads.size() == 10);
    for (size_t i = 0; i < 10; ++i) CHECK(a.leads[i]->id == b.leads[i]->id);
    const std::string csv = render_review_csv(a);
    CHECK(csv.rfind("id,route,score,confidence,explanation,", 0) == 0);
    CHECK(render_review_markdown(a).find("| " + a.leads[0]->id + " |") != std::string::npos);
}

TEST_CASE("the HTML page: four charts, the figures, escaped text, nothing to fetch") {
    Sample base = generate(600, 13, [](double p) { return p; });
    Sample s = generate(600, 14, [](double p) { return p; }, 0.5);
    s.log[0].route = "<b>odd</b>";
    const Report r = compute_report(s.log, s.outcomes, &base.log);
    const std::string html = render_html(r);
    size_t svgs = 0;
    for (size_t at = html.find("<svg "); at != std::string::npos; at = html.find("<svg ", at + 1)) ++svgs;
    CHECK(svgs == 4);
    CHECK(html.find("data-verdict=\"" + r.verdict + "\"") != std::string::npos);
    CHECK(html.find("<b id=\"auc\">" + places(*r.auc, 3) + "</b>") != std::string::npos);
    CHECK(html.find("<b>odd</b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;odd&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    REQUIRE(r.score_distribution.size() == kScoreBins);
    size_t counted = 0;
    for (const auto& b : r.score_distribution) counted += b.count;
    CHECK(counted == 600);
    CHECK_FALSE(r.route_transitions.empty());  // the same ids in both logs
}

TEST_CASE("false positives by reason, disallowed reasons named with the allowed list, review share with Wilson") {
    Sample s = generate(400, 9, [](double p) { return p; });
    std::istringstream csv(
        "id,outcome,sales_accepted,rejection_reason,review_verdict\n"
        "L-1,lost,false,no_budget,\n"
        "L-2,maybe,,,\n");
    Outcomes o = read_outcomes(csv, true);
    REQUIRE(o.problems.size() == 1);
    CHECK(o.problems[0] == "line 3: outcome 'maybe' is not won, lost, 1 or 0");
    // Make L-1 qualified, L-3 a review-flagged rejection a human would qualify.
    for (auto& r : s.log) {
        if (r.id == "L-1") r.route = "sdr", r.qualified = true;
        if (r.id == "L-3") r.route = "reject", r.qualified = false, r.review = true;
    }
    Outcome bad;
    bad.id = "L-3";
    bad.review_verdict = true;
    bad.rejection_reason = "too_small";
    bad.line = 4;
    o.items.push_back(bad);
    Report r = compute_report(s.log, o, nullptr);
    CHECK(r.false_positives == 1);
    REQUIRE(r.false_positives_by_reason.size() == 1);
    CHECK(r.false_positives_by_reason[0].reason == "no_budget");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[1] == "line 4: rejection_reason 'too_small' is not one of the rulebook's: not_icp, no_budget");
    CHECK(r.reviewed == 1);
    CHECK(r.review_would_qualify == 1);
    CHECK(r.review_interval->low == doctest::Approx(0.2065).epsilon(0.001));
    CHECK(r.review_interval->high == doctest::Approx(1.0));
}

TEST_CASE("statistics on hand-checked values") {
    CHECK(*auc({1, 2, 3, 4}, {false, false, true, true}) == doctest::Approx(1.0));
    CHECK(*auc({1, 1, 1, 1}, {false, true, false, true}) == doctest::Approx(0.5));
    CHECK_FALSE(auc({1, 2}, {true, true}));
    CHECK(brier({0.5, 0.5}, {true, false}) == doctest::Approx(0.25));
    CHECK(expected_calibration_error({0.25, 0.25, 0.25, 0.25}, {true, false, false, false}) == doctest::Approx(0.0));
    const Interval w = wilson(5, 10);
    CHECK(w.low == doctest::Approx(0.2366).epsilon(0.001));
    CHECK(w.high == doctest::Approx(0.7634).epsilon(0.001));
    CHECK(psi({50, 50}, {50, 50}) == doctest::Approx(0.0));
    CHECK(psi({90, 10}, {10, 90}) > 1.0);
}

TEST_CASE("the log keeps only the fields the rulebook reads, pii only when asked") {
    Compilation c = compile_source(R"(rulebook "unit" version "1"
schema lead {
  id: string
  email: string? pii
  size: int?
  unused: string?
}
criterion big weight 10 = size > 100
criterion work weight 5 = email matches r".*@corp\.com"
route r otherwise
)",
                                   "unit.qual", ".");
    REQUIRE_MESSAGE(c.ok(), c.render());
    const auto uses = c.rulebook->field_uses();
    REQUIRE(uses.size() == 4);
    CHECK((uses[1].name == "email" && uses[1].pii && uses[1].read));
    CHECK((uses[3].name == "unused" && !uses[3].read));
    Evaluator e(*c.rulebook, {*parse_date("2026-11-23"), false, false, EngineKind::Vm});
    e.evaluate_json(R"({"id":"a","email":"x@corp.com","size":500,"unused":"u"})", 1);
    auto fields = e.read_fields(false);
    REQUIRE(fields.size() == 1);
    CHECK(fields[0] == std::pair<std::string, std::string>("size", "500"));
    fields = e.read_fields(true);
    REQUIRE(fields.size() == 2);
    CHECK(fields[0] == std::pair<std::string, std::string>("email", "\"x@corp.com\""));
}

TEST_CASE("a run's timestamp must have the shape YYYY-MM-DDThh:mm:ssZ") {
    using qualify::report::run_timestamp;
    CHECK(run_timestamp(std::string("2026-11-23T12:00:00Z")) == std::optional<std::string>("2026-11-23T12:00:00Z"));
    CHECK_FALSE(run_timestamp(std::string("2026-11-23 12:00:00")).has_value());
    CHECK_FALSE(run_timestamp(std::string("2026-11-2xT12:00:00Z")).has_value());
    CHECK_FALSE(run_timestamp(std::string("2026-11-23T12:00:00Z ")).has_value());
    CHECK(run_timestamp(std::nullopt).has_value());  // the clock
}
