// Checks `test` blocks and fixtures: given fields exist and their values fit
// the field's type; fixtures a test names exist; expectations name routes,
// codes, motions and fields that exist; each `cases` row likewise.
#include "checker_state.hpp"

#include <algorithm>
#include <set>

namespace qualify::check_detail {

namespace {
using K = Type::Kind;
}

void Checker::tests() {
    std::set<std::string> fixture_names;
    for (auto& f : p_.ast->fixtures) {
        current_file_ = f.file;
        if (!fixture_names.insert(f.name).second)
            error(DiagnosticCode::Q105, f.span, "fixture `" + f.name + "` is already defined", "choose another name");
        given_entries("fixture `" + f.name + "`", f.given);
    }
    for (auto& t : p_.ast->tests) {
        current_file_ = t.file;
        test(t);
    }
    current_file_.clear();
}

void Checker::fixture_refs(const std::string& owner, const std::vector<std::string>& names,
                           const std::vector<ast::Span>& spans) {
    std::vector<std::string> defined;
    for (const auto& f : p_.ast->fixtures) defined.push_back(f.name);
    for (size_t i = 0; i < names.size(); ++i) {
        if (std::find(defined.begin(), defined.end(), names[i]) != defined.end()) continue;
        std::string guess = closest_name(names[i], defined);
        error(DiagnosticCode::Q123, spans[i], owner + " uses fixture `" + names[i] + "`, which is not defined",
              guess.empty() ? "define it at the top level: `fixture " + names[i] + " { field: value, … }`"
                            : "did you mean `" + guess + "`?");
    }
}

void Checker::test(ast::Test& t) {
    const std::string owner = "test \"" + t.name + "\"";
    fixture_refs(owner, t.fixtures, t.fixture_spans);
    given_entries(owner, t.given);
    if (t.as_of) {
        Type a = expr(*t.as_of, Phase::Test);
        if (!a.invalid() && a.kind != K::Date)
            error(DiagnosticCode::Q123, t.as_of->span, "`as_of` needs a date", "write `as_of date(\"2026-11-01\")`");
    }
    expectations(owner, t.expects);
    for (size_t i = 0; i < t.rows.size(); ++i) {
        auto& row = t.rows[i];
        const std::string row_owner = owner + " row " + std::to_string(i + 1);
        fixture_refs(row_owner, row.source.fixtures, row.source.fixture_spans);
        given_entries(row_owner, row.source.given);
        expectations(row_owner, row.expects);
    }
}

void Checker::given_entries(const std::string& owner, std::vector<ast::Given>& entries) {
    std::set<std::string> given;
    for (auto& g : entries) {
        int slot = p_.schema.resolve(g.field);
        if (slot < 0) {
            std::vector<std::string> fields;
            for (const auto& f : p_.schema.fields) fields.push_back(f.name);
            std::string guess = closest_name(g.field, fields);
            error(DiagnosticCode::Q123, g.span, owner + " gives `" + g.field + "`, which the schema does not declare",
                  guess.empty() ? "given fields are schema fields" : "did you mean `" + guess + "`?");
            continue;
        }
        if (!given.insert(p_.schema.fields[slot].name).second) {
            error(DiagnosticCode::Q123, g.span, owner + " gives `" + g.field + "` twice");
            continue;
        }
        const FieldInfo& f = p_.schema.fields[slot];
        Type v = expr(*g.value, Phase::Test, f.enum_id);
        if (v.invalid() || v.kind == K::Null) continue;
        auto scalar_fits = [&](K k) {
            switch (f.type) {
                case ScalarType::String: return k == K::String;
                case ScalarType::Int: return k == K::Int;
                case ScalarType::Decimal: return k == K::Int || k == K::Decimal;
                case ScalarType::Bool: return k == K::Bool;
                case ScalarType::Date: return k == K::Date;
                case ScalarType::Enum: return k == K::Enum;
            }
            return false;
        };
        bool fits = f.is_list ? (v.kind == K::List && (g.value->args.empty() || scalar_fits(v.element)))
                              : (v.scalar() && scalar_fits(v.kind));
        bool literal = g.value->resolved.kind == ast::Resolved::Kind::Folded ||
                       g.value->resolved.kind == ast::Resolved::Kind::EnumValue ||
                       g.value->resolved.kind == ast::Resolved::Kind::Constant ||
                       g.value->resolved.kind == ast::Resolved::Kind::Function || g.value->kind == ast::Expr::Kind::List ||
                       g.value->kind == ast::Expr::Kind::Unary;
        if (!fits || !literal)
            error(DiagnosticCode::Q123, g.value->span,
                  owner + " gives `" + g.field + "` a value of type " + type_name(v, p_.enums) +
                      ", but the field is " + (f.is_list ? "a list" : "declared otherwise"),
                  "give a literal of the field's type (enum values as bare names, lists as [\"a\", \"b\"], dates as date(\"YYYY-MM-DD\"))");
    }
}

void Checker::expectations(const std::string& owner, std::vector<ast::Expect>& expects) {
    auto names = [](const auto& items, auto get) {
        std::vector<std::string> out;
        for (const auto& i : items) out.push_back(get(i));
        return out;
    };
    auto expect_one_of = [&](const ast::Expect& e, const std::vector<std::string>& options, const std::string& what) {
        for (const auto& o : options)
            if (o == e.name) return;
        std::string guess = closest_name(e.name, options);
        error(DiagnosticCode::Q123, e.span, owner + " expects " + what + " `" + e.name + "`, which the rulebook does not define",
              guess.empty() ? "defined: " + join(options, ", ") : "did you mean `" + guess + "`?");
    };
    auto code_of = [](const auto& r) { return r.code; };
    for (auto& e : expects) {
        using EK = ast::Expect::Kind;
        switch (e.kind) {
            case EK::Assigned: {
                expect_one_of(e, p_.assigned_names, "an assigned name");
                int enum_id = -1;
                for (const auto& r : p_.routes)
                    for (const auto& a : r.assigns)
                        if (a.name == e.name && a.enum_id >= 0) enum_id = a.enum_id;
                Type v = expr(*e.value, Phase::Test, enum_id);
                if (!v.invalid() && !v.scalar())
                    error(DiagnosticCode::Q123, e.value->span, "`expect assigned` compares with one value",
                          "write e.g. `expect assigned team = \"emea\"`");
                break;
            }
            case EK::Route: {
                // A disqualified lead's route is `reject` whether or not a route has that name.
                auto routes = names(p_.routes, [](const RouteRule& r) { return r.name; });
                routes.push_back("reject");
                expect_one_of(e, routes, "route");
                break;
            }
            case EK::Disqualified:
            case EK::NotDisqualified:
                if (!e.name.empty()) expect_one_of(e, names(p_.disqualifiers, code_of), "disqualifier");
                break;
            case EK::Reason:
            case EK::TopReason: expect_one_of(e, names(p_.criteria, code_of), "criterion"); break;
            case EK::Escalation: {
                auto codes = names(p_.escalations, code_of);
                for (const auto& m : p_.motions)
                    for (const auto& x : m.escalations) codes.push_back(x.code);
                expect_one_of(e, codes, "escalation");
                break;
            }
            case EK::Motion: expect_one_of(e, p_.enums[p_.motion_enum].values, "motion"); break;
            case EK::Unknown:
                if (p_.schema.resolve(e.name) < 0)
                    expect_one_of(e, names(p_.schema.fields, [](const FieldInfo& f) { return f.name; }), "field");
                break;
            case EK::Score:
            case EK::Confidence:
                if (!Decimal::parse(e.number)) error(DiagnosticCode::Q123, e.span, "`" + e.number + "` is not a number");
                else if (e.op == "in" && !Decimal::parse(e.high))
                    error(DiagnosticCode::Q123, e.span, "`" + e.high + "` is not a number");
                else if (e.op == "in" && *Decimal::parse(e.high) < *Decimal::parse(e.number))
                    error(DiagnosticCode::Q123, e.span, "the range " + e.number + ".." + e.high + " is empty",
                          "write the low end first: `in LOW..HIGH`, both ends included");
                break;
            default: break;
        }
    }
}

}  // namespace qualify::check_detail
