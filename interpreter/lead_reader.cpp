// Reads one JSON lead record into a Lead (read_json_lead in lead.hpp): the
// fast path first (json_fast_reader.cpp), and for any record it refuses the
// full path here, with simdjson's On Demand API, which words every error.
// Numbers are taken from their raw text, never through a double. A cheap
// pre-scan bounds size, nesting and trailing bytes when needed. Rules:
// docs/input.md, "Reading a lead".
#include "interpreter/json_reader_state.hpp"
#include "interpreter/lead_convert.hpp"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

namespace qualify {
namespace {

using namespace lead_convert;
using json_lex::is_digit;
using json_lex::is_space;
using json_lex::kMaxDepth;
namespace od = simdjson::ondemand;

constexpr size_t kMaxRecord = 1 << 20;

// Eight bytes at a time: a mask with the high bit set in the first byte of
// `word` that is '"' or '\\' (bits above the first match may be spurious).
inline uint64_t quote_or_backslash(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    const uint64_t q = word ^ (kOnes * '"'), b = word ^ (kOnes * '\\');
    return ((q - kOnes) & ~q & kHigh) | ((b - kOnes) & ~b & kHigh);
}

// The index of the first '"' or '\\' at or after `i` in t (t.size() if none).
// Most of a lead's bytes are inside strings, so they are skipped by words.
inline size_t find_quote_or_backslash(std::string_view t, size_t i) {
    while (i + 8 <= t.size()) {
        uint64_t word;
        std::memcpy(&word, t.data() + i, 8);
        if (const uint64_t m = quote_or_backslash(word)) return i + static_cast<size_t>(std::countr_zero(m) >> 3);
        i += 8;
    }
    while (i < t.size() && t[i] != '"' && t[i] != '\\') ++i;
    return i;
}

// As quote_or_backslash, for the bytes that matter outside strings: '"',
// '{', '}', '[' and ']' (plus 'Y', 'y', '_' and DEL, which share their bits
// and are rare there: the caller looks at the byte it is pointed to).
inline uint64_t quote_or_bracket(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    const uint64_t q = word ^ (kOnes * '"'), b = (word | (kOnes * 0x26)) ^ (kOnes * 0x7F);
    return ((q - kOnes) & ~q & kHigh) | ((b - kOnes) & ~b & kHigh);
}

// The index of the first byte at or after `i` that quote_or_bracket flags.
inline size_t find_quote_or_bracket(std::string_view t, size_t i) {
    while (i + 8 <= t.size()) {
        uint64_t word;
        std::memcpy(&word, t.data() + i, 8);
        if (const uint64_t m = quote_or_bracket(word)) return i + static_cast<size_t>(std::countr_zero(m) >> 3);
        i += 8;
    }
    return i;  // the tail is looked at byte by byte
}

// Checks the outer shape: one object, nesting at most kMaxDepth, nothing but
// whitespace after it. Malformed insides are left to simdjson.
std::optional<std::string> prescan(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && is_space(t[i])) ++i;
    if (i == t.size()) return "empty record";
    if (t[i] != '{') {
        if (t[i] == '[') return std::string("expected a JSON object at the top level, got an array");
        if (t[i] == '"') return std::string("expected a JSON object at the top level, got a string");
        return std::string("expected a JSON object at the top level");
    }
    int depth = 0;
    for (; i < t.size(); i = find_quote_or_bracket(t, i + 1)) {
        const char c = t[i];
        if (c == '"') {
            // Inside a string: only '\\' (skips the next byte) and '"' matter.
            for (i = find_quote_or_backslash(t, i + 1); i < t.size() && t[i] == '\\';
                 i = find_quote_or_backslash(t, i + 2)) {
            }
            if (i >= t.size()) break;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return "nesting too deep (more than " + std::to_string(kMaxDepth) + " levels)";
        } else if (c == '}' || c == ']') {
            if (--depth == 0) break;
        }
    }
    if (depth != 0) return std::string("not valid JSON: the record ends inside an object or array");
    for (++i; i < t.size(); ++i)
        if (!is_space(t[i])) return std::string("trailing content after the JSON object");
    return std::nullopt;
}

std::string_view number_token(od::value& v) {
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && is_space(raw.back())) raw.remove_suffix(1);
    return raw;
}

const char* shape_name(od::json_type t) {
    switch (t) {
        case od::json_type::array: return "an array";
        case od::json_type::object: return "an object";
        case od::json_type::boolean: return "a bool";
        case od::json_type::null: return "null";
        case od::json_type::number: return "a number";
        case od::json_type::string: return "a string";
    }
    return "a value";
}

class Reader {
public:
    Reader(const SchemaInfo& schema, Lead& lead, JsonReaderState& state)
        : schema_(schema), lead_(lead), state_(state), table_(*state.table), form_(state.form), keys_(state.keys),
          seen_(state.seen) {
        form_.assign(schema.fields.size(), 0);
        keys_.clear();
    }

    // Walks an object at a level of the key table (keys are dotted
    // remainders below it). Outside the schema (`in_schema` false) values
    // are only validated and `level` is unused.
    bool object(od::object obj, int level, bool in_schema) {
        const size_t first_key = keys_.size();
        const uint32_t visit = state_.next_visit();
        for (auto member : obj) {
            od::field field;
            std::string_view key;
            if (std::move(member).get(field) || !key_of(field, key)) return syntax();
            od::value v = std::move(field).value();
            const JsonKeyTable::Entry* entry = in_schema ? table_.find(level, key) : nullptr;
            if (entry) {
                // A key in the table can only repeat an earlier key with the same entry.
                if (seen_[entry->id] == visit) return duplicate(in_schema ? level : -1, key);
                seen_[entry->id] = visit;
            } else {
                for (size_t i = first_key; i < keys_.size(); ++i)
                    if (keys_[i] == key) return duplicate(in_schema ? level : -1, key);
                keys_.push_back(key);
            }
            if (!in_schema) {
                if (!skip(v)) return false;
                continue;
            }
            if (entry && entry->slot >= 0) {
                if (!place(entry->slot, entry->dotted, v)) return false;
                continue;
            }
            od::json_type type;
            if (v.type().get(type)) return syntax();
            if (type == od::json_type::object && entry && entry->level >= 0) {
                od::object inner;
                if (v.get_object().get(inner)) return syntax();
                if (!object(inner, entry->level, true)) return false;
            } else if (!skip(v)) {
                return false;
            }
        }
        keys_.resize(first_key);
        return true;
    }

    // Values of keys outside the schema must still be well-formed JSON.
    bool skip(od::value v) {
        od::json_type type;
        if (v.type().get(type)) return syntax();
        switch (type) {
            case od::json_type::object: {
                od::object o;
                if (v.get_object().get(o)) return syntax();
                return object(o, 0, false);
            }
            case od::json_type::array: {
                od::array a;
                if (v.get_array().get(a)) return syntax();
                for (auto element : a) {
                    od::value e;
                    if (element.get(e) || !skip(e)) return error_.empty() ? syntax() : false;
                }
                return true;
            }
            case od::json_type::string: {
                std::string_view s;
                return v.get_string().get(s) ? syntax() : true;
            }
            case od::json_type::number:
                return json_lex::is_number(number_token(v)) ? true : syntax();
            case od::json_type::boolean: {
                bool b;
                return v.get_bool().get(b) ? syntax() : true;
            }
            case od::json_type::null: {
                bool null = false;
                return v.is_null().get(null) || !null ? syntax() : true;
            }
        }
        return syntax();
    }

    bool finish() {
        if (const FieldInfo* f = state_.missing_required(lead_)) return fail("missing required field `" + f->name + "`");
        return true;
    }

    bool syntax() {
        if (error_.empty()) error_ = "not valid JSON";
        return false;
    }
    bool fail(std::string message) {
        error_ = std::move(message);
        return false;
    }
    std::string error_;

private:
    // The key's text: a view of the raw bytes when it has no escapes (the
    // common case: no copy), else simdjson's unescaped copy.
    static bool key_of(od::field& field, std::string_view& key) {
        const char* const from = field.key().raw();
        const char* p = from;
        // The record is padded, so whole words may be read past the key.
        for (;; p += 8) {
            uint64_t word;
            std::memcpy(&word, p, 8);
            if (const uint64_t m = quote_or_backslash(word)) {
                p += std::countr_zero(m) >> 3;
                break;
            }
        }
        if (*p == '"') {
            key = std::string_view(from, static_cast<size_t>(p - from));
            return true;
        }
        return !field.unescaped_key().get(key);
    }

    bool duplicate(int level, std::string_view key) {
        const std::string& name = level >= 0 ? table_.level(level).name : std::string();
        return fail("duplicate key `" + (name.empty() ? std::string() : name + ".") + std::string(key) + "`");
    }

    bool place(int slot, bool dotted_key, od::value v) {
        const FieldInfo& field = schema_.fields[static_cast<size_t>(slot)];
        if (form_[static_cast<size_t>(slot)])
            return fail("field `" + field.name + "`: given both as a nested object and as a dotted key");
        form_[static_cast<size_t>(slot)] = dotted_key ? 2 : 1;
        Value out;
        if (!value(field, v, out)) return false;
        lead_.slots[static_cast<size_t>(slot)] = out;
        if (slot == schema_.id_slot && out.kind == Value::Kind::String) lead_.id = std::string(out.s);
        return true;
    }

    // One JSON value of a field: scalar or list.
    bool value(const FieldInfo& field, od::value v, Value& out) {
        od::json_type type;
        if (v.type().get(type)) return syntax();
        if (type == od::json_type::null) {
            bool null = false;
            if (v.is_null().get(null) || !null) return syntax();
            out = Value::unknown();
            return true;
        }
        if (type == od::json_type::string) {
            std::string_view s;
            if (v.get_string().get(s)) return syntax();
            auto converted = convert_text(schema_, field, s, lead_.arena, error_);
            if (!converted) return false;
            out = *converted;
            return true;
        }
        if (field.is_list) {
            if (type != od::json_type::array)
                return fail(field_error_shape(field, "expected a list", shape_name(type)));
            od::array a;
            if (v.get_array().get(a)) return syntax();
            std::vector<Value>& items = lead_.arena.new_list();
            for (auto element : a) {
                od::value e;
                if (element.get(e)) return syntax();
                Value item;
                bool dropped = false;
                if (!list_element(field, e, item, dropped)) return false;
                if (!dropped) items.push_back(item);
            }
            const auto n = static_cast<uint32_t>(items.size());
            out = Value::list(items.data(), n);
            return true;
        }
        return scalar(field, v, type, out);
    }

    bool list_element(const FieldInfo& field, od::value e, Value& out, bool& dropped) {
        od::json_type type;
        if (e.type().get(type)) return syntax();
        switch (type) {
            case od::json_type::null:
                return fail(field_error_shape(field, "expected list elements", "a null element"));
            case od::json_type::array:
            case od::json_type::object:
                return fail(field_error_shape(field, "expected list elements that are " + expected(field),
                                              shape_name(type)));
            case od::json_type::string: {
                // The same element rule as a ';'-separated text list.
                std::string_view s;
                if (e.get_string().get(s)) return syntax();
                const std::string_view t = trim(s);
                if (t.empty() || is_unknown_text(schema_, t)) { dropped = true; return true; }
                auto v = convert_scalar(field, t, lead_.arena, error_);
                if (!v) return false;
                out = *v;
                return true;
            }
            default:
                return scalar(field, e, type, out);
        }
    }

    // A JSON number or bool for a non-list element type.
    bool scalar(const FieldInfo& field, od::value v, od::json_type type, Value& out) {
        if (type == od::json_type::number) {
            const std::string_view token = number_token(v);
            if (!json_lex::is_number(token)) return syntax();
            switch (field.type) {
                case ScalarType::String:
                    // CRMs send ids as numbers: keep the number's own text.
                    out = Value::string(lead_.arena.keep(token));
                    return true;
                case ScalarType::Int:
                case ScalarType::Decimal: {
                    auto n = convert_scalar(field, token, lead_.arena, error_);
                    if (!n) return false;
                    out = *n;
                    return true;
                }
                default:
                    return fail(field_error(field, "expected " + expected(field) + ", not a JSON number", token));
            }
        }
        if (type == od::json_type::boolean) {
            bool b;
            if (v.get_bool().get(b)) return syntax();
            if (field.type != ScalarType::Bool)
                return fail(field_error_shape(field, "expected " + expected(field), b ? "true" : "false"));
            out = Value::boolean(b);
            return true;
        }
        return fail(field_error_shape(field, "expected " + expected(field), shape_name(type)));
    }

    const SchemaInfo& schema_;
    Lead& lead_;
    JsonReaderState& state_;
    const JsonKeyTable& table_;
    std::vector<uint8_t>& form_;
    std::vector<std::string_view>& keys_;
    std::vector<uint32_t>& seen_;
};

}  // namespace

namespace {

// Whether `t` has more than kMaxDepth bytes that are '{' or '[' (inside
// strings too): when not, the record cannot nest too deep. Counted a word at
// a time into eight byte-wide lanes, summed every 31 words (sum <= 248).
bool may_nest_too_deep(std::string_view t) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    size_t count = 0, i = 0;
    uint64_t lanes = 0;
    for (size_t words = 0; i + 8 <= t.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, t.data() + i, 8);
        const uint64_t x = (word | (kOnes * 0x20)) ^ (kOnes * '{');  // '[' | 0x20 == '{'
        lanes += (~(((x & kLow7) + kLow7) | x | kLow7)) >> 7;       // exactly 1 per zero byte
        if (++words == 31) {
            count += static_cast<size_t>((lanes * kOnes) >> 56);
            if (count > static_cast<size_t>(kMaxDepth)) return true;
            words = 0;
            lanes = 0;
        }
    }
    count += static_cast<size_t>((lanes * kOnes) >> 56);
    for (; i < t.size(); ++i) count += t[i] == '{' || t[i] == '[';
    return count > static_cast<size_t>(kMaxDepth);
}

// Walks the parsed record into `lead`. `complete` tells whether the root
// object was read to its end with nothing but whitespace after it.
std::optional<std::string> walk(const SchemaInfo& schema, std::string_view text, Lead& lead,
                                JsonReaderState& state, bool& complete) {
    complete = false;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: keep a padded
    // copy per thread (the caller's buffer carries no such promise).
    thread_local od::parser parser;
    thread_local std::string padded;
    padded.assign(text);
    padded.append(simdjson::SIMDJSON_PADDING, '\0');
    od::document doc;
    od::object root;
    if (parser.iterate(padded.data(), text.size(), padded.size()).get(doc) || doc.get_object().get(root))
        return std::string("not valid JSON");
    Reader reader(schema, lead, state);
    if (!reader.object(root, 0, true)) return reader.error_;
    complete = doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
    if (!reader.finish()) return reader.error_;
    return std::nullopt;
}

// The full path, once size and UTF-8 are checked.
std::optional<std::string> read_full(const SchemaInfo& schema, std::string_view text, Lead& lead,
                                     JsonReaderState& state) {
    // The outer-shape problems the pre-scan words (empty, not an object, too
    // deep, unclosed, trailing bytes) take precedence over every other error.
    // A record that may be too deep is pre-scanned first; any other record
    // that has one of them cannot be read completely, so the pre-scan runs
    // only when reading fails or stops short, and its verdict then replaces
    // whatever the walk found (and the lead is reset, as if never walked).
    const bool may_be_too_deep = may_nest_too_deep(text);
    if (may_be_too_deep)
        if (auto shape = prescan(text)) return shape;
    bool complete = false;
    auto error = walk(schema, text, lead, state, complete);
    if ((error || !complete) && !may_be_too_deep)
        if (auto shape = prescan(text)) {
            reset_lead(schema, lead);
            return shape;
        }
    return error;
}

// The checks both paths rely on: size, then UTF-8 (which no other error outranks).
std::optional<std::string> check_bytes(std::string_view text) {
    if (text.size() > kMaxRecord) return std::string("record too large (over 1 MiB)");
    if (!valid_utf8(text)) return std::string("invalid UTF-8");
    return std::nullopt;
}

}  // namespace

std::optional<std::string> read_json_lead(const SchemaInfo& schema, std::string_view text, Lead& lead) {
    reset_lead(schema, lead);
    if (auto error = check_bytes(text)) return error;
    JsonReaderState& state = JsonReaderState::of(schema, lead);
    if (read_json_fast(schema, text, lead, state)) return std::nullopt;
    reset_lead(schema, lead);
    return read_full(schema, text, lead, state);
}

std::optional<std::string> read_json_full(const SchemaInfo& schema, std::string_view text, Lead& lead) {
    reset_lead(schema, lead);
    if (auto error = check_bytes(text)) return error;
    return read_full(schema, text, lead, JsonReaderState::of(schema, lead));
}

}  // namespace qualify
