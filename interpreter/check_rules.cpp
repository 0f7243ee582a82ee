// Checks the statements of a rulebook in decision order — lets,
// disqualifiers, criteria, models, score and confidence, motions,
// escalations, routes, samples — and registers each expression the decision
// evaluates as a root of the program.
#include "decide.hpp"
#include "checker_state.hpp"

#include "reference_eval.hpp"
#include "sha256.hpp"

#include <filesystem>
#include <algorithm>
#include <set>

namespace qualify::check_detail {

namespace {
using K = Type::Kind;
}

void Checker::error(DiagnosticCode code, const ast::Span& at, std::string message, std::string help) {
    diags_.push_back({.code = code, .file = current_file_.empty() ? p_.ast->file : current_file_, .line = at.line,
                      .column = at.column, .message = std::move(message), .help = std::move(help)});
    ++errors_;
}

RootId Checker::add_root(ast::Expr* e, std::string name) {
    p_.roots.push_back(e);
    p_.root_names.push_back(std::move(name));
    return static_cast<RootId>(p_.roots.size() - 1);
}

Type Checker::let_type(LetState& s) {
    if (s.status == LetState::Status::Done) return s.type;
    if (s.status == LetState::Status::Checking) {
        error(DiagnosticCode::Q121, s.let->span, "`" + s.let->name + "` is defined in terms of itself",
              "break the cycle: a let may use other lets, but not itself through them");
        return Type{};
    }
    s.status = LetState::Status::Checking;
    bool outer = reads_lead_, outer_pii = reads_pii_;
    reads_lead_ = reads_pii_ = false;
    s.type = expr(*s.let->value, Phase::Let);
    s.reads_lead = reads_lead_;
    s.reads_pii = reads_pii_;
    reads_lead_ = outer || s.reads_lead;
    reads_pii_ = outer_pii || s.reads_pii;
    if (s.reads_lead) {
        s.derived = static_cast<int>(p_.derived.size());
        p_.derived.push_back({s.let->name, add_root(s.let->value.get(), "let " + s.let->name), s.reads_pii});
    } else {
        s.constant = add_constant(Value::unknown());  // computed once all lets are checked
        constant_order_.push_back(&s);
    }
    s.status = LetState::Status::Done;
    return s.type;
}

void Checker::lets() {
    for (auto& l : p_.ast->lets) {
        if (p_.schema.find(l.name) >= 0 || lets_.count(l.name)) {
            error(DiagnosticCode::Q105, l.span, "`" + l.name + "` is already defined",
                  p_.schema.find(l.name) >= 0 ? "a schema field has this name; choose another" : "choose another name");
            continue;
        }
        lets_[l.name].let = &l;
    }
    for (auto& [_, s] : lets_) let_type(s);
}

std::optional<Decimal> Checker::weight(const std::string& text, const ast::Span& span) {
    auto w = Decimal::parse(text);
    if (!w) error(DiagnosticCode::Q118, span, "weight `" + text + "` is not a number in range");
    return w;
}

CodeRule Checker::code_rule(const std::string& code, ast::Expr* when, const std::string& reason, const ast::Span& span,
                            Phase phase, const std::string& kind) {
    CodeRule r{code, reason, kNoRoot, span};
    if (when) {
        condition(*when, phase, "the condition of " + kind + " `" + code + "`");
        // Traces name a rule by the keyword that declares it: `disqualify X`, `escalate X`.
        r.when = add_root(when, (kind == "disqualifier" ? "disqualify " : "escalate ") + code);
    }
    return r;
}

bool Checker::criterion(const ast::Criterion& c, int motion) {
    for (const auto& other : p_.criteria)
        if (other.code == c.code) {
            error(motion < 0 ? DiagnosticCode::Q105 : DiagnosticCode::Q110, c.span,
                  "criterion `" + c.code + "` is already defined",
                  motion < 0 ? "each criterion has its own code"
                             : "a motion adds criteria with new codes; to change an existing one use `weight " + c.code +
                                   " N` or `disable " + c.code + "`");
            return false;
        }
    auto w = weight(c.weight, c.span);
    Type t = expr(*c.fit, Phase::Lead);
    if (!t.invalid() && !t.numeric() && t.kind != K::Bool) {
        error(DiagnosticCode::Q112, c.fit->span, "the fit of `" + c.code + "` is " + type_name(t, p_.enums),
              "a fit is a number in [0, 1] or a bool (true counts 1)");
        return false;
    }
    if (!w) return false;
    p_.criteria.push_back({c.code, c.label, *w, add_root(c.fit.get(), "criterion " + c.code), motion, c.span});
    return true;
}

void Checker::motions() {
    auto& decls = p_.ast->motions;
    for (size_t mi = 0; mi < decls.size(); ++mi) {
        auto& m = decls[mi];
        MotionRule rule;
        rule.name = m.name;
        rule.span = m.span;
        condition(*m.when, Phase::Lead, "the condition of motion `" + m.name + "`");
        rule.when = add_root(m.when.get(), "motion " + m.name);
        int motion = static_cast<int>(mi);
        for (const auto& c : m.criteria)
            if (criterion(c, motion)) rule.added.push_back(static_cast<int>(p_.criteria.size() - 1));
        auto own = [&](const std::string& code, const ast::Span& span) -> int {
            for (size_t i = 0; i < p_.own_criteria; ++i)
                if (p_.criteria[i].code == code) return static_cast<int>(i);
            std::vector<std::string> names;
            for (size_t i = 0; i < p_.own_criteria; ++i) names.push_back(p_.criteria[i].code);
            std::string guess = closest_name(code, names);
            error(DiagnosticCode::Q108, span, "motion `" + m.name + "` names criterion `" + code + "`, which the rulebook does not define",
                  guess.empty() ? "the rulebook's criteria are: " + join(names, ", ") : "did you mean `" + guess + "`?");
            return -1;
        };
        std::set<int> reweighted;
        for (const auto& w : m.weights) {
            int i = own(w.code, w.span);
            auto v = weight(w.weight, w.span);
            if (i < 0 || !v) continue;
            if (*v == Decimal::zero()) {
                error(DiagnosticCode::Q118, w.span, "a motion's weight must not be 0", "to switch the criterion off write `disable " + w.code + "`");
                continue;
            }
            if (!reweighted.insert(i).second) {
                error(DiagnosticCode::Q105, w.span, "`" + w.code + "` is reweighted twice in motion `" + m.name + "`");
                continue;
            }
            rule.weights.emplace_back(i, *v);
        }
        std::set<int> disabled;
        for (const auto& d : m.disables) {
            int i = own(d.code, d.span);
            if (i < 0) continue;
            if (reweighted.count(i)) {
                error(DiagnosticCode::Q109, d.span, "motion `" + m.name + "` both reweights and disables `" + d.code + "`",
                      "keep one: `weight " + d.code + " N` or `disable " + d.code + "`");
                continue;
            }
            if (disabled.insert(i).second) rule.disabled.push_back(i);
        }
        std::set<std::string> codes;
        for (const auto& e : p_.escalations) codes.insert(e.code);
        for (auto& e : m.escalations) {
            if (!codes.insert(e.code).second) {
                error(DiagnosticCode::Q105, e.span, "escalation `" + e.code + "` is already defined", "give it its own code");
                continue;
            }
            rule.escalations.push_back(code_rule(e.code, e.when.get(), e.reason, e.span, Phase::Late, "escalation"));
        }
        p_.motions.push_back(std::move(rule));
    }
}

void Checker::routes() {
    auto& decls = p_.ast->routes;
    std::set<std::string> names;
    for (size_t i = 0; i < decls.size(); ++i) {
        auto& r = decls[i];
        if (!names.insert(r.name).second)
            error(DiagnosticCode::Q105, r.span, "route `" + r.name + "` is already defined",
                  "each route is listed once; combine the conditions with `or`");
        RouteRule rule{r.name, kNoRoot, r.label, r.action, r.span, {}};
        std::set<std::string> assigned;
        for (auto& a : r.assigns) {
            if (!assigned.insert(a.name).second)
                error(DiagnosticCode::Q128, a.span, "route `" + r.name + "` assigns `" + a.name + "` twice",
                      "assign each name once per route");
            Type t = expr(*a.value, Phase::Late);
            if (!t.invalid() && !t.scalar() && t.kind != Type::Kind::List)
                error(DiagnosticCode::Q128, a.value->span,
                      "an assigned value is a single value or a list, got " + type_name(t, p_.enums),
                      "assign a table output, a field or a literal");
            rule.assigns.push_back({a.name, add_root(a.value.get(), "assign " + r.name + "." + a.name),
                                    t.enum_id});
            if (std::find(p_.assigned_names.begin(), p_.assigned_names.end(), a.name) == p_.assigned_names.end())
                p_.assigned_names.push_back(a.name);
        }
        if (r.when) {
            condition(*r.when, Phase::Late, "the condition of route `" + r.name + "`");
            rule.when = add_root(r.when.get(), "route " + r.name);
        } else if (i + 1 != decls.size()) {
            error(DiagnosticCode::Q106, r.span, "routes after `otherwise` can never be taken",
                  "move `route " + r.name + " otherwise` to the end of the route list");
        }
        p_.routes.push_back(std::move(rule));
    }
    if (decls.empty())
        error(DiagnosticCode::Q106, p_.ast->header_span, "the rulebook has no routes",
              "add at least `route reject otherwise`");
    else if (decls.back().when)
        error(DiagnosticCode::Q106, decls.back().span, "the route list is not closed by `otherwise`",
              "add a last route such as `route nurture otherwise` so every lead gets a route");
}

void Checker::samples() {
    auto route_named = [&](const std::string& name, const ast::Span& span) -> int {
        int i = p_.route_index(name);
        if (i < 0) {
            std::vector<std::string> names;
            for (const auto& r : p_.routes) names.push_back(r.name);
            std::string guess = closest_name(name, names);
            error(DiagnosticCode::Q120, span, "there is no route `" + name + "`",
                  guess.empty() ? "routes are: " + join(names, ", ") : "did you mean `" + guess + "`?");
        }
        return i;
    };
    auto share = [&](const ast::Sample& s) -> int {
        auto d = Decimal::parse(s.percent);
        Decimal bp = d ? *d * Decimal::from_int(100) : Decimal{};
        if (!d || *d <= Decimal::zero() || *d > Decimal::from_int(100) || !bp.is_integer()) {
            error(DiagnosticCode::Q119, s.span, "share `" + s.percent + "%` must be above 0% and at most 100%, with at most two decimals");
            return 0;
        }
        return static_cast<int>(*bp.to_int64());
    };
    // One share per route: a second line for the same route could never apply.
    auto once = [&](std::set<int>& seen, int route, const ast::Sample& s, const char* kind) {
        if (seen.insert(route).second) return true;
        error(DiagnosticCode::Q126, s.span, std::string("`") + s.of + "` already has " + kind + " share",
              "keep one line per route");
        return false;
    };
    std::set<int> reviewed, explored;
    for (const auto& s : p_.ast->reviews) {
        SampleRule r{share(s), -1, -1};
        if (s.of != "disqualified") r.of_route = route_named(s.of, s.of_span);
        if (once(reviewed, r.of_route, s, "a review")) p_.reviews.push_back(r);
    }
    for (const auto& s : p_.ast->explores) {
        SampleRule r{share(s), route_named(s.of, s.of_span), route_named(s.as, s.as_span)};
        if (!once(explored, r.of_route, s, "an exploration")) continue;
        if (r.of_route >= 0 && r.of_route == r.as_route)
            error(DiagnosticCode::Q120, s.as_span, "an exploration sample moves leads to another route",
                  "write `explore P% of " + s.of + " as OTHER`");
        p_.explores.push_back(r);
    }
    if (p_.ast->qualified_routes)
        for (size_t i = 0; i < p_.ast->qualified_routes->names.size(); ++i) {
            int r = route_named(p_.ast->qualified_routes->names[i], p_.ast->qualified_routes->spans[i]);
            if (r >= 0) p_.qualified_routes.push_back(r);
        }
    if (p_.ast->rejection_reasons) {
        std::set<std::string> seen;
        const auto& rr = *p_.ast->rejection_reasons;
        for (size_t i = 0; i < rr.names.size(); ++i) {
            if (!seen.insert(rr.names[i]).second)
                error(DiagnosticCode::Q105, rr.spans[i], "rejection reason `" + rr.names[i] + "` is listed twice");
            else
                p_.rejection_reasons.push_back(rr.names[i]);
        }
    }
}

void Checker::models() {
    for (const auto& m : p_.ast->models) {
        if (model_names_.count(m.name) || lets_.count(m.name) || p_.schema.find(m.name) >= 0) {
            error(DiagnosticCode::Q105, m.span, "`" + m.name + "` is already defined", "give the model its own name");
            continue;
        }
        model_names_.insert(m.name);
        bool features_ok = true;
        std::vector<std::string> features;
        for (size_t i = 0; i < m.features.size(); ++i) {
            int slot = p_.schema.resolve(m.features[i]);
            if (slot >= 0) features.push_back(p_.schema.fields[static_cast<size_t>(slot)].name);
            if (slot < 0) {
                std::vector<std::string> fields;
                for (const auto& f : p_.schema.fields) fields.push_back(f.name);
                std::string guess = closest_name(m.features[i], fields);
                error(DiagnosticCode::Q102, m.feature_spans[i], "model feature `" + m.features[i] + "` is not a schema field",
                      guess.empty() ? "model features are schema fields" : "did you mean `" + guess + "`?");
                features_ok = false;
            }
        }
        ModelRule rule{m.name, m.path, nullptr, {}};
        std::filesystem::path file = std::filesystem::path(p_.base_dir) / m.path;
        bool missing = !std::filesystem::exists(file);
        if (!options_.skip_model_files && !(missing && options_.allow_missing_models)) {
            std::string err;
            rule.model = PropensityModel::load(file.string(), p_.schema, err);
            if (!rule.model) {
                error(DiagnosticCode::Q201, m.span, "model `" + m.name + "`: " + err,
                      missing ? "the path is relative to the rulebook's folder; `qualify train` writes the file"
                              : "see docs/model.md for the model file format");
            } else {
                for (const auto& f : rule.model->features()) rule.feature_slots.push_back(p_.schema.find(f));
            }
            if (rule.model && features_ok && !m.features.empty()) {
                std::set<std::string> declared(features.begin(), features.end());
                std::set<std::string> in_file(rule.model->features().begin(), rule.model->features().end());
                if (declared != in_file)
                    error(DiagnosticCode::Q202, m.span,
                          "model `" + m.name + "` reads [" + join(rule.model->features(), ", ") +
                              "] but the rulebook lists [" + join(m.features, ", ") + "]",
                          "make `features [...]` name exactly the fields the model file uses, or retrain it");
            }
        }
        p_.models.push_back(std::move(rule));
    }
}

// `score =` and `confidence =`: a number that is never unknown.
RootId Checker::number_line(ast::Expr& e, Phase phase, const std::string& what) {
    Type t = expr(e, phase);
    if (!t.invalid() && !t.numeric())
        error(DiagnosticCode::Q103, e.span, "`" + what + " =` must be a number, got " + type_name(t, p_.enums));
    else if (t.optional)
        error(DiagnosticCode::Q111, e.span, "`" + what + " =` may be unknown for some leads",
              "give unknown parts a default with `??`, e.g. `0.7 * rules + 0.3 * (model ?? 0) * 100`");
    return add_root(&e, what);
}

void Checker::rules() {
    auto& rb = *p_.ast;
    std::set<std::string> codes;
    for (auto& d : rb.disqualifiers) {
        if (!codes.insert(d.code).second)
            error(DiagnosticCode::Q105, d.span, "disqualifier `" + d.code + "` is already defined", "give each disqualifier its own code");
        p_.disqualifiers.push_back(code_rule(d.code, d.when.get(), d.reason, d.span, Phase::Lead, "disqualifier"));
    }
    dedupe();
    for (const auto& c : rb.criteria) criterion(c, -1);
    p_.own_criteria = p_.criteria.size();
    models();
    // Motions form an enum of their own for `motion == NAME`, with `none` last.
    EnumInfo motion_enum{"motion", {}};
    for (const auto& m : rb.motions) {
        if (motion_enum.find(m.name) >= 0 || m.name == "none")
            error(DiagnosticCode::Q105, m.span, "motion `" + m.name + "` is already defined", "give each motion its own name");
        motion_enum.values.push_back(m.name);
    }
    motion_enum.values.push_back("none");
    p_.motion_enum = static_cast<int>(p_.enums.size());
    p_.enums.push_back(std::move(motion_enum));

    if (rb.score) p_.score = number_line(*rb.score, Phase::Score, "score");
    if (rb.criteria.empty() && !rb.score)
        error(DiagnosticCode::Q113, rb.header_span, "the rulebook has neither criteria nor a `score =` line",
              "add weighted criteria (`criterion CODE weight N = …`) or a `score = …` line");
    if (rb.confidence) p_.confidence = number_line(*rb.confidence, Phase::Confidence, "confidence");
    std::set<std::string> escalation_codes;
    for (auto& e : rb.escalations) {
        if (!escalation_codes.insert(e.code).second)
            error(DiagnosticCode::Q105, e.span, "escalation `" + e.code + "` is already defined", "give each escalation its own code");
        p_.escalations.push_back(code_rule(e.code, e.when.get(), e.reason, e.span, Phase::Late, "escalation"));
    }
    motions();
    routes();
    samples();
}

// `dedupe by KEY, …`: each part is read from the lead like a disqualifier's
// condition and must be one value (not a list or set), so that two leads'
// keys compare the way `==` would.
void Checker::dedupe() {
    if (!p_.ast->dedupe) return;
    auto& d = *p_.ast->dedupe;
    p_.dedupe_span = d.span;
    for (size_t i = 0; i < d.keys.size(); ++i) {
        ast::Expr& key = *d.keys[i];
        Type t = expr(key, Phase::Lead);
        if (!t.invalid() && (!t.scalar() || t.kind == K::Null))
            error(DiagnosticCode::Q103, key.span, "a dedupe key is one value, got " + type_name(t, p_.enums),
                  "dedupe by a string, number, date, bool or enum, e.g. `lower(email)`; for several, separate them with commas");
        p_.dedupe_keys.push_back(add_root(&key, d.keys.size() == 1 ? "dedupe by" : "dedupe by #" + std::to_string(i + 1)));
    }
}

void Checker::hash() {
    Sha256 h;
    h.update(p_.ast->source);
    for (const auto& m : p_.models) {
        if (!m.model) continue;
        h.update(std::string_view("\0", 1));
        h.update(m.path);
        h.update(std::string_view("\0", 1));
        h.update(m.model->file_bytes());
    }
    p_.hash = "sha256:" + h.hex_digest();
}

void Checker::run() {
    p_.name = p_.ast->name;
    p_.version = p_.ast->version;
    p_.qualified_name = p_.name + "@" + p_.version;
    p_.review_seed = sample_seed(p_.name, "review");
    p_.explore_seed = sample_seed(p_.name, "explore");
    schema();
    declare_tables();
    lets();
    tables();
    rules();
    tests();
    hash();
    if (failed()) return;
    // Lets that read no lead field are computed once, here, in dependency order.
    for (const LetState* s : constant_order_) {
        try {
            p_.constants[s->constant] = evaluate_constant(p_, *s->let->value);
        } catch (const ArithmeticError& e) {
            error(DiagnosticCode::Q122, s->let->span, "`" + s->let->name + "` cannot be computed: " + e.what());
        }
    }
    finish_tables();
}

}  // namespace qualify::check_detail

namespace qualify {

std::unique_ptr<Program> check(std::unique_ptr<ast::Rulebook> rulebook, const std::string& base_dir,
                               std::vector<Diagnostic>& diagnostics, const CheckOptions& options) {
    auto program = std::make_unique<Program>();
    program->ast = std::move(rulebook);
    program->base_dir = base_dir;
    check_detail::Checker checker(*program, diagnostics, options);
    checker.run();
    if (checker.failed()) return nullptr;
    return program;
}

}  // namespace qualify
