// The decision procedure of spec §3, written once for both engines:
// disqualifiers, then motion, criteria, models, score, confidence,
// escalations, route, explore and review — with the explain trace when asked.
#pragma once

#include "eval_context.hpp"
#include "qualify/decision.hpp"

#include <string_view>

namespace qualify {

struct DecideOptions {
    int32_t as_of = 0;
    bool explain = false;
    bool show_pii = false;
};

// Works out `program.plan` from its rules; once, after compiling.
void plan_decision(Program& program);

// Decides `lead` into `out` (which is overwritten). Runtime errors such as
// overflow become an error decision naming the rule; they never escape.
void decide(EvalContext& ctx, const Lead& lead, const DecideOptions& options, Decision& out);

// Makes `out` the error record of a lead that could not be evaluated,
// keeping the capacity of its lists for the next lead.
void set_error(Decision& out, std::string_view id, uint64_t line, std::string error);

// The spec's deterministic sampling: FNV-1a 64-bit of
// `rulebook name + "\n" + kind + "\n" + lead id`, sampled when
// h mod 10000 < basis points.
uint64_t fnv1a64(std::string_view bytes);
bool sampled(std::string_view rulebook, std::string_view kind, std::string_view id, int basis_points);
// The same in two steps: the hash state after `rulebook + "\n" + kind + "\n"`
// is the same for every lead, so a program computes it once (Program::
// review_seed, explore_seed) and each lead hashes only its id.
uint64_t sample_seed(std::string_view rulebook, std::string_view kind);
bool sampled_from(uint64_t seed, std::string_view id, int basis_points);

}  // namespace qualify
