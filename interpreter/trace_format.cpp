// Values as JSON text for traces (see trace_format.hpp).
#include "trace_format.hpp"

#include "date.hpp"
#include "json_text.hpp"

namespace qualify {

std::string value_text(const Program& p, const Value& v, int enum_id) {
    switch (v.kind) {
        case Value::Kind::Unknown: return "unknown";
        case Value::Kind::Bool: return v.b ? "true" : "false";
        case Value::Kind::Number: return v.n.to_string();
        case Value::Kind::String: return json_string(v.s);
        case Value::Kind::Date: return json_string(format_iso_date(v.i));
        case Value::Kind::Enum:
            if (enum_id >= 0) return json_string(p.enums[static_cast<size_t>(enum_id)].values[static_cast<size_t>(v.i)]);
            return std::to_string(v.i);
        case Value::Kind::List:
        case Value::Kind::Set: {
            std::string out = "[";
            auto add = [&](const Value& e) {
                if (out.size() > 1) out += ",";
                out += value_text(p, e, enum_id);
            };
            if (v.kind == Value::Kind::Set)
                for (const auto& e : v.set->elements()) add(e);
            else
                for (uint32_t i = 0; i < v.count; ++i) add(v.items[i]);
            return out + "]";
        }
    }
    return "null";
}

std::vector<std::pair<std::string, std::string>> trace_inputs(const EvalContext& ctx, const std::vector<int>& reads,
                                                               bool show_pii) {
    const Program& p = ctx.program();
    std::vector<std::pair<std::string, std::string>> out;
    for (int r : reads) {
        if (r >= 0) {
            const FieldInfo& f = p.schema.fields[static_cast<size_t>(r)];
            const Value& v = ctx.lead().slots[static_cast<size_t>(r)];
            std::string text = !v.known() ? "null" : (f.pii && !show_pii) ? "\"<redacted>\"" : value_text(p, v, f.enum_id);
            out.emplace_back(f.name, std::move(text));
        } else {
            const DerivedLet& d = p.derived[static_cast<size_t>(-1 - r)];
            Value v = ctx.derived_value(-1 - r);
            int enum_id = p.roots[static_cast<size_t>(d.root)]->type_id >= 0
                              ? p.type_of(*p.roots[static_cast<size_t>(d.root)]).enum_id
                              : -1;
            std::string text = !v.known() ? "null" : (d.pii && !show_pii) ? "\"<redacted>\"" : value_text(p, v, enum_id);
            out.emplace_back(d.name, std::move(text));
        }
    }
    return out;
}

}  // namespace qualify
