// The HTML rendering of the report: one self-contained page (inline CSS and
// SVG, no script, no font or image to fetch) with the verdict, the key
// figures, four charts (chart_data.hpp) and the same tables as the text
// report (render_tables.hpp). Key figures carry ids (`verdict`, `auc`, …)
// so a test or a scraper can find them.
#include "report/chart_data.hpp"
#include "report/render.hpp"
#include "report/render_tables.hpp"
#include "report/svg_chart.hpp"

namespace qualify::report {

namespace {

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d2330; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.verdict { font-size: 1.2rem; padding: .6rem 1rem; border-radius: .4rem; }
.verdict.discriminating { background: #e3f4e6; } .verdict.not_discriminating { background: #fbe4e2; }
.verdict.insufficient_data { background: #fdf3d8; }
.figures { display: flex; gap: 2rem; } .figures div { font-size: .9rem; } .figures b { font-size: 1.3rem; display: block; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .2rem .7rem; border-bottom: 1px solid #dde; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1rem; }
svg.chart { max-width: 100%; height: auto; background: #fbfbfd; border: 1px solid #e4e6ee; }
svg .chart-title { font-size: 14px; font-weight: 600; } svg .tick, svg .legend { font-size: 11px; fill: #444; }
svg .axis-label { font-size: 12px; fill: #333; } svg .note { font-size: 13px; fill: #777; }
svg .grid { stroke: #e6e8ef; } svg .axis { stroke: #555; } svg .diagonal { stroke: #999; stroke-dasharray: 4 4; }
svg .series-0 { fill: #3867d6; } svg .series-1 { fill: #a5b1c2; }
svg .curve { fill: none; stroke: #3867d6; stroke-width: 2; } svg .point { fill: #3867d6; }
ul.warnings li { color: #8a4b00; }
)";

std::string figure(const char* id, const std::string& name, const std::string& value) {
    return "<div>" + html_escape(name) + "<b id=\"" + id + "\">" + html_escape(value) + "</b></div>";
}

bool numeric(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789.-%x ") == std::string::npos &&
           s.find_first_of("0123456789") != std::string::npos;
}

std::string table_html(const Table& t, size_t index) {
    std::string s = "<section id=\"table-" + std::to_string(index) + "\">\n<h2>" + html_escape(t.title) + "</h2>\n";
    for (const auto& l : t.lines) s += "<p>" + html_escape(l) + "</p>\n";
    if (t.header.empty() || t.rows.empty()) return s + "</section>\n";
    s += "<table>\n<thead><tr>";
    for (const auto& h : t.header) s += "<th>" + html_escape(h) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        s += "<tr>";
        for (const auto& cell : row) s += (numeric(cell) ? "<td class=\"n\">" : "<td>") + html_escape(cell) + "</td>";
        s += "</tr>\n";
    }
    return s + "</tbody>\n</table>\n</section>\n";
}

std::string fixed3(const std::optional<double>& x) { return x ? fixed_places(*x, 3) : "-"; }

}  // namespace

std::string render_html(const Report& r) {
    std::string s =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>qualify report</title>\n<style>" +
        std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>qualify report</h1>\n";
    s += "<p id=\"verdict\" class=\"verdict " + html_escape(r.verdict) + "\" data-verdict=\"" + html_escape(r.verdict) +
         "\"><b>" + html_escape(r.verdict) + "</b>: " + html_escape(r.verdict_detail) + "</p>\n";
    s += "<div class=\"figures\">" + figure("leads", "leads decided", std::to_string(r.leads)) +
         figure("with-outcome", "with an outcome", std::to_string(r.with_outcome)) +
         figure("base-rate", "base rate", percent_text(r.base_rate)) + figure("auc", "AUC", fixed3(r.auc)) +
         figure("brier", "Brier", fixed3(r.brier)) + figure("ece", "calibration error", fixed3(r.ece)) + "</div>\n";
    if (!r.warnings.empty()) {
        s += "<h2>Warnings</h2>\n<ul class=\"warnings\" id=\"warnings\">\n";
        for (const auto& w : r.warnings) s += "<li>" + html_escape(w) + "</li>\n";
        s += "</ul>\n";
    }
    s += "<h2>Charts</h2>\n<div class=\"charts\">\n";
    s += svg_bar_chart(score_distribution_chart(r));
    s += svg_calibration_chart(calibration_chart(r));
    s += svg_bar_chart(conversion_by_band_chart(r));
    s += svg_bar_chart(route_transition_chart(r));
    s += "</div>\n";
    if (!r.route_transitions.empty()) {
        Table moves{"Route transitions", {"leads decided in both the baseline and this period"},
                    {"baseline route", "route now", "leads"}, {}};
        for (const auto& t : r.route_transitions) moves.rows.push_back({t.from, t.to, std::to_string(t.count)});
        s += table_html(moves, 100);
    }
    const std::vector<Table> tables = report_tables(r);
    for (size_t i = 0; i < tables.size(); ++i) s += table_html(tables[i], i);
    s += "</body>\n</html>\n";
    return s;
}

}  // namespace qualify::report
