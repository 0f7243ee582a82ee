// Hash sets of literals built at compile time.
#include "const_set.hpp"

namespace qualify {

bool ConstSet::insert(const Value& v) {
    switch (v.kind) {
        case Value::Kind::String: {
            auto [it, fresh] = strings_.emplace(v.s);
            if (!fresh) return false;
            // Node-based set: the element's address is stable, so the view stays valid.
            elements_.push_back(Value::string(*it));
            return true;
        }
        case Value::Kind::Number:
            if (!numbers_.insert(v.n.raw()).second) return false;
            break;
        case Value::Kind::Enum:
            if (enums_.size() <= static_cast<size_t>(v.i)) enums_.resize(v.i + 1, false);
            if (enums_[v.i]) return false;
            enums_[v.i] = true;
            break;
        default:
            return false;
    }
    elements_.push_back(v);
    return true;
}

bool ConstSet::contains(const Value& v) const {
    switch (v.kind) {
        case Value::Kind::String: return strings_.find(v.s) != strings_.end();
        case Value::Kind::Number: return numbers_.count(v.n.raw()) != 0;
        case Value::Kind::Enum: return static_cast<size_t>(v.i) < enums_.size() && enums_[v.i];
        default: return false;
    }
}

}  // namespace qualify
