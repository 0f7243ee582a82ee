// The decision procedure (spec §3, "Decision order").
#include "decide.hpp"

#include "date.hpp"
#include "dedupe_key.hpp"
#include "trace_format.hpp"

#include <algorithm>
#include <climits>
#include <cstring>

namespace qualify {

namespace {
uint64_t fnv1a64_continue(uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}
}  // namespace

uint64_t fnv1a64(std::string_view bytes) { return fnv1a64_continue(14695981039346656037ULL, bytes); }

uint64_t sample_seed(std::string_view rulebook, std::string_view kind) {
    // The same hash as over `rulebook + "\n" + kind + "\n"`, without building that string.
    uint64_t h = fnv1a64_continue(14695981039346656037ULL, rulebook);
    h = fnv1a64_continue(h, "\n");
    h = fnv1a64_continue(h, kind);
    return fnv1a64_continue(h, "\n");
}

bool sampled_from(uint64_t seed, std::string_view id, int basis_points) {
    return fnv1a64_continue(seed, id) % 10000 < static_cast<uint64_t>(basis_points);
}

bool sampled(std::string_view rulebook, std::string_view kind, std::string_view id, int basis_points) {
    return sampled_from(sample_seed(rulebook, kind), id, basis_points);
}

namespace {

const Decimal kHundred = Decimal::from_int(100);

Decimal clamp(Decimal x, Decimal lo, Decimal hi) { return x < lo ? lo : (x > hi ? hi : x); }

// A fit: bools count 1 or 0, numbers are clamped to [0, 1].
Decimal fit_of(const Value& v) {
    if (v.kind == Value::Kind::Bool) return v.b ? Decimal::one() : Decimal::zero();
    return clamp(v.n, Decimal::zero(), Decimal::one());
}

// The checker proves `score =` and `confidence =` are never unknown; should a
// built-in's type ever claim otherwise, the lead gets an error decision, not
// a made-up 0.
Decimal known_number(const Value& v, const char* what) {
    if (!v.known()) throw ArithmeticError(std::string("`") + what + " =` gave unknown");
    return v.n;
}

class Decider {
public:
    Decider(EvalContext& ctx, const DecideOptions& o, Decision& d) : ctx_(ctx), p_(ctx.program()), o_(o), d_(d) {}

    void run();

private:
    // A phase's values. Without the trace, begin_phase() evaluates all of a
    // phase's roots in one call into the engine and rule_value() hands the
    // values out in order; with the trace, rule_value() evaluates each root
    // when the phase reaches it, so each trace entry shows its own inputs.
    // Either way the same roots are evaluated, in the same order.
    void begin_phase(const std::vector<RootId>& roots, bool stop_at_true) {
        phase_at_ = 0;
        if (!explain_) ctx_.eval_each(roots.data(), roots.size(), phase_, stop_at_true);
    }
    const Value& rule_value(RootId root) {
        if (explain_) phase_[phase_at_] = ctx_.eval(root);
        return phase_[phase_at_++];
    }
    // The next rule of the phase; the trace names it as the checker did.
    const Value& eval_rule(RootId root) {
        const Value& v = rule_value(root);
        if (explain_) trace_rule(root, v);
        return v;
    }
    // Apart from eval_rule, which stays small enough to inline.
    void trace_rule(RootId root, const Value& v) {
        trace(root, p_.root_names[static_cast<size_t>(root)], result_text(v));
    }
    TraceEntry& trace(RootId root, std::string rule, std::string result) {
        TraceEntry t;
        t.rule = std::move(rule);
        if (root != kNoRoot) {
            const auto& span = p_.roots[static_cast<size_t>(root)]->span;
            t.at = p_.ast->file + ":" + std::to_string(span.line) + ":" + std::to_string(span.column);
            t.inputs = trace_inputs(ctx_, ctx_.take_reads(), o_.show_pii);
        }
        t.result = std::move(result);
        d_.trace.push_back(std::move(t));
        return d_.trace.back();
    }
    std::string result_text(const Value& v) { return value_text(p_, v, -1); }

    void disqualified();
    void qualified();
    void criteria(const DecidePlan::ForMotion& plan, const MotionRule* m, Decimal& points, Decimal& positive,
                  Decimal& unknown_positive);
    void models();
    void review(int route);
    void finish_unknown();
    void trace_tables();

    EvalContext& ctx_;
    const Program& p_;
    const DecideOptions& o_;
    Decision& d_;
    const bool explain_ = o_.explain;  // by value: it is read after every call into the engine
    Value* const phase_ = ctx_.phase_values();
    size_t phase_at_ = 0;
};

void Decider::run() {
    begin_phase(p_.plan.disqualifiers, false);
    for (size_t i = 0; i < p_.disqualifiers.size(); ++i)
        if (eval_rule(p_.disqualifiers[i].when).is_true()) d_.disqualified.push_back(p_.plan.disqualified[i]);
    d_.has_assigned = !p_.assigned_names.empty();
    if (!d_.disqualified.empty()) disqualified();
    else qualified();
    if (explain_) trace_tables();
    finish_unknown();
}

void Decider::disqualified() {
    d_.route = "reject";
    // A rejected lead has no model outcomes; the context keeps them aside so
    // the next qualified lead reuses their factor lists and strings.
    if (!d_.models.empty()) {
        std::swap(d_.models, ctx_.spare_model_outcomes());
        d_.models.clear();
    }
    if (explain_) trace(kNoRoot, "route", "reject").note = "a disqualifier fired: nothing else is evaluated";
    review(-1);
}

void Decider::criteria(const DecidePlan::ForMotion& plan, const MotionRule* m, Decimal& points, Decimal& positive,
                       Decimal& unknown_positive) {
    d_.reasons.clear();
    begin_phase(plan.fits, false);
    for (const auto& step : plan.criteria) {
        const CriterionRule& c = p_.criteria[static_cast<size_t>(step.criterion)];
        if (step.disabled) {
            if (explain_) trace(kNoRoot, "criterion " + c.code, "disabled").note = "disabled by motion " + m->name;
            continue;
        }
        const Decimal weight = step.weight;
        const Value& v = rule_value(c.fit);
        bool positive_weight = weight > Decimal::zero();
        if (positive_weight) positive = positive + weight;
        Decimal contribution;
        if (!v.known()) {
            if (positive_weight) unknown_positive = unknown_positive + weight;
        } else {
            // Most fits are exactly 0 or 1 (a bool, a full match, a capped
            // ratio): those need no rounded product.
            const Decimal fit = fit_of(v);
            contribution = fit == Decimal::one() ? weight : fit == Decimal::zero() ? Decimal::zero() : fit * weight;
            points = points + contribution;
        }
        if (explain_) {
            TraceEntry& t = trace(c.fit, p_.root_names[static_cast<size_t>(c.fit)], v.known() ? fit_of(v).to_string() : "unknown");
            t.points = contribution;
            t.weight = weight;
            if (!v.known())
                t.note = positive_weight ? "fit unknown: contributes 0, weight counts as unknown"
                                         : "fit unknown: contributes 0";
            else if (m && weight != c.weight) t.note = "weight set by motion " + m->name;
        }
        if (contribution != Decimal::zero()) {
            // Field by field into place: a ReasonItem built aside and copied
            // in would be read back before its narrow stores had landed.
            ReasonItem& r = d_.reasons.emplace_back();
            r.code = c.code;
            r.label = c.label;
            r.points = contribution;
            r.weight = weight;
        }
    }
    // Positive contributions by points, largest first, then penalties by
    // magnitude; ties keep declaration order (stable). An insertion sort:
    // a lead has a handful of reasons, and std::stable_sort costs more in
    // setting up its buffer than in sorting them.
    auto before = [](const ReasonItem& a, const ReasonItem& b) {
        bool ap = a.points > Decimal::zero(), bp = b.points > Decimal::zero();
        if (ap != bp) return ap;
        return ap ? a.points > b.points : a.points < b.points;
    };
    auto& r = d_.reasons;
    for (size_t i = 1; i < r.size(); ++i) {
        ReasonItem item = r[i];
        size_t j = i;
        for (; j > 0 && before(item, r[j - 1]); --j) r[j] = r[j - 1];
        r[j] = item;
    }
}

void Decider::models() {
    // Outcomes are reused from lead to lead, so their factor lists keep their capacity.
    if (d_.models.empty()) std::swap(d_.models, ctx_.spare_model_outcomes());
    d_.models.resize(p_.models.size());
    for (size_t i = 0; i < p_.models.size(); ++i) {
        const auto& m = p_.models[i];
        ModelOutcome& out = d_.models[i];
        for (int slot : m.feature_slots) ctx_.field(slot);  // counts unknown inputs, feeds the trace
        out.name = m.name;
        out.probability = m.model->evaluate_into(ctx_.lead().slots.data(), out.factors);
        ctx_.set_model(static_cast<int>(i), Value::number(out.probability));
        if (explain_) {
            TraceEntry& t = trace(kNoRoot, "model " + m.name, out.probability.to_fixed(4));
            t.inputs = trace_inputs(ctx_, ctx_.take_reads(), o_.show_pii);
            for (const auto& f : out.factors)
                t.note += (t.note.empty() ? "" : ", ") + std::string(f.feature) + " = " + f.value + " " +
                          (f.contribution < Decimal::zero() ? "" : "+") + f.contribution.to_fixed(4);
        }
    }
}

void Decider::qualified() {
    int motion = -1;
    begin_phase(p_.plan.motions, true);
    for (size_t i = 0; i < p_.motions.size() && motion < 0; ++i)
        if (eval_rule(p_.motions[i].when).is_true()) motion = static_cast<int>(i);
    const MotionRule* m = motion >= 0 ? &p_.motions[static_cast<size_t>(motion)] : nullptr;
    if (m) d_.motion = m->name;
    const DecidePlan::ForMotion& plan = p_.plan.by_motion[static_cast<size_t>(motion + 1)];
    ctx_.set_builtin(BuiltinName::Motion, Value::enumv(motion >= 0 ? motion : static_cast<int>(p_.motions.size())));

    Decimal points, positive, unknown_positive;
    criteria(plan, m, points, positive, unknown_positive);
    Decimal rules, known_share = Decimal::one();
    if (positive != Decimal::zero()) {
        rules = clamp(points * kHundred / positive, Decimal::zero(), kHundred);
        known_share = (positive - unknown_positive) / positive;
    }
    ctx_.set_builtin(BuiltinName::Rules, Value::number(rules));
    ctx_.set_builtin(BuiltinName::Points, Value::number(points));
    ctx_.set_builtin(BuiltinName::KnownShare, Value::number(known_share));
    if (explain_)
        trace(kNoRoot, "rules", rules.to_string()).note =
            "points " + points.to_string() + " x 100 / positive weight " + positive.to_string() + "; known_share " +
            known_share.to_string();
    models();

    // Score and confidence are rounded once, here: the number printed is the number compared.
    Decimal score = p_.score != kNoRoot ? known_number(ctx_.eval(p_.score), "score") : rules;
    score = clamp(score, Decimal::zero(), kHundred).round_half_away(2);
    ctx_.set_builtin(BuiltinName::Score, Value::number(score));
    if (explain_) trace(p_.score, "score", score.to_fixed(2));
    Decimal confidence =
        p_.confidence != kNoRoot ? known_number(ctx_.eval(p_.confidence), "confidence") : known_share;
    confidence = clamp(confidence, Decimal::zero(), Decimal::one()).round_half_away(2);
    ctx_.set_builtin(BuiltinName::Confidence, Value::number(confidence));
    if (explain_) trace(p_.confidence, "confidence", confidence.to_fixed(2));
    d_.score = score;
    d_.confidence = confidence;

    begin_phase(plan.escalation_whens, false);
    for (const auto& e : plan.escalations) {
        bool fires = e.when == kNoRoot || eval_rule(e.when).is_true();
        if (e.when == kNoRoot && explain_)
            trace(kNoRoot, "escalate " + std::string(e.shown.code), "true").note = "motion escalation without condition";
        if (fires) d_.escalations.push_back(e.shown);
    }

    int route = -1;
    begin_phase(p_.plan.routes, true);
    for (size_t i = 0; i < p_.routes.size() && route < 0; ++i) {
        const auto& r = p_.routes[i];
        if (r.when == kNoRoot) {
            route = static_cast<int>(i);
            if (explain_) trace(kNoRoot, "route " + r.name, "otherwise").note = "no earlier route held";
        } else if (eval_rule(r.when).is_true()) {
            route = static_cast<int>(i);
            if (explain_) d_.trace.back().note = "first route that holds";
        }
    }
    for (const auto& x : p_.explores) {
        if (x.of_route != route) continue;
        if (sampled_from(p_.explore_seed, d_.id, x.basis_points)) {
            d_.explore = true;
            d_.explored_from = p_.routes[static_cast<size_t>(route)].name;
            route = x.as_route;
            if (explain_)
                trace(kNoRoot, "explore", p_.routes[static_cast<size_t>(route)].name).note =
                    "sampled " + (Decimal::from_int(x.basis_points) / kHundred).to_string() + "% of " +
                    std::string(*d_.explored_from);
        }
        break;
    }
    const RouteRule& chosen = p_.routes[static_cast<size_t>(route)];
    d_.route = chosen.name;
    if (chosen.label) d_.route_label = *chosen.label;
    if (chosen.action) d_.action = *chosen.action;
    for (const auto& a : chosen.assigns) {
        Value v = ctx_.eval(a.value);
        AssignedValue out{a.name, v.known() ? value_text(p_, v, a.enum_id) : "null", {}};
        out.plain = v.kind == Value::Kind::String ? std::string(v.s) : v.known() ? out.json : std::string();
        if (explain_) trace(a.value, "assign " + a.name, out.json);
        d_.assigned.push_back(std::move(out));
    }
    review(route);
}

void Decider::review(int route) {
    for (const auto& r : p_.reviews) {
        if (r.of_route != route) continue;
        if (sampled_from(p_.review_seed, d_.id, r.basis_points)) {
            d_.review = true;
            if (explain_) trace(kNoRoot, "review", "true").note = "sampled for human review";
        }
        break;
    }
}

// One trace entry per decision table this lead used: its inputs and the
// rows that matched (`row 2`; coverage reads which rows fire from here).
void Decider::trace_tables() {
    const auto& hits = ctx_.tables();
    for (size_t i = 0; i < hits.size(); ++i) {
        if (!hits[i].done) continue;
        const TableRule& t = p_.tables[i];
        TraceEntry e;
        e.rule = "table " + t.name;
        const auto& span = t.decl->span;
        e.at = p_.ast->file + ":" + std::to_string(span.line) + ":" + std::to_string(span.column);
        for (size_t c = 0; c < t.inputs.size(); ++c) {
            const ast::Expr& h = *p_.roots[static_cast<size_t>(t.inputs[c])];
            std::string name;
            for (const auto& part : h.path) name += (name.empty() ? "" : ".") + part;
            if (name.empty()) name = "column " + std::to_string(c + 1);
            const Value& v = hits[i].inputs[c];
            // A column that reads a pii field is redacted as the field would be.
            const bool pii = !o_.show_pii && h.resolved.kind == ast::Resolved::Kind::Field &&
                             p_.schema.fields[static_cast<size_t>(h.resolved.index)].pii;
            e.inputs.emplace_back(name, !v.known() ? "null" : pii ? "\"<redacted>\"" : value_text(p_, v, p_.type_of(h).enum_id));
        }
        const auto& rows = hits[i].rows;
        if (rows.empty()) e.result = "no row";
        for (size_t r = 0; r < rows.size(); ++r)
            e.result += (r ? ", " : rows.size() > 1 ? "rows " : "row ") + std::to_string(rows[r] + 1);
        e.note = t.hit == ast::Table::Hit::First ? "hit first" : t.hit == ast::Table::Hit::Unique ? "hit unique" : "hit collect";
        d_.trace.push_back(std::move(e));
    }
}

void Decider::finish_unknown() {
    const auto& read = ctx_.unknown_read();
    // Eight flags (bytes of 0 or 1) at a time, gathered into the bits of
    // one byte by a multiplication, and only the set bits visited: which
    // fields are unknown varies from lead to lead, and a branch per flag
    // was mispredicted often.
    size_t i = 0;
    for (; i + 8 <= read.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, read.data() + i, sizeof word);
        for (unsigned bits = static_cast<unsigned>((word * 0x0102040810204080ULL) >> 56); bits; bits &= bits - 1)
            d_.unknown.push_back(p_.plan.field_names[i + static_cast<size_t>(__builtin_ctz(bits))]);
    }
    for (; i < read.size(); ++i)
        if (read[i]) d_.unknown.push_back(p_.plan.field_names[i]);
}

// Clears a decision for the next lead, keeping the capacity of its lists:
// a run decides many leads into one Decision without allocating each time.
void reset(Decision& d) {
    d.is_error = false;
    d.error.clear();
    d.route = {};
    d.route_label.reset();
    d.action.reset();
    d.score.reset();
    d.confidence.reset();
    d.disqualified.clear();
    d.motion.reset();
    d.reasons.clear();
    d.escalations.clear();
    d.unknown.clear();
    d.review = d.explore = false;
    d.explored_from.reset();
    d.has_assigned = false;
    d.assigned.clear();
    d.traced = false;
    d.trace.clear();
    d.dedupe_key.reset();
}

}  // namespace

void decide(EvalContext& ctx, const Lead& lead, const DecideOptions& options, Decision& d) {
    const Program& p = ctx.program();
    reset(d);
    d.id = lead.id;
    d.line = lead.line;
    // Formatting the date costs more than some rules; runs keep one as-of date.
    thread_local int32_t cached_days = INT32_MIN;
    thread_local std::string cached_text;
    if (cached_days != options.as_of) {
        cached_days = options.as_of;
        cached_text = format_iso_date(options.as_of);
    }
    d.as_of = cached_text;
    d.rulebook = p.qualified_name;
    d.rulebook_hash = p.hash;
    d.traced = options.explain;
    ctx.reset(lead, options.as_of, options.explain);
    try {
        Decider(ctx, options, d).run();
        // Last, so the key's reads add nothing to `unknown` or the trace.
        if (!p.dedupe_keys.empty()) d.dedupe_key = dedupe_key(ctx);
    } catch (const ArithmeticError& e) {
        std::string where;
        if (ctx.current_root() != kNoRoot) {
            const auto& span = p.roots[static_cast<size_t>(ctx.current_root())]->span;
            where = " in " + p.root_names[static_cast<size_t>(ctx.current_root())] + " (" + p.ast->file + ":" +
                    std::to_string(span.line) + ":" + std::to_string(span.column) + ")";
        }
        set_error(d, lead.id, lead.line, std::string(e.what()) + where);
        // A runtime error still says which run and rulebook met it (decision logs).
        d.as_of = cached_text;
        d.rulebook = p.qualified_name;
        d.rulebook_hash = p.hash;
    }
}

// Also clears what only an evaluated lead has: as_of and the rulebook.
void set_error(Decision& d, std::string_view id, uint64_t line, std::string error) {
    reset(d);
    d.models.clear();
    d.as_of.clear();
    d.rulebook = {};
    d.rulebook_hash = {};
    d.id.assign(id);
    d.line = line;
    d.is_error = true;
    d.error = std::move(error);
}

}  // namespace qualify
