// A decision as a flat CSV row (csv_header and to_csv in decision.hpp), for
// spreadsheets and CRM imports that cannot take nested JSON: the fields a
// person sorts and filters by, and the summary line for the why. Rows are
// built in a LineBuilder; a cell is written as it is and quoted afterwards
// only when it turns out to hold a comma, a quote or a line break.
#include "interpreter/decision_text.hpp"

#include <charconv>

namespace qualify {

namespace {

bool needs_quotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

void quoted(LineBuilder& b, std::string_view text) {
    b.put('"');
    for (char c : text) {
        if (c == '"') b.put('"');
        b.put(c);
    }
    b.put('"');
}

void cell(LineBuilder& b, std::string_view text) {
    if (needs_quotes(text)) quoted(b, text);
    else b.bytes(text);
}

// The text written since `start` becomes one cell: quoted when it must be.
void close_cell(LineBuilder& b, size_t start) {
    const std::string_view text = b.view_from(start);
    if (!needs_quotes(text)) return;
    const std::string plain(text);
    b.truncate(start);
    quoted(b, plain);
}

void codes(LineBuilder& b, const std::vector<CodeAndReason>& items) {
    const size_t start = b.size();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) b.put(';');
        b.bytes(items[i].code);
    }
    close_cell(b, start);
}

void row(LineBuilder& b, const Decision& d) {
    cell(b, d.id);
    b.put(',');
    if (d.is_error) {
        b.lit(",,,,,");
        // No line column for the decisions' sake: the error names its line.
        const size_t start = b.size();
        if (d.line) {
            b.lit("error (line ");
            char digits[24];
            b.bytes({digits, static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, d.line).ptr - digits)});
            b.lit("): ");
        } else {
            b.lit("error: ");
        }
        b.bytes(d.error);
        close_cell(b, start);
        return;
    }
    cell(b, d.route);
    b.put(',');
    if (d.score) b.fixed(*d.score, 2);
    b.put(',');
    if (d.confidence) b.fixed(*d.confidence, 2);
    b.put(',');
    codes(b, d.disqualified);
    b.put(',');
    codes(b, d.escalations);
    b.put(',');
    const size_t start = b.size();
    write_summary(b, d);
    close_cell(b, start);
}

void assigned_cells(LineBuilder& b, const Decision& d, const std::vector<std::string>& assigned_names) {
    for (const auto& n : assigned_names) {
        b.put(',');
        for (const auto& a : d.assigned)
            if (a.name == n) cell(b, a.plain);
    }
}

}  // namespace

std::string csv_header() { return "id,route,score,confidence,disqualified,escalations,summary\n"; }

std::string csv_header(const std::vector<std::string>& assigned_names) {
    LineBuilder b;
    b.lit("id,route,score,confidence,disqualified,escalations,summary");
    for (const auto& n : assigned_names) {
        b.put(',');
        cell(b, n);
    }
    b.put('\n');
    return std::string(b.view());
}

void append_csv(std::string& out, const Decision& d, const std::vector<std::string>& assigned_names) {
    LineBuilder b;
    row(b, d);
    assigned_cells(b, d, assigned_names);
    b.put('\n');
    b.append_to(out);
}

std::string to_csv(const Decision& d, const std::vector<std::string>& assigned_names) {
    std::string out;
    append_csv(out, d, assigned_names);
    return out;
}

std::string to_csv(const Decision& d) { return to_csv(d, {}); }

}  // namespace qualify
