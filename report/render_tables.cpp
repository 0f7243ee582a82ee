// Lays a Report out as tables (see render_tables.hpp).
#include "report/render_tables.hpp"

#include <cstdio>

namespace qualify::report {

std::string fixed_places(double x, int places) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", places, x);
    return buf;
}

std::string percent_text(double x) { return fixed_places(x * 100, 1) + "%"; }

namespace {

std::string count(size_t n) { return std::to_string(n); }

Table bands(std::string title, const std::vector<BandRow>& rows) {
    Table t{std::move(title), {}, {"band", "scores", "leads", "predicted", "converted", "lift"}, {}};
    for (const auto& b : rows)
        t.rows.push_back({b.label, b.scores, count(b.count),
                          b.mean_predicted ? percent_text(*b.mean_predicted) : "-", percent_text(b.conversion),
                          fixed_places(b.lift, 2) + "x"});
    return t;
}

}  // namespace

std::vector<Table> report_tables(const Report& r) {
    std::vector<Table> out;
    Table summary{"Verdict", {}, {}, {}};
    summary.lines.push_back(r.verdict + ": " + r.verdict_detail);
    summary.lines.push_back(count(r.leads) + " leads decided (" + count(r.error_records) + " error records), " +
                            count(r.with_outcome) + " with an outcome, " + count(r.converted) + " converted (base rate " +
                            percent_text(r.base_rate) + "); " + count(r.outcomes_without_decision) +
                            " outcomes without a decision");
    std::string metrics = "AUC " + (r.auc ? fixed_places(*r.auc, 3) : std::string("-"));
    metrics += ", Brier " + (r.brier ? fixed_places(*r.brier, 3) : std::string("-"));
    metrics += ", expected calibration error " + (r.ece ? fixed_places(*r.ece, 3) : std::string("-"));
    summary.lines.push_back(metrics);
    out.push_back(std::move(summary));

    out.push_back(bands("Score deciles", r.deciles));
    out.push_back(bands("Routes", r.routes));

    Table fp{"False positives", {}, {"rejection reason", "leads"}, {}};
    fp.lines.push_back(count(r.false_positives) + " of " + count(r.qualified_with_feedback) +
                       " qualified leads with sales feedback were rejected (" +
                       percent_text(r.false_positive_rate) + ")");
    for (const auto& reason : r.false_positives_by_reason) fp.rows.push_back({reason.reason, count(reason.count)});
    out.push_back(std::move(fp));

    Table fn{"False negatives", {}, {}, {}};
    fn.lines.push_back(count(r.false_negatives) + " of " + count(r.not_qualified) +
                       " leads not qualified converted (" + percent_text(r.false_negative_rate) + ")");
    if (r.review_share)
        fn.lines.push_back("review sample: a human would have qualified " + count(r.review_would_qualify) + " of " +
                           count(r.reviewed) + " (" + percent_text(*r.review_share) + ", 95% interval " +
                           percent_text(r.review_interval->low) + "-" + percent_text(r.review_interval->high) + ")");
    else
        fn.lines.push_back("review sample: no verdicts yet");
    out.push_back(std::move(fn));

    Table ex{"Exploration", {}, {"from", "explored as", "leads", "converted", "original route converted"}, {}};
    if (r.exploration.empty()) ex.lines.push_back("no explored leads with an outcome");
    for (const auto& e : r.exploration)
        ex.rows.push_back({e.from, e.to, count(e.count), percent_text(e.conversion),
                           percent_text(e.original_conversion) + " of " + count(e.original_count)});
    out.push_back(std::move(ex));

    Table drift{"Drift", {}, {"input", "PSI", "flag"}, {}};
    if (!r.has_baseline) drift.lines.push_back("no baseline given (--baseline LOG)");
    for (const auto& d : r.drift) drift.rows.push_back({d.name, fixed_places(d.psi, 3), d.flagged ? "drift" : ""});
    out.push_back(std::move(drift));

    Table warn{"Warnings", {}, {}, {}};
    if (r.warnings.empty()) warn.lines.push_back("none");
    for (const auto& w : r.warnings) warn.lines.push_back("- " + w);
    out.push_back(std::move(warn));

    if (!r.problems.empty()) {
        Table p{"Problems", {}, {}, {}};
        for (const auto& w : r.problems) p.lines.push_back("- " + w);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace qualify::report
