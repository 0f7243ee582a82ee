// Static types of the rulebook language, as the checker infers them.
// `optional` tracks whether a value may be unknown at run time; `Invalid`
// marks an expression already reported as an error, so one mistake does not
// cascade into many diagnostics.
#pragma once

#include <string>
#include <vector>

namespace qualify {

struct Type {
    enum class Kind : unsigned char { Invalid, Null, Bool, Int, Decimal, String, Date, Enum, List, Set, Range };
    Kind kind = Kind::Invalid;
    bool optional = false;
    int enum_id = -1;              // Enum; or the element enum of List/Set
    Kind element = Kind::Invalid;  // List, Set, Range: element kind

    static Type of(Kind k, bool optional = false) { Type t; t.kind = k; t.optional = optional; return t; }
    static Type enumeration(int id, bool optional = false) {
        Type t = of(Kind::Enum, optional); t.enum_id = id; return t;
    }
    static Type collection(Kind k, Kind element, int enum_id = -1, bool optional = false) {
        Type t = of(k, optional); t.element = element; t.enum_id = enum_id; return t;
    }
    bool invalid() const { return kind == Kind::Invalid; }
    bool numeric() const { return kind == Kind::Int || kind == Kind::Decimal; }
    bool scalar() const { return kind != Kind::List && kind != Kind::Set && kind != Kind::Range; }
    Type as_optional(bool opt = true) const { Type t = *this; t.optional = optional || opt; return t; }
};

// The enums of a rulebook: one per enum-typed schema field (by the field's
// name), plus the motions (`motion == product_led`).
struct EnumInfo {
    std::string name;
    std::vector<std::string> values;

    int find(const std::string& v) const {
        for (size_t i = 0; i < values.size(); ++i)
            if (values[i] == v) return static_cast<int>(i);
        return -1;
    }
};

// "int", "decimal?", "enum contact.seniority", "list<string>"...
std::string type_name(const Type& t, const std::vector<EnumInfo>& enums);
// Whether values of `a` and `b` can be compared or mixed (numbers promote).
bool comparable(const Type& a, const Type& b);

}  // namespace qualify
