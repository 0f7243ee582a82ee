// Which cross-validation fold a lead belongs to: FNV-1a (64-bit) of
// "SEED:ID" modulo K. A rule of the lead's id, not of its position, so the
// folds do not change when the history file is re-sorted, and any tool can
// reproduce them (scripts/reference/xeducation_sklearn.py does).
#pragma once

#include <cstdint>
#include <string>

namespace qualify::training {

unsigned fold_of(const std::string& id, uint64_t seed, unsigned folds);

}  // namespace qualify::training
