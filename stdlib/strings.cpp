// String built-ins: lower, upper, email_domain.
#include "builtins.hpp"

#include <string>

namespace qualify {
namespace {

Type string_result(std::span<const Type>) { return Type::of(Type::Kind::String); }
// email_domain is unknown for text without '@', whatever its input.
Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }

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

Value email_domain(const Value* a, CallContext& ctx) {
    auto at = a[0].s.rfind('@');
    if (at == std::string_view::npos) return Value::unknown();
    std::string_view domain = a[0].s.substr(at + 1);
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
    out.push_back({"email_domain", {{"email", K::String}}, optional_string_result, email_domain, true,
                   "the lower-cased part after the last '@'; unknown without '@'"});
}

}  // namespace qualify
