// Runs a rulebook's `test` blocks: builds each test's lead (or each `cases`
// row's) from its fixtures and `given`, decides it with the VM and with the
// reference evaluator (a test fails if they disagree), checks every
// `expect`, and, when asked, records what the tests exercised.
#include "qualify/qualify.hpp"

#include "decide.hpp"
#include "lint.hpp"
#include "trace_format.hpp"
#include "reference_eval.hpp"
#include "vm.hpp"

#include <algorithm>
#include <set>

namespace qualify {

namespace {

using EK = ast::Expect::Kind;

std::string opt_text(const std::optional<Decimal>& d) { return d ? d->to_fixed(2) : "null"; }

bool compare_number(const std::optional<Decimal>& actual, const std::string& op, const std::string& number,
                    const std::string& high) {
    if (!actual) return false;
    Decimal n = *Decimal::parse(number);
    if (op == "in") return *actual >= n && *actual <= *Decimal::parse(high);
    if (op == "==") return *actual == n;
    if (op == "!=") return *actual != n;
    if (op == "<") return *actual < n;
    if (op == "<=") return *actual <= n;
    if (op == ">") return *actual > n;
    return *actual >= n;
}

std::string expected_number(const ast::Expect& e) {
    return e.op == "in" ? "in " + e.number + ".." + e.high : e.op + " " + e.number;
}

// The failure message for one expectation, or empty when it holds.
// `field` is the expectation's field as the schema names it (`lead.` stripped).
std::string check(const ast::Expect& e, const Decision& d, const std::string& field) {
    if (d.is_error && e.kind != EK::Error) return "expected a decision, got an error: " + d.error;
    auto has = [](const auto& items, const std::string& code) {
        return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.code == code; });
    };
    auto list = [](const auto& items) {
        std::string s;
        for (const auto& i : items) s += (s.empty() ? "" : ", ") + std::string(i.code);
        return s.empty() ? std::string("none") : s;
    };
    switch (e.kind) {
        case EK::Route:
            return d.route == e.name ? "" : "expected route " + e.name + ", got " + std::string(d.route);
        case EK::Score:
            return compare_number(d.score, e.op, e.number, e.high)
                       ? ""
                       : "expected score " + expected_number(e) + ", got " + opt_text(d.score);
        case EK::Confidence:
            return compare_number(d.confidence, e.op, e.number, e.high)
                       ? ""
                       : "expected confidence " + expected_number(e) + ", got " + opt_text(d.confidence);
        case EK::Disqualified:
            if (e.name.empty()) return d.disqualified.empty() ? "expected disqualified, got none fired" : "";
            return has(d.disqualified, e.name) ? "" : "expected disqualifier " + e.name + " to fire, fired: " + list(d.disqualified);
        case EK::NotDisqualified:
            if (e.name.empty()) return d.disqualified.empty() ? "" : "expected not disqualified, fired: " + list(d.disqualified);
            return has(d.disqualified, e.name) ? "expected disqualifier " + e.name + " not to fire, but it did" : "";
        case EK::Reason:
            return has(d.reasons, e.name) ? "" : "expected reason " + e.name + ", reasons: " + list(d.reasons);
        case EK::TopReason:
            return !d.reasons.empty() && d.reasons[0].code == e.name && d.reasons[0].points > Decimal::zero()
                       ? ""
                       : "expected top reason " + e.name + ", reasons: " + list(d.reasons);
        case EK::Escalation:
            return has(d.escalations, e.name) ? "" : "expected escalation " + e.name + ", got: " + list(d.escalations);
        case EK::NoEscalation:
            return d.escalations.empty() ? "" : "expected no escalation, got: " + list(d.escalations);
        case EK::Motion: {
            std::string actual = d.motion ? std::string(*d.motion) : "none";
            return actual == e.name ? "" : "expected motion " + e.name + ", got " + actual;
        }
        case EK::Unknown:
            return std::find(d.unknown.begin(), d.unknown.end(), field) != d.unknown.end()
                       ? ""
                       : "expected " + e.name + " among the unknown inputs";
        case EK::Review: return d.review ? "" : "expected the lead to be flagged for review";
        case EK::Explore: return d.explore ? "" : "expected the lead to be explored";
        case EK::Error:
            if (!d.is_error) return "expected an error decision, got route " + std::string(d.route);
            return d.error.find(e.name) != std::string::npos ? ""
                                                             : "expected an error mentioning \"" + e.name + "\", got: " + d.error;
        case EK::Assigned: {
            // `field` holds the expected value's JSON text here.
            for (const auto& a : d.assigned)
                if (a.name == e.name)
                    return a.json == field ? "" : "expected assigned " + e.name + " = " + field + ", got " + a.json;
            return "expected assigned " + e.name + " = " + field + ", but route " + std::string(d.route) +
                   " assigns no `" + e.name + "`";
        }
    }
    return "";
}

// Sets a lead's fields from a list of given entries (later ones override).
void apply(const std::vector<ast::Given>& given, const Program& p, EvalContext& ctx, Lead& lead) {
    for (const auto& g : given) {
        int slot = p.schema.resolve(g.field);
        lead.slots[static_cast<size_t>(slot)] = persist(evaluate(*g.value, ctx), lead.arena);
    }
}

void apply(const std::vector<std::string>& fixtures, const Program& p, EvalContext& ctx, Lead& lead) {
    for (const auto& name : fixtures)
        for (const auto& f : p.ast->fixtures)
            if (f.name == name) apply(f.given, p, ctx, lead);
}

// What coverage counts, in rulebook order, each with whether it was hit.
class CoverageRecorder {
public:
    explicit CoverageRecorder(const Program& p) : p_(p) {}
    std::unordered_set<const ast::MatchArm*> arms;
    std::unordered_set<const ast::TableRow*> table_rows;

    void note(const Decision& d) {
        if (d.is_error) return;
        for (const auto& x : d.disqualified) disqualifiers_.insert(std::string(x.code));
        for (const auto& x : d.reasons)
            if (x.points != Decimal::zero()) criteria_.insert(std::string(x.code));
        for (const auto& x : d.escalations) escalations_.insert(std::string(x.code));
        if (d.motion) motions_.insert(std::string(*d.motion));
        if (d.disqualified.empty()) routes_.insert(std::string(d.explored_from ? *d.explored_from : d.route));
    }

    void report(TestCoverage& out) const {
        const std::string& file = p_.ast->file;
        auto add = [&](const char* kind, const std::string& name, const ast::Span& at, bool covered) {
            out.items.push_back({kind, name, file, at.line, at.column, covered});
        };
        for (const auto& x : p_.disqualifiers) add("disqualifier", x.code, x.span, disqualifiers_.count(x.code) > 0);
        for (const auto& x : p_.criteria) add("criterion", x.code, x.span, criteria_.count(x.code) > 0);
        for (size_t r = 0; r < p_.roots.size(); ++r)
            lint_detail::walk(*p_.roots[r], [&](const ast::Expr& e) {
                if (e.kind != ast::Expr::Kind::Match) return;
                for (const auto& arm : e.arms)
                    if (seen_.insert(&arm).second)
                        add("match arm", "`" + arm_text(arm) + "` in " + p_.root_names[r], arm.span, arms.count(&arm) > 0);
            });
        for (const auto& m : p_.motions) add("motion", m.name, m.span, motions_.count(m.name) > 0);
        for (const auto& x : p_.escalations) add("escalation", x.code, x.span, escalations_.count(x.code) > 0);
        for (const auto& m : p_.motions)
            for (const auto& x : m.escalations) add("escalation", x.code, x.span, escalations_.count(x.code) > 0);
        for (const auto& r : p_.routes) add("route", r.name, r.span, routes_.count(r.name) > 0);
        for (const auto& t : p_.tables)
            for (size_t i = 0; i < t.decl->rows.size(); ++i) {
                const ast::TableRow& row = t.decl->rows[i];
                add("table row", std::to_string(i + 1) + " of table " + t.name, row.span, table_rows.count(&row) > 0);
            }
    }

private:
    // An arm as written, up to its `=>`: "cxo, vp", "in icp_industries", "else".
    std::string arm_text(const ast::MatchArm& arm) const {
        if (arm.is_else) return "else";
        const std::string& src = p_.ast->source;
        size_t end = src.find("=>", arm.span.offset);
        std::string text = src.substr(arm.span.offset, end == std::string::npos ? 0 : end - arm.span.offset);
        std::string out;
        for (char c : text) {
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
            if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
            out += c;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }

    const Program& p_;
    std::set<std::string> disqualifiers_, criteria_, escalations_, motions_, routes_;
    mutable std::set<const ast::MatchArm*> seen_;
};

}  // namespace

size_t TestCoverage::covered() const {
    return static_cast<size_t>(std::count_if(items.begin(), items.end(), [](const CoverageItem& i) { return i.covered; }));
}

std::vector<TestResult> run_tests(const Rulebook& rulebook, int32_t as_of, TestCoverage* coverage) {
    const Program& p = rulebook.program();
    std::vector<TestResult> results;
    ReferenceEngine reference;
    VmEngine vm;
    EvalContext given_ctx(p, reference), vm_ctx(p, vm), ref_ctx(p, reference);
    CoverageRecorder recorder(p);
    if (coverage) {
        ref_ctx.record_arms(&recorder.arms);
        ref_ctx.record_table_rows(&recorder.table_rows);
    }
    Lead none;
    none.slots.resize(p.schema.fields.size());
    given_ctx.reset(none, as_of, false);

    // Decides one lead and checks `expects` (the test's, then the row's) on it.
    auto run_one = [&](const ast::Test& t, const ast::TestRow* row, std::vector<std::string>& failures) {
        Lead lead;
        lead.slots.resize(p.schema.fields.size());
        given_ctx.reset(none, as_of, false);
        apply(t.fixtures, p, given_ctx, lead);
        apply(t.given, p, given_ctx, lead);
        if (row) {
            apply(row->source.fixtures, p, given_ctx, lead);
            apply(row->source.given, p, given_ctx, lead);
        }
        const Value& id = lead.slots[static_cast<size_t>(p.schema.id_slot)];
        lead.id = id.known() ? std::string(id.s) : t.name;
        DecideOptions options{as_of, false, false};
        if (t.as_of) options.as_of = evaluate(*t.as_of, given_ctx).i;
        Decision d, check_d;
        std::string missing;
        for (size_t i = 0; i < p.schema.fields.size() && missing.empty(); ++i)
            if (!p.schema.fields[i].optional && !lead.slots[i].known() && static_cast<int>(i) != p.schema.id_slot)
                missing = p.schema.fields[i].name;
        if (!missing.empty()) {
            d.id = lead.id;
            d.is_error = true;
            d.error = "missing required field `" + missing + "`";
        } else {
            decide(vm_ctx, lead, options, d);
            decide(ref_ctx, lead, options, check_d);
            if (to_json(d) != to_json(check_d))
                failures.push_back("the VM and the reference evaluator disagree:\n  vm:        " + to_json(d) +
                                   "\n  reference: " + to_json(check_d));
            if (coverage) recorder.note(check_d);
        }
        auto check_all = [&](const std::vector<ast::Expect>& expects) {
            for (const auto& e : expects) {
                int slot = e.kind == EK::Unknown ? p.schema.resolve(e.name) : -1;
                std::string field = slot >= 0 ? p.schema.fields[static_cast<size_t>(slot)].name : e.name;
                if (e.kind == EK::Assigned) {
                    Value v = evaluate(*e.value, given_ctx);
                    field = v.known() ? value_text(p, v, p.type_of(*e.value).enum_id) : "null";
                }
                std::string failure = check(e, d, field);
                if (!failure.empty()) failures.push_back(failure);
            }
        };
        check_all(t.expects);
        if (row) check_all(row->expects);
    };

    for (const auto& t : p.ast->tests) {
        TestResult r;
        r.name = t.name;
        r.file = t.file.empty() ? p.ast->file : t.file;
        r.line = t.span.line;
        if (t.rows.empty()) {
            run_one(t, nullptr, r.failures);
        } else {
            for (size_t i = 0; i < t.rows.size(); ++i) {
                std::vector<std::string> failures;
                run_one(t, &t.rows[i], failures);
                const std::string where = "row " + std::to_string(i + 1) + " (" + r.file + ":" +
                                          std::to_string(t.rows[i].span.line) + "): ";
                for (auto& f : failures) r.failures.push_back(where + f);
            }
        }
        r.passed = r.failures.empty();
        results.push_back(std::move(r));
    }
    if (coverage) recorder.report(*coverage);
    return results;
}

}  // namespace qualify
