// Compiles the checked AST to bytecode: names are already resolved to slots,
// lets, sets and regexes by the checker; here constant subexpressions fold
// and control flow (Kleene and/or, ??, if, match) becomes jumps.
#include "bytecode.hpp"

#include "program.hpp"
#include "ops.hpp"
#include "reference_eval.hpp"
#include "stdlib/builtins.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace qualify {

const OpInfo& op_info(Op op) {
    static const OpInfo table[] = {
#define OP(name, operands, in, out, doc) {#name, operands, in, out, doc},
#include "opcodes.def"
#undef OP
    };
    return table[static_cast<size_t>(op)];
}

namespace {

// Binary operators and their forms with a constant right operand.
constexpr std::pair<Op, Op> kConstantForms[] = {
    {Op::ADD, Op::ADD_K}, {Op::SUB, Op::SUB_K}, {Op::MUL, Op::MUL_K}, {Op::DIV, Op::DIV_K},
    {Op::EQ, Op::EQ_K},   {Op::NE, Op::NE_K},   {Op::LT, Op::LT_K},   {Op::LE, Op::LE_K},
    {Op::GT, Op::GT_K},   {Op::GE, Op::GE_K},   {Op::IN, Op::IN_K},   {Op::NOT_IN, Op::NOT_IN_K},
    {Op::INTERSECT, Op::INTERSECT_K}, {Op::UNION, Op::UNION_K}, {Op::DIFFERENCE, Op::DIFFERENCE_K},
};

}  // namespace

Op constant_operand_form(Op op) {
    for (const auto& [plain, with_constant] : kConstantForms)
        if (plain == op) return with_constant;
    return op;
}

bool reads_constant(Op op) {
    if (op == Op::PUSH_CONST) return true;
    for (const auto& form : kConstantForms)
        if (form.second == op) return true;
    return false;
}

namespace {

using EK = ast::Expr::Kind;
using RK = ast::Resolved::Kind;

class Compiler {
public:
    Compiler(Program& p, Bytecode& bc) : p_(p), bc_(bc) {}

    void root(const ast::Expr& e) {
        depth_ = max_ = 0;
        bc_.entry.push_back(static_cast<uint32_t>(bc_.code.size()));
        expr(e);
        emit(Op::RET, e.span);
        bc_.max_stack.push_back(static_cast<uint32_t>(max_ + 1));
        bc_.deepest = std::max(bc_.deepest, bc_.max_stack.back());
    }

private:
    size_t emit(Op op, const ast::Span& span, int32_t a = 0, int32_t b = 0) {
        bc_.code.push_back({op, a, b});
        bc_.spans.push_back(span);
        const OpInfo& info = op_info(op);
        depth_ -= info.stack_in < 0 ? b : info.stack_in;
        depth_ += info.stack_out;
        max_ = std::max(max_, depth_);
        return bc_.code.size() - 1;
    }
    int32_t here() const { return static_cast<int32_t>(bc_.code.size()); }

    // Emits `rhs`, then the binary operator `op`. When `rhs` compiled to one
    // PUSH_CONST, that instruction becomes the operator's `_K` form instead:
    // the constant is read in place, one dispatch and one stack copy fewer.
    // It keeps its index, so a jump that targeted the PUSH_CONST (the end of
    // the left operand) lands on the fused operator, which does the same.
    void operand_then(const ast::Expr& rhs, Op op, const ast::Span& span) {
        const size_t at = bc_.code.size();
        const int max_before = max_;
        expr(rhs);
        const Op fused = constant_operand_form(op);
        if (fused != op && bc_.code.size() == at + 1 && bc_.code[at].op == Op::PUSH_CONST) {
            bc_.code[at].op = fused;
            bc_.spans[at] = span;
            --depth_;  // the constant is no longer pushed; `_K` pops one and pushes one
            max_ = std::max(max_before, depth_);
            return;
        }
        emit(op, span);
    }
    void patch_a(size_t at) { bc_.code[at].a = here(); }
    void patch_b(size_t at) { bc_.code[at].b = here(); }

    int constant_id(const Value& v) {
        p_.constants.push_back(v);
        return static_cast<int>(p_.constants.size() - 1);
    }

    bool constant(const ast::Expr& e) const {
        switch (e.resolved.kind) {
            case RK::Folded: case RK::Constant: case RK::EnumValue: case RK::ConstSet: return true;
            case RK::Field: case RK::Derived: case RK::Builtin: case RK::Model: case RK::Local: case RK::TableOutput: return false;
            default: break;
        }
        if (e.kind == EK::Call && builtins()[static_cast<size_t>(e.resolved.index)].uses_as_of) return false;
        if (e.kind == EK::Name) return false;
        for (const auto& a : e.args)
            if (!constant(*a)) return false;
        for (const auto& arm : e.arms) {
            if (!constant(*arm.result)) return false;
            for (const auto& t : arm.tests)
                if ((t.value && !constant(*t.value)) || (t.high && !constant(*t.high))) return false;
        }
        return true;
    }

    void expr(const ast::Expr& e) {
        switch (e.resolved.kind) {
            case RK::Folded:
            case RK::Constant: emit(Op::PUSH_CONST, e.span, e.resolved.index); return;
            case RK::EnumValue: emit(Op::PUSH_CONST, e.span, constant_id(Value::enumv(e.resolved.index))); return;
            case RK::ConstSet: emit(Op::PUSH_SET, e.span, e.resolved.index); return;
            case RK::Field: emit(Op::LOAD_FIELD, e.span, e.resolved.index); return;
            case RK::Derived: emit(Op::LOAD_DERIVED, e.span, e.resolved.index); return;
            case RK::Builtin: emit(Op::LOAD_BUILTIN, e.span, e.resolved.index); return;
            case RK::Model: emit(Op::LOAD_MODEL, e.span, e.resolved.index); return;
            case RK::TableOutput: emit(Op::LOAD_TABLE, e.span, e.resolved.index, e.resolved.aux); return;
            case RK::Local: emit(Op::LOAD_LOCAL, e.span, e.resolved.index); return;
            default: break;
        }
        if (constant(e)) {
            // Folding that fails (1 / 0) leaves the code unfolded, so the error
            // happens only if evaluation reaches it, as the semantics say.
            try {
                emit(Op::PUSH_CONST, e.span, constant_id(evaluate_constant(p_, e)));
                return;
            } catch (const ArithmeticError&) {
            }
        }
        switch (e.kind) {
            case EK::Null: emit(Op::PUSH_UNKNOWN, e.span); return;
            case EK::Unary:
                expr(*e.args[0]);
                emit(e.text == "not" ? Op::NOT : Op::NEG, e.span);
                return;
            case EK::Binary: binary(e); return;
            case EK::Call: {
                int n = 0;
                for (const auto& a : e.args) {
                    if (a->kind == EK::Range) {
                        expr(*a->args[0]);
                        expr(*a->args[1]);
                        n += 2;
                    } else if (a->resolved.kind == RK::Regex) {
                        // A Pattern parameter: the index of its compiled pattern.
                        emit(Op::PUSH_CONST, a->span, constant_id(Value::number(Decimal::from_int(a->resolved.index))));
                        ++n;
                    } else {
                        expr(*a);
                        ++n;
                    }
                }
                emit(Op::CALL, e.span, e.resolved.index, n);
                return;
            }
            case EK::If: {
                expr(*e.args[0]);
                size_t branch = emit(Op::BRANCH, e.span);
                int start = depth_;
                expr(*e.args[1]);
                size_t to_end1 = emit(Op::JUMP, e.span);
                depth_ = start;
                patch_a(branch);
                expr(*e.args[2]);
                size_t to_end2 = emit(Op::JUMP, e.span);
                depth_ = start;
                patch_b(branch);
                emit(Op::PUSH_UNKNOWN, e.span);
                patch_a(to_end1);
                patch_a(to_end2);
                return;
            }
            case EK::Match: match(e); return;
            case EK::Quantifier: quantifier(e); return;
            default: emit(Op::PUSH_UNKNOWN, e.span); return;
        }
    }

    void binary(const ast::Expr& e) {
        const std::string& op = e.text;
        if (op == "and" || op == "or") {
            expr(*e.args[0]);
            size_t sc = emit(op == "and" ? Op::AND_SC : Op::OR_SC, e.span);
            expr(*e.args[1]);
            emit(op == "and" ? Op::AND_END : Op::OR_END, e.span);
            patch_a(sc);
            return;
        }
        if (op == "??") {
            expr(*e.args[0]);
            size_t jump = emit(Op::JUMP_IF_KNOWN, e.span);
            --depth_;  // the fall-through path dropped the unknown value
            expr(*e.args[1]);
            patch_a(jump);
            return;
        }
        if (op == "matches") {
            expr(*e.args[0]);
            emit(Op::MATCHES, e.span, e.resolved.index);
            return;
        }
        expr(*e.args[0]);
        static const std::pair<const char*, Op> ops[] = {
            {"+", Op::ADD}, {"-", Op::SUB}, {"*", Op::MUL}, {"/", Op::DIV}, {"==", Op::EQ}, {"!=", Op::NE},
            {"<", Op::LT},  {"<=", Op::LE}, {">", Op::GT},  {">=", Op::GE}, {"in", Op::IN}, {"not in", Op::NOT_IN},
            {"&", Op::INTERSECT}, {"|", Op::UNION},
        };
        if (op == "-" && p_.types[static_cast<size_t>(e.type_id)].kind == Type::Kind::Set) {
            operand_then(*e.args[1], Op::DIFFERENCE, e.span);
            return;
        }
        for (const auto& [text, code] : ops)
            if (op == text) {
                operand_then(*e.args[1], code, e.span);
                return;
            }
    }

    // any/all: the list, a counter and the result so far stay on the stack;
    // each turn sets the variable, evaluates the condition and folds it in
    // (Kleene), leaving early once the answer is decided.
    //        <list>
    //        QUANT_INIT  after, kind    (an unknown list: unknown, to after)
    // loop:  QUANT_NEXT  done, slot
    //        <condition>
    //        QUANT_STEP  done, kind
    //        JUMP        loop
    // done:  QUANT_END
    // after:
    void quantifier(const ast::Expr& e) {
        const int32_t is_all = e.text == "all" ? 1 : 0;
        expr(*e.args[0]);
        size_t init = emit(Op::QUANT_INIT, e.span, 0, is_all);
        int32_t loop = here();
        size_t next = emit(Op::QUANT_NEXT, e.span, 0, e.resolved.index);
        expr(*e.args[1]);
        size_t step = emit(Op::QUANT_STEP, e.span, 0, is_all);
        emit(Op::JUMP, e.span, loop);
        patch_a(next);
        patch_a(step);
        emit(Op::QUANT_END, e.span);
        patch_a(init);
    }

    // A match on an enum whose tests and results are all constants is
    // decided here for every value of the enum: one SELECT_ENUM looks the
    // result up by the subject's position. The tests are evaluated with the
    // operators the VM uses, so the table says what the arms would.
    bool select_enum(const ast::Expr& e) {
        using TK = ast::UnaryTest::Kind;
        const Type& subject = p_.type_of(*e.args[0]);
        if (subject.kind != Type::Kind::Enum || subject.enum_id < 0) return false;
        auto fold = [&](const ast::Expr& x) -> std::optional<Value> {
            if (!constant(x)) return std::nullopt;
            try {
                return evaluate_constant(p_, x);
            } catch (const ArithmeticError&) {
                return std::nullopt;
            }
        };
        struct Arm {
            std::vector<std::pair<const ast::UnaryTest*, Value>> tests;  // value: the operand (Range: low)
            std::vector<Value> highs;
            bool is_else = false;
            int32_t result = -1;
        };
        std::vector<Arm> arms;
        for (const auto& arm : e.arms) {
            Arm a;
            a.is_else = arm.is_else;
            auto result = fold(*arm.result);
            if (!result) return false;
            a.result = result->known() ? constant_id(*result) : -1;
            for (const auto& t : arm.tests) {
                auto v = fold(*t.value);
                if (!v) return false;
                a.tests.emplace_back(&t, *v);
                if (t.kind == TK::Range) {
                    auto h = fold(*t.high);
                    if (!h) return false;
                    a.highs.push_back(*h);
                } else {
                    a.highs.push_back(Value::unknown());
                }
            }
            arms.push_back(std::move(a));
        }
        static const std::pair<const char*, CompareOp> cmp[] = {{"==", CompareOp::Eq}, {"!=", CompareOp::Ne},
                                                                {"<", CompareOp::Lt},  {"<=", CompareOp::Le},
                                                                {">", CompareOp::Gt},  {">=", CompareOp::Ge}};
        auto is_true = [](const Value& v) { return v.kind == Value::Kind::Bool && v.b; };
        auto is_false = [](const Value& v) { return v.kind == Value::Kind::Bool && !v.b; };
        const size_t levels = p_.enums[static_cast<size_t>(subject.enum_id)].values.size();
        std::vector<int32_t> table(levels, -1);
        for (size_t pos = 0; pos < levels; ++pos) {
            const Value x = Value::enumv(static_cast<int32_t>(pos));
            for (const auto& a : arms) {
                bool holds = a.is_else;
                for (size_t ti = 0; ti < a.tests.size() && !holds; ++ti) {
                    const auto& [t, v] = a.tests[ti];
                    switch (t->kind) {
                        case TK::Equals: holds = is_true(compare(CompareOp::Eq, x, v)); break;
                        case TK::Compare:
                            for (const auto& [text, op] : cmp)
                                if (t->op == text) holds = is_true(compare(op, x, v));
                            break;
                        case TK::In: holds = is_true(member(x, v)); break;
                        case TK::NotIn: holds = is_false(member(x, v)); break;
                        case TK::Range:
                            holds = is_true(compare(CompareOp::Ge, x, v)) &&
                                    is_true(compare(CompareOp::Le, x, a.highs[ti]));
                            break;
                    }
                }
                if (holds) {
                    table[pos] = a.result;
                    break;
                }
            }
        }
        expr(*e.args[0]);
        bc_.selects.push_back({subject.enum_id, std::move(table)});
        emit(Op::SELECT_ENUM, e.span, static_cast<int32_t>(bc_.selects.size() - 1));
        return true;
    }

    // The subject stays on the stack while arms test it; each test DUPs it.
    void match(const ast::Expr& e) {
        using TK = ast::UnaryTest::Kind;
        if (select_enum(e)) return;
        expr(*e.args[0]);
        std::vector<size_t> to_end;
        to_end.push_back(emit(Op::JUMP_IF_UNKNOWN, e.span));
        int with_subject = depth_;
        bool has_else = false;
        for (const auto& arm : e.arms) {
            depth_ = with_subject;
            if (arm.is_else) {
                emit(Op::POP, arm.span);
                expr(*arm.result);
                to_end.push_back(emit(Op::JUMP, arm.span));
                has_else = true;
                break;
            }
            std::vector<size_t> to_arm;
            std::optional<size_t> next_arm;
            // A test that holds jumps into the arm; the arm's last test instead
            // jumps to the next arm when it does not hold (JUMP_UNLESS_TRUE),
            // one dispatch where `JUMP_IF_TRUE arm; JUMP next` takes two.
            auto jump_if_holds = [&](size_t test, const ast::Span& span) {
                if (test + 1 == arm.tests.size()) next_arm = emit(Op::JUMP_UNLESS_TRUE, span);
                else to_arm.push_back(emit(Op::JUMP_IF_TRUE, span));
            };
            for (size_t ti = 0; ti < arm.tests.size(); ++ti) {
                const auto& t = arm.tests[ti];
                emit(Op::DUP, t.span);
                switch (t.kind) {
                    case TK::Equals:
                        operand_then(*t.value, Op::EQ, t.span);
                        jump_if_holds(ti, t.span);
                        break;
                    case TK::Compare: {
                        static const std::pair<const char*, Op> cmp[] = {{"==", Op::EQ}, {"!=", Op::NE}, {"<", Op::LT},
                                                                          {"<=", Op::LE}, {">", Op::GT},  {">=", Op::GE}};
                        for (const auto& [text, code] : cmp)
                            if (t.op == text) operand_then(*t.value, code, t.span);
                        jump_if_holds(ti, t.span);
                        break;
                    }
                    case TK::In:
                        operand_then(*t.value, Op::IN, t.span);
                        jump_if_holds(ti, t.span);
                        break;
                    case TK::NotIn:
                        operand_then(*t.value, Op::IN, t.span);
                        to_arm.push_back(emit(Op::JUMP_IF_FALSE, t.span));
                        break;
                    case TK::Range: {
                        operand_then(*t.value, Op::GE, t.span);
                        size_t below = emit(Op::JUMP_UNLESS_TRUE, t.span);
                        emit(Op::DUP, t.span);
                        operand_then(*t.high, Op::LE, t.span);
                        to_arm.push_back(emit(Op::JUMP_IF_TRUE, t.span));
                        patch_a(below);
                        break;
                    }
                }
            }
            if (!next_arm) next_arm = emit(Op::JUMP, arm.span);
            for (size_t j : to_arm) patch_a(j);
            emit(Op::POP, arm.span);
            expr(*arm.result);
            to_end.push_back(emit(Op::JUMP, arm.span));
            patch_a(*next_arm);
        }
        if (!has_else) {
            depth_ = with_subject;
            emit(Op::POP, e.span);
            emit(Op::PUSH_UNKNOWN, e.span);
        }
        // The last arm's jump to the end would land on the next instruction:
        // drop it. Whatever targeted it now targets that next instruction.
        if (has_else && to_end.back() + 1 == bc_.code.size()) {
            bc_.code.pop_back();
            bc_.spans.pop_back();
            to_end.pop_back();
        }
        for (size_t j : to_end) patch_a(j);
        depth_ = with_subject;
    }

    Program& p_;
    Bytecode& bc_;
    int depth_ = 0;
    int max_ = 0;
};

}  // namespace

void compile(Program& program) {
    program.bytecode = std::make_unique<Bytecode>();
    Compiler c(program, *program.bytecode);
    for (const ast::Expr* root : program.roots) c.root(*root);
}

}  // namespace qualify
