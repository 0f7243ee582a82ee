// The bytecode of a compiled rulebook: one chunk per root expression, all in
// one instruction array, with a span table beside it so a runtime error or
// a trace line can point back to file:line:col.
#pragma once

#include "grammar/ast.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace qualify {

enum class Op : uint8_t {
#define OP(name, operands, in, out, doc) name,
#include "opcodes.def"
#undef OP
};

struct OpInfo {
    const char* name;
    int operands;
    int stack_in;
    int stack_out;
    const char* doc;
};

const OpInfo& op_info(Op op);

// The `_K` form of a binary operator (its right operand a constant, operand
// a), or `op` itself when it has none.
Op constant_operand_form(Op op);
// Whether operand a of `op` is a constant index (PUSH_CONST and the `_K` forms).
bool reads_constant(Op op);

struct Instr {
    Op op;
    int32_t a = 0;
    int32_t b = 0;
};

struct Bytecode {
    std::vector<Instr> code;
    std::vector<ast::Span> spans;     // parallel to code
    std::vector<uint32_t> entry;      // root -> first instruction
    std::vector<uint32_t> max_stack;  // root -> deepest stack it needs
    uint32_t deepest = 0;             // the largest of max_stack: a phase's frame (VmEngine::eval_each)
    // SELECT_ENUM tables: for each position of the subject's enum, the
    // constant the match gives, or -1 for unknown (no arm holds, no else).
    struct Select {
        int enum_id = -1;
        std::vector<int32_t> results;
    };
    std::vector<Select> selects;
};

struct Program;
class EvalContext;

// Compiles every root of a checked program. Constant subexpressions are
// folded; a fold that fails (say, a division by zero between constants) is
// left unfolded, so the error happens only where evaluation reaches it.
void compile(Program& program);

// `qualify disasm`: the bytecode of every root, one instruction a line.
std::string disassemble(const Program& program);

}  // namespace qualify
