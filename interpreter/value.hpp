// The runtime value of the rulebook language: unknown, bool, number
// (Decimal, for int and decimal alike), string, date, enum value, list or
// constant set. Values are small and trivially copyable; strings and lists
// point into storage owned by the lead being evaluated, the evaluation arena
// or the compiled rulebook, all of which outlive the evaluation.
#pragma once

#include "decimal.hpp"

#include <cstdint>
#include <string_view>

namespace qualify {

class ConstSet;  // a hash set of literals, built at compile time (interpreter/const_set.hpp)

struct Value {
    enum class Kind : uint8_t { Unknown, Bool, Number, String, Date, Enum, List, Set };

    // 32 bytes: the VM pushes and pops Values on every instruction and a
    // lead holds one per schema field, so the payloads of different kinds
    // share storage. Only the member of the value's kind may be read.
    Kind kind = Kind::Unknown;
    bool b = false;       // Bool
    int32_t i = 0;        // Date: days since 1970-01-01; Enum: position in its enum
    uint32_t count = 0;   // List: number of elements
    union {
        Decimal n;                   // Number
        std::string_view s;          // String
        const Value* items;          // List: elements
        const ConstSet* set;         // Set
    };

    constexpr Value() : n() {}

    static Value unknown() { return {}; }
    static Value boolean(bool v) { Value x; x.kind = Kind::Bool; x.b = v; return x; }
    static Value number(Decimal v) { Value x; x.kind = Kind::Number; x.n = v; return x; }
    static Value string(std::string_view v) { Value x; x.kind = Kind::String; x.s = v; return x; }
    static Value date(int32_t days) { Value x; x.kind = Kind::Date; x.i = days; return x; }
    static Value enumv(int32_t pos) { Value x; x.kind = Kind::Enum; x.i = pos; return x; }
    static Value list(const Value* items, uint32_t count) {
        Value x; x.kind = Kind::List; x.items = items; x.count = count; return x;
    }
    static Value constant_set(const ConstSet* s) { Value x; x.kind = Kind::Set; x.set = s; return x; }

    bool known() const { return kind != Kind::Unknown; }
};
static_assert(sizeof(Value) == 32, "Value is copied on every VM instruction: keep it small");

// Equality of two known scalar values of the same kind (numbers by value,
// strings byte-wise, dates and enum positions by number).
bool scalar_equal(const Value& a, const Value& b);

}  // namespace qualify
