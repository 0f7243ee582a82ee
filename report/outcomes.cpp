// Reading outcomes files (see outcomes.hpp). Values are accepted in the
// spellings a CRM export uses: won/lost, converted/not_converted, 1/0,
// true/false, yes/no.
#include "report/outcomes.hpp"

#include "interpreter/csv_split.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace qualify::report {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<bool> truth(const std::string& raw, bool for_outcome) {
    const std::string v = lower(raw);
    if (v == "1" || v == "true" || v == "yes") return true;
    if (v == "0" || v == "false" || v == "no") return false;
    if (for_outcome) {
        if (v == "won" || v == "converted") return true;
        if (v == "lost" || v == "not_converted") return false;
    } else {
        if (v == "qualify" || v == "qualified" || v == "accepted") return true;
        if (v == "reject" || v == "rejected") return false;
    }
    return std::nullopt;
}

// One record given as column -> text (absent or empty: not given).
void add(Outcomes& out, const std::map<std::string, std::string>& cells, uint64_t line) {
    auto get = [&](const char* key) -> std::optional<std::string> {
        auto it = cells.find(key);
        if (it == cells.end() || it->second.empty()) return std::nullopt;
        return it->second;
    };
    const std::string where = "line " + std::to_string(line) + ": ";
    Outcome o;
    o.line = line;
    auto id = get("id");
    if (!id) {
        out.problems.push_back(where + "no id");
        return;
    }
    o.id = *id;
    auto outcome = get("outcome");
    if (!outcome) outcome = get("converted");
    auto converted = outcome ? truth(*outcome, true) : std::nullopt;
    if (!converted) {
        out.problems.push_back(where + (outcome ? "outcome '" + *outcome + "' is not won, lost, 1 or 0" : "no outcome"));
        return;
    }
    o.converted = *converted;
    if (auto v = get("sales_accepted")) {
        o.sales_accepted = truth(*v, false);
        if (!o.sales_accepted) out.problems.push_back(where + "sales_accepted '" + *v + "' is not true or false");
    }
    if (auto v = get("review_verdict")) {
        o.review_verdict = truth(*v, false);
        if (!o.review_verdict) out.problems.push_back(where + "review_verdict '" + *v + "' is not qualify or reject");
    }
    o.rejection_reason = get("rejection_reason");
    o.closed_at = get("closed_at");
    out.items.push_back(std::move(o));
}

std::string json_cell(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
}

}  // namespace

Outcomes read_outcomes(std::istream& in, bool csv) {
    Outcomes out;
    if (csv) {
        CsvSplitter split(in);
        split.start(0);
        CsvRow header;
        if (!split.next(header)) return out;
        std::vector<std::string> names;
        for (auto& c : header.cells) names.push_back(lower(c));
        split.set_header(names);
        CsvRow row;
        while (split.next(row)) {
            if (!row.error.empty()) {
                out.problems.push_back("line " + std::to_string(row.line) + ": " + row.error);
                continue;
            }
            std::map<std::string, std::string> cells;
            for (size_t i = 0; i < names.size() && i < row.cells.size(); ++i) cells[names[i]] = row.cells[i];
            add(out, cells, row.line);
        }
        return out;
    }
    std::string text;
    uint64_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            out.problems.push_back("line " + std::to_string(line) + ": not a JSON object");
            continue;
        }
        std::map<std::string, std::string> cells;
        for (auto it = j.begin(); it != j.end(); ++it) cells[it.key()] = json_cell(it.value());
        add(out, cells, line);
    }
    return out;
}

}  // namespace qualify::report
