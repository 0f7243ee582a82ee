// Rendering runtime values for the explain trace: each as JSON text, with
// pii fields (and lets computed from them) redacted unless asked.
#pragma once

#include "eval_context.hpp"

#include <string>
#include <utility>
#include <vector>

namespace qualify {

// JSON text of a value: strings quoted, numbers exact, enums by name (given
// the enum id; -1 prints the position), dates "YYYY-MM-DD", lists as arrays,
// unknown as "unknown" for results.
std::string value_text(const Program& p, const Value& v, int enum_id);

// The inputs a rule read (slots >= 0, derived lets as -1 - index), as
// (name, JSON value) pairs; unknown inputs are `null`.
std::vector<std::pair<std::string, std::string>> trace_inputs(const EvalContext& ctx, const std::vector<int>& reads,
                                                               bool show_pii);

}  // namespace qualify
