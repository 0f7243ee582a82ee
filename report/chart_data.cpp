// Chart series from a Report (see chart_data.hpp).
#include "report/chart_data.hpp"

#include <cstdio>

namespace qualify::report {

namespace {

std::string range_label(double lo, double hi) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f-%.0f", lo, hi);
    return buf;
}

double share(size_t part, size_t whole) {
    return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

BarChart score_distribution_chart(const Report& r) {
    BarChart c{"chart-score-distribution", "Score distribution", "score", "share of decided leads", {}, {}, true,
               "no scored leads"};
    size_t now = 0, before = 0;
    for (const auto& b : r.score_distribution) {
        now += b.count;
        before += b.baseline_count;
    }
    if (now == 0) return c;
    BarSeries current{r.has_baseline ? "this period" : "", {}};
    BarSeries baseline{"baseline", {}};
    for (const auto& b : r.score_distribution) {
        c.categories.push_back(range_label(b.low, b.high));
        current.values.push_back(share(b.count, now));
        baseline.values.push_back(share(b.baseline_count, before));
    }
    c.series.push_back(std::move(current));
    if (r.has_baseline) c.series.push_back(std::move(baseline));
    return c;
}

CalibrationChart calibration_chart(const Report& r) {
    CalibrationChart c{"chart-calibration", "Calibration: predicted vs actual conversion per decile", {},
                       "no model probability in the log: the score is a ranking, not a probability"};
    // Bottom decile first, so the curve runs left to right.
    for (auto it = r.deciles.rbegin(); it != r.deciles.rend(); ++it)
        if (it->mean_predicted) c.points.push_back({*it->mean_predicted, it->conversion, it->label});
    return c;
}

BarChart conversion_by_band_chart(const Report& r) {
    BarChart c{"chart-conversion", "Conversion by band", "band", "converted", {}, {}, true,
               "no leads with an outcome"};
    BarSeries conv{"", {}};
    for (auto it = r.deciles.rbegin(); it != r.deciles.rend(); ++it) {
        // "decile 10 (top)" -> "d10"
        const std::string number = it->label.substr(it->label.find(' ') + 1);
        c.categories.push_back("d" + number.substr(0, number.find(' ')));
        conv.values.push_back(it->conversion);
    }
    for (const auto& b : r.routes) {
        c.categories.push_back(b.label);
        conv.values.push_back(b.conversion);
    }
    if (!c.categories.empty()) c.series.push_back(std::move(conv));
    return c;
}

BarChart route_transition_chart(const Report& r) {
    BarChart c{"chart-routes", "Routes against the baseline", "route", "share of decided leads", {}, {}, true,
               "no baseline given (--baseline LOG)"};
    if (!r.has_baseline) return c;
    size_t now = 0, before = 0;
    for (const auto& m : r.route_mix) {
        now += m.current;
        before += m.baseline;
    }
    BarSeries baseline{"baseline", {}}, current{"this period", {}};
    for (const auto& m : r.route_mix) {
        c.categories.push_back(m.route);
        baseline.values.push_back(share(m.baseline, before));
        current.values.push_back(share(m.current, now));
    }
    c.series.push_back(std::move(current));
    c.series.push_back(std::move(baseline));
    return c;
}

}  // namespace qualify::report
