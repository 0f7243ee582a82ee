// Deterministic fold assignment (folds.hpp).
#include "training/folds.hpp"

#include "interpreter/decide.hpp"

namespace qualify::training {

unsigned fold_of(const std::string& id, uint64_t seed, unsigned folds) {
    return static_cast<unsigned>(fnv1a64(std::to_string(seed) + ":" + id) % folds);
}

}  // namespace qualify::training
