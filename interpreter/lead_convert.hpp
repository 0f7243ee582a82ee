// Internal to the lead readers: turning one piece of text into a typed value
// of a field, and wording the error when that fails. The rules are listed in
// docs/input.md, "Reading a lead".
#pragma once

#include "interpreter/lead.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace qualify::lead_convert {

// Valid UTF-8. Most text is ASCII, which a word-at-a-time check settles
// more cheaply than the full validation (simdjson's), run on the rest.
bool valid_utf8(std::string_view text);

// True for text in the schema's unknown_values (compared byte for byte).
bool is_unknown_text(const SchemaInfo& schema, std::string_view raw);

// ASCII whitespace removed from both ends.
std::string_view trim(std::string_view text);

// Converts trimmed, non-empty text to one value of the field's element
// type, into `out` (the readers' slots, written in place); false with
// `error` set when the text does not fit.
bool convert_scalar_into(const FieldInfo& field, std::string_view text, Arena& arena, std::string& error,
                         Value& out);
inline std::optional<Value> convert_scalar(const FieldInfo& field, std::string_view text, Arena& arena,
                                           std::string& error) {
    Value v;
    if (!convert_scalar_into(field, text, arena, error, v)) return std::nullopt;
    return v;
}

// What the field's element type accepts, for messages: "an integer", "a date (YYYY-MM-DD)"...
std::string expected(const FieldInfo& field);

// "field `F`: RULE, got "VALUE"", the value redacted for pii fields and cut at 40 bytes.
std::string field_error(const FieldInfo& field, std::string_view rule, std::string_view value);

// "field `F`: RULE, got WHAT" where WHAT describes a JSON shape, not a value ("an array").
std::string field_error_shape(const FieldInfo& field, std::string_view rule, std::string_view what);

}  // namespace qualify::lead_convert
