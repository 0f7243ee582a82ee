// The `dedupe by` key of the lead being decided, and what becomes of a
// decision whose key an earlier lead of the run already had. The run keeps
// the keys (qualify.hpp, Run); these are the per-lead halves.
#pragma once

#include "eval_context.hpp"
#include "qualify/decision.hpp"

#include <optional>
#include <string_view>

namespace qualify {

// Evaluates every key part of the program's `dedupe by` for the lead in
// `ctx` and hashes them; nullopt when a part is unknown (such a lead
// registers nothing and is never a duplicate).
std::optional<DedupeKey> dedupe_key(EvalContext& ctx);

// Turns `d` into the decision of a disqualified lead: `duplicate` joins
// its disqualifiers with `reason` (which must outlive `d`), the route is
// `reject`, what only qualified leads have (score, reasons, models…) is
// cleared, and `review P% of disqualified` samples it like any
// disqualified lead.
void mark_duplicate(const Program& p, std::string_view reason, Decision& d);

}  // namespace qualify
