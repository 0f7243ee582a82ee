// The runtime value of the rulebook language: unknown, bool, number
// (Decimal, for int and decimal alike), string, date, enum value, list or
// constant set. Values are small and trivially copyable; strings and lists
// point into storage owned by the lead being evaluated, the evaluation arena
// or the compiled rulebook, all of which outlive the evaluation.
#pragma once

#include "decimal.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

    static Value unknown() { return make(Kind::Unknown, false, 0, 0, Bits{}); }
    static Value boolean(bool v) { return make(Kind::Bool, v, 0, 0, Bits{}); }
    static Value number(Decimal v) { return make(Kind::Number, false, 0, 0, bits_of(v)); }
    static Value string(std::string_view v) { return make(Kind::String, false, 0, 0, bits_of(v)); }
    static Value date(int32_t days) { return make(Kind::Date, false, days, 0, Bits{}); }
    static Value enumv(int32_t pos) { return make(Kind::Enum, false, pos, 0, Bits{}); }
    static Value list(const Value* items, uint32_t count) { return make(Kind::List, false, 0, count, bits_of(items)); }
    static Value constant_set(const ConstSet* s) { return make(Kind::Set, false, 0, 0, bits_of(s)); }

    bool known() const { return kind != Kind::Unknown; }
    // A condition holds only when it is known and true.
    bool is_true() const { return kind == Kind::Bool && b; }

private:
    struct Bits {
        uint64_t low = 0, high = 0;
    };
    template <class T>
    static Bits bits_of(const T& payload) {
        static_assert(sizeof(T) <= sizeof(Bits) && std::is_trivially_copyable_v<T>);
        uint64_t words[2] = {0, 0};
        std::memcpy(words, &payload, sizeof(T));
        return Bits{words[0], words[1]};
    }
    // A value is built as two 16-byte halves, each written by one store.
    // The VM copies values with 16-byte loads right after building them, and
    // a load that finds its bytes in several narrower stores (a byte for the
    // kind, a word for `i`...) waits for them to reach the cache instead of
    // taking them from the store: that wait cost more than all the rest of
    // some instructions.
    static Value make(Kind k, bool flag, int32_t pos, uint32_t n, Bits payload) {
        const uint64_t head = static_cast<uint64_t>(k) | static_cast<uint64_t>(flag) << 8 |
                              static_cast<uint64_t>(static_cast<uint32_t>(pos)) << 32;
        Value x;
#if defined(__SSE2__)
        const __m128i halves[2] = {_mm_set_epi64x(static_cast<long long>(n), static_cast<long long>(head)),
                                   _mm_set_epi64x(static_cast<long long>(payload.high),
                                                  static_cast<long long>(payload.low))};
        std::memcpy(static_cast<void*>(&x), halves, sizeof halves);
#else
        (void)head;
        x.kind = k;
        x.b = flag;
        x.i = pos;
        x.count = n;
        const uint64_t words[2] = {payload.low, payload.high};
        std::memcpy(reinterpret_cast<char*>(&x) + offsetof(Value, n), words, sizeof words);
#endif
        return x;
    }
};
static_assert(sizeof(Value) == 32, "Value is copied on every VM instruction: keep it small");
static_assert(offsetof(Value, kind) == 0 && offsetof(Value, b) == 1 && offsetof(Value, i) == 4 &&
                  offsetof(Value, count) == 8 && offsetof(Value, n) == 16,
              "Value::make writes the fields by these offsets");

// Equality of two known scalar values of the same kind (numbers by value,
// strings byte-wise, dates and enum positions by number).
bool scalar_equal(const Value& a, const Value& b);

}  // namespace qualify
