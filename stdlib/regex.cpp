// Regular-expression built-ins: extract. Patterns are string literals the
// checker compiles once (ParamKind::Pattern); an invalid one is Q107.
#include "builtins.hpp"

#include <re2/re2.h>

#include <string>
#include <vector>

namespace qualify {
namespace {

Type optional_string_result(std::span<const Type>) { return Type::of(Type::Kind::String, true); }

// extract(s, pattern, group): the text of capture group `group` (0 = the
// whole match) of the first match in s. No match, or a group that took no
// part in it, is unknown: the lead lacks the datum. A group the pattern does
// not have is a mistake in the rulebook, so it is a runtime error (an error
// decision naming the rule), not a silent unknown.
Value extract(const Value* a, CallContext& ctx) {
    const re2::RE2& re = *ctx.patterns[static_cast<size_t>(*a[1].n.to_int64())];
    auto group = a[2].n.to_int64();
    int groups = re.NumberOfCapturingGroups();
    if (!group || *group < 0 || *group > groups)
        throw ArithmeticError("extract: group " + a[2].n.to_string() + " is not 0.." + std::to_string(groups) +
                              " of its pattern");
    auto n = static_cast<int>(*group) + 1;
    std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
    re2::StringPiece text(a[0].s.data(), a[0].s.size());
    if (!re.Match(text, 0, text.size(), re2::RE2::UNANCHORED, sub.data(), n)) return Value::unknown();
    const re2::StringPiece& g = sub.back();
    if (g.data() == nullptr) return Value::unknown();
    return Value::string(std::string_view(g.data(), g.size()));  // a view into s
}

}  // namespace

void add_regex_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"extract", {{"s", K::String}, {"pattern", K::Pattern}, {"group", K::Number}}, optional_string_result,
                   extract, true,
                   "capture group `group` (0: the whole match) of the first match of pattern in s; unknown without a match"});
}

}  // namespace qualify
