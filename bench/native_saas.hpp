// The spec's inbound SaaS rulebook hand-written in C++: the native ceiling
// the interpreter is measured against. Same exact decimals, same model code,
// same unknown semantics; it computes route, score and confidence (the parts
// the bench cross-checks against the VM) without building reasons or text.
#pragma once

#include "interpreter/program.hpp"

#include <string_view>

namespace qualify {

struct NativeDecision {
    std::string_view route;
    Decimal score;
    Decimal confidence;
    bool disqualified = false;
    int escalations = 0;
};

class NativeSaas {
public:
    explicit NativeSaas(const Program& p);
    NativeDecision decide(const Lead& lead) const;

private:
    const Program& p_;
    int email, source, domain, employees, industry, country, stack, seniority, job_change, customer, competitor,
        pages, downloads, intent, spike, active_users;
    mutable std::vector<ModelFactor> factors_;  // reused, as the engine reuses its own
};

}  // namespace qualify
