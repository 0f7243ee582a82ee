// The VM's dispatch loop. Dispatch is a computed goto on GCC and Clang and a
// switch elsewhere, behind the same macros; the operator semantics are the
// shared ones of ops.hpp.
#include "vm.hpp"

#include "table_index.hpp"

#include "bytecode.hpp"
#include "ops.hpp"

#include <re2/re2.h>

namespace qualify {

#if defined(__GNUC__)
#define QUALIFY_COMPUTED_GOTO 1
#endif

namespace {

// The common cases of the arithmetic and comparison operators, inline in
// the dispatch loop: the same results as arith() and compare() (ops.cpp),
// which the other cases still go through, without a call and a switch on
// the operator for every instruction.
template <ArithOp op>
[[gnu::always_inline]] inline Value arith_inline(const Value& a, const Value& b) {
    if (!a.known() || !b.known()) return Value::unknown();
    if constexpr (op == ArithOp::Add) return Value::number(a.n + b.n);
    else if constexpr (op == ArithOp::Sub) return Value::number(a.n - b.n);
    else if constexpr (op == ArithOp::Mul) return Value::number(a.n * b.n);
    else return Value::number(a.n / b.n);
}

// `x op y` for one comparison operator, on ints or decimals alike.
template <CompareOp op, class T>
[[gnu::always_inline]] inline bool holds_for(const T& x, const T& y) {
    if constexpr (op == CompareOp::Eq) return x == y;
    else if constexpr (op == CompareOp::Ne) return x != y;
    else if constexpr (op == CompareOp::Lt) return x < y;
    else if constexpr (op == CompareOp::Le) return x <= y;
    else if constexpr (op == CompareOp::Gt) return x > y;
    else return x >= y;
}

template <CompareOp op>
[[gnu::always_inline]] inline Value compare_inline(const Value& a, const Value& b) {
    if (a.kind == b.kind && (a.kind == Value::Kind::Enum || a.kind == Value::Kind::Date))
        return Value::boolean(holds_for<op>(a.i, b.i));
    if (a.kind != Value::Kind::Number || b.kind != Value::Kind::Number) return compare(op, a, b);
    return Value::boolean(holds_for<op>(a.n, b.n));
}

}  // namespace

Value VmEngine::eval(RootId root, EvalContext& ctx) const {
    Value v;
    run(&root, 1, &v, false, ctx);
    return v;
}

size_t VmEngine::eval_each(const RootId* roots, size_t n, Value* out, bool stop_at_true, EvalContext& ctx) const {
    if (n == 0) return 0;
    ctx.enter_root(roots[0]);
    return run(roots, n, out, stop_at_true, ctx);
}

// One dispatch loop for one root and for a phase's roots: RET stores the
// value and, while roots remain, starts the next one on the same frame, so
// the roots of a phase share one entry into the loop.
size_t VmEngine::run(const RootId* roots, size_t n, Value* out, bool stop_at_true, EvalContext& ctx) const {
    const Program& p = ctx.program();
    const Bytecode& bc = *p.bytecode;
    const Instr* code = bc.code.data();
    const Instr* ip = code + bc.entry[static_cast<size_t>(roots[0])];
    Value* const base = ctx.vm_push(n == 1 ? bc.max_stack[static_cast<size_t>(roots[0])] : bc.deepest);
    size_t done = 0;
    // Lets being computed (LOAD_DERIVED), innermost last.
    struct LetCall {
        const Instr* ip;  // where the caller goes on
        Value* sp;        // the caller's stack top
        Value* top;       // the context's stack top before the let's frame
        RootId caller;    // the caller's root, for error messages
        int let;
    };
    constexpr int kMaxLetCalls = 8;
    LetCall let_calls[kMaxLetCalls];
    int calls = 0;
    Value* sp = base;  // points one past the top
    const Value* constants = p.constants.data();
    const Value* slots = ctx.lead().slots.data();
    (void)slots;

#if QUALIFY_COMPUTED_GOTO
    static void* const labels[] = {
#define OP(name, operands, in, out, doc) &&op_##name,
#include "opcodes.def"
#undef OP
    };
#define CASE(name) op_##name:
#define NEXT() goto* labels[static_cast<size_t>((ip++)->op)]
#define DISPATCH() NEXT();
#else
#define CASE(name) case Op::name:
#define NEXT() break
#define DISPATCH() for (;;) switch ((ip++)->op)
#endif
#define A (ip - 1)->a
#define B (ip - 1)->b

    DISPATCH() {
        CASE(PUSH_CONST) { *sp++ = constants[A]; NEXT(); }
        CASE(PUSH_UNKNOWN) { *sp++ = Value::unknown(); NEXT(); }
        CASE(PUSH_SET) { *sp++ = Value::constant_set(p.sets[static_cast<size_t>(A)].get()); NEXT(); }
        CASE(LOAD_FIELD) { *sp++ = ctx.field(A); NEXT(); }
        CASE(LOAD_DERIVED) {
            // A let not yet computed runs in this loop: its values go on top
            // of the caller's and its RET comes back here, without a nested
            // entry into the VM. With the trace on (the let's reads are
            // set apart) or calls nested deeper than the room here,
            // EvalContext::derived() computes it.
            if (ctx.derived_pending(A) && !ctx.tracing() && calls < kMaxLetCalls) {
                const RootId let_root = p.derived[static_cast<size_t>(A)].root;
                let_calls[calls++] = {ip, sp, ctx.vm_push_at(sp, bc.max_stack[static_cast<size_t>(let_root)]),
                                      ctx.current_root(), A};
                ctx.begin_derived(A);
                ctx.enter_root(let_root);
                ip = code + bc.entry[static_cast<size_t>(let_root)];
                NEXT();
            }
            *sp++ = ctx.derived(A);
            NEXT();
        }
        CASE(LOAD_BUILTIN) { *sp++ = ctx.builtin(static_cast<BuiltinName>(A)); NEXT(); }
        CASE(LOAD_MODEL) { *sp++ = ctx.model(A); NEXT(); }
        CASE(LOAD_TABLE) { *sp++ = ctx.table_output(A, B); NEXT(); }
        CASE(POP) { --sp; NEXT(); }
        CASE(DUP) { sp[0] = sp[-1]; ++sp; NEXT(); }
        CASE(NEG) { sp[-1] = negate(sp[-1]); NEXT(); }
        CASE(NOT) { sp[-1] = logical_not(sp[-1]); NEXT(); }
// Each binary operator twice: `rhs` popped from the stack, or, in the `_K`
// form, read in place from the constants.
#define BINARY(name, expr)                                         \
    CASE(name) { --sp; const Value& rhs = sp[0]; sp[-1] = expr; NEXT(); } \
    CASE(name##_K) { const Value& rhs = constants[A]; sp[-1] = expr; NEXT(); }
        BINARY(ADD, arith_inline<ArithOp::Add>(sp[-1], rhs))
        BINARY(SUB, arith_inline<ArithOp::Sub>(sp[-1], rhs))
        BINARY(MUL, arith_inline<ArithOp::Mul>(sp[-1], rhs))
        BINARY(DIV, arith_inline<ArithOp::Div>(sp[-1], rhs))
        BINARY(EQ, compare_inline<CompareOp::Eq>(sp[-1], rhs))
        BINARY(NE, compare_inline<CompareOp::Ne>(sp[-1], rhs))
        BINARY(LT, compare_inline<CompareOp::Lt>(sp[-1], rhs))
        BINARY(LE, compare_inline<CompareOp::Le>(sp[-1], rhs))
        BINARY(GT, compare_inline<CompareOp::Gt>(sp[-1], rhs))
        BINARY(GE, compare_inline<CompareOp::Ge>(sp[-1], rhs))
        BINARY(IN, member(sp[-1], rhs))
        BINARY(NOT_IN, logical_not(member(sp[-1], rhs)))
        BINARY(INTERSECT, intersect(sp[-1], rhs, ctx.arena()))
        BINARY(UNION, unite(sp[-1], rhs, ctx.arena()))
        BINARY(DIFFERENCE, difference(sp[-1], rhs, ctx.arena()))
#undef BINARY
        CASE(MATCHES) { sp[-1] = regex_match(sp[-1], *p.regexes[static_cast<size_t>(A)]); NEXT(); }
        CASE(CALL) {
            sp -= B;
            *sp = call_builtin(builtins_[A], sp, static_cast<int>(B), ctx.call());
            ++sp;
            NEXT();
        }
        CASE(AND_SC) {
            if (sp[-1].kind == Value::Kind::Bool && !sp[-1].b) ip = code + A;
            NEXT();
        }
        CASE(AND_END) {
            --sp;
            const Value& a = sp[-1];
            const Value& b = sp[0];
            if (b.known() && !b.b) sp[-1] = b;
            else if (!(a.known() && b.known())) sp[-1] = Value::unknown();
            NEXT();
        }
        CASE(OR_SC) {
            if (sp[-1].kind == Value::Kind::Bool && sp[-1].b) ip = code + A;
            NEXT();
        }
        CASE(OR_END) {
            --sp;
            const Value& a = sp[-1];
            const Value& b = sp[0];
            if (b.known() && b.b) sp[-1] = b;
            else if (!(a.known() && b.known())) sp[-1] = Value::unknown();
            NEXT();
        }
        CASE(JUMP_IF_KNOWN) {
            if (sp[-1].known()) ip = code + A;
            else --sp;
            NEXT();
        }
        CASE(BRANCH) {
            --sp;
            if (!sp->known()) ip = code + B;
            else if (!sp->b) ip = code + A;
            NEXT();
        }
        CASE(JUMP_IF_UNKNOWN) {
            if (!sp[-1].known()) ip = code + A;
            NEXT();
        }
        CASE(JUMP_IF_TRUE) {
            --sp;
            if (sp->kind == Value::Kind::Bool && sp->b) ip = code + A;
            NEXT();
        }
        CASE(JUMP_IF_FALSE) {
            --sp;
            if (sp->kind == Value::Kind::Bool && !sp->b) ip = code + A;
            NEXT();
        }
        CASE(JUMP_UNLESS_TRUE) {
            --sp;
            if (!(sp->kind == Value::Kind::Bool && sp->b)) ip = code + A;
            NEXT();
        }
        CASE(JUMP) { ip = code + A; NEXT(); }
        CASE(SELECT_ENUM) {
            if (sp[-1].known()) {
                const int32_t k = bc.selects[static_cast<size_t>(A)].results[static_cast<size_t>(sp[-1].i)];
                sp[-1] = k < 0 ? Value::unknown() : constants[k];
            }
            NEXT();
        }
        // any/all. The counter is a Value whose `i` counts the elements
        // taken; it never leaves the loop.
        CASE(QUANT_INIT) {
            if (!sp[-1].known()) {
                ip = code + A;
                NEXT();
            }
            Value counter;
            counter.i = 0;
            sp[0] = counter;
            sp[1] = Value::boolean(B == 1);
            sp += 2;
            NEXT();
        }
        CASE(QUANT_NEXT) {
            Value& counter = sp[-2];
            const Value& list = sp[-3];
            if (static_cast<uint32_t>(counter.i) == element_count(list)) {
                ip = code + A;
                NEXT();
            }
            ctx.set_local(B, element_at(list, static_cast<uint32_t>(counter.i)));
            ++counter.i;
            NEXT();
        }
        CASE(LOAD_LOCAL) { *sp++ = ctx.local(A); NEXT(); }
        CASE(QUANT_STEP) {
            --sp;
            const Value c = *sp;
            const bool decisive = B == 1 ? (c.known() && !c.b) : (c.known() && c.b);
            if (decisive) {
                sp[-1] = c;
                ip = code + A;
            } else if (!c.known()) {
                sp[-1] = Value::unknown();
            }
            NEXT();
        }
        CASE(QUANT_END) {
            sp -= 2;
            sp[-1] = sp[1];
            NEXT();
        }
        CASE(RET) {
            if (calls) {  // the end of a let's code: back to the instruction after its LOAD_DERIVED
                const LetCall& call = let_calls[--calls];
                const Value value = sp[-1];
                ctx.end_derived(call.let, value);
                ctx.vm_pop(call.top);
                ctx.enter_root(call.caller);
                sp = call.sp;
                *sp++ = value;
                ip = call.ip;
                NEXT();
            }
            const Value& result = sp[-1];
            out[done++] = result;
            if (done == n || (stop_at_true && result.is_true())) {
                ctx.vm_pop(base);
                return done;
            }
            // Each root leaves exactly its value on the stack.
            sp = base;
            ctx.enter_root(roots[done]);
            ip = code + bc.entry[static_cast<size_t>(roots[done])];
            NEXT();
        }
    }
#undef CASE
#undef NEXT
#undef DISPATCH
#undef A
#undef B
#if !QUALIFY_COMPUTED_GOTO
    return done;
#endif
}

void VmEngine::match_table(int table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit,
                           EvalContext& ctx) const {
    ctx.program().tables[static_cast<size_t>(table)].index->match(inputs, rows, limit);
}

}  // namespace qualify
