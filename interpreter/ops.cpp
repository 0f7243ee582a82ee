// Operator semantics on runtime values (see ops.hpp).
#include "ops.hpp"

#include "const_set.hpp"
#include "lead.hpp"
#include "stdlib/builtins.hpp"

#include <re2/re2.h>

#include <vector>

namespace qualify {

Value arith(ArithOp op, const Value& a, const Value& b) {
    if (!a.known() || !b.known()) return Value::unknown();
    switch (op) {
        case ArithOp::Add: return Value::number(a.n + b.n);
        case ArithOp::Sub: return Value::number(a.n - b.n);
        case ArithOp::Mul: return Value::number(a.n * b.n);
        case ArithOp::Div: return Value::number(a.n / b.n);
    }
    return Value::unknown();
}

Value negate(const Value& a) { return a.known() ? Value::number(-a.n) : Value::unknown(); }

Value logical_not(const Value& a) { return a.known() ? Value::boolean(!a.b) : Value::unknown(); }

int order(const Value& a, const Value& b) {
    switch (a.kind) {
        case Value::Kind::Number: return a.n < b.n ? -1 : (b.n < a.n ? 1 : 0);
        case Value::Kind::String: return a.s < b.s ? -1 : (b.s < a.s ? 1 : 0);
        case Value::Kind::Bool: return static_cast<int>(a.b) - static_cast<int>(b.b);
        default: return a.i < b.i ? -1 : (b.i < a.i ? 1 : 0);
    }
}

Value compare(CompareOp op, const Value& a, const Value& b) {
    if (!a.known() || !b.known()) return Value::unknown();
    int c = order(a, b);
    switch (op) {
        case CompareOp::Eq: return Value::boolean(c == 0);
        case CompareOp::Ne: return Value::boolean(c != 0);
        case CompareOp::Lt: return Value::boolean(c < 0);
        case CompareOp::Le: return Value::boolean(c <= 0);
        case CompareOp::Gt: return Value::boolean(c > 0);
        case CompareOp::Ge: return Value::boolean(c >= 0);
    }
    return Value::unknown();
}

Value member(const Value& x, const Value& collection) {
    if (!x.known() || !collection.known()) return Value::unknown();
    if (collection.kind == Value::Kind::Set) return Value::boolean(collection.set->contains(x));
    for (uint32_t i = 0; i < collection.count; ++i)
        if (order(collection.items[i], x) == 0) return Value::boolean(true);
    return Value::boolean(false);
}

uint32_t element_count(const Value& collection) {
    if (collection.kind == Value::Kind::Set) return static_cast<uint32_t>(collection.set->elements().size());
    return collection.count;
}

Value element_at(const Value& collection, uint32_t i) {
    if (collection.kind == Value::Kind::Set) return collection.set->elements()[i];
    return collection.items[i];
}

namespace {

// The set operations share one shape: walk a's elements (then b's, for a
// union), keep those the rule admits, without repeats, in that order.
template <typename Keep>
Value combine(const Value& a, const Value& b, Arena& arena, bool then_b, Keep keep) {
    if (!a.known() || !b.known()) return Value::unknown();
    std::vector<Value>& out = arena.new_list();
    auto add = [&](const Value& e) {
        for (const auto& o : out)
            if (order(o, e) == 0) return;
        out.push_back(e);
    };
    for (uint32_t i = 0, n = element_count(a); i < n; ++i) {
        Value e = element_at(a, i);
        if (keep(e)) add(e);
    }
    if (then_b)
        for (uint32_t i = 0, n = element_count(b); i < n; ++i) add(element_at(b, i));
    auto n = static_cast<uint32_t>(out.size());
    return Value::list(n ? out.data() : nullptr, n);
}

}  // namespace

Value intersect(const Value& a, const Value& b, Arena& arena) {
    return combine(a, b, arena, false, [&](const Value& e) { return member(e, b).b; });
}

Value unite(const Value& a, const Value& b, Arena& arena) {
    return combine(a, b, arena, true, [](const Value&) { return true; });
}

Value difference(const Value& a, const Value& b, Arena& arena) {
    return combine(a, b, arena, false, [&](const Value& e) { return !member(e, b).b; });
}

Value regex_match(const Value& s, const re2::RE2& pattern) {
    if (!s.known()) return Value::unknown();
    // What RE2::PartialMatch does with no capture arguments, called directly:
    // it skips two layers that only marshal the (absent) captures.
    return Value::boolean(pattern.Match(re2::StringPiece(s.s.data(), s.s.size()), 0, s.s.size(), re2::RE2::UNANCHORED,
                                        nullptr, 0));
}

Value call_builtin(int id, const Value* args, CallContext& ctx) {
    return call_builtin(id, args, flat_arity(builtins()[static_cast<size_t>(id)]), ctx);
}

Value call_builtin(int id, const Value* args, int count, CallContext& ctx) {
    return call_builtin(builtins()[static_cast<size_t>(id)], args, count, ctx);
}

CompareOp compare_op(std::string_view t) {
    if (t == "==") return CompareOp::Eq;
    if (t == "!=") return CompareOp::Ne;
    if (t == "<") return CompareOp::Lt;
    if (t == "<=") return CompareOp::Le;
    if (t == ">") return CompareOp::Gt;
    return CompareOp::Ge;
}

ArithOp arith_op(std::string_view t) {
    if (t == "+") return ArithOp::Add;
    if (t == "-") return ArithOp::Sub;
    if (t == "*") return ArithOp::Mul;
    return ArithOp::Div;
}

}  // namespace qualify
