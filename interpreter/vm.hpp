// The bytecode virtual machine: evaluates a root's chunk on a value stack.
#pragma once

#include "eval_context.hpp"

namespace qualify {

class VmEngine final : public Engine {
public:
    Value eval(RootId root, EvalContext& ctx) const override;
    size_t eval_each(const RootId* roots, size_t n, Value* out, bool stop_at_true,
                     EvalContext& ctx) const override;
    // Through the table's index (table_index.hpp).
    void match_table(int table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit,
                     EvalContext& ctx) const override;

private:
    size_t run(const RootId* roots, size_t n, Value* out, bool stop_at_true, EvalContext& ctx) const;
    const Builtin* builtins_ = builtins().data();  // looked up once, not on every entry
};

}  // namespace qualify
