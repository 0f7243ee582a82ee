// Deciding one JSON lead with both engines (the VM and the reference
// evaluator), which must agree byte for byte: the check every engine test
// makes before it looks at the decision.
#pragma once

#include "qualify/qualify.hpp"

#include <doctest/doctest.h>

#include <string>

namespace engine_test {

// The VM's decision JSON for `lead`, after checking the reference
// evaluator writes the same line (as-of 2026-11-23; with the trace when
// `explain`). `context` is added to the failure message.
inline std::string decide_with_both(const qualify::Rulebook& rulebook, const std::string& lead, bool explain = false,
                                    const std::string& context = "") {
    using namespace qualify;
    const int32_t as_of = *parse_date("2026-11-23");
    Evaluator vm(rulebook, {as_of, explain, false, EngineKind::Vm});
    Evaluator ref(rulebook, {as_of, explain, false, EngineKind::Reference});
    std::string a = to_json(vm.evaluate_json(lead, 1));
    CHECK_MESSAGE(a == to_json(ref.evaluate_json(lead, 1)), "the engines disagree on " << lead << " " << context);
    return a;
}

}  // namespace engine_test
