// Text and markdown renderings of the report tables.
#include "report/render.hpp"
#include "report/render_tables.hpp"

#include <algorithm>

namespace qualify::report {

std::string render_text(const Report& r) {
    std::string out;
    for (const auto& t : report_tables(r)) {
        if (!out.empty()) out += "\n";
        out += t.title + "\n";
        for (const auto& l : t.lines) out += "  " + l + "\n";
        if (t.rows.empty()) continue;
        std::vector<size_t> width(t.header.size(), 0);
        for (size_t c = 0; c < t.header.size(); ++c) {
            width[c] = t.header[c].size();
            for (const auto& row : t.rows) width[c] = std::max(width[c], row[c].size());
        }
        auto line = [&](const std::vector<std::string>& cells) {
            std::string s = " ";
            for (size_t c = 0; c < cells.size(); ++c) {
                std::string cell = cells[c];
                // Text columns left-aligned, figures right-aligned.
                const bool left = c == 0 || (t.title == "Exploration" && c == 1);
                const std::string pad(width[c] - cell.size(), ' ');
                s += " " + (left ? cell + pad : pad + cell);
            }
            while (!s.empty() && s.back() == ' ') s.pop_back();
            return s + "\n";
        };
        out += line(t.header);
        for (const auto& row : t.rows) out += line(row);
    }
    return out;
}

std::string render_markdown(const Report& r) {
    std::string out = "# Qualification report\n";
    for (const auto& t : report_tables(r)) {
        out += "\n## " + t.title + "\n\n";
        for (const auto& l : t.lines) out += l + (l.rfind("- ", 0) == 0 ? "\n" : "\n\n");
        if (t.rows.empty()) continue;
        auto line = [](const std::vector<std::string>& cells) {
            std::string s = "|";
            for (const auto& c : cells) s += " " + c + " |";
            return s + "\n";
        };
        out += line(t.header);
        std::string sep = "|";
        for (size_t c = 0; c < t.header.size(); ++c) sep += c == 0 ? " --- |" : " ---: |";
        out += sep + "\n";
        for (const auto& row : t.rows) out += line(row);
    }
    return out;
}

}  // namespace qualify::report
