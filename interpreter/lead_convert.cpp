// The one set of text-to-type rules shared by CSV cells and JSON strings
// (convert_text in lead.hpp), and the wording of field errors.
#include "interpreter/lead_convert.hpp"

#include "interpreter/date.hpp"

#include <simdjson.h>

#include <cstring>
#include <vector>

namespace qualify {
namespace lead_convert {
namespace {

constexpr size_t kExcerpt = 40;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// [+-]digits[.digits][(e|E)[+-]digits]: the shape Decimal::parse accepts, so
// that a failed parse of such text can be reported as out of range.
bool numeric_shape(std::string_view t) {
    size_t i = 0;
    auto sign = [&] { if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i; };
    auto digits = [&] { const size_t from = i; while (i < t.size() && is_digit(t[i])) ++i; return i > from; };
    sign();
    if (!digits()) return false;
    if (i < t.size() && t[i] == '.') { ++i; if (!digits()) return false; }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) { ++i; sign(); if (!digits()) return false; }
    return i == t.size();
}

// A short, printable excerpt: control bytes and quotes escaped, cut at a
// UTF-8 character boundary.
std::string excerpt(std::string_view v) {
    std::string out;
    size_t end = v.size();
    bool cut = false;
    if (end > kExcerpt) {
        end = kExcerpt;
        while (end > 0 && (static_cast<unsigned char>(v[end]) & 0xC0) == 0x80) --end;
        cut = true;
    }
    for (size_t i = 0; i < end; ++i) {
        const char c = v[i];
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
    return "\"" + out + (cut ? "...\"" : "\"");
}

// The common shape of numbers in leads, -?(0|[1-9][0-9]{0,17})(.[0-9]{1,18})?,
// read straight into Decimal's raw value; exact, so it agrees with
// Decimal::parse on every text it accepts. Anything else (exponents, '+',
// leading zeros, long digit strings) returns false and takes the full parse.
struct PlainNumber {
    Decimal value;
    bool integral = false;  // no fraction, or only zeros after the point
};

bool plain_number(std::string_view t, PlainNumber& out) {
    static constexpr uint64_t kPow10[19] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
                                            10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
                                            100000000000ULL, 1000000000000ULL, 10000000000000ULL,
                                            100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
                                            100000000000000000ULL, 1000000000000000000ULL};
    const char* p = t.data();
    const char* const end = p + t.size();
    const bool negative = p != end && *p == '-';
    if (negative) ++p;
    const char* const int_from = p;
    uint64_t int_part = 0;
    while (p != end && is_digit(*p)) int_part = int_part * 10 + static_cast<uint64_t>(*p++ - '0');
    const size_t int_digits = static_cast<size_t>(p - int_from);
    if (int_digits == 0 || int_digits > 18 || (int_digits > 1 && *int_from == '0')) return false;
    uint64_t fraction = 0;
    if (p != end) {
        if (*p != '.') return false;
        const char* const frac_from = ++p;
        while (p != end && is_digit(*p)) fraction = fraction * 10 + static_cast<uint64_t>(*p++ - '0');
        const size_t frac_digits = static_cast<size_t>(p - frac_from);
        if (p != end || frac_digits == 0 || frac_digits > 18) return false;
        fraction *= kPow10[18 - frac_digits];
    }
    const int128 raw = static_cast<int128>(int_part) * Decimal::kScale + static_cast<int128>(fraction);
    out.value = Decimal::from_raw(negative ? -raw : raw);
    out.integral = fraction == 0;
    return true;
}

bool convert_int(std::string_view text, const FieldInfo& field, std::string& error, Value& out) {
    if (PlainNumber n; plain_number(text, n)) {
        if (n.integral) {
            out = Value::number(n.value);  // at most 18 digits: fits int64
            return true;
        }
        error = field_error(field, "expected an integer", text);
        return false;
    }
    const auto d = Decimal::parse(text);
    if (!d) {
        error = field_error(field, numeric_shape(text) ? "integer out of range"
                                       : "expected an integer",
                            text);
        return false;
    }
    if (!d->is_integer()) {
        error = field_error(field, "expected an integer", text);
        return false;
    }
    if (!d->to_int64()) {
        error = field_error(field, "integer out of range", text);
        return false;
    }
    out = Value::number(*d);
    return true;
}

}  // namespace

bool is_unknown_text(const SchemaInfo& schema, std::string_view raw) {
    for (const std::string& u : schema.unknown_values)
        if (u == raw) return true;
    return false;
}

std::string_view trim(std::string_view t) {
    while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
    while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
    return t;
}

std::string expected(const FieldInfo& field) {
    switch (field.type) {
        case ScalarType::String: return "a string";
        case ScalarType::Int: return "an integer";
        case ScalarType::Decimal: return "a decimal number";
        case ScalarType::Bool: return "a bool (yes/no/true/false/1/0)";
        case ScalarType::Date: return "a date (YYYY-MM-DD)";
        case ScalarType::Enum: {
            std::string s = "one of ";
            for (size_t i = 0; i < field.enum_values.size(); ++i) s += (i ? ", " : "") + field.enum_values[i];
            return s;
        }
    }
    return "a value";
}

bool valid_utf8(std::string_view text) {
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        high |= word;
    }
    for (; i < text.size(); ++i) high |= static_cast<unsigned char>(text[i]);
    return (high & 0x8080808080808080ULL) == 0 || simdjson::validate_utf8(text.data(), text.size());
}

std::string field_error(const FieldInfo& field, std::string_view rule, std::string_view value) {
    return "field `" + field.name + "`: " + std::string(rule) + ", got " +
           (field.pii ? std::string("<redacted>") : excerpt(value));
}

std::string field_error_shape(const FieldInfo& field, std::string_view rule, std::string_view what) {
    return "field `" + field.name + "`: " + std::string(rule) + ", got " + std::string(what);
}

bool convert_scalar_into(const FieldInfo& field, std::string_view text, Arena& arena, std::string& error,
                         Value& out) {
    switch (field.type) {
        case ScalarType::String:
            out = Value::string(arena.keep(text));
            return true;
        case ScalarType::Int:
            return convert_int(text, field, error, out);
        case ScalarType::Decimal: {
            if (PlainNumber n; plain_number(text, n)) {
                out = Value::number(n.value);
                return true;
            }
            if (auto d = Decimal::parse(text)) {
                out = Value::number(*d);
                return true;
            }
            error = field_error(field, numeric_shape(text) ? "number out of range for a decimal" : "expected a decimal number",
                                text);
            return false;
        }
        case ScalarType::Bool:
            for (const char* yes : {"yes", "true", "1"})
                if (iequals(text, yes)) {
                    out = Value::boolean(true);
                    return true;
                }
            for (const char* no : {"no", "false", "0"})
                if (iequals(text, no)) {
                    out = Value::boolean(false);
                    return true;
                }
            break;
        case ScalarType::Date:
            if (auto days = parse_iso_date(text)) {
                out = Value::date(*days);
                return true;
            }
            break;
        case ScalarType::Enum:
            for (size_t i = 0; i < field.enum_values.size(); ++i)
                if (field.enum_values[i] == text) {
                    out = Value::enumv(static_cast<int32_t>(i));
                    return true;
                }
            break;
    }
    error = field_error(field, "expected " + expected(field), text);
    return false;
}

}  // namespace lead_convert

bool convert_text_into(const SchemaInfo& schema, const FieldInfo& field, std::string_view raw, Arena& arena,
                       std::string& error, Value& out) {
    using namespace lead_convert;
    if (raw.empty() || is_unknown_text(schema, raw)) {
        out = Value::unknown();
        return true;
    }
    if (field.is_list) {
        // Elements are trimmed; empty elements and elements that are unknown
        // values are dropped, so "a; ;b" and "a;N/A;b" both read as [a, b].
        std::vector<Value>& items = arena.new_list();
        size_t start = 0;
        while (start <= raw.size()) {
            size_t end = raw.find(';', start);
            if (end == std::string_view::npos) end = raw.size();
            const std::string_view piece = trim(raw.substr(start, end - start));
            start = end + 1;
            if (piece.empty() || is_unknown_text(schema, piece)) continue;
            if (!convert_scalar_into(field, piece, arena, error, items.emplace_back())) return false;
        }
        out = Value::list(items.data(), static_cast<uint32_t>(items.size()));
        return true;
    }
    if (field.type == ScalarType::String) {
        out = Value::string(arena.keep(raw));
        return true;
    }
    const std::string_view text = trim(raw);
    if (text.empty()) {
        out = Value::unknown();
        return true;
    }
    return convert_scalar_into(field, text, arena, error, out);
}

std::optional<Value> convert_text(const SchemaInfo& schema, const FieldInfo& field, std::string_view raw,
                                  Arena& arena, std::string& error) {
    Value v;
    if (!convert_text_into(schema, field, raw, arena, error, v)) return std::nullopt;
    return v;
}

}  // namespace qualify
