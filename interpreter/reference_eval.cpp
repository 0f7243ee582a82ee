// Tree-walking evaluation of the checked AST (see reference_eval.hpp).
#include "reference_eval.hpp"

#include "ops.hpp"

#include <re2/re2.h>

namespace qualify {

namespace {

bool arm_holds(const ast::UnaryTest& t, const Value& subject, EvalContext& ctx) {
    using TK = ast::UnaryTest::Kind;
    switch (t.kind) {
        case TK::Equals: return compare(CompareOp::Eq, subject, evaluate(*t.value, ctx)).b;
        case TK::Compare: return compare(compare_op(t.op), subject, evaluate(*t.value, ctx)).b;
        case TK::In: return member(subject, evaluate(*t.value, ctx)).b;
        case TK::NotIn: {
            Value m = member(subject, evaluate(*t.value, ctx));
            return m.known() && !m.b;
        }
        case TK::Range: {
            Value lo = evaluate(*t.value, ctx), hi = evaluate(*t.high, ctx);
            return compare(CompareOp::Ge, subject, lo).b && compare(CompareOp::Le, subject, hi).b;
        }
    }
    return false;
}

Value binary(const ast::Expr& e, EvalContext& ctx) {
    const std::string& op = e.text;
    const ast::Expr& l = *e.args[0];
    const ast::Expr& r = *e.args[1];
    if (op == "and") {
        Value a = evaluate(l, ctx);
        if (a.known() && !a.b) return a;
        Value b = evaluate(r, ctx);
        if (b.known() && !b.b) return b;
        return a.known() && b.known() ? Value::boolean(true) : Value::unknown();
    }
    if (op == "or") {
        Value a = evaluate(l, ctx);
        if (a.known() && a.b) return a;
        Value b = evaluate(r, ctx);
        if (b.known() && b.b) return b;
        return a.known() && b.known() ? Value::boolean(false) : Value::unknown();
    }
    if (op == "??") {
        Value a = evaluate(l, ctx);
        return a.known() ? a : evaluate(r, ctx);
    }
    Value a = evaluate(l, ctx);
    Value b = evaluate(r, ctx);
    if (op == "in") return member(a, b);
    if (op == "not in") return logical_not(member(a, b));
    if (op == "matches") return regex_match(a, *ctx.program().regexes[static_cast<size_t>(e.resolved.index)]);
    if (op == "&") return intersect(a, b, ctx.arena());
    if (op == "|") return unite(a, b, ctx.arena());
    if (op == "-" && ctx.program().types[static_cast<size_t>(e.type_id)].kind == Type::Kind::Set)
        return difference(a, b, ctx.arena());
    if (op == "+" || op == "-" || op == "*" || op == "/") return arith(arith_op(op), a, b);
    return compare(compare_op(op), a, b);
}

}  // namespace

Value evaluate(const ast::Expr& e, EvalContext& ctx) {
    using EK = ast::Expr::Kind;
    using RK = ast::Resolved::Kind;
    const Program& p = ctx.program();
    switch (e.resolved.kind) {
        case RK::Folded:
        case RK::Constant: return p.constants[static_cast<size_t>(e.resolved.index)];
        case RK::Field: return ctx.field(e.resolved.index);
        case RK::Derived: return ctx.derived(e.resolved.index);
        case RK::EnumValue: return Value::enumv(e.resolved.index);
        case RK::Builtin: return ctx.builtin(static_cast<BuiltinName>(e.resolved.index));
        case RK::Model: return ctx.model(e.resolved.index);
        case RK::ConstSet: return Value::constant_set(p.sets[static_cast<size_t>(e.resolved.index)].get());
        case RK::Local: return ctx.local(e.resolved.index);
        case RK::TableOutput: return ctx.table_output(e.resolved.index, e.resolved.aux);
        default: break;
    }
    switch (e.kind) {
        case EK::Unary: {
            Value v = evaluate(*e.args[0], ctx);
            return e.text == "not" ? logical_not(v) : negate(v);
        }
        case EK::Binary: return binary(e, ctx);
        case EK::Call: {
            Value args[8];
            int n = 0;
            for (const auto& a : e.args) {
                if (a->kind == EK::Range) {
                    args[n++] = evaluate(*a->args[0], ctx);
                    args[n++] = evaluate(*a->args[1], ctx);
                } else if (a->resolved.kind == RK::Regex) {
                    args[n++] = Value::number(Decimal::from_int(a->resolved.index));  // a Pattern parameter
                } else {
                    args[n++] = evaluate(*a, ctx);
                }
            }
            return call_builtin(e.resolved.index, args, ctx.call());
        }
        case EK::If: {
            Value c = evaluate(*e.args[0], ctx);
            if (!c.known()) return c;
            return evaluate(*e.args[c.b ? 1 : 2], ctx);
        }
        case EK::Match: {
            Value s = evaluate(*e.args[0], ctx);
            if (!s.known()) return s;
            for (const auto& arm : e.arms) {
                bool holds = arm.is_else;
                for (size_t i = 0; i < arm.tests.size() && !holds; ++i) holds = arm_holds(arm.tests[i], s, ctx);
                if (!holds) continue;
                if (auto* hits = ctx.arm_hits()) hits->insert(&arm);
                return evaluate(*arm.result, ctx);
            }
            return Value::unknown();
        }
        case EK::Quantifier: {
            // any: true once an element's condition is; else unknown if one
            // was unknown; else false. all: the dual. The list's elements
            // are taken in order and the reading stops once decided.
            Value list = evaluate(*e.args[0], ctx);
            if (!list.known()) return list;
            const bool is_all = e.text == "all";
            Value result = Value::boolean(is_all);
            for (uint32_t i = 0, n = element_count(list); i < n; ++i) {
                ctx.set_local(e.resolved.index, element_at(list, i));
                Value c = evaluate(*e.args[1], ctx);
                if (c.known() && c.b != is_all) return c;
                if (!c.known()) result = Value::unknown();
            }
            return result;
        }
        case EK::List: {
            std::vector<Value> items;
            for (const auto& a : e.args) items.push_back(evaluate(*a, ctx));
            auto n = static_cast<uint32_t>(items.size());
            return Value::list(n ? ctx.arena().keep(std::move(items)) : nullptr, n);
        }
        default: return Value::unknown();
    }
}

Value ReferenceEngine::eval(RootId root, EvalContext& ctx) const {
    return evaluate(*ctx.program().roots[static_cast<size_t>(root)], ctx);
}

void ReferenceEngine::match_table(int table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit,
                                  EvalContext& ctx) const {
    const ast::Table& t = *ctx.program().tables[static_cast<size_t>(table)].decl;
    for (size_t r = 0; r < t.rows.size() && rows.size() < limit; ++r) {
        bool all = true;
        for (size_t c = 0; c < t.rows[r].inputs.size() && all; ++c) {
            const ast::TableCell& cell = t.rows[r].inputs[c];
            all = cell.any || (inputs[c].known() && arm_holds(cell.test, inputs[c], ctx));
        }
        if (all) rows.push_back(static_cast<uint32_t>(r));
    }
}

Value persist(const Value& v, Arena& arena) {
    if (v.kind == Value::Kind::String) return Value::string(arena.keep(v.s));
    if (v.kind == Value::Kind::List) {
        std::vector<Value> items;
        for (uint32_t i = 0; i < v.count; ++i) items.push_back(persist(v.items[i], arena));
        return Value::list(v.count ? arena.keep(std::move(items)) : nullptr, v.count);
    }
    return v;
}

Value evaluate_constant(Program& program, const ast::Expr& e) {
    ReferenceEngine engine;
    EvalContext ctx(program, engine);
    Lead empty;
    empty.slots.resize(program.schema.fields.size());
    ctx.reset(empty, 0, false);
    return persist(evaluate(e, ctx), program.constant_storage);
}

}  // namespace qualify
