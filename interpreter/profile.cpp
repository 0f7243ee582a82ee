// The data-quality profile (include/qualify/profile.hpp). Each field's value
// is taken as text (a CSV cell; a JSON string, or a JSON number or bool by
// its text) and sorted by the shared text rules (convert_text): missing,
// placeholder, invalid or valid; valid values are counted exactly. JSON is
// parsed with simdjson's DOM parser, which picks the best kernel for the CPU
// at run time.
#include "qualify/profile.hpp"

#include "interpreter/csv_reader.hpp"
#include "interpreter/date.hpp"
#include "interpreter/json_text.hpp"
#include "interpreter/lead_convert.hpp"
#include "interpreter/program.hpp"
#include "qualify/qualify.hpp"
#include "stdlib/builtins.hpp"

#include <simdjson.h>

#include <algorithm>
#include <unordered_map>

namespace qualify {

namespace {

constexpr size_t kExamples = 3;
constexpr size_t kTop = 5;

struct FieldState {
    FieldProfile out;
    std::unordered_map<std::string, uint64_t> counts;
};

std::string type_text(const FieldInfo& f) {
    static const char* const names[] = {"string", "int", "decimal", "bool", "date", "enum"};
    std::string t = names[static_cast<int>(f.type)];
    if (f.is_list) t = "list<" + t + ">";
    if (f.optional) t += "?";
    return t;
}

bool is_email_field(const FieldInfo& f) {
    if (f.is_list || f.type != ScalarType::String) return false;
    return f.name == "email" || (f.name.size() > 6 && f.name.compare(f.name.size() - 6, 6, ".email") == 0);
}

// A valid value as the profile shows it.
std::string value_text(const FieldInfo& f, const Value& v) {
    switch (v.kind) {
        case Value::Kind::String: return std::string(v.s);
        case Value::Kind::Number: return v.n.to_string();
        case Value::Kind::Bool: return v.b ? "true" : "false";
        case Value::Kind::Date: return format_iso_date(v.i);
        case Value::Kind::Enum: return f.enum_values[static_cast<size_t>(v.i)];
        default: return "";
    }
}

bool holds(int builtin, const Value& email, Arena& arena) {
    if (builtin < 0) return false;
    CallContext ctx{arena, 0};
    const Value r = builtins()[static_cast<size_t>(builtin)].fn(&email, ctx);
    return r.kind == Value::Kind::Bool && r.b;
}

void add_example(std::vector<std::string>& examples, uint64_t line, const std::string& message) {
    if (examples.size() < kExamples) examples.push_back("line " + std::to_string(line) + ": " + message);
}

}  // namespace

struct Profiler::State {
    Rulebook rulebook;
    const SchemaInfo& schema;
    std::vector<FieldState> fields;
    Profile totals;
    Arena arena;
    simdjson::dom::parser parser;
    int freemail = find_builtin("is_freemail");
    int disposable = find_builtin("is_disposable");
    int role = find_builtin("is_role_address");

    explicit State(const Rulebook& rb) : rulebook(rb), schema(rb.program().schema) {
        for (const auto& f : schema.fields) {
            FieldState s;
            s.out.name = f.name;
            s.out.type = type_text(f);
            s.out.pii = f.pii;
            s.out.email = is_email_field(f);
            fields.push_back(std::move(s));
        }
    }

    // One field's text in one record; nullptr: absent or null.
    void add(size_t slot, const std::string_view* raw, uint64_t line) {
        const FieldInfo& f = schema.fields[slot];
        FieldProfile& p = fields[slot].out;
        if (!raw || lead_convert::trim(*raw).empty()) {
            ++p.missing;
            return;
        }
        if (lead_convert::is_unknown_text(schema, *raw)) {
            ++p.placeholders;
            return;
        }
        arena.clear();
        std::string error;
        const auto v = convert_text(schema, f, *raw, arena, error);
        if (!v) {
            ++p.invalid;
            add_example(p.invalid_examples, line, error);
            return;
        }
        if (!v->known()) {  // the placeholder of a list element, say
            ++p.placeholders;
            return;
        }
        ++p.filled;
        auto& counts = fields[slot].counts;
        if (v->kind == Value::Kind::List) {
            for (uint32_t i = 0; i < v->count; ++i) ++counts[value_text(f, v->items[i])];
        } else {
            ++counts[value_text(f, *v)];
        }
        if (p.email) {
            p.freemail += holds(freemail, *v, arena);
            p.disposable += holds(disposable, *v, arena);
            p.role += holds(role, *v, arena);
        }
    }

    void unreadable(uint64_t line, const std::string& message) {
        ++totals.unreadable;
        add_example(totals.unreadable_examples, line, message);
    }
};

Profiler::Profiler(const Rulebook& rulebook) : state_(std::make_unique<State>(rulebook)) {}
Profiler::~Profiler() = default;

void Profiler::add_csv(const CsvColumns& columns, const CsvRow& row) {
    State& s = *state_;
    ++s.totals.records;
    if (!row.error.empty()) {
        s.unreadable(row.line, row.error);
        return;
    }
    std::vector<bool> seen(s.fields.size(), false);
    const CsvBinding& binding = columns.binding();
    for (size_t c = 0; c < binding.slot.size() && c < row.cells.size(); ++c) {
        const int slot = binding.slot[c];
        if (slot < 0) continue;
        const std::string_view raw = row.cells[c];
        s.add(static_cast<size_t>(slot), &raw, row.line);
        seen[static_cast<size_t>(slot)] = true;
    }
    for (size_t i = 0; i < seen.size(); ++i)
        if (!seen[i]) s.add(i, nullptr, row.line);
}

namespace {

// A JSON value as the text the field's rules read: strings as they are,
// numbers and bools by their JSON text, arrays joined with ';' (as a CSV
// list cell). nullopt for an object (never a field's value).
std::optional<std::string> json_text(simdjson::dom::element e) {
    using T = simdjson::dom::element_type;
    switch (e.type()) {
        case T::STRING: return std::string(std::string_view(e));
        case T::ARRAY: {
            std::string out;
            for (auto item : e.get_array()) {
                auto t = json_text(item);
                if (!t || item.type() == T::ARRAY) return std::nullopt;
                if (!out.empty()) out += ';';
                out += *t;
            }
            return out;
        }
        case T::OBJECT: return std::nullopt;
        default: return simdjson::to_string(e);
    }
}

}  // namespace

void Profiler::add_json(std::string_view record, uint64_t line) {
    State& s = *state_;
    ++s.totals.records;
    simdjson::dom::element doc;
    if (auto error = s.parser.parse(record.data(), record.size()).get(doc)) {
        s.unreadable(line, std::string("not valid JSON: ") + simdjson::error_message(error));
        return;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object)) {
        s.unreadable(line, "expected a JSON object at the top level");
        return;
    }
    for (size_t slot = 0; slot < s.fields.size(); ++slot) {
        const FieldInfo& f = s.schema.fields[slot];
        // Nested keys first, then the flat dotted key.
        simdjson::dom::element at = doc;
        bool found = true;
        for (const auto& segment : f.path) {
            simdjson::dom::object o;
            if (at.get_object().get(o) || o[segment].get(at)) {
                found = false;
                break;
            }
        }
        if (!found) found = !object[f.name].get(at);
        if (!found || at.is_null()) {
            s.add(slot, nullptr, line);
            continue;
        }
        auto text = json_text(at);
        if (!text) {
            ++s.fields[slot].out.invalid;
            add_example(s.fields[slot].out.invalid_examples, line,
                        lead_convert::field_error_shape(f, "expected " + lead_convert::expected(f), "an object"));
            continue;
        }
        const std::string_view raw = *text;
        s.add(slot, &raw, line);
    }
}

Profile Profiler::result() const {
    Profile out = state_->totals;
    for (const auto& fs : state_->fields) {
        FieldProfile p = fs.out;
        p.distinct = fs.counts.size();
        if (!p.pii) {
            std::vector<std::pair<std::string, uint64_t>> all(fs.counts.begin(), fs.counts.end());
            const size_t n = std::min(kTop, all.size());
            std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
            all.resize(n);
            p.top = std::move(all);
        }
        out.fields.push_back(std::move(p));
    }
    return out;
}

// ---------------------------------------------------------------- reports

namespace {

// "75.0%": tenths of a percent, rounded half up, in integers (no float
// formatting differences between machines).
std::string percent(uint64_t part, uint64_t whole) {
    if (whole == 0) return "0.0%";
    const uint64_t tenths = (part * 1000 + whole / 2) / whole;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

}  // namespace

std::string profile_text(const Profile& p, std::string_view source) {
    const uint64_t readable = p.records - p.unreadable;
    std::string out = std::string(source) + ": " + std::to_string(p.records) + " records";
    if (p.unreadable) out += ", " + std::to_string(p.unreadable) + " unreadable";
    out += "\n";
    for (const auto& e : p.unreadable_examples) out += "  unreadable " + e + "\n";
    for (const auto& f : p.fields) {
        out += "\n" + f.name + "  " + f.type + (f.pii ? " pii" : "") + "\n";
        out += "  filled " + std::to_string(f.filled) + "/" + std::to_string(readable) + " (" +
               percent(f.filled, readable) + "), missing " + std::to_string(f.missing) + ", placeholder " +
               std::to_string(f.placeholders) + ", invalid " + std::to_string(f.invalid) + ", distinct " +
               std::to_string(f.distinct) + "\n";
        for (const auto& e : f.invalid_examples) out += "  invalid " + e + "\n";
        if (f.email)
            out += "  email: freemail " + percent(f.freemail, f.filled) + ", disposable " +
                   percent(f.disposable, f.filled) + ", role " + percent(f.role, f.filled) + "\n";
        if (!f.top.empty()) {
            out += "  top:";
            for (size_t i = 0; i < f.top.size(); ++i)
                out += (i ? ", " : " ") + json_string(f.top[i].first) + " " + std::to_string(f.top[i].second);
            out += "\n";
        }
    }
    return out;
}

std::string profile_json(const Profile& p, std::string_view source) {
    auto list = [](const std::vector<std::string>& items) {
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
        return out + "]";
    };
    auto num = [](uint64_t n) { return std::to_string(n); };
    std::string out = "{\"source\":" + json_string(source) + ",\"records\":" + num(p.records) +
                      ",\"unreadable\":" + num(p.unreadable) + ",\"unreadable_examples\":" +
                      list(p.unreadable_examples) + ",\"fields\":[";
    for (size_t i = 0; i < p.fields.size(); ++i) {
        const auto& f = p.fields[i];
        out += i ? "," : "";
        out += "{\"name\":" + json_string(f.name) + ",\"type\":" + json_string(f.type) +
               ",\"pii\":" + (f.pii ? "true" : "false") + ",\"filled\":" + num(f.filled) +
               ",\"fill_rate\":" + json_string(percent(f.filled, p.records - p.unreadable)) +
               ",\"missing\":" + num(f.missing) + ",\"placeholder\":" + num(f.placeholders) +
               ",\"invalid\":" + num(f.invalid) + ",\"invalid_examples\":" + list(f.invalid_examples) +
               ",\"distinct\":" + num(f.distinct) + ",\"top\":[";
        for (size_t t = 0; t < f.top.size(); ++t)
            out += (t ? "," : "") + std::string("{\"value\":") + json_string(f.top[t].first) +
                   ",\"count\":" + num(f.top[t].second) + "}";
        out += "]";
        if (f.email)
            out += ",\"email\":{\"freemail\":" + num(f.freemail) + ",\"disposable\":" + num(f.disposable) +
                   ",\"role\":" + num(f.role) + "}";
        out += "}";
    }
    return out + "]}\n";
}

}  // namespace qualify
