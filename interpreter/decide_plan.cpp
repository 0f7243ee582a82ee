// The decision plan (DecidePlan, program.hpp): which roots each phase of
// decide() evaluates, in order, for each motion. Motion overrides are
// resolved here once instead of per lead and per criterion.
#include "decide.hpp"

#include <algorithm>

namespace qualify {

namespace {

DecidePlan::ForMotion plan_for(const Program& p, const MotionRule* m) {
    DecidePlan::ForMotion out;
    auto add = [&](int i) {
        const CriterionRule& c = p.criteria[static_cast<size_t>(i)];
        DecidePlan::CriterionStep step{i, c.weight, false};
        if (m) {
            step.disabled = std::find(m->disabled.begin(), m->disabled.end(), i) != m->disabled.end();
            for (const auto& [idx, w] : m->weights)
                if (idx == i) step.weight = w;
        }
        out.criteria.push_back(step);
        if (!step.disabled) out.fits.push_back(c.fit);
    };
    for (size_t i = 0; i < p.own_criteria; ++i) add(static_cast<int>(i));
    if (m)
        for (int i : m->added) add(i);
    auto escalate = [&](const CodeRule& e) {
        out.escalations.push_back({e.when, {e.code, e.reason}});
        if (e.when != kNoRoot) out.escalation_whens.push_back(e.when);
    };
    for (const auto& e : p.escalations) escalate(e);
    if (m)
        for (const auto& e : m->escalations) escalate(e);
    return out;
}

}  // namespace

void plan_decision(Program& p) {
    DecidePlan plan;
    for (const auto& q : p.disqualifiers) {
        plan.disqualifiers.push_back(q.when);
        plan.disqualified.push_back({q.code, q.reason});
    }
    for (const auto& m : p.motions) plan.motions.push_back(m.when);
    plan.by_motion.push_back(plan_for(p, nullptr));
    for (const auto& m : p.motions) plan.by_motion.push_back(plan_for(p, &m));
    for (size_t i = 0; i < p.routes.size(); ++i) {
        if (p.routes[i].when == kNoRoot) break;
        plan.routes.push_back(p.routes[i].when);
    }
    for (const auto& f : p.schema.fields) plan.field_names.push_back(f.name);
    plan.widest = std::max({plan.disqualifiers.size(), plan.motions.size(), plan.routes.size()});
    for (const auto& f : plan.by_motion)
        plan.widest = std::max({plan.widest, f.fits.size(), f.escalation_whens.size()});
    p.plan = std::move(plan);
}

}  // namespace qualify
