// Printing and comparing static types.
#include "types.hpp"

namespace qualify {

namespace {
using K = Type::Kind;
}

std::string type_name(const Type& t, const std::vector<EnumInfo>& enums) {
    auto scalar = [&](K k, int enum_id) -> std::string {
        switch (k) {
            case K::Null: return "null";
            case K::Bool: return "bool";
            case K::Int: return "int";
            case K::Decimal: return "decimal";
            case K::String: return "string";
            case K::Date: return "date";
            case K::Enum:
                return enum_id >= 0 && enum_id < static_cast<int>(enums.size()) ? "enum " + enums[enum_id].name
                                                                                 : "enum";
            default: return "?";
        }
    };
    std::string s;
    switch (t.kind) {
        case K::List: s = "list<" + scalar(t.element, t.enum_id) + ">"; break;
        case K::Set: s = "set of " + scalar(t.element, t.enum_id); break;
        case K::Range: s = "range"; break;
        case K::Invalid: s = "invalid"; break;
        default: s = scalar(t.kind, t.enum_id);
    }
    return t.optional ? s + "?" : s;
}

bool comparable(const Type& a, const Type& b) {
    if (a.invalid() || b.invalid()) return true;
    if (a.numeric() && b.numeric()) return true;
    if (a.kind != b.kind) return false;
    if (a.kind == K::Enum) return a.enum_id == b.enum_id;
    return a.scalar();
}

}  // namespace qualify
