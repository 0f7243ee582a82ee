// Runs a rulebook's `test` blocks: builds each test's lead from `given`,
// decides it with the VM and with the reference evaluator (a test fails if
// they disagree), and checks every `expect`.
#include "qualify/qualify.hpp"

#include "decide.hpp"
#include "trace_format.hpp"
#include "reference_eval.hpp"
#include "vm.hpp"

#include <algorithm>

namespace qualify {

namespace {

using EK = ast::Expect::Kind;

std::string opt_text(const std::optional<Decimal>& d) { return d ? d->to_fixed(2) : "null"; }

bool compare_number(const std::optional<Decimal>& actual, const std::string& op, const std::string& number) {
    if (!actual) return false;
    Decimal n = *Decimal::parse(number);
    if (op == "==") return *actual == n;
    if (op == "!=") return *actual != n;
    if (op == "<") return *actual < n;
    if (op == "<=") return *actual <= n;
    if (op == ">") return *actual > n;
    return *actual >= n;
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
            return compare_number(d.score, e.op, e.number) ? ""
                                                           : "expected score " + e.op + " " + e.number + ", got " + opt_text(d.score);
        case EK::Confidence:
            return compare_number(d.confidence, e.op, e.number)
                       ? ""
                       : "expected confidence " + e.op + " " + e.number + ", got " + opt_text(d.confidence);
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
        case EK::Error: return d.is_error ? "" : "expected an error decision, got route " + std::string(d.route);
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

}  // namespace

std::vector<TestResult> run_tests(const Rulebook& rulebook, int32_t as_of) {
    const Program& p = rulebook.program();
    std::vector<TestResult> results;
    ReferenceEngine reference;
    VmEngine vm;
    EvalContext given_ctx(p, reference), vm_ctx(p, vm), ref_ctx(p, reference);
    Lead none;
    none.slots.resize(p.schema.fields.size());
    for (const auto& t : p.ast->tests) {
        TestResult r;
        r.name = t.name;
        r.file = t.file.empty() ? p.ast->file : t.file;
        r.line = t.span.line;
        Lead lead;
        lead.slots.resize(p.schema.fields.size());
        given_ctx.reset(none, as_of, false);
        for (const auto& g : t.given) {
            int slot = p.schema.resolve(g.field);
            lead.slots[static_cast<size_t>(slot)] = persist(evaluate(*g.value, given_ctx), lead.arena);
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
                r.failures.push_back("the VM and the reference evaluator disagree:\n  vm:        " + to_json(d) +
                                     "\n  reference: " + to_json(check_d));
        }
        for (const auto& e : t.expects) {
            int slot = e.kind == EK::Unknown ? p.schema.resolve(e.name) : -1;
            std::string field = slot >= 0 ? p.schema.fields[static_cast<size_t>(slot)].name : e.name;
            if (e.kind == EK::Assigned) {
                Value v = evaluate(*e.value, given_ctx);
                field = v.known() ? value_text(p, v, p.type_of(*e.value).enum_id) : "null";
            }
            std::string failure = check(e, d, field);
            if (!failure.empty()) r.failures.push_back(failure);
        }
        r.passed = r.failures.empty();
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace qualify
