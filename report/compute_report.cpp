// compute_report: joins the latest decision of each lead with its outcome
// and fills the Report (see report_model.hpp and docs/report.md). Every
// loop runs in an order fixed by the inputs (log order, ids, names), so the
// same files always give the same report.
#include "report/report_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace qualify::report {

namespace {

double number(const std::string& text) {
    if (text.empty()) return std::numeric_limits<double>::quiet_NaN();
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    return end && *end == '\0' ? v : std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> probability(const LogRecord& r) {
    if (r.models.empty()) return std::nullopt;
    const double p = number(r.models.front().second);
    if (std::isnan(p)) return std::nullopt;
    return p;
}

std::string percent(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", x * 100);
    return buf;
}

std::string fixed(double x, int places) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", places, x);
    return buf;
}

struct Joined {
    const LogRecord* record;
    const Outcome* outcome;
    double score;
};

// Latest non-error record per id, in order of first appearance.
std::vector<const LogRecord*> latest(const std::vector<LogRecord>& records) {
    std::unordered_map<std::string, size_t> at;
    std::vector<const LogRecord*> out;
    for (const auto& r : records) {
        if (!r.error.empty()) continue;
        auto [it, fresh] = at.emplace(r.id, out.size());
        if (fresh)
            out.push_back(&r);
        else
            out[it->second] = &r;
    }
    return out;
}

BandRow band(std::string label, const std::vector<const Joined*>& rows, double base_rate) {
    BandRow b;
    b.label = std::move(label);
    b.count = rows.size();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, pred = 0;
    size_t with_pred = 0;
    for (const Joined* j : rows) {
        if (j->outcome->converted) ++b.converted;
        lo = std::min(lo, j->score);
        hi = std::max(hi, j->score);
        if (auto p = probability(*j->record)) {
            pred += *p;
            ++with_pred;
        }
    }
    if (!rows.empty()) b.scores = fixed(lo, 2) + "-" + fixed(hi, 2);
    if (with_pred) b.mean_predicted = pred / static_cast<double>(with_pred);
    b.conversion = b.count ? static_cast<double>(b.converted) / static_cast<double>(b.count) : 0;
    b.lift = base_rate > 0 ? b.conversion / base_rate : 0;
    return b;
}

// Every field as a number when all its known values are JSON numbers, else
// as category text; `null` (unknown) is its own bin either way.
void drift_of_fields(const std::vector<const LogRecord*>& base, const std::vector<const LogRecord*>& cur,
                     std::vector<DriftRow>& out) {
    std::set<std::string> names;
    for (const auto* r : cur)
        for (const auto& f : r->fields) names.insert(f.first);
    auto value = [](const LogRecord& r, const std::string& name) -> const std::string* {
        for (const auto& f : r.fields)
            if (f.first == name) return &f.second;
        return nullptr;
    };
    for (const auto& name : names) {
        bool numeric = true;
        for (const auto* side : {&base, &cur})
            for (const auto* r : *side)
                if (const std::string* v = value(*r, name); v && *v != "null" && std::isnan(number(*v))) numeric = false;
        double p;
        if (numeric) {
            std::vector<double> b, c;
            for (const auto* r : base) {
                const std::string* v = value(*r, name);
                b.push_back(v ? number(*v) : std::numeric_limits<double>::quiet_NaN());
            }
            for (const auto* r : cur) {
                const std::string* v = value(*r, name);
                c.push_back(v ? number(*v) : std::numeric_limits<double>::quiet_NaN());
            }
            p = numeric_psi(b, c);
        } else {
            std::vector<std::string> b, c;
            for (const auto* r : base) {
                const std::string* v = value(*r, name);
                b.push_back(v ? *v : "null");
            }
            for (const auto* r : cur) {
                const std::string* v = value(*r, name);
                c.push_back(v ? *v : "null");
            }
            p = categorical_psi(b, c);
        }
        out.push_back({name, p, p > kDriftThreshold});
    }
}

void verdict(Report& rep) {
    const size_t negatives = rep.with_outcome - rep.converted;
    if (rep.with_outcome < kMinLeadsWithOutcome || rep.converted < kMinEachClass || negatives < kMinEachClass ||
        rep.deciles.size() < 2) {
        rep.verdict = "insufficient_data";
        rep.verdict_detail = "need at least " + std::to_string(kMinLeadsWithOutcome) +
                             " leads with an outcome, at least " + std::to_string(kMinEachClass) +
                             " of them converted and " + std::to_string(kMinEachClass) + " not; have " +
                             std::to_string(rep.with_outcome) + " (" + std::to_string(rep.converted) +
                             " converted)";
        return;
    }
    const BandRow& top = rep.deciles.front();
    const BandRow& bottom = rep.deciles.back();
    const Interval t = wilson(top.converted, top.count);
    const Interval b = wilson(bottom.converted, bottom.count);
    // Discriminating only when the bands' 95% intervals do not overlap: a
    // difference that chance explains is no evidence the score ranks.
    if (t.low > b.high) {
        rep.verdict = "discriminating";
        rep.verdict_detail = bottom.conversion > 0
                                 ? "top band converts " + fixed(top.conversion / bottom.conversion, 1) +
                                       "x bottom band (" + percent(top.conversion) + " vs " +
                                       percent(bottom.conversion) + ")"
                                 : "top band converts " + percent(top.conversion) + ", bottom band 0.0%";
    } else {
        rep.verdict = "not_discriminating";
        rep.verdict_detail = "top and bottom bands convert alike (" + percent(top.conversion) + " vs " +
                             percent(bottom.conversion) + "): recalibrate or retrain";
    }
}

void warnings(Report& rep) {
    for (const auto& d : rep.drift)
        if (d.flagged)
            rep.warnings.push_back("drift: PSI of " + d.name + " is " + fixed(d.psi, 2) + " (above " +
                                   fixed(kDriftThreshold, 1) + ")");
    // Calibration on too few leads is noise, not evidence.
    if (rep.ece && *rep.ece > kCalibrationThreshold && rep.verdict != "insufficient_data")
        rep.warnings.push_back("calibration: expected calibration error " + fixed(*rep.ece, 3) + " is above " +
                               fixed(kCalibrationThreshold, 2) + ": recalibrate the model");
    // The review sample is the unbiased estimate of false negatives; without
    // verdicts, conversions among rejected leads stand in for it.
    const std::optional<double> fn = rep.review_share ? rep.review_share
                                     : rep.not_qualified ? std::optional<double>(rep.false_negative_rate)
                                                         : std::nullopt;
    if (fn && rep.qualified_with_feedback > 0 && *fn > rep.false_positive_rate)
        rep.warnings.push_back("false negatives: an estimated " + percent(*fn) +
                               " of rejected leads would have qualified, above the false-positive rate " +
                               percent(rep.false_positive_rate));
    if (!rep.problems.empty())
        rep.warnings.push_back("outcomes: " + std::to_string(rep.problems.size()) + " problems (see Problems)");
}

// kScoreBins equal bins over the scores of both logs (0-100 when the
// scores fit in it, the usual scale), unknown scores left out.
void score_distribution(const std::vector<const LogRecord*>& current, const std::vector<const LogRecord*>& base,
                        std::vector<ScoreBin>& out) {
    double lo = 0, hi = 100;
    for (const auto* list : {&current, &base})
        for (const auto* r : *list) {
            const double s = number(r->score);
            if (std::isnan(s)) continue;
            lo = std::min(lo, s);
            hi = std::max(hi, s);
        }
    const double width = (hi - lo) / static_cast<double>(kScoreBins);
    for (size_t i = 0; i < kScoreBins; ++i)
        out.push_back({lo + width * static_cast<double>(i), lo + width * static_cast<double>(i + 1), 0, 0});
    auto bin_of = [&](double s) {
        const auto i = static_cast<size_t>((s - lo) / width);
        return std::min(i, kScoreBins - 1);
    };
    for (const auto* r : current)
        if (const double s = number(r->score); !std::isnan(s)) ++out[bin_of(s)].count;
    for (const auto* r : base)
        if (const double s = number(r->score); !std::isnan(s)) ++out[bin_of(s)].baseline_count;
}

// Route shares now and in the baseline, and the moves of leads in both.
void route_changes(const std::vector<const LogRecord*>& base, const std::vector<const LogRecord*>& current,
                   Report& rep) {
    std::map<std::string, RouteMix> mix;
    for (const auto* r : base) {
        mix[r->route].route = r->route;
        ++mix[r->route].baseline;
    }
    for (const auto* r : current) {
        mix[r->route].route = r->route;
        ++mix[r->route].current;
    }
    for (auto& [route, m] : mix) rep.route_mix.push_back(m);
    std::unordered_map<std::string, const LogRecord*> before;
    for (const auto* r : base) before[r->id] = r;
    std::map<std::pair<std::string, std::string>, size_t> moves;
    for (const auto* r : current)
        if (auto it = before.find(r->id); it != before.end()) ++moves[{it->second->route, r->route}];
    for (const auto& [key, count] : moves) rep.route_transitions.push_back({key.first, key.second, count});
}

}  // namespace

Report compute_report(const std::vector<LogRecord>& decisions, const Outcomes& outcomes,
                      const std::vector<LogRecord>* baseline) {
    Report rep;
    rep.log_records = decisions.size();
    for (const auto& r : decisions)
        if (!r.error.empty()) ++rep.error_records;
    const std::vector<const LogRecord*> current = latest(decisions);
    rep.leads = current.size();
    rep.problems = outcomes.problems;

    std::set<std::string> allowed;
    std::vector<std::string> allowed_list;
    for (const auto* r : current)
        for (const auto& reason : r->rejection_reasons)
            if (allowed.insert(reason).second) allowed_list.push_back(reason);
    auto allowed_text = [&] {
        std::string s;
        for (const auto& a : allowed_list) s += (s.empty() ? "" : ", ") + a;
        return s;
    };

    // Join: the last outcome row of an id wins, like the last decision.
    std::unordered_map<std::string, const Outcome*> outcome_of;
    for (const auto& o : outcomes.items) outcome_of[o.id] = &o;
    std::set<std::string> decided_ids;
    for (const auto* r : current) decided_ids.insert(r->id);
    for (const auto& [id, o] : outcome_of)
        if (!decided_ids.count(id)) ++rep.outcomes_without_decision;

    std::vector<Joined> joined;
    for (const auto* r : current) {
        auto it = outcome_of.find(r->id);
        if (it == outcome_of.end()) continue;
        const double s = number(r->score);
        joined.push_back({r, it->second, std::isnan(s) ? 0.0 : s});
    }
    rep.with_outcome = joined.size();
    for (const auto& j : joined)
        if (j.outcome->converted) ++rep.converted;
    rep.base_rate = rep.with_outcome ? static_cast<double>(rep.converted) / static_cast<double>(rep.with_outcome) : 0;

    // Deciles by score, ties broken by id so the cut is deterministic.
    std::vector<const Joined*> by_score;
    for (const auto& j : joined) by_score.push_back(&j);
    std::sort(by_score.begin(), by_score.end(), [](const Joined* a, const Joined* b) {
        if (a->score != b->score) return a->score > b->score;
        return a->record->id < b->record->id;
    });
    const size_t n = by_score.size();
    const size_t bands = std::min<size_t>(10, n);
    for (size_t d = 0; d < bands; ++d) {
        std::vector<const Joined*> rows(by_score.begin() + static_cast<std::ptrdiff_t>(n * d / bands),
                                        by_score.begin() + static_cast<std::ptrdiff_t>(n * (d + 1) / bands));
        std::string label = "decile " + std::to_string(10 - d);
        if (d == 0) label += " (top)";
        if (d + 1 == bands) label += " (bottom)";
        rep.deciles.push_back(band(std::move(label), rows, rep.base_rate));
    }

    // Route bands.
    std::map<std::string, std::vector<const Joined*>> by_route;
    for (const auto& j : joined) by_route[j.record->route].push_back(&j);
    for (auto& [route, rows] : by_route) rep.routes.push_back(band(route, rows, rep.base_rate));
    auto mean_score = [&](const BandRow& b) {
        double s = 0;
        for (const Joined* j : by_route[b.label]) s += j->score;
        return s / static_cast<double>(b.count);
    };
    std::stable_sort(rep.routes.begin(), rep.routes.end(),
                     [&](const BandRow& a, const BandRow& b) { return mean_score(a) > mean_score(b); });

    // Discrimination and calibration.
    std::vector<double> scores, probs;
    std::vector<bool> y, y_prob;
    for (const auto& j : joined) {
        scores.push_back(j.score);
        y.push_back(j.outcome->converted);
        if (auto p = probability(*j.record)) {
            probs.push_back(*p);
            y_prob.push_back(j.outcome->converted);
        }
    }
    rep.auc = auc(scores, y);
    if (!probs.empty()) {
        rep.brier = brier(probs, y_prob);
        rep.ece = expected_calibration_error(probs, y_prob);
    }

    // False positives and negatives, the review sample.
    std::map<std::string, size_t> fp_reasons;
    for (const auto& j : joined) {
        const Outcome& o = *j.outcome;
        if (o.rejection_reason && !allowed.count(*o.rejection_reason))
            rep.problems.push_back("line " + std::to_string(o.line) + ": rejection_reason '" + *o.rejection_reason +
                                   "' is not one of the rulebook's: " + allowed_text());
        if (j.record->qualified) {
            ++rep.qualified;
            if (o.sales_accepted) {
                ++rep.qualified_with_feedback;
                if (!*o.sales_accepted) {
                    ++rep.false_positives;
                    std::string reason = !o.rejection_reason             ? "(none given)"
                                         : allowed.count(*o.rejection_reason) ? *o.rejection_reason
                                                                          : "(not allowed)";
                    ++fp_reasons[reason];
                }
            }
        } else {
            ++rep.not_qualified;
            if (o.converted) ++rep.false_negatives;
            if (j.record->review && o.review_verdict) {
                ++rep.reviewed;
                if (*o.review_verdict) ++rep.review_would_qualify;
            }
        }
    }
    if (rep.qualified_with_feedback)
        rep.false_positive_rate =
            static_cast<double>(rep.false_positives) / static_cast<double>(rep.qualified_with_feedback);
    if (rep.not_qualified)
        rep.false_negative_rate = static_cast<double>(rep.false_negatives) / static_cast<double>(rep.not_qualified);
    for (const auto& [reason, count] : fp_reasons) rep.false_positives_by_reason.push_back({reason, count});
    std::stable_sort(rep.false_positives_by_reason.begin(), rep.false_positives_by_reason.end(),
                     [](const ReasonCount& a, const ReasonCount& b) { return a.count > b.count; });
    if (rep.reviewed) {
        rep.review_share = static_cast<double>(rep.review_would_qualify) / static_cast<double>(rep.reviewed);
        rep.review_interval = wilson(rep.review_would_qualify, rep.reviewed);
    }

    // Exploration cohort against the route the rules chose.
    std::map<std::pair<std::string, std::string>, ExplorationRow> explored;
    for (const auto& j : joined) {
        if (!j.record->explore || !j.record->explored_from) continue;
        auto& row = explored[{*j.record->explored_from, j.record->route}];
        row.from = *j.record->explored_from;
        row.to = j.record->route;
        ++row.count;
        if (j.outcome->converted) ++row.converted;
    }
    for (auto& [key, row] : explored) {
        row.conversion = static_cast<double>(row.converted) / static_cast<double>(row.count);
        size_t conv = 0;
        for (const auto& j : joined)
            if (!j.record->explore && j.record->route == row.from) {
                ++row.original_count;
                if (j.outcome->converted) ++conv;
            }
        row.original_conversion =
            row.original_count ? static_cast<double>(conv) / static_cast<double>(row.original_count) : 0;
        rep.exploration.push_back(row);
    }

    const std::vector<const LogRecord*> base = baseline ? latest(*baseline) : std::vector<const LogRecord*>();
    score_distribution(current, base, rep.score_distribution);

    // Drift against the baseline: every decided lead counts, outcome or not.
    if (baseline) {
        rep.has_baseline = true;
        route_changes(base, current, rep);
        std::vector<double> b, c;
        for (const auto* r : base) b.push_back(number(r->score));
        for (const auto* r : current) c.push_back(number(r->score));
        const double p = numeric_psi(b, c);
        rep.drift.push_back({"score", p, p > kDriftThreshold});
        drift_of_fields(base, current, rep.drift);
    }

    verdict(rep);
    warnings(rep);
    return rep;
}

}  // namespace qualify::report
