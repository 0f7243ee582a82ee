// Checks expressions: resolves every name (field, let, enum value, model,
// built-in), types every node against the schema, builds constant sets and
// compiles regexes, so nothing is looked up by spelling at run time.
#include "checker_state.hpp"

#include "date.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/date_format.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace qualify::check_detail {

namespace {

using K = Type::Kind;

Type field_type(const FieldInfo& f) {
    K k = K::String;
    switch (f.type) {
        case ScalarType::Int: k = K::Int; break;
        case ScalarType::Decimal: k = K::Decimal; break;
        case ScalarType::Bool: k = K::Bool; break;
        case ScalarType::Date: k = K::Date; break;
        case ScalarType::Enum: k = K::Enum; break;
        case ScalarType::String: k = K::String; break;
    }
    if (f.is_list) return Type::collection(K::List, k, f.enum_id, f.optional);
    Type t = Type::of(k, f.optional);
    t.enum_id = f.enum_id;
    return t;
}

// The element type of a list or set, as a scalar type.
Type element_of(const Type& t) {
    Type e = Type::of(t.element);
    e.enum_id = t.enum_id;
    return e;
}

bool is_comparison(const std::string& op) {
    return op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
}

}  // namespace

std::string join(const std::vector<std::string>& path, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        if (i) out += sep;
        out += path[i];
    }
    return out;
}

Type Checker::record(ast::Expr& e, Type t) {
    e.type_id = static_cast<int>(p_.types.size());
    p_.types.push_back(t);
    return t;
}

int Checker::add_constant(const Value& v) {
    p_.constants.push_back(v);
    return static_cast<int>(p_.constants.size() - 1);
}

Type Checker::condition(ast::Expr& e, Phase phase, std::string_view what) {
    Type t = expr(e, phase);
    if (!t.invalid() && t.kind != K::Bool)
        error(DiagnosticCode::Q103, e.span,
              std::string(what) + " must be true or false, but this is " + type_name(t, p_.enums),
              "write a comparison such as `x >= 10`, or a bool field");
    return t;
}

std::vector<std::string> Checker::visible_names() const {
    std::vector<std::string> out;
    for (const auto& f : p_.schema.fields) out.push_back(f.name);
    for (const auto& [name, _] : lets_) out.push_back(name);
    for (const auto& m : model_names_) out.push_back(m);
    return out;
}

// A single-segment name that is not a field, let, model or built-in name:
// beside an enum operand it is one of the enum's values.
bool Checker::free_name(const ast::Expr& e) const {
    if (e.kind != ast::Expr::Kind::Name || e.path.size() != 1) return false;
    const std::string& n = e.path[0];
    static const char* builtin_names[] = {"rules", "points", "known_share", "score", "confidence", "motion"};
    for (const char* b : builtin_names)
        if (n == b) return false;
    return p_.schema.find(n) < 0 && !lets_.count(n) && !model_names_.count(n);
}

Type Checker::name(ast::Expr& e, Phase phase, int expect_enum) {
    const std::string dotted = join(e.path);
    if (e.path.size() == 1)
        for (auto it = bound_.rbegin(); it != bound_.rend(); ++it)
            if (it->name == e.path[0]) {
                e.resolved = {ast::Resolved::Kind::Local, it->slot, -1};
                return record(e, it->type);
            }
    // A bare keyword (`score`, `confidence`, `motion`) is never a field: a
    // field with such a name is reached as `lead.score`.
    static const std::set<std::string> keywords = {"score", "confidence", "motion"};
    int slot = keywords.count(dotted) ? -1 : p_.schema.resolve(dotted);
    if (slot >= 0) {
        e.resolved = {ast::Resolved::Kind::Field, slot, -1};
        reads_lead_ = true;
        if (p_.schema.fields[slot].pii) reads_pii_ = true;
        return record(e, field_type(p_.schema.fields[slot]));
    }
    if (e.path.size() == 2) {
        if (auto it = tables_.find(e.path[0]); it != tables_.end()) {
            const auto& outputs = it->second.table->outputs;
            for (size_t o = 0; o < outputs.size(); ++o)
                if (outputs[o] == e.path[1]) return table_output(e, it->second, o);
            std::string guess = closest_name(e.path[1], outputs);
            error(DiagnosticCode::Q101, e.span, "table `" + e.path[0] + "` has no output `" + e.path[1] + "`",
                  guess.empty() ? "its outputs are: " + join(outputs, ", ") : "did you mean `" + guess + "`?");
            return record(e, Type{});
        }
    }
    if (e.path.size() == 1) {
        const std::string& n = e.path[0];
        if (expect_enum >= 0) {
            int pos = p_.enums[expect_enum].find(n);
            if (pos >= 0) {
                e.resolved = {ast::Resolved::Kind::EnumValue, pos, expect_enum};
                return record(e, Type::enumeration(expect_enum));
            }
        }
        if (auto it = lets_.find(n); it != lets_.end()) {
            Type t = let_type(it->second);
            if (it->second.reads_pii) reads_pii_ = true;
            if (it->second.reads_lead) {
                reads_lead_ = true;
                e.resolved = {ast::Resolved::Kind::Derived, it->second.derived, -1};
            } else {
                e.resolved = {ast::Resolved::Kind::Constant, it->second.constant, -1};
            }
            return record(e, t);
        }
        if (model_names_.count(n)) {
            if (phase != Phase::Score && phase != Phase::Confidence && phase != Phase::Late) {
                error(DiagnosticCode::Q124, e.span, "model `" + n + "` cannot be read here",
                      "a model's probability is available in `score =`, `confidence =`, escalations and routes");
                return record(e, Type{});
            }
            for (size_t i = 0; i < p_.models.size(); ++i)
                if (p_.models[i].name == n) e.resolved = {ast::Resolved::Kind::Model, static_cast<int>(i), -1};
            return record(e, Type::of(K::Decimal));
        }
        struct Special { const char* name; BuiltinName id; K kind; int min_phase; };
        // min_phase: 0 = score and later, 1 = confidence and later, 2 = escalations and routes.
        static const Special specials[] = {
            {"rules", BuiltinName::Rules, K::Decimal, 0},      {"points", BuiltinName::Points, K::Decimal, 0},
            {"known_share", BuiltinName::KnownShare, K::Decimal, 0},
            {"score", BuiltinName::Score, K::Decimal, 1},      {"confidence", BuiltinName::Confidence, K::Decimal, 2},
            {"motion", BuiltinName::Motion, K::Enum, 2},
        };
        for (const auto& s : specials) {
            if (n != s.name) continue;
            int phase_rank = phase == Phase::Score ? 0 : phase == Phase::Confidence ? 1 : phase == Phase::Late ? 2 : -1;
            if (phase_rank < s.min_phase) {
                error(DiagnosticCode::Q124, e.span, "`" + n + "` is not computed yet at this point",
                      "decision order: disqualifiers, motion, criteria, models, score, confidence, escalations, "
                      "routes; `rules`, `points` and `known_share` are readable from `score =` on, `score` from "
                      "`confidence =` on, `confidence` and `motion` in escalations and routes");
                return record(e, Type{});
            }
            e.resolved = {ast::Resolved::Kind::Builtin, static_cast<int>(s.id), -1};
            if (s.kind == K::Enum) return record(e, Type::enumeration(p_.motion_enum));
            return record(e, Type::of(s.kind));
        }
    }
    if (expect_enum >= 0 && e.path.size() == 1) {
        const auto& en = p_.enums[expect_enum];
        std::string guess = closest_name(e.path[0], en.values);
        error(DiagnosticCode::Q104, e.span, "`" + e.path[0] + "` is not a value of `" + en.name + "`",
              guess.empty() ? "its values are: " + join(en.values, ", ") : "did you mean `" + guess + "`?");
        return record(e, Type{});
    }
    std::string guess = closest_name(dotted, visible_names());
    bool looks_like_field = e.path.size() > 1;
    std::string help = guess.empty() ? (looks_like_field ? "declare it in the schema" : "declare it with `let " + dotted + " = …`, or in the schema")
                                     : "did you mean `" + guess + "`?";
    for (const auto& en : p_.enums)
        if (e.path.size() == 1 && en.find(e.path[0]) >= 0 && guess.empty())
            help = "`" + e.path[0] + "` is a value of `" + en.name + "`: compare it with that field, e.g. `" +
                   en.name + " == " + e.path[0] + "`";
    error(looks_like_field ? DiagnosticCode::Q102 : DiagnosticCode::Q101, e.span,
          std::string(looks_like_field ? "unknown field `" : "unknown name `") + dotted + "`", help);
    return record(e, Type{});
}

Type Checker::literal_type(ast::Expr& e, int expect_enum) {
    switch (e.kind) {
        case ast::Expr::Kind::Number: {
            auto d = Decimal::parse(e.text);
            if (!d) {
                error(DiagnosticCode::Q003, e.span, "number `" + e.text + "` is out of range",
                      "decimals hold up to about 1.7e20 with 18 places");
                return record(e, Type{});
            }
            e.resolved = {ast::Resolved::Kind::Folded, add_constant(Value::number(*d)), -1};
            return record(e, Type::of(e.text.find('.') == std::string::npos ? K::Int : K::Decimal));
        }
        case ast::Expr::Kind::String:
            e.resolved = {ast::Resolved::Kind::Folded, add_constant(Value::string(p_.constant_storage.keep(e.text))), -1};
            if (expect_enum >= 0) {
                const auto& en = p_.enums[expect_enum];
                error(DiagnosticCode::Q117, e.span, "a string is compared with a value of enum `" + en.name + "`",
                      en.find(e.text) >= 0 ? "write `" + e.text + "` without quotes: enum values are bare names"
                                           : "enum values are bare names; `" + en.name + "` has: " + join(en.values, ", "));
                return record(e, Type{});
            }
            return record(e, Type::of(K::String));
        case ast::Expr::Kind::Bool:
            e.resolved = {ast::Resolved::Kind::Folded, add_constant(Value::boolean(e.text == "true")), -1};
            return record(e, Type::of(K::Bool));
        default:
            return record(e, Type{});
    }
}

Type Checker::expr(ast::Expr& e, Phase phase, int expect_enum) {
    using EK = ast::Expr::Kind;
    switch (e.kind) {
        case EK::Number:
        case EK::String:
        case EK::Bool:
            return literal_type(e, expect_enum);
        case EK::Null:
            if (phase != Phase::Test) {
                error(DiagnosticCode::Q103, e.span, "`null` is only for test inputs",
                      "to test for a missing value use `known(x)`; to default one use `x ?? value`");
                return record(e, Type{});
            }
            return record(e, Type::of(K::Null, true));
        case EK::Name:
            return name(e, phase, expect_enum);
        case EK::Set:
            return set_literal(e, phase, expect_enum >= 0 ? Type::enumeration(expect_enum) : Type{});
        case EK::List: {
            if (phase != Phase::Test) {
                error(DiagnosticCode::Q103, e.span, "a list literal is only for test inputs",
                      "write a set `{a, b}` to compare against");
                return record(e, Type{});
            }
            Type el;
            for (auto& a : e.args) {
                Type t = expr(*a, phase, expect_enum);
                if (el.invalid()) el = t;
            }
            return record(e, Type::collection(K::List, el.kind, el.enum_id));
        }
        case EK::Unary: {
            Type t = expr(*e.args[0], phase);
            if (t.invalid()) return record(e, t);
            if (e.text == "not") {
                if (t.kind != K::Bool) {
                    error(DiagnosticCode::Q103, e.span, "`not` needs true or false, got " + type_name(t, p_.enums));
                    return record(e, Type{});
                }
                return record(e, Type::of(K::Bool, t.optional));
            }
            if (!t.numeric()) {
                error(DiagnosticCode::Q103, e.span, "unary `-` needs a number, got " + type_name(t, p_.enums));
                return record(e, Type{});
            }
            return record(e, t);
        }
        case EK::Binary:
            return binary(e, phase);
        case EK::Call:
            return call(e, phase);
        case EK::Range:
            error(DiagnosticCode::Q103, e.span, "a range `a..b` is only allowed as a match arm or a named argument",
                  "e.g. `proximity(x, ideal: 200..2000, zero: 10..20000)`");
            return record(e, Type{});
        case EK::If: {
            Type c = condition(*e.args[0], phase, "the condition of `if`");
            Type a = expr(*e.args[1], phase, expect_enum);
            int ctx = a.kind == K::Enum ? a.enum_id : expect_enum;
            Type b = expr(*e.args[2], phase, ctx);
            if (a.invalid() || b.invalid() || c.invalid()) return record(e, Type{});
            if (!comparable(a, b) || !a.scalar()) {
                error(DiagnosticCode::Q103, e.span,
                      "the branches of `if` differ: " + type_name(a, p_.enums) + " and " + type_name(b, p_.enums),
                      "both branches must give the same type");
                return record(e, Type{});
            }
            Type r = a.numeric() && (a.kind == K::Decimal || b.kind == K::Decimal) ? Type::of(K::Decimal) : a;
            r.optional = a.optional || b.optional || c.optional;
            return record(e, r);
        }
        case EK::Match:
            return match(e, phase);
        case EK::Quantifier:
            return quantifier(e, phase);
    }
    return record(e, Type{});
}

Type Checker::binary(ast::Expr& e, Phase phase) {
    const std::string& op = e.text;
    if (is_comparison(op)) return comparison(e, phase);
    if (op == "in" || op == "not in") return membership(e, phase);
    ast::Expr& l = *e.args[0];
    ast::Expr& r = *e.args[1];
    if (op == "and" || op == "or") {
        Type a = condition(l, phase, "each side of `" + op + "`");
        Type b = condition(r, phase, "each side of `" + op + "`");
        if (a.invalid() || b.invalid()) return record(e, Type{});
        return record(e, Type::of(K::Bool, a.optional || b.optional));
    }
    if (op == "matches") {
        Type a = expr(l, phase);
        if (r.kind != ast::Expr::Kind::String) {
            record(r, Type{});
            error(DiagnosticCode::Q107, r.span, "`matches` needs a pattern written as a string literal",
                  "write the pattern inline, e.g. `domain matches r\"\\.edu$\"`");
            return record(e, Type{});
        }
        expr(r, phase);
        if (!a.invalid() && a.kind != K::String) {
            error(DiagnosticCode::Q103, l.span, "`matches` needs a string on its left, got " + type_name(a, p_.enums));
            return record(e, Type{});
        }
        auto re = std::make_unique<re2::RE2>(r.text, re2::RE2::Quiet);
        if (!re->ok()) {
            error(DiagnosticCode::Q107, r.span, "invalid regular expression: " + re->error(),
                  "patterns are RE2 syntax (no backreferences or lookaround); raw strings r\"…\" avoid double escaping");
            return record(e, Type{});
        }
        e.resolved = {ast::Resolved::Kind::Regex, static_cast<int>(p_.regexes.size()), -1};
        p_.regexes.push_back(std::move(re));
        return record(e, Type::of(K::Bool, a.optional));
    }
    if (op == "??") {
        Type a = expr(l, phase);
        Type b = expr(r, phase, a.kind == K::Enum ? a.enum_id : -1);
        if (a.invalid() || b.invalid()) return record(e, Type{});
        if (!comparable(a, b) && !(a.kind == b.kind && !a.scalar())) {
            error(DiagnosticCode::Q103, e.span,
                  "`??` gives a default of another type: " + type_name(a, p_.enums) + " ?? " + type_name(b, p_.enums),
                  "the default must have the type of the value it stands in for");
            return record(e, Type{});
        }
        Type t = a.numeric() && (a.kind == K::Decimal || b.kind == K::Decimal) ? Type::of(K::Decimal) : a;
        t.optional = b.optional;
        return record(e, t);
    }
    if (op == "&" || op == "|") return set_operation(e, phase);
    // Arithmetic, or set difference when `-` has a collection on its left.
    Type a = expr(l, phase);
    if (op == "-" && (a.kind == K::List || a.kind == K::Set)) return set_operation(e, phase);
    Type b = expr(r, phase);
    if (a.invalid() || b.invalid()) return record(e, Type{});
    if (!a.numeric() || !b.numeric()) {
        error(DiagnosticCode::Q103, e.span,
              "`" + op + "` needs numbers, got " + type_name(a, p_.enums) + " and " + type_name(b, p_.enums));
        return record(e, Type{});
    }
    bool integral = a.kind == K::Int && b.kind == K::Int && op != "/";
    return record(e, Type::of(integral ? K::Int : K::Decimal, a.optional || b.optional));
}

// `&` (intersection), `|` (union) and `-` (difference) of two lists or sets
// of one element type. The result is a set: distinct elements, in the order
// of the left operand, then (for `|`) the right one's new elements.
Type Checker::set_operation(ast::Expr& e, Phase phase) {
    const std::string& op = e.text;
    ast::Expr& l = *e.args[0];
    ast::Expr& r = *e.args[1];
    // `-` has typed its left side already (to tell difference from arithmetic).
    Type a = op == "-" ? p_.types[static_cast<size_t>(l.type_id)] : expr(l, phase);
    Type b = expr(r, phase, a.kind == K::List || a.kind == K::Set ? (a.element == K::Enum ? a.enum_id : -1) : -1);
    if (a.invalid() || b.invalid()) return record(e, Type{});
    bool ok = (a.kind == K::List || a.kind == K::Set) && (b.kind == K::List || b.kind == K::Set) &&
              comparable(element_of(a), element_of(b));
    if (!ok) {
        static const char* verbs[] = {"intersects", "unites", "subtracts"};
        const char* verb = verbs[op == "&" ? 0 : op == "|" ? 1 : 2];
        error(DiagnosticCode::Q103, e.span,
              "`" + op + "` " + verb + " two lists or sets of one element type, got " + type_name(a, p_.enums) +
                  " and " + type_name(b, p_.enums));
        return record(e, Type{});
    }
    // int and decimal elements mix; the union of both holds decimals.
    K element = a.element;
    if (op == "|" && a.element != b.element && (a.element == K::Decimal || b.element == K::Decimal)) element = K::Decimal;
    return record(e, Type::collection(K::Set, element, a.enum_id, a.optional || b.optional));
}

// `any x in LIST: COND` / `all x in LIST: COND`: x is bound, in COND only, to
// each element in turn (its type is the element type, never unknown). The
// name must not hide a field, a let, a model or an enclosing variable.
Type Checker::quantifier(ast::Expr& e, Phase phase) {
    const std::string& var = e.path[0];
    Type list = expr(*e.args[0], phase);
    bool hides = p_.schema.find(var) >= 0 || lets_.count(var) || model_names_.count(var);
    for (const auto& b : bound_) hides = hides || b.name == var;
    if (hides) {
        error(DiagnosticCode::Q105, e.span, "the variable `" + var + "` of `" + e.text + "` hides another name",
              "pick a name that is not a field, a let, a model or an enclosing variable");
        record(*e.args[1], Type{});
        return record(e, Type{});
    }
    if (!list.invalid() && list.kind != K::List && list.kind != K::Set) {
        error(DiagnosticCode::Q103, e.args[0]->span,
              "`" + e.text + "` ranges over a list or a set, got " + type_name(list, p_.enums),
              "write `" + e.text + " x in company.tech_stack: …`");
        list = Type{};
    }
    int slot = p_.local_count++;
    e.resolved = {ast::Resolved::Kind::None, slot, -1};
    bound_.push_back({var, slot, list.invalid() ? Type{} : element_of(list)});
    Type c = condition(*e.args[1], phase, "the condition of `" + e.text + "`");
    bound_.pop_back();
    if (list.invalid() || c.invalid() || c.kind != K::Bool) return record(e, Type{});
    return record(e, Type::of(K::Bool, list.optional || c.optional));
}

Type Checker::comparison(ast::Expr& e, Phase phase) {
    ast::Expr& l = *e.args[0];
    ast::Expr& r = *e.args[1];
    Type a, b;
    // A bare enum value may stand on either side: type the other side first.
    if (free_name(l) && !free_name(r)) {
        b = expr(r, phase);
        a = expr(l, phase, b.kind == K::Enum ? b.enum_id : -1);
    } else {
        a = expr(l, phase);
        b = expr(r, phase, a.kind == K::Enum ? a.enum_id : -1);
    }
    if (a.invalid() || b.invalid()) return record(e, Type{});
    if ((a.kind == K::String && b.kind == K::Enum) || (a.kind == K::Enum && b.kind == K::String)) {
        error(DiagnosticCode::Q117, e.span, "a string is compared with an enum value",
              "enum values are bare names: write `source == partner`, not `source == \"partner\"`");
        return record(e, Type{});
    }
    if (!comparable(a, b) || !a.scalar() || !b.scalar()) {
        error(DiagnosticCode::Q103, e.span,
              "cannot compare " + type_name(a, p_.enums) + " with " + type_name(b, p_.enums),
              "both sides must have the same type (int and decimal mix freely)");
        return record(e, Type{});
    }
    bool ordering = e.text != "==" && e.text != "!=";
    if (ordering && (a.kind == K::Bool || a.kind == K::String)) {
        error(DiagnosticCode::Q103, e.span, "`" + e.text + "` does not order " + type_name(a, p_.enums) + " values",
              "only numbers, dates and enum values (by declaration order) are ordered");
        return record(e, Type{});
    }
    return record(e, Type::of(K::Bool, a.optional || b.optional));
}

Type Checker::membership(ast::Expr& e, Phase phase) {
    ast::Expr& l = *e.args[0];
    ast::Expr& r = *e.args[1];
    Type a = expr(l, phase);
    Type b = r.kind == ast::Expr::Kind::Set ? set_literal(r, phase, a) : expr(r, phase);
    if (a.invalid() || b.invalid()) return record(e, Type{});
    if (b.kind != K::Set && b.kind != K::List) {
        error(DiagnosticCode::Q103, r.span, "`" + e.text + "` needs a set or a list on its right, got " + type_name(b, p_.enums),
              "write a set such as `{\"US\", \"CA\"}` or the name of a `let` set");
        return record(e, Type{});
    }
    if (!a.scalar()) {
        error(DiagnosticCode::Q103, l.span, "`" + e.text + "` tests one value, got " + type_name(a, p_.enums),
              "to test a list against a set use `count(list & set) > 0`");
        return record(e, Type{});
    }
    Type el = element_of(b);
    if ((a.kind == K::String && el.kind == K::Enum) || (a.kind == K::Enum && el.kind == K::String)) {
        error(DiagnosticCode::Q117, e.span, "a string is compared with enum values",
              "enum values are bare names: write `x in {partner, event}`");
        return record(e, Type{});
    }
    if (!comparable(a, el)) {
        error(DiagnosticCode::Q103, e.span,
              "cannot look for " + type_name(a, p_.enums) + " in a " + type_name(b, p_.enums));
        return record(e, Type{});
    }
    return record(e, Type::of(K::Bool, a.optional || b.optional));
}

Type Checker::set_literal(ast::Expr& e, Phase phase, const Type& context) {
    auto set = std::make_unique<ConstSet>();
    Type el = context.kind == K::Enum ? context : Type{};
    bool ok = true;
    for (auto& a : e.args) {
        Type t = expr(*a, phase, el.kind == K::Enum ? el.enum_id : (context.kind == K::Enum ? context.enum_id : -1));
        if (t.invalid()) { ok = false; continue; }
        bool literal = a->resolved.kind == ast::Resolved::Kind::Folded || a->resolved.kind == ast::Resolved::Kind::EnumValue ||
                       a->resolved.kind == ast::Resolved::Kind::Constant;
        if (!literal || !t.scalar() || t.kind == K::Bool || t.kind == K::Date) {
            error(DiagnosticCode::Q103, a->span, "set elements must be string, number or enum literals",
                  "write `{\"a\", \"b\"}`, `{10, 20}` or `{cxo, vp}`");
            ok = false;
            continue;
        }
        if (el.invalid()) el = t;
        else if (!comparable(el, t)) {
            error(DiagnosticCode::Q103, a->span, "set mixes " + type_name(el, p_.enums) + " and " + type_name(t, p_.enums),
                  "all elements of a set have one type");
            ok = false;
            continue;
        }
        Value v = a->resolved.kind == ast::Resolved::Kind::EnumValue ? Value::enumv(a->resolved.index)
                                                                    : p_.constants[a->resolved.index];
        if (!set->insert(v))
            error(DiagnosticCode::Q105, a->span, "this element is already in the set", "remove the repeated element");
    }
    if (!ok) return record(e, Type{});
    if (el.invalid()) el = context.invalid() ? Type::of(K::String) : context;  // `{}`: empty set of the context's type
    e.resolved = {ast::Resolved::Kind::ConstSet, static_cast<int>(p_.sets.size()), -1};
    p_.sets.push_back(std::move(set));
    return record(e, Type::collection(K::Set, el.kind, el.enum_id));
}

Type Checker::call(ast::Expr& e, Phase phase) {
    int id = find_builtin(e.text);
    if (id < 0) {
        std::vector<std::string> names;
        for (const auto& b : builtins()) names.emplace_back(b.name);
        std::string guess = closest_name(e.text, names);
        error(DiagnosticCode::Q114, e.span, "unknown function `" + e.text + "`",
              guess.empty() ? "the built-in functions are listed in docs/language.md, section 17" : "did you mean `" + guess + "`?");
        for (auto& a : e.args) expr(*a, phase);
        return record(e, Type{});
    }
    const Builtin& b = builtins()[id];
    std::string sig = std::string(b.name) + "(";
    for (size_t i = 0; i < b.params.size(); ++i)
        sig += (i ? ", " : "") + std::string(b.params[i].name) + (b.params[i].kind == ParamKind::NumberRange ? ": a..b" : "");
    sig += ")";
    // Place each argument at its parameter: positional first, then by name.
    std::vector<ast::ExprPtr> placed(b.params.size());
    bool ok = true;
    for (size_t i = 0; i < e.args.size(); ++i) {
        const std::string& nm = i < e.arg_names.size() ? e.arg_names[i] : std::string();
        size_t at = i;
        if (!nm.empty()) {
            auto it = std::find_if(b.params.begin(), b.params.end(), [&](const Param& p) { return p.name == nm; });
            if (it == b.params.end()) {
                error(DiagnosticCode::Q114, e.args[i]->span, "`" + std::string(b.name) + "` has no parameter `" + nm + "`",
                      "write " + sig);
                ok = false;
                continue;
            }
            at = static_cast<size_t>(it - b.params.begin());
        }
        if (at >= placed.size()) {
            error(DiagnosticCode::Q114, e.args[i]->span, "too many arguments to `" + std::string(b.name) + "`", "write " + sig);
            ok = false;
            continue;
        }
        if (placed[at]) {
            error(DiagnosticCode::Q114, e.args[i]->span, "argument `" + std::string(b.params[at].name) + "` is given twice",
                  "write " + sig);
            ok = false;
            continue;
        }
        placed[at] = std::move(e.args[i]);
    }
    for (size_t i = 0; i < placed.size() && ok; ++i)
        if (!placed[i]) {
            error(DiagnosticCode::Q114, e.span, "`" + std::string(b.name) + "` is missing `" + std::string(b.params[i].name) + "`",
                  "write " + sig);
            ok = false;
        }
    if (!ok) {
        e.args.clear();
        return record(e, Type{});
    }
    e.args = std::move(placed);
    e.arg_names.assign(e.args.size(), std::string());
    std::vector<Type> types;
    bool optional = false, invalid = false;
    for (size_t i = 0; i < e.args.size(); ++i) {
        ast::Expr& a = *e.args[i];
        ParamKind pk = b.params[i].kind;
        Type t;
        if (pk == ParamKind::NumberRange) {
            if (a.kind != ast::Expr::Kind::Range) {
                expr(a, phase);
                error(DiagnosticCode::Q114, a.span, "`" + std::string(b.params[i].name) + "` takes a range `low..high`",
                      "write " + sig);
                invalid = true;
                continue;
            }
            Type lo = expr(*a.args[0], phase), hi = expr(*a.args[1], phase);
            if (lo.invalid() || hi.invalid()) { invalid = true; continue; }
            if (!lo.numeric() || !hi.numeric()) {
                error(DiagnosticCode::Q114, a.span, "a range's bounds must be numbers");
                invalid = true;
                continue;
            }
            t = Type::collection(K::Range, K::Decimal, -1, lo.optional || hi.optional);
            record(a, t);
        } else if (pk == ParamKind::Pattern) {
            // Compiled once here, like `matches`; the call receives its index.
            if (a.kind != ast::Expr::Kind::String) {
                expr(a, phase);
                error(DiagnosticCode::Q107, a.span,
                      "`" + std::string(b.params[i].name) + "` of `" + std::string(b.name) +
                          "` needs a pattern written as a string literal",
                      "write the pattern inline, e.g. " + sig);
                invalid = true;
                continue;
            }
            expr(a, phase);
            auto re = std::make_unique<re2::RE2>(a.text, re2::RE2::Quiet);
            if (!re->ok()) {
                error(DiagnosticCode::Q107, a.span, "invalid regular expression: " + re->error(),
                      "patterns are RE2 syntax (no backreferences or lookaround); raw strings r\"…\" avoid double escaping");
                invalid = true;
                continue;
            }
            a.resolved = {ast::Resolved::Kind::Regex, static_cast<int>(p_.regexes.size()), -1};
            p_.regexes.push_back(std::move(re));
            t = Type::of(K::String);
        } else {
            t = expr(a, phase);
            if (t.invalid()) { invalid = true; continue; }
            bool fits = pk == ParamKind::Any || (pk == ParamKind::Number && t.numeric()) ||
                        (pk == ParamKind::String && t.kind == K::String) || (pk == ParamKind::Date && t.kind == K::Date) ||
                        (pk == ParamKind::Collection && (t.kind == K::List || t.kind == K::Set));
            if (!fits) {
                static const char* want[] = {"a number", "a string", "a date", "a list or set", "a range", "a value", "a pattern"};
                error(DiagnosticCode::Q103, a.span,
                      "`" + std::string(b.name) + "` takes " + want[static_cast<int>(pk)] + " as `" +
                          std::string(b.params[i].name) + "`, got " + type_name(t, p_.enums),
                      "write " + sig);
                invalid = true;
                continue;
            }
        }
        optional = optional || t.optional;
        types.push_back(t);
    }
    if (invalid) return record(e, Type{});
    if (b.name == "date") {
        const ast::Expr& a = *e.args[0];
        if (a.kind == ast::Expr::Kind::String && !parse_iso_date(a.text)) {
            error(DiagnosticCode::Q125, a.span, "`" + a.text + "` is not a valid date", "write dates as YYYY-MM-DD");
            return record(e, Type{});
        }
    }
    if (b.name == "parse_date") {
        // A literal format that can never give a date is caught here; a
        // computed one is a runtime error (stdlib/dates.cpp).
        const ast::Expr& f = *e.args[1];
        std::string problem = f.kind == ast::Expr::Kind::String ? date_format_problem(f.text) : std::string();
        if (!problem.empty()) {
            error(DiagnosticCode::Q114, f.span, "the format `" + f.text + "` cannot give a date: " + problem,
                  "write a format such as \"DD/MM/YYYY\" or \"MMM D, YYYY\"");
            return record(e, Type{});
        }
    }
    e.resolved = {ast::Resolved::Kind::Function, id, -1};
    if (b.uses_as_of) reads_lead_ = true;  // per-run, so never a constant
    Type r = b.result(types);
    r.optional = r.optional || (b.unknown_propagates && optional);
    // A literal date was validated above, so it is never unknown.
    if (b.name == "date" && e.args[0]->kind == ast::Expr::Kind::String) r.optional = false;
    return record(e, r);
}

Type Checker::match(ast::Expr& e, Phase phase) {
    Type s = expr(*e.args[0], phase);
    int ctx = s.kind == K::Enum ? s.enum_id : -1;
    if (!s.invalid() && !s.scalar()) {
        error(DiagnosticCode::Q103, e.args[0]->span, "`match` tests one value, got " + type_name(s, p_.enums));
        s = Type{};
    }
    std::vector<bool> covered(ctx >= 0 ? p_.enums[ctx].values.size() : 0, false);
    bool has_else = false, optional = s.optional, invalid = s.invalid();
    Type result;
    for (auto& arm : e.arms) {
        if (arm.is_else) has_else = true;
        for (auto& t : arm.tests) {
            using TK = ast::UnaryTest::Kind;
            if (t.kind == TK::In || t.kind == TK::NotIn) {
                ast::Expr& v = *t.value;
                Type st = v.kind == ast::Expr::Kind::Set ? set_literal(v, phase, s) : expr(v, phase);
                if (st.invalid() || s.invalid()) { invalid = true; continue; }
                if ((st.kind != K::Set && st.kind != K::List) || !comparable(s, element_of(st))) {
                    error(DiagnosticCode::Q103, v.span, "this arm tests membership in " + type_name(st, p_.enums) +
                                                            " but the match is on " + type_name(s, p_.enums));
                    invalid = true;
                }
                optional = optional || st.optional;
                continue;
            }
            if (t.kind == TK::Range) {
                Type lo = expr(*t.value, phase, ctx), hi = expr(*t.high, phase, ctx);
                if (lo.invalid() || hi.invalid() || s.invalid()) { invalid = true; continue; }
                if (!comparable(s, lo) || !comparable(s, hi) || s.kind == K::String || s.kind == K::Bool) {
                    error(DiagnosticCode::Q103, t.span, "a range arm needs ordered values of the match's type (" +
                                                            type_name(s, p_.enums) + ")");
                    invalid = true;
                }
                optional = optional || lo.optional || hi.optional;
                continue;
            }
            Type v = expr(*t.value, phase, ctx);
            if (v.invalid() || s.invalid()) { invalid = true; continue; }
            if ((v.kind == K::String && s.kind == K::Enum) || (v.kind == K::Enum && s.kind == K::String)) {
                error(DiagnosticCode::Q117, t.span, "a string is compared with an enum value",
                      "enum values are bare names in arms: `cxo, vp => 1`");
                invalid = true;
                continue;
            }
            if (!comparable(s, v)) {
                error(DiagnosticCode::Q103, t.span,
                      "this arm compares " + type_name(s, p_.enums) + " with " + type_name(v, p_.enums));
                invalid = true;
                continue;
            }
            if (t.kind == TK::Compare && t.op != "==" && t.op != "!=" && (s.kind == K::String || s.kind == K::Bool)) {
                error(DiagnosticCode::Q103, t.span, "`" + t.op + "` does not order " + type_name(s, p_.enums) + " values");
                invalid = true;
                continue;
            }
            optional = optional || v.optional;
            if (t.kind == TK::Equals && ctx >= 0 && t.value->resolved.kind == ast::Resolved::Kind::EnumValue)
                covered[t.value->resolved.index] = true;
        }
        Type r = expr(*arm.result, phase, result.kind == K::Enum ? result.enum_id : -1);
        if (r.invalid()) { invalid = true; continue; }
        if (!r.scalar()) {
            error(DiagnosticCode::Q103, arm.result->span, "a match arm gives one value, got " + type_name(r, p_.enums));
            invalid = true;
            continue;
        }
        if (result.invalid()) result = r;
        else if (!comparable(result, r)) {
            error(DiagnosticCode::Q103, arm.result->span,
                  "match arms give different types: " + type_name(result, p_.enums) + " and " + type_name(r, p_.enums),
                  "every arm must give the same type");
            invalid = true;
            continue;
        } else if (r.kind == K::Decimal) {
            result.kind = K::Decimal;
        }
        optional = optional || r.optional;
    }
    bool all_covered = ctx >= 0 && std::all_of(covered.begin(), covered.end(), [](bool c) { return c; });
    if (!has_else && !all_covered && !invalid) {
        std::string missing;
        for (size_t i = 0; i < covered.size(); ++i)
            if (!covered[i]) missing += (missing.empty() ? "" : ", ") + p_.enums[ctx].values[i];
        error(DiagnosticCode::Q115, e.span, "this match has no `else` arm",
              ctx >= 0 ? "add `else => …` or arms for: " + missing : "add `else => …` as the last arm");
        invalid = true;
    }
    if (invalid) return record(e, Type{});
    result.optional = optional;
    return record(e, result);
}

}  // namespace qualify::check_detail
