// Equality of runtime values, shared by the VM and the reference evaluator.
#include "value.hpp"

namespace qualify {

bool scalar_equal(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Value::Kind::Bool: return a.b == b.b;
        case Value::Kind::Number: return a.n == b.n;
        case Value::Kind::String: return a.s == b.s;
        case Value::Kind::Date:
        case Value::Kind::Enum: return a.i == b.i;
        default: return false;
    }
}

}  // namespace qualify
