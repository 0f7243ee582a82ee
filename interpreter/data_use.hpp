// Which schema fields a compiled rulebook reads: the fields named by any
// rule (lets, disqualifiers, criteria, score, confidence, motions,
// escalations, routes) or used as a model feature. Decision logs write only
// these (data minimisation) and `qualify check --data-report` lists them.
#pragma once

#include <vector>

namespace qualify {

struct Program;

// One flag per schema slot: true when some rule or model reads the field.
std::vector<bool> read_slots(const Program& program);

}  // namespace qualify
