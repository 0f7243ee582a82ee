// The pieces the decision writers share (JSON, CSV, the summary line), built
// into a LineBuilder rather than into strings of their own.
#pragma once

#include "interpreter/line_builder.hpp"
#include "qualify/decision.hpp"

namespace qualify {

// summary(d), as plain text.
void write_summary(LineBuilder& b, const Decision& d);
// Where write_json has already written, in the line being built, text the
// summary repeats in the same form (as offsets in the builder): the summary
// copies those bytes instead of escaping or formatting them again. Only the
// entries for items the decision has are set: the first kRepeated
// disqualifiers, the first three reasons (the summary names no more), the
// first model, the score when there is one.
struct WrittenText {
    struct Text {
        size_t at, size;
    };
    static constexpr size_t kRepeated = 4;
    Text route;
    Text score;                                      // fixed, 2 places (the summary trims it)
    Text codes[kRepeated], code_reasons[kRepeated];  // disqualifiers, escaped
    Text reason_codes[3], reason_labels[3];          // escaped
    Text points[3];                                  // fixed, 2 places
    Text weights[3];                                 // shortest
    Text model_name;                                 // escaped
};

// summary(d) escaped for the inside of a JSON string (no quotes added).
// With `written`, text the line already holds is copied from it.
void write_summary_json(LineBuilder& b, const Decision& d, const WrittenText* written = nullptr);

// to_json(d), without the newline.
void write_json(LineBuilder& b, const Decision& d);

}  // namespace qualify
