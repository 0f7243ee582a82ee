// Reading the closed outcomes of a history file through the scoring
// readers (CSV: CsvReader and read_csv_lead; JSON Lines: read_json_lead).
#include "training/history.hpp"

#include "interpreter/csv_reader.hpp"
#include "interpreter/lead.hpp"
#include "interpreter/lead_convert.hpp"
#include "interpreter/program.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <fstream>

namespace qualify::training {

namespace {

constexpr size_t kProblemsKept = 10;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Cell cell_of(const FieldInfo& field, const Value& v) {
    Cell c;
    switch (v.kind) {
        case Value::Kind::String: c.kind = Cell::Kind::Text; c.text = std::string(v.s); break;
        case Value::Kind::Enum:
            c.kind = Cell::Kind::Text;
            c.text = field.enum_values[static_cast<size_t>(v.i)];
            break;
        case Value::Kind::Number: {
            c.kind = Cell::Kind::Number;
            c.number = v.n.to_double();
            const std::string text = v.n.to_string();
            double nearest = 0;
            std::from_chars(text.data(), text.data() + text.size(), nearest);
            c.number32 = static_cast<float>(nearest);
            break;
        }
        case Value::Kind::Bool: c.kind = Cell::Kind::Bool; c.flag = v.b; break;
        default: break;  // unknown (dates and lists are refused before reading)
    }
    return c;
}

class Collector {
public:
    Collector(const Rulebook& rulebook, const std::vector<int>& slots, const HistorySource& source)
        : schema_(rulebook.program().schema), slots_(slots), source_(source) {}

    History& history() { return history_; }
    const SchemaInfo& schema() const { return schema_; }

    void unreadable(uint64_t line, const std::string& message) {
        ++history_.unreadable;
        if (history_.problems.size() < kProblemsKept)
            history_.problems.push_back("line " + std::to_string(line) + ": " + message);
    }

    // The target's text decides: open, unreadable, or an outcome. Returns
    // the outcome when the record is closed.
    std::optional<bool> outcome(uint64_t line, std::optional<std::string_view> target) {
        std::string_view text = target ? lead_convert::trim(*target) : std::string_view();
        if (text.empty() || lead_convert::is_unknown_text(schema_, text)) {
            ++history_.open;
            return std::nullopt;
        }
        auto o = outcome_of(text, source_.positive);
        if (!o)
            unreadable(line, "target `" + source_.target + "`: \"" + std::string(text.substr(0, 40)) +
                                 "\" is not an outcome (expected 1/0, true/false or yes/no, or give --positive VALUE)");
        return o;
    }

    void keep(const Lead& lead, uint64_t line, bool positive) {
        HistoryRow row;
        row.id = lead.id;
        row.line = line;
        row.positive = positive;
        row.cells.reserve(slots_.size());
        for (int slot : slots_)
            row.cells.push_back(cell_of(schema_.fields[static_cast<size_t>(slot)], lead.slots[static_cast<size_t>(slot)]));
        history_.rows.push_back(std::move(row));
    }

private:
    const SchemaInfo& schema_;
    const std::vector<int>& slots_;
    const HistorySource& source_;
    History history_;
};

void read_csv(const Rulebook& rulebook, std::istream& in, Collector& out, const HistorySource& source) {
    CsvReader reader(rulebook, in);
    if (auto error = reader.read_header()) throw HistoryError(source.path + ": " + *error);
    const CsvBinding& binding = reader.columns().binding();
    auto at = std::find(binding.names.begin(), binding.names.end(), source.target);
    if (at == binding.names.end())
        throw HistoryError(source.path + ": no column \"" + source.target + "\" for --target");
    const size_t target = static_cast<size_t>(at - binding.names.begin());
    CsvRow row;
    Lead lead;
    while (reader.next(row)) {
        ++out.history().records;
        if (!row.error.empty()) {
            out.unreadable(row.line, row.error);
            continue;
        }
        auto positive = out.outcome(row.line, target < row.cells.size()
                                                  ? std::optional<std::string_view>(row.cells[target])
                                                  : std::nullopt);
        if (!positive) continue;
        if (auto error = read_csv_lead(out.schema(), binding, row, lead)) {
            out.unreadable(row.line, *error);
            continue;
        }
        out.keep(lead, row.line, *positive);
    }
}

// The target of a JSON record: a flat dotted key, else the nested path.
std::optional<std::string> json_target(const nlohmann::json& record, const std::string& key) {
    const nlohmann::json* v = nullptr;
    if (auto it = record.find(key); it != record.end()) {
        v = &*it;
    } else {
        v = &record;
        size_t start = 0;
        while (v && start <= key.size()) {
            size_t dot = std::min(key.find('.', start), key.size());
            auto it2 = v->is_object() ? v->find(key.substr(start, dot - start)) : v->end();
            v = v->is_object() && it2 != v->end() ? &*it2 : nullptr;
            start = dot + 1;
        }
    }
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return v->get<std::string>();
    if (v->is_boolean()) return std::string(v->get<bool>() ? "true" : "false");
    return v->dump();  // a number's text; an object or array is not an outcome
}

void read_jsonl(std::istream& in, Collector& out, const HistorySource& source) {
    std::string text;
    Lead lead;
    uint64_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++out.history().records;
        nlohmann::json record = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (record.is_discarded() || !record.is_object()) {
            // read_json_lead words the problem exactly as scoring does.
            auto error = read_json_lead(out.schema(), text, lead);
            out.unreadable(line, error ? *error : "not a JSON object");
            continue;
        }
        auto target = json_target(record, source.target);
        auto positive = out.outcome(line, target ? std::optional<std::string_view>(*target) : std::nullopt);
        if (!positive) continue;
        if (auto error = read_json_lead(out.schema(), text, lead)) {
            out.unreadable(line, *error);
            continue;
        }
        out.keep(lead, line, *positive);
    }
}

}  // namespace

uint64_t History::positives() const {
    return static_cast<uint64_t>(std::count_if(rows.begin(), rows.end(), [](const HistoryRow& r) { return r.positive; }));
}

std::optional<bool> outcome_of(std::string_view text, const std::optional<std::string>& positive) {
    if (positive) return std::string(text) == *positive;
    std::string t = lower(text);
    if (t == "1" || t == "true" || t == "yes") return true;
    if (t == "0" || t == "false" || t == "no") return false;
    return std::nullopt;
}

History read_history(const Rulebook& rulebook, const std::vector<int>& feature_slots, const HistorySource& source) {
    std::ifstream in(source.path, std::ios::binary);
    if (!in) throw HistoryError(source.path + ": cannot open the history file");
    Collector out(rulebook, feature_slots, source);
    if (source.csv)
        read_csv(rulebook, in, out, source);
    else
        read_jsonl(in, out, source);
    return std::move(out.history());
}

}  // namespace qualify::training
