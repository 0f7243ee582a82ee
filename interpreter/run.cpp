// Run (qualify.hpp): the state of one pass of leads — the `dedupe by` keys
// seen so far, each with the reason a later lead carrying it gets.
#include "qualify/qualify.hpp"

#include "dedupe_key.hpp"
#include "program.hpp"

#include <unordered_map>

namespace qualify {

namespace {

// The key is already a uniform hash: any 64 bits of it will do.
struct KeyHash {
    size_t operator()(const DedupeKey& k) const noexcept { return static_cast<size_t>(k.low ^ k.high); }
};

}  // namespace

struct Run::State {
    Rulebook rulebook;
    // Key -> "Duplicate of FIRST_ID". Nodes never move, so decisions may
    // point at the text for as long as the run lives.
    std::unordered_map<DedupeKey, std::string, KeyHash> first;
};

Run::Run(const Rulebook& rulebook) : state_(std::make_unique<State>(State{rulebook, {}})) {}
Run::~Run() = default;

bool Run::admit(Decision& d) {
    if (d.is_error || !d.dedupe_key) return false;
    auto [it, inserted] = state_->first.try_emplace(*d.dedupe_key);
    if (inserted) {
        it->second = "Duplicate of " + d.id;
        return false;
    }
    mark_duplicate(state_->rulebook.program(), it->second, d);
    return true;
}

size_t Run::distinct_keys() const { return state_->first.size(); }

}  // namespace qualify
