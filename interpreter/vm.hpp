// The bytecode virtual machine: evaluates a root's chunk on a value stack.
#pragma once

#include "eval_context.hpp"

namespace qualify {

class VmEngine final : public Engine {
public:
    Value eval(RootId root, EvalContext& ctx) const override;
};

}  // namespace qualify
