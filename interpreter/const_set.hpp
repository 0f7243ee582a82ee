// Sets of literals (`{"software", "fintech"}`, `{cxo, vp}`), built once at
// compile time as hash sets so that `x in S` costs one lookup per lead.
#pragma once

#include "value.hpp"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace qualify {

struct Int128Hash {
    size_t operator()(int128 v) const {
        auto u = static_cast<unsigned __int128>(v);
        return std::hash<uint64_t>{}(static_cast<uint64_t>(u) ^ static_cast<uint64_t>(u >> 64) * 0x9e3779b97f4a7c15ULL);
    }
};

// Transparent hashing lets `contains` look up a string_view without copying it.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class ConstSet {
public:
    // Adds a known scalar; returns false when it was already present.
    bool insert(const Value& v);
    bool contains(const Value& v) const;
    size_t size() const { return elements_.size(); }
    // The elements in insertion order (for printing and for `count`).
    const std::vector<Value>& elements() const { return elements_; }

private:
    std::unordered_set<std::string, StringHash, std::equal_to<>> strings_;
    std::unordered_set<int128, Int128Hash> numbers_;
    std::vector<bool> enums_;
    std::vector<Value> elements_;
};

}  // namespace qualify
