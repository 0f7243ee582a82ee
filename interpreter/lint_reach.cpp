// W001–W004: rules no lead can reach. A route (W001) or motion (W004) whose
// condition only holds where an earlier one already does; a match arm (W003)
// whose tests only accept values earlier arms took; a criterion (W002) whose
// weight is 0, whose fit is always 0, or whose condition can never hold.
// The regions come from lint_region.hpp, which errs towards silence.
#include "lint.hpp"
#include "lint_region.hpp"

namespace qualify::lint_detail {

namespace {

std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "`" : ", `") + n + "`";
    return s;
}

// The number an expression always yields (bools as 0/1), when it is one.
std::optional<Decimal> constant_number(RegionBuilder& rb, const ast::Expr& e) {
    if (auto v = rb.constant(e)) {
        if (v->kind == Value::Kind::Number) return v->n;
        if (v->kind == Value::Kind::Bool) return v->b ? Decimal::one() : Decimal::zero();
        return std::nullopt;
    }
    if (e.kind == ast::Expr::Kind::If) {
        auto a = constant_number(rb, *e.args[1]), b = constant_number(rb, *e.args[2]);
        if (a && b && *a == *b) return a;
    }
    if (e.kind == ast::Expr::Kind::Match && !e.arms.empty()) {
        std::optional<Decimal> all;
        for (const auto& arm : e.arms) {
            auto v = constant_number(rb, *arm.result);
            if (!v || (all && *all != *v)) return std::nullopt;
            all = v;
        }
        return all;
    }
    return std::nullopt;
}

// W001 and W004: first-match lists of conditions (a null condition is `otherwise`).
template <typename Item>
void first_match(const Program& p, RegionBuilder& rb, const std::vector<Item>& items, DiagnosticCode code,
                 const char* what, std::vector<Diagnostic>& out) {
    Region earlier;
    std::vector<std::pair<std::string, Region>> taken;  // earlier items with what they take for sure
    for (const auto& item : items) {
        Region over = item.when ? rb.condition(*item.when, true).over : Region{Box{}};
        if (!taken.empty() && rb.covered(over, earlier)) {
            std::vector<std::string> by;
            for (const auto& [name, r] : taken)
                if (!r.empty()) by.push_back(name);
            out.push_back(warning(p, code, item.span,
                                  std::string(what) + " `" + item.name + "` can never apply: every lead it would take is taken first by " +
                                      join_names(by),
                                  std::string("the first ") + what +
                                      " that holds wins; move this one above the ones named, narrow theirs, or remove it"));
        }
        Region under = item.when ? rb.condition(*item.when, true).under : Region{Box{}};
        earlier.insert(earlier.end(), under.begin(), under.end());
        taken.emplace_back(item.name, under);
    }
}

void match_arms(const Program& p, RegionBuilder& rb, const ast::Expr& e, std::vector<Diagnostic>& out) {
    if (e.kind != ast::Expr::Kind::Match || e.args.empty()) return;
    Region earlier;
    for (size_t i = 0; i < e.arms.size(); ++i) {
        const auto& arm = e.arms[i];
        auto r = rb.arm(arm, *e.args[0]);
        if (r && i > 0 && rb.covered(*r, earlier))
            out.push_back(warning(p, DiagnosticCode::W003, arm.span,
                                  arm.is_else ? "this `else` arm is never taken: the arms above cover every value"
                                              : "this match arm is never taken: the arms above take every value it tests for",
                                  arm.is_else ? "remove the `else` arm, or an arm above it"
                                              : "arms are tried in order; move it up, merge it into the earlier arm, or remove it"));
        if (r) earlier.insert(earlier.end(), r->begin(), r->end());
    }
}

void criterion(const Program& p, RegionBuilder& rb, const ast::Criterion& c, std::vector<Diagnostic>& out) {
    auto w = Decimal::parse(c.weight);
    bool reweighted = false;
    for (const auto& m : p.ast->motions)
        for (const auto& o : m.weights)
            if (o.code == c.code && Decimal::parse(o.weight) != Decimal::zero()) reweighted = true;
    if (w && *w == Decimal::zero() && !reweighted) {
        out.push_back(warning(p, DiagnosticCode::W002, c.span,
                              "criterion `" + c.code + "` has weight 0 and no motion gives it another: it never contributes",
                              "give it a weight, or remove it"));
        return;
    }
    if (auto n = constant_number(rb, *c.fit); n && *n == Decimal::zero()) {
        out.push_back(warning(p, DiagnosticCode::W002, c.fit->span,
                              "criterion `" + c.code + "`'s fit is always 0: it never contributes",
                              "a fit of 0 scores no points; fix the fit or remove the criterion"));
        return;
    }
    if (c.fit->type_id >= 0 && p.types[static_cast<size_t>(c.fit->type_id)].kind == Type::Kind::Bool &&
        rb.empty(rb.condition(*c.fit, true).over))
        out.push_back(warning(p, DiagnosticCode::W002, c.fit->span,
                              "criterion `" + c.code + "`'s condition can never hold: it never contributes",
                              "the comparisons contradict each other; fix the condition or remove the criterion"));
}

}  // namespace

void lint_reachability(const Program& p, std::vector<Diagnostic>& out) {
    RegionBuilder rb(p);
    const ast::Rulebook& a = *p.ast;
    first_match(p, rb, a.routes, DiagnosticCode::W001, "route", out);
    first_match(p, rb, a.motions, DiagnosticCode::W004, "motion", out);
    for (const auto& c : a.criteria) criterion(p, rb, c, out);
    for (const auto& m : a.motions)
        for (const auto& c : m.criteria) criterion(p, rb, c, out);

    auto arms = [&](const ast::ExprPtr& e) {
        if (e) walk(*e, [&](const ast::Expr& x) { match_arms(p, rb, x, out); });
    };
    for (const auto& l : a.lets) arms(l.value);
    for (const auto& d : a.disqualifiers) arms(d.when);
    for (const auto& c : a.criteria) arms(c.fit);
    arms(a.score);
    arms(a.confidence);
    for (const auto& m : a.motions) {
        arms(m.when);
        for (const auto& c : m.criteria) arms(c.fit);
        for (const auto& x : m.escalations) arms(x.when);
    }
    for (const auto& x : a.escalations) arms(x.when);
    for (const auto& r : a.routes) arms(r.when);
}

}  // namespace qualify::lint_detail
