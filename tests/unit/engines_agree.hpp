// Deciding one JSON lead with both engines (the VM and the reference
// evaluator), which must agree byte for byte: the check every engine test
// makes before it looks at the decision.
#pragma once

#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <string>

namespace engine_test {

// The VM's decision JSON for `lead`, after checking the reference
// evaluator writes the same line (as-of 2026-11-23, no trace).
inline std::string decide_with_both(const qualify::Rulebook& rulebook, const std::string& lead) {
    using namespace qualify;
    const int32_t as_of = *parse_date("2026-11-23");
    Evaluator vm(rulebook, {as_of, false, false, EngineKind::Vm});
    Evaluator ref(rulebook, {as_of, false, false, EngineKind::Reference});
    std::string a = to_json(vm.evaluate_json(lead, 1));
    CHECK(a == to_json(ref.evaluate_json(lead, 1)));
    return a;
}

}  // namespace engine_test
