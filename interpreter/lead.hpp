// A lead record ready for evaluation: one Value per schema slot, plus the
// storage its strings and lists point into. Readers (JSON here, CSV in the
// data-input stage) fill it; evaluation only reads it.
#pragma once

#include "schema.hpp"
#include "value.hpp"

#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qualify {

// Owns the bytes of strings and the elements of lists that Values point at.
// Slots are pooled: clear() makes them reusable without freeing, so a run
// that reads and decides many leads stops allocating once warmed up. Short
// strings are packed into fixed-size chunks (one bounds check and a memcpy
// each); long ones get a pooled std::string. Chunks and deque slots never
// move, so every view handed out stays valid until clear().
class Arena {
public:
    std::string_view keep(std::string_view s) {
        if (s.size() > kLongString) return keep_long(s);
        if (chunk_used_ + s.size() > kChunk) next_chunk();
        char* at = chunks_[chunk_].get() + chunk_used_;
        if (!s.empty()) std::memcpy(at, s.data(), s.size());
        chunk_used_ += s.size();
        return {at, s.size()};
    }
    // An empty list to fill; its elements stay put until clear().
    std::vector<Value>& new_list() {
        if (used_lists_ == lists_.size()) lists_.emplace_back();
        std::vector<Value>& slot = lists_[used_lists_++];
        slot.clear();
        return slot;
    }
    const Value* keep(std::vector<Value> items) {
        std::vector<Value>& slot = new_list();
        slot = std::move(items);
        return slot.data();
    }
    void clear() {
        used_strings_ = used_lists_ = chunk_ = 0;
        chunk_used_ = chunks_.empty() ? kNoChunk : 0;
    }

private:
    static constexpr size_t kChunk = 4096;
    static constexpr size_t kLongString = 512;
    static constexpr size_t kNoChunk = kChunk + 1;  // makes the first keep() allocate

    std::string_view keep_long(std::string_view s) {
        if (used_strings_ == strings_.size()) strings_.emplace_back();
        std::string& slot = strings_[used_strings_++];
        slot.assign(s.data(), s.size());
        return slot;
    }
    void next_chunk() {
        if (!chunks_.empty()) ++chunk_;
        if (chunk_ == chunks_.size()) chunks_.push_back(std::make_unique<char[]>(kChunk));
        chunk_used_ = 0;
    }

    std::vector<std::unique_ptr<char[]>> chunks_;  // short strings, packed
    size_t chunk_ = 0;                             // the chunk being filled
    size_t chunk_used_ = kNoChunk;                 // bytes used in it; kNoChunk until one exists
    std::deque<std::string> strings_;              // long strings, one each
    std::deque<std::vector<Value>> lists_;
    size_t used_strings_ = 0;
    size_t used_lists_ = 0;
};

// The JSON reader's per-lead memo (its scratch buffers and a handle on the
// schema's key table, made for one schema and reused while the schema
// stays the same). Opaque here;
// a copied Lead starts without one, so copies never share scratch.
class LeadReaderMemo {
public:
    LeadReaderMemo() = default;
    LeadReaderMemo(const LeadReaderMemo&) {}
    LeadReaderMemo& operator=(const LeadReaderMemo&) { return *this; }
    LeadReaderMemo(LeadReaderMemo&&) noexcept = default;
    LeadReaderMemo& operator=(LeadReaderMemo&&) noexcept = default;
    std::shared_ptr<void> state;
};

struct Lead {
    std::vector<Value> slots;  // one per schema field, Unknown when absent
    std::string id;            // empty when the record has none (errors then name the line)
    uint64_t line = 0;         // 1-based input line (or record number), 0 when not from a file
    Arena arena;
    LeadReaderMemo json_memo;  // read_json_lead's; not part of the lead's value
};

// Converts raw text to a field's type by the one set of rules shared by CSV
// cells and JSON strings (docs/language.md, "Reading a lead"): text in
// `unknown_values` or empty text is Unknown; bool accepts
// yes/no/true/false/1/0 in any case; numbers are read exactly from their
// text; dates are ISO 8601; enums must name a declared value; a list splits
// on ';'. On failure returns nullopt and sets `error` to a message naming
// the field, the value (redacted when the field is pii) and the rule.
std::optional<Value> convert_text(const SchemaInfo& schema, const FieldInfo& field,
                                  std::string_view raw, Arena& arena, std::string& error);
// The same, into `out` (a lead's slot, written in place); false on failure.
bool convert_text_into(const SchemaInfo& schema, const FieldInfo& field, std::string_view raw, Arena& arena,
                       std::string& error, Value& out);

// Reads one JSON object (nested or flat dotted keys) into `lead`, checking it
// against the schema. Returns an error message when the record cannot be
// evaluated: not JSON, not an object, a required field missing or unknown,
// a wrong type, an unknown enum value, invalid UTF-8, an absurd size or
// nesting, both nested and dotted keys for one field.
std::optional<std::string> read_json_lead(const SchemaInfo& schema, std::string_view text, Lead& lead);

}  // namespace qualify
