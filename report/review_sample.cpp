// review_sample and its renderings (see review_sample.hpp).
#include "report/review_sample.hpp"

#include "interpreter/sha256.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace qualify::report {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : " ") + i;
    return s;
}

double score_of(const LogRecord& r) { return r.score.empty() ? -1.0 : std::strtod(r.score.c_str(), nullptr); }

std::string explanation(const LogRecord& r) {
    return r.summary.empty() ? "reasons: " + joined(r.reasons) : r.summary;  // logs written before summaries
}

std::string markdown_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out.empty() ? " " : out;
}

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

ReviewSample review_sample(const std::vector<LogRecord>& log, size_t n) {
    // The latest record of each id decides, as in the report.
    std::unordered_map<std::string, size_t> at;
    std::vector<const LogRecord*> latest;
    for (const auto& r : log) {
        if (!r.error.empty()) continue;
        auto [it, fresh] = at.emplace(r.id, latest.size());
        if (fresh)
            latest.push_back(&r);
        else
            latest[it->second] = &r;
    }
    std::vector<std::pair<std::string, const LogRecord*>> flagged;
    for (const auto* r : latest)
        if (r->review && !r->qualified) flagged.emplace_back(sha256_hex(r->id), r);
    std::sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    ReviewSample out;
    out.flagged = flagged.size();
    for (size_t i = 0; i < flagged.size() && i < n; ++i) out.leads.push_back(flagged[i].second);
    std::sort(out.leads.begin(), out.leads.end(), [](const LogRecord* a, const LogRecord* b) {
        const double sa = score_of(*a), sb = score_of(*b);
        return sa != sb ? sa > sb : a->id < b->id;
    });
    return out;
}

std::string render_review_markdown(const ReviewSample& s) {
    std::string out = "# False-negative review: " + std::to_string(s.leads.size()) + " of " +
                      std::to_string(s.flagged) + " review-flagged leads not qualified\n\n";
    out +=
        "For each lead: would a human have qualified it? Put `qualify` or `reject` in the\n"
        "`review_verdict` column of the outcomes file for `qualify report`.\n\n";
    if (s.leads.empty()) return out + "No review-flagged leads in this period.\n";
    out += "| id | route | score | explanation | disqualified | escalations | decided | review_verdict |\n";
    out += "| --- | --- | ---: | --- | --- | --- | --- | --- |\n";
    for (const auto* r : s.leads)
        out += "| " + markdown_cell(r->id) + " | " + markdown_cell(r->route) + " | " + markdown_cell(r->score) + " | " +
               markdown_cell(explanation(*r)) + " | " + markdown_cell(joined(r->disqualified)) + " | " +
               markdown_cell(joined(r->escalations)) + " | " + markdown_cell(r->logged_at) + " |   |\n";
    return out;
}

std::string render_review_csv(const ReviewSample& s) {
    std::string out = "id,route,score,confidence,explanation,reasons,disqualified,escalations,logged_at,review_verdict\n";
    for (const auto* r : s.leads)
        out += csv_cell(r->id) + "," + csv_cell(r->route) + "," + r->score + "," + r->confidence + "," +
               csv_cell(explanation(*r)) + "," + csv_cell(joined(r->reasons)) + "," +
               csv_cell(joined(r->disqualified)) + "," + csv_cell(joined(r->escalations)) + "," + r->logged_at + ",\n";
    return out;
}

}  // namespace qualify::report
