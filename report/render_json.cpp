// The JSON rendering of the report: every figure, rounded to 4 places.
#include "report/render.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace qualify::report {

namespace {

using nlohmann::ordered_json;

ordered_json round4(double x) { return std::round(x * 10000.0) / 10000.0; }
ordered_json round4(const std::optional<double>& x) { return x ? round4(*x) : ordered_json(nullptr); }

ordered_json bands(const std::vector<BandRow>& rows) {
    ordered_json a = ordered_json::array();
    for (const auto& b : rows)
        a.push_back({{"band", b.label},
                     {"scores", b.scores},
                     {"count", b.count},
                     {"converted", b.converted},
                     {"mean_predicted", round4(b.mean_predicted)},
                     {"conversion", round4(b.conversion)},
                     {"lift", round4(b.lift)}});
    return a;
}

}  // namespace

std::string render_json(const Report& r) {
    ordered_json j;
    j["verdict"] = r.verdict;
    j["verdict_detail"] = r.verdict_detail;
    j["warnings"] = r.warnings;
    j["leads"] = r.leads;
    j["error_records"] = r.error_records;
    j["with_outcome"] = r.with_outcome;
    j["converted"] = r.converted;
    j["outcomes_without_decision"] = r.outcomes_without_decision;
    j["base_rate"] = round4(r.base_rate);
    j["auc"] = round4(r.auc);
    j["brier"] = round4(r.brier);
    j["expected_calibration_error"] = round4(r.ece);
    j["deciles"] = bands(r.deciles);
    j["routes"] = bands(r.routes);
    ordered_json reasons = ordered_json::object();
    for (const auto& x : r.false_positives_by_reason) reasons[x.reason] = x.count;
    j["false_positives"] = {{"qualified", r.qualified},
                            {"with_feedback", r.qualified_with_feedback},
                            {"rejected_by_sales", r.false_positives},
                            {"rate", round4(r.false_positive_rate)},
                            {"by_reason", reasons}};
    ordered_json review = nullptr;
    if (r.review_share)
        review = {{"reviewed", r.reviewed},
                  {"would_qualify", r.review_would_qualify},
                  {"share", round4(*r.review_share)},
                  {"wilson95", {round4(r.review_interval->low), round4(r.review_interval->high)}}};
    j["false_negatives"] = {{"not_qualified", r.not_qualified},
                            {"converted", r.false_negatives},
                            {"rate", round4(r.false_negative_rate)},
                            {"review", review}};
    ordered_json ex = ordered_json::array();
    for (const auto& e : r.exploration)
        ex.push_back({{"from", e.from},
                      {"to", e.to},
                      {"count", e.count},
                      {"converted", e.converted},
                      {"conversion", round4(e.conversion)},
                      {"original_count", e.original_count},
                      {"original_conversion", round4(e.original_conversion)}});
    j["exploration"] = ex;
    ordered_json drift = nullptr;
    if (r.has_baseline) {
        drift = ordered_json::array();
        for (const auto& d : r.drift) drift.push_back({{"input", d.name}, {"psi", round4(d.psi)}, {"flagged", d.flagged}});
    }
    j["drift"] = drift;
    ordered_json dist = ordered_json::array();
    for (const auto& b : r.score_distribution) {
        ordered_json bin = {{"low", round4(b.low)}, {"high", round4(b.high)}, {"count", b.count}};
        if (r.has_baseline) bin["baseline_count"] = b.baseline_count;
        dist.push_back(bin);
    }
    j["score_distribution"] = dist;
    ordered_json mix = nullptr, moves = nullptr;
    if (r.has_baseline) {
        mix = ordered_json::array();
        for (const auto& m : r.route_mix) mix.push_back({{"route", m.route}, {"baseline", m.baseline}, {"current", m.current}});
        moves = ordered_json::array();
        for (const auto& t : r.route_transitions) moves.push_back({{"from", t.from}, {"to", t.to}, {"count", t.count}});
    }
    j["route_mix"] = mix;
    j["route_transitions"] = moves;
    j["problems"] = r.problems;
    return j.dump(2) + "\n";
}

}  // namespace qualify::report
