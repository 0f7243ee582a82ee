// A deterministic generator of leads for any rulebook's schema, used by the
// benchmarks and the differential test. Values are drawn so that the
// rulebook's own constants (set members, string literals) appear often —
// otherwise most conditions would never hold — and every optional field is
// sometimes missing, null or a placeholder from `unknown_values`.
#pragma once

#include <cstdint>
#include <string>

namespace qualify {

struct Program;

class LeadGenerator {
public:
    LeadGenerator(const Program& program, uint64_t seed, int32_t as_of);
    ~LeadGenerator();
    // The next lead as one line of JSON (nested objects, no newline).
    std::string next_json();

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace qualify
