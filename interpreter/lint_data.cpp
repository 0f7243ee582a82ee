// W005–W007 and the lint entry point: schema fields no rule or model reads
// (data minimisation: a field nothing reads need not be collected), lets
// nothing uses, and review/explore shares above 50% (a sample that large is
// no longer a sample of the route).
#include "lint.hpp"
#include "data_use.hpp"

#include <algorithm>
#include <map>

namespace qualify::lint_detail {

Diagnostic warning(const Program& p, DiagnosticCode code, const ast::Span& at, std::string message,
                   std::string help) {
    return {.severity = Diagnostic::Severity::Warning, .code = code, .file = p.ast->file, .line = at.line,
            .column = at.column, .message = std::move(message), .help = std::move(help)};
}

namespace {

void unread_fields(const Program& p, std::vector<Diagnostic>& out) {
    const std::vector<bool> read = read_slots(p);
    for (size_t i = 0; i < p.schema.fields.size(); ++i) {
        if (read[i] || static_cast<int>(i) == p.schema.id_slot) continue;
        const std::string& name = p.schema.fields[i].name;
        ast::Span at = p.ast->schema.span;
        for (const auto& f : p.ast->schema.fields)
            if (f.name == name) at = f.span;
        out.push_back(warning(p, DiagnosticCode::W005, at,
                              "schema field `" + name + "` is never read: no rule, model or dedupe key uses it",
                              "remove it from the schema: a field nothing reads need not be collected"));
    }
}

void unused_lets(const Program& p, std::vector<Diagnostic>& out) {
    using RK = ast::Resolved::Kind;
    const ast::Rulebook& a = *p.ast;
    std::map<std::string, const ast::Let*> lets;
    for (const auto& l : a.lets) lets[l.name] = &l;
    std::map<std::string, bool> used;
    std::vector<const ast::Let*> work;
    auto note = [&](const ast::Expr& e) {
        if (e.kind != ast::Expr::Kind::Name || e.path.size() != 1) return;
        if (e.resolved.kind == RK::EnumValue || e.resolved.kind == RK::Local || e.resolved.kind == RK::Field) return;
        auto it = lets.find(e.path[0]);
        if (it == lets.end() || used[it->first]) return;
        used[it->first] = true;
        work.push_back(it->second);
    };
    auto visit = [&](const ast::ExprPtr& e) {
        if (e) walk(*e, note);
    };
    for (const auto& d : a.disqualifiers) visit(d.when);
    for (const auto& c : a.criteria) visit(c.fit);
    visit(a.score);
    visit(a.confidence);
    for (const auto& m : a.motions) {
        visit(m.when);
        for (const auto& c : m.criteria) visit(c.fit);
        for (const auto& x : m.escalations) visit(x.when);
    }
    for (const auto& x : a.escalations) visit(x.when);
    for (const auto& r : a.routes) visit(r.when);
    if (a.dedupe)
        for (const auto& k : a.dedupe->keys) visit(k);
    while (!work.empty()) {
        const ast::Let* l = work.back();
        work.pop_back();
        visit(l->value);
    }
    for (const auto& l : a.lets)
        if (!used[l.name])
            out.push_back(warning(p, DiagnosticCode::W006, l.span, "`" + l.name + "` is never used",
                                  "remove the let, or use it in a rule"));
}

void sample_shares(const Program& p, std::vector<Diagnostic>& out) {
    auto check = [&](const ast::Sample& s, const char* what) {
        auto d = Decimal::parse(s.percent);
        if (d && *d > Decimal::from_int(50))
            out.push_back(warning(p, DiagnosticCode::W007, s.span,
                                  std::string(what) + " share " + s.percent + "% is above 50% of `" + s.of + "`",
                                  "a guard-rail sample is a small share of a route (a few percent); at most 50%"));
    };
    for (const auto& s : p.ast->reviews) check(s, "review");
    for (const auto& s : p.ast->explores) check(s, "explore");
}

}  // namespace

void lint_data(const Program& p, std::vector<Diagnostic>& out) {
    unread_fields(p, out);
    unused_lets(p, out);
    sample_shares(p, out);
}

}  // namespace qualify::lint_detail

namespace qualify {

void lint(const Program& program, std::vector<Diagnostic>& out) {
    std::vector<Diagnostic> found;
    lint_detail::lint_data(program, found);
    lint_detail::lint_reachability(program, found);
    std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (auto& d : found) out.push_back(std::move(d));
}

}  // namespace qualify
