// The pieces the decision writers share (JSON, CSV, the summary line), built
// into a LineBuilder rather than into strings of their own.
#pragma once

#include "interpreter/line_builder.hpp"
#include "qualify/decision.hpp"

namespace qualify {

// summary(d), as plain text.
void write_summary(LineBuilder& b, const Decision& d);
// summary(d) escaped for the inside of a JSON string (no quotes added).
void write_summary_json(LineBuilder& b, const Decision& d);

// to_json(d), without the newline.
void write_json(LineBuilder& b, const Decision& d);

}  // namespace qualify
