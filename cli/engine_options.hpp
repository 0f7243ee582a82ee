// The evaluation flags `score` and `explain` share: --as-of, --show-pii,
// --engine. Kept in one place so both commands document and parse them alike.
#pragma once

#include "cli/options.hpp"

#include "qualify/qualify.hpp"

namespace qualify::cli {

inline EvalOptions eval_options(const Args& args, bool explain) {
    EvalOptions options;
    options.as_of = as_of_date(args);
    options.explain = explain;
    options.show_pii = args.has("--show-pii");
    options.engine = one_of(args, "--engine", "vm", {"vm", "reference"}) == "vm"
                         ? EngineKind::Vm
                         : EngineKind::Reference;
    return options;
}

}  // namespace qualify::cli
