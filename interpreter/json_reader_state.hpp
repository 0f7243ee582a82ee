// Internal to the JSON lead reader: what its two paths share. read_json_lead
// (lead_reader.cpp) first tries read_json_fast (json_fast_reader.cpp), a
// single pass over the bytes for well-formed records; anything it does not
// accept, for whatever reason, is read again by the full simdjson path,
// which alone words errors. The fast path may refuse any record; it must
// never accept one that the full path rejects, nor read one differently
// (tests/unit/test_json_fast_reader.cpp holds it to that).
#pragma once

#include "interpreter/json_key_table.hpp"
#include "interpreter/lead.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qualify {

namespace json_lex {

constexpr int kMaxDepth = 32;  // objects and arrays, the root included

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? exactly.
bool is_number(std::string_view t);

}  // namespace json_lex

// What both paths keep in Lead::json_memo between records: the key table of
// the schema it was made for (the schema's own, shared, when it has one),
// and scratch that would otherwise be allocated per record.
struct JsonReaderState {
    explicit JsonReaderState(const SchemaInfo& s);
    bool built_for(const SchemaInfo& s) const {
        return schema == &s && fields == s.fields.data() && field_count == s.fields.size();
    }
    // The state in `lead`, built (again) when missing or made for another schema.
    static JsonReaderState& of(const SchemaInfo& schema, Lead& lead);

    uint32_t next_visit() {
        if (++visit == 0) {  // wrapped: forget every mark
            std::fill(seen.begin(), seen.end(), 0);
            visit = 1;
        }
        return visit;
    }
    // The first required field the lead lacks, or nullptr.
    const FieldInfo* missing_required(const Lead& lead) const;

    const SchemaInfo* schema;
    const FieldInfo* fields;
    size_t field_count;
    std::shared_ptr<const JsonKeyTable> table;  // the schema's, or built for it
    std::vector<int> required;            // slots of the fields that are not optional
    std::vector<uint8_t> form;            // per slot: 0 unseen, 1 nested key, 2 dotted key
    std::vector<std::string_view> keys;   // keys outside the table, of the objects being walked
    std::vector<uint32_t> seen;           // per table entry: the object visit that last saw it
    uint32_t visit = 0;
    std::string unescaped;                // the fast path's copy of a string with escapes
};

// Sets every slot unknown and forgets the id and the arena's contents.
void reset_lead(const SchemaInfo& schema, Lead& lead);

// The fast path: true when `text` (valid UTF-8, at most 1 MiB) was read into
// `lead`. False says nothing about the record: the caller resets the lead
// and takes the full path.
bool read_json_fast(const SchemaInfo& schema, std::string_view text, Lead& lead, JsonReaderState& state);

// The full path alone (read_json_lead without the fast path), for tests.
std::optional<std::string> read_json_full(const SchemaInfo& schema, std::string_view text, Lead& lead);

}  // namespace qualify
