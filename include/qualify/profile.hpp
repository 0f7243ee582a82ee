// A data-quality profile of a leads file against a rulebook's schema, the
// first thing to look at on a new CRM export (`qualify profile`): per field
// how often it is filled, missing, a placeholder (`unknown_values`) or
// invalid (with examples, pii redacted), how many distinct values it has and
// the most frequent ones; for email fields the share of free-mail,
// disposable and role addresses. Records are read by the same text rules
// as `qualify score`; a record that cannot be read at all (bad JSON, bad CSV
// framing) is counted apart.
#pragma once

#include "qualify/csv.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qualify {

class Rulebook;

struct FieldProfile {
    std::string name;
    std::string type;  // "string", "int?", "list<string>?", "enum{…}"
    bool pii = false;
    uint64_t filled = 0;        // a known, valid value
    uint64_t missing = 0;       // absent, null or empty
    uint64_t placeholders = 0;  // text in the schema's unknown_values
    uint64_t invalid = 0;       // present but not of the field's type
    std::vector<std::string> invalid_examples;  // "line N: message", at most 3
    uint64_t distinct = 0;      // distinct valid values (list fields: elements)
    // The most frequent values (at most 5; most frequent first, ties by
    // text), empty for pii fields: a profile never prints their values.
    std::vector<std::pair<std::string, uint64_t>> top;
    bool email = false;  // a string field named `email` or `….email`
    uint64_t freemail = 0, disposable = 0, role = 0;  // among the filled values
};

struct Profile {
    uint64_t records = 0;     // every record read, unreadable ones included
    uint64_t unreadable = 0;  // not JSON / an object, or a CSV framing error
    std::vector<std::string> unreadable_examples;  // "line N: message", at most 3
    std::vector<FieldProfile> fields;              // schema order
};

// Collects a profile record by record. Memory grows with the number of
// distinct values per field (they are counted exactly).
class Profiler {
public:
    explicit Profiler(const Rulebook& rulebook);
    ~Profiler();
    Profiler(const Profiler&) = delete;
    Profiler& operator=(const Profiler&) = delete;

    void add_json(std::string_view record, uint64_t line);
    void add_csv(const CsvColumns& columns, const CsvRow& row);
    Profile result() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The report as text, one block per field, and as one JSON object.
std::string profile_text(const Profile& profile, std::string_view source);
std::string profile_json(const Profile& profile, std::string_view source);

}  // namespace qualify
