// The JSON reader's fast path (json_reader_state.hpp): one pass over a
// record's bytes that checks the JSON grammar itself and fills the lead's
// slots as it goes, with the same conversions as the full path. It takes the
// common shape of a lead — an object of known keys with strings, numbers,
// booleans, nulls, lists of scalars and nested schema objects — and refuses
// everything else (any error, a duplicate key, an escaped key, a surrogate
// escape, deep nesting...) without a word: the full path then reads the
// record again and says what is wrong. So the rules of docs/input.md have
// one implementation, and this file only has to be right about what it accepts.
#include "grammar/utf8.hpp"
#include "interpreter/json_reader_state.hpp"
#include "interpreter/lead_convert.hpp"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qualify {
namespace {

using namespace lead_convert;
using json_lex::is_digit;
using json_lex::is_space;

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;

// High bit set in the first byte of `word` that ends a run of plain string
// bytes: '"', '\\' or a control byte below 0x20 (bits above the first match
// may be spurious; bytes of 0x80 and up are never flagged).
inline uint64_t string_stop(uint64_t word) {
    const uint64_t q = word ^ (kOnes * '"'), b = word ^ (kOnes * '\\');
    return (((q - kOnes) & ~q) | ((b - kOnes) & ~b) | ((word - kOnes * 0x20) & ~word)) & kHigh;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class FastReader {
public:
    FastReader(const SchemaInfo& schema, std::string_view text, Lead& lead, JsonReaderState& state)
        : schema_(schema), lead_(lead), state_(state), p_(text.data()), end_(text.data() + text.size()) {}

    bool read() {
        state_.form.assign(schema_.fields.size(), 0);
        state_.keys.clear();
        skip_space();
        if (!eat('{') || !object(0, true, 1)) return false;
        skip_space();
        return p_ == end_ && state_.missing_required(lead_) == nullptr;
    }

private:
    // An object's members, its '{' consumed. `level` is its key-table level
    // when `in_schema`; other objects are only checked.
    bool object(int level, bool in_schema, int depth) {
        if (depth > json_lex::kMaxDepth) return false;
        const size_t first_key = state_.keys.size();
        const uint32_t visit = state_.next_visit();
        skip_space();
        if (eat('}')) return true;
        for (;;) {
            std::string_view key;
            if (!eat('"') || !plain_key(key)) return false;
            skip_space();
            if (!eat(':')) return false;
            skip_space();
            const JsonKeyTable::Entry* entry = in_schema ? state_.table->find(level, key) : nullptr;
            if (entry) {
                if (state_.seen[entry->id] == visit) return false;
                state_.seen[entry->id] = visit;
            } else {
                for (size_t i = first_key; i < state_.keys.size(); ++i)
                    if (state_.keys[i] == key) return false;
                state_.keys.push_back(key);
            }
            if (p_ == end_) return false;
            if (entry && entry->slot >= 0) {
                if (!field(entry->slot, entry->dotted)) return false;
            } else if (entry && entry->level >= 0 && *p_ == '{') {
                ++p_;
                if (!object(entry->level, true, depth + 1)) return false;
            } else if (!skip_value(depth)) {
                return false;
            }
            skip_space();
            if (eat(',')) {
                skip_space();
                continue;
            }
            if (!eat('}')) return false;
            break;
        }
        state_.keys.resize(first_key);
        return true;
    }

    // A value outside the schema: checked, not kept. `depth` is that of
    // the container holding it.
    bool skip_value(int depth) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '"': {
                ++p_;
                std::string_view s;
                return string(s);
            }
            case '{':
                ++p_;
                return object(0, false, depth + 1);
            case '[': {
                ++p_;
                if (depth + 1 > json_lex::kMaxDepth) return false;
                skip_space();
                if (eat(']')) return true;
                for (;;) {
                    skip_space();
                    if (!skip_value(depth + 1)) return false;
                    skip_space();
                    if (eat(']')) return true;
                    if (!eat(',')) return false;
                }
            }
            case 't': return literal("true", 4);
            case 'f': return literal("false", 5);
            case 'n': return literal("null", 4);
            default: {
                std::string_view token;
                return number(token);
            }
        }
    }

    // A schema field's value, written straight into its slot (unknown
    // until then; a refused record's slots are reset by the caller). A
    // Value built in a local and copied costs a store-forwarding stall.
    bool field(int slot, bool dotted_key) {
        const auto s = static_cast<size_t>(slot);
        if (state_.form[s]) return false;
        state_.form[s] = dotted_key ? 2 : 1;
        const FieldInfo& f = schema_.fields[s];
        Value& out = lead_.slots[s];
        switch (*p_) {
            case 'n':
                return literal("null", 4);
            case '"': {
                ++p_;
                std::string_view text;
                if (!string(text) || !convert_text_into(schema_, f, text, lead_.arena, error_, out)) return false;
                break;
            }
            case '[':
                ++p_;
                return f.is_list && list(f, out);
            case '{':
                return false;
            default:
                if (f.is_list || !scalar(f, out)) return false;
        }
        if (slot == schema_.id_slot && out.kind == Value::Kind::String) lead_.id.assign(out.s);
        return true;
    }

    // A list field's array, its '[' consumed. Elements follow the rule of
    // a ';'-separated text list: trimmed, empty and unknown ones dropped.
    bool list(const FieldInfo& f, Value& out) {
        std::vector<Value>& items = lead_.arena.new_list();
        skip_space();
        if (!eat(']')) {
            for (;;) {
                skip_space();
                if (p_ == end_) return false;
                if (*p_ == '"') {
                    ++p_;
                    std::string_view s;
                    if (!string(s)) return false;
                    const std::string_view t = trim(s);
                    if (!t.empty() && !is_unknown_text(schema_, t) &&
                        !convert_scalar_into(f, t, lead_.arena, error_, items.emplace_back()))
                        return false;
                } else if (!scalar(f, items.emplace_back())) {
                    return false;
                }
                skip_space();
                if (eat(']')) break;
                if (!eat(',')) return false;
            }
        }
        out = Value::list(items.data(), static_cast<uint32_t>(items.size()));
        return true;
    }

    // A JSON number or boolean for the field's element type.
    bool scalar(const FieldInfo& f, Value& out) {
        if (*p_ == 't' || *p_ == 'f') {
            const bool b = *p_ == 't';
            if (f.type != ScalarType::Bool || !(b ? literal("true", 4) : literal("false", 5))) return false;
            out = Value::boolean(b);
            return true;
        }
        std::string_view token;
        if (!number(token)) return false;
        if (f.type == ScalarType::String) {
            // CRMs send ids as numbers: keep the number's own text.
            out = Value::string(lead_.arena.keep(token));
            return true;
        }
        return (f.type == ScalarType::Int || f.type == ScalarType::Decimal) &&
               convert_scalar_into(f, token, lead_.arena, error_, out);
    }

    bool number(std::string_view& token) {
        const char* from = p_;
        while (p_ != end_ && (is_digit(*p_) || *p_ == '-' || *p_ == '+' || *p_ == '.' || *p_ == 'e' || *p_ == 'E'))
            ++p_;
        token = std::string_view(from, static_cast<size_t>(p_ - from));
        return json_lex::is_number(token);
    }

    // Up to the next byte that ends a run of plain string bytes. Most of a
    // record's bytes are inside strings, so this loop is the reader's
    // hottest: 16 bytes a step where SSE2 is there (every x86-64), else 8.
    void scan_plain() {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
        while (end_ - p_ >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                              _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));  // v <= 0x1F
            if (const int m = _mm_movemask_epi8(stop)) {
                p_ += std::countr_zero(static_cast<unsigned>(m));
                return;
            }
            p_ += 16;
        }
#endif
        while (end_ - p_ >= 8) {
            uint64_t word;
            std::memcpy(&word, p_, 8);
            if (const uint64_t m = string_stop(word)) {
                p_ += std::countr_zero(m) >> 3;
                return;
            }
            p_ += 8;
        }
        while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
    }

    // A key, its opening quote consumed: plain bytes only (a key with
    // escapes is left to the full path).
    bool plain_key(std::string_view& key) {
        const char* from = p_;
        scan_plain();
        if (p_ == end_ || *p_ != '"') return false;
        key = std::string_view(from, static_cast<size_t>(p_ - from));
        ++p_;
        return true;
    }

    // A string value, its opening quote consumed: a view of the record's
    // bytes, or of the unescaped copy in the state when it has escapes.
    bool string(std::string_view& out) {
        const char* from = p_;
        scan_plain();
        if (p_ == end_) return false;
        if (*p_ == '"') {
            out = std::string_view(from, static_cast<size_t>(p_ - from));
            ++p_;
            return true;
        }
        std::string& copy = state_.unescaped;
        copy.assign(from, p_);
        while (p_ != end_ && *p_ == '\\') {
            if (!escape(copy)) return false;
            from = p_;
            scan_plain();
            copy.append(from, p_);
        }
        if (p_ == end_ || *p_ != '"') return false;
        ++p_;
        out = copy;
        return true;
    }

    // One escape sequence at p_ ('\\'), appended unescaped. Surrogates
    // (pairs or not) are left to the full path.
    bool escape(std::string& out) {
        if (end_ - p_ < 2) return false;
        const char c = p_[1];
        p_ += 2;
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': {
                if (end_ - p_ < 4) return false;
                unsigned cp = 0;
                for (int i = 0; i < 4; ++i) {
                    const int d = hex_digit(p_[i]);
                    if (d < 0) return false;
                    cp = cp * 16 + static_cast<unsigned>(d);
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) return false;
                p_ += 4;
                append_utf8(out, cp);
                return true;
            }
            default: return false;
        }
    }

    bool literal(const char* word, size_t n) {
        if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
        p_ += n;
        return true;
    }
    bool eat(char c) {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    void skip_space() {
        while (p_ != end_ && is_space(*p_)) ++p_;
    }

    const SchemaInfo& schema_;
    Lead& lead_;
    JsonReaderState& state_;
    const char* p_;
    const char* const end_;
    std::string error_;  // convert_*'s message, unused: the full path words errors
};

}  // namespace

bool read_json_fast(const SchemaInfo& schema, std::string_view text, Lead& lead, JsonReaderState& state) {
    return FastReader(schema, text, lead, state).read();
}

}  // namespace qualify
