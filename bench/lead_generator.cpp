// Deterministic lead generation (see lead_generator.hpp). splitmix64 keeps
// the sequence identical on every platform.
#include "lead_generator.hpp"

#include "interpreter/date.hpp"
#include "interpreter/json_text.hpp"
#include "interpreter/program.hpp"

#include <set>
#include <vector>

namespace qualify {

struct LeadGenerator::Impl {
    const Program& p;
    uint64_t state;
    int32_t as_of;
    uint64_t count = 0;
    std::vector<std::string> strings;  // the rulebook's string constants, plus a few
    std::vector<std::string> numbers;  // interesting numbers as JSON text

    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return n ? next() % n : 0; }
    bool chance(int percent) { return below(100) < static_cast<uint64_t>(percent); }

    Impl(const Program& program, uint64_t seed, int32_t date) : p(program), state(seed), as_of(date) {
        std::set<std::string> seen;
        auto add = [&](std::string_view s) {
            if (seen.insert(std::string(s)).second) strings.emplace_back(s);
        };
        for (const auto& c : p.constants)
            if (c.kind == Value::Kind::String) add(c.s);
        for (const auto& set : p.sets)
            for (const auto& e : set->elements())
                if (e.kind == Value::Kind::String) add(e.s);
        for (const char* s : {"acme.com", "jo@uni.ac.uk", "vp@bigsoft.com", "x@gmail.com", "US", "DE", "software",
                              "other", "", "Lead Inc."})
            add(s);
        for (const auto& c : p.constants)
            if (c.kind == Value::Kind::Number) numbers.push_back(c.n.to_string());
        for (const char* n : {"0", "1", "5", "9", "10", "25", "150", "800", "1100", "5000", "25000", "-3", "0.5", "99.99"})
            numbers.emplace_back(n);
    }

    std::string scalar(const FieldInfo& f) {
        switch (f.type) {
            case ScalarType::String: {
                std::string v = chance(70) ? strings[below(strings.size())] : "s" + std::to_string(below(1000));
                if (v.empty() && !f.optional) v = "someone@example.com";  // empty text reads as unknown
                return json_string(v);
            }
            case ScalarType::Int: {
                std::string n = numbers[below(numbers.size())];
                if (n.find('.') != std::string::npos) n = n.substr(0, n.find('.'));
                if (n == "-" || n.empty()) n = "0";
                return chance(10) ? json_string(n) : n;  // CRMs send numbers as strings too
            }
            case ScalarType::Decimal: return numbers[below(numbers.size())];
            case ScalarType::Bool: return chance(50) ? "true" : "false";
            case ScalarType::Date: return json_string(format_iso_date(as_of - static_cast<int32_t>(below(400)) + 20));
            case ScalarType::Enum: return json_string(f.enum_values[below(f.enum_values.size())]);
        }
        return "null";
    }

    std::string value(const FieldInfo& f) {
        if (!f.is_list) return scalar(f);
        std::string out = "[";
        uint64_t n = below(5);
        for (uint64_t i = 0; i < n; ++i) out += (i ? "," : "") + scalar(f);
        return out + "]";
    }

    std::string lead() {
        std::string out = "{";
        bool first = true;
        for (size_t i = 0; i < p.schema.fields.size(); ++i) {
            const FieldInfo& f = p.schema.fields[i];
            std::string v;
            if (static_cast<int>(i) == p.schema.id_slot) v = json_string("G-" + std::to_string(++count));
            else if (f.optional && chance(20)) continue;  // missing
            else if (f.optional && chance(5)) v = "null";
            else if (!p.schema.unknown_values.empty() && f.optional && chance(3))
                v = json_string(p.schema.unknown_values[below(p.schema.unknown_values.size())]);
            else v = value(f);
            out += first ? "" : ",";
            first = false;
            append_json_string(out, f.name);  // flat dotted keys are valid input
            out += ":" + v;
        }
        return out + "}";
    }
};

LeadGenerator::LeadGenerator(const Program& program, uint64_t seed, int32_t as_of)
    : impl_(new Impl(program, seed, as_of)) {}
LeadGenerator::~LeadGenerator() { delete impl_; }
std::string LeadGenerator::next_json() { return impl_->lead(); }

}  // namespace qualify
