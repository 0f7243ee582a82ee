// String built-ins: lower, upper, trim, length, contains, starts_with,
// ends_with, split, replace, email_domain. Comparisons are byte-wise and
// case-sensitive, like `==` on strings.
#include "builtins.hpp"

#include <cstring>
#include <string>

namespace qualify {
namespace {

Type string_result(std::span<const Type>) { return Type::of(Type::Kind::String); }
// email_domain is unknown for text without '@', whatever its input.
Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }
Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }
Type bool_result(std::span<const Type>) { return Type::of(Type::Kind::Bool); }
Type string_list_result(std::span<const Type>) { return Type::collection(Type::Kind::List, Type::Kind::String); }

// ASCII case mapping: rulebook comparisons are byte-wise, and ASCII-only
// mapping keeps them identical on every platform and locale.
std::string map_ascii(std::string_view s, bool to_upper) {
    std::string out(s);
    for (char& c : out) {
        if (to_upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!to_upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

Value lower(const Value* a, CallContext& ctx) { return Value::string(ctx.arena.keep(map_ascii(a[0].s, false))); }
Value upper(const Value* a, CallContext& ctx) { return Value::string(ctx.arena.keep(map_ascii(a[0].s, true))); }

// ASCII whitespace only, for the same reason as the case mapping; CRM
// exports pad with spaces, tabs and line ends.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

Value trim(const Value* a, CallContext&) {
    std::string_view s = a[0].s;
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return Value::string(s);  // a view into the argument, which outlives the call
}

// Code points, not bytes: lead text is valid UTF-8 (the readers check), so
// counting the bytes that do not continue a sequence counts characters.
Value length(const Value* a, CallContext&) {
    int64_t n = 0;
    for (char c : a[0].s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return Value::number(Decimal::from_int(n));
}

Value contains(const Value* a, CallContext&) { return Value::boolean(a[0].s.find(a[1].s) != std::string_view::npos); }
Value starts_with(const Value* a, CallContext&) { return Value::boolean(a[0].s.starts_with(a[1].s)); }
Value ends_with(const Value* a, CallContext&) { return Value::boolean(a[0].s.ends_with(a[1].s)); }

// Pieces are views into s; empty pieces are kept ("a,,b" has three). An
// empty separator does not split: the list holds s alone.
Value split(const Value* a, CallContext& ctx) {
    std::string_view s = a[0].s, sep = a[1].s;
    std::vector<Value>& items = ctx.arena.new_list();
    if (sep.empty()) {
        items.push_back(Value::string(s));
    } else {
        for (size_t start = 0;;) {
            size_t at = s.find(sep, start);
            if (at == std::string_view::npos) {
                items.push_back(Value::string(s.substr(start)));
                break;
            }
            items.push_back(Value::string(s.substr(start, at - start)));
            start = at + sep.size();
        }
    }
    return Value::list(items.data(), static_cast<uint32_t>(items.size()));
}

// Every non-overlapping occurrence, left to right; an empty `from` changes nothing.
Value replace(const Value* a, CallContext& ctx) {
    std::string_view s = a[0].s, from = a[1].s, to = a[2].s;
    if (from.empty() || s.find(from) == std::string_view::npos) return Value::string(s);
    std::string out;
    for (size_t start = 0;;) {
        size_t at = s.find(from, start);
        if (at == std::string_view::npos) {
            out.append(s.substr(start));
            break;
        }
        out.append(s.substr(start, at - start)).append(to);
        start = at + from.size();
    }
    return Value::string(ctx.arena.keep(out));
}

Value email_domain(const Value* a, CallContext& ctx) {
    // memrchr (glibc) looks at a word at a time, rfind at a byte: every
    // lead of a rulebook that reads its email's domain comes through here.
    const std::string_view email = a[0].s;
    const auto* at = static_cast<const char*>(memrchr(email.data(), '@', email.size()));
    if (!at) return Value::unknown();
    std::string_view domain = email.substr(static_cast<size_t>(at - email.data()) + 1);
    // Most domains are already lower case: then the view into the lead will do.
    for (char c : domain)
        if (c >= 'A' && c <= 'Z') return Value::string(ctx.arena.keep(map_ascii(domain, false)));
    return Value::string(domain);
}

}  // namespace

void add_string_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"lower", {{"s", K::String}}, string_result, lower, true, "s in lower case (ASCII letters)"});
    out.push_back({"upper", {{"s", K::String}}, string_result, upper, true, "s in upper case (ASCII letters)"});
    out.push_back({"trim", {{"s", K::String}}, string_result, trim, true,
                   "s without leading and trailing ASCII whitespace"});
    out.push_back({"length", {{"s", K::String}}, int_result, length, true, "the number of characters (code points) of s"});
    out.push_back({"contains", {{"s", K::String}, {"part", K::String}}, bool_result, contains, true,
                   "whether part occurs in s (case-sensitive)"});
    out.push_back({"starts_with", {{"s", K::String}, {"prefix", K::String}}, bool_result, starts_with, true,
                   "whether s begins with prefix (case-sensitive)"});
    out.push_back({"ends_with", {{"s", K::String}, {"suffix", K::String}}, bool_result, ends_with, true,
                   "whether s ends with suffix (case-sensitive)"});
    out.push_back({"split", {{"s", K::String}, {"sep", K::String}}, string_list_result, split, true,
                   "the pieces of s between occurrences of sep, empty ones included"});
    out.push_back({"replace", {{"s", K::String}, {"from", K::String}, {"to", K::String}}, string_result, replace, true,
                   "s with every occurrence of from replaced by to"});
    out.push_back({"email_domain", {{"email", K::String}}, optional_string_result, email_domain, true,
                   "the lower-cased part after the last '@'; unknown without '@'"});
}

}  // namespace qualify
