// The reference evaluator: a small tree-walking interpreter of the checked
// AST, kept beside the VM as the executable statement of the semantics. The
// differential test checks that the VM decides every lead exactly as this
// does; the checker also uses it to compute constant lets.
#pragma once

#include "eval_context.hpp"

namespace qualify {

class ReferenceEngine final : public Engine {
public:
    Value eval(RootId root, EvalContext& ctx) const override;
    // Row by row, testing each cell as written in the AST.
    void match_table(int table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit,
                     EvalContext& ctx) const override;
};

// Evaluates any checked expression for the context's lead.
Value evaluate(const ast::Expr& e, EvalContext& ctx);

// Evaluates an expression that reads no lead field (a constant let) and keeps
// the strings and lists of its value in the program's constant storage.
Value evaluate_constant(Program& program, const ast::Expr& e);

// Copies the strings and lists a value points at into `arena`.
Value persist(const Value& v, Arena& arena);

}  // namespace qualify
