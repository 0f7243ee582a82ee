// A decision as a flat CSV row (csv_header and to_csv in decision.hpp), for
// spreadsheets and CRM imports that cannot take nested JSON: the fields a
// person sorts and filters by, and the summary line for the why.
#include "qualify/decision.hpp"

namespace qualify {

namespace {

void cell(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string codes(const std::vector<CodeAndReason>& items) {
    std::string joined;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) joined += ';';
        joined += items[i].code;
    }
    return joined;
}

}  // namespace

std::string csv_header() { return "id,route,score,confidence,disqualified,escalations,summary\n"; }

std::string csv_header(const std::vector<std::string>& assigned_names) {
    std::string out = csv_header();
    out.pop_back();
    for (const auto& n : assigned_names) {
        out += ',';
        cell(out, n);
    }
    return out + "\n";
}

std::string to_csv(const Decision& d, const std::vector<std::string>& assigned_names) {
    std::string out = to_csv(d);
    if (assigned_names.empty()) return out;
    out.pop_back();
    for (const auto& n : assigned_names) {
        out += ',';
        for (const auto& a : d.assigned)
            if (a.name == n) cell(out, a.plain);
    }
    return out + "\n";
}

std::string to_csv(const Decision& d) {
    std::string out;
    cell(out, d.id);
    out += ',';
    if (d.is_error) {
        out += ",,,,,";
        // No line column for the decisions' sake: the error names its line.
        cell(out, (d.line ? "error (line " + std::to_string(d.line) + "): " : "error: ") + d.error);
        out += '\n';
        return out;
    }
    cell(out, d.route);
    out += ',';
    if (d.score) out += d.score->to_fixed(2);
    out += ',';
    if (d.confidence) out += d.confidence->to_fixed(2);
    out += ',';
    cell(out, codes(d.disqualified));
    out += ',';
    cell(out, codes(d.escalations));
    out += ',';
    cell(out, summary(d));
    out += '\n';
    return out;
}

}  // namespace qualify
