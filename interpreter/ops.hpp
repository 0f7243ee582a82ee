// The meaning of each operator on runtime values, shared by the VM and the
// reference evaluator: arithmetic (exact decimals), comparisons, membership,
// intersection, regex matching and built-in calls. Every operation here is
// unknown when an operand is; the control operators whose unknown handling
// differs (and, or, ??, if, match) are each engine's own.
#pragma once

#include "value.hpp"
#include "stdlib/builtins.hpp"

#include <string_view>

namespace re2 { class RE2; }

namespace qualify {

class Arena;
struct CallContext;

enum class ArithOp : unsigned char { Add, Sub, Mul, Div };
enum class CompareOp : unsigned char { Eq, Ne, Lt, Le, Gt, Ge };

Value arith(ArithOp op, const Value& a, const Value& b);
Value negate(const Value& a);
Value logical_not(const Value& a);
Value compare(CompareOp op, const Value& a, const Value& b);
// Known scalars only: the ordering used by comparisons and ranges.
int order(const Value& a, const Value& b);
Value member(const Value& x, const Value& collection);  // x in collection
Value intersect(const Value& a, const Value& b, Arena& arena);
// `a | b`: the distinct elements of a, then those of b not in a.
Value unite(const Value& a, const Value& b, Arena& arena);
// `a - b` on collections: the distinct elements of a that are not in b.
Value difference(const Value& a, const Value& b, Arena& arena);
// The number of elements of a list or set, and the i-th (0-based), for
// `any`/`all`.
uint32_t element_count(const Value& collection);
Value element_at(const Value& collection, uint32_t i);
Value regex_match(const Value& s, const re2::RE2& pattern);
Value call_builtin(int id, const Value* args, CallContext& ctx);
// The same when the caller knows how many flattened arguments it passes
// (the VM's CALL carries the count), without counting the parameters again.
Value call_builtin(int id, const Value* args, int count, CallContext& ctx);
// The same with the built-in in hand: the VM looks its table up once a run.
inline Value call_builtin(const Builtin& b, const Value* args, int count, CallContext& ctx) {
    if (b.unknown_propagates)
        for (int i = 0; i < count; ++i)
            if (!args[i].known()) return Value::unknown();
    return b.fn(args, ctx);
}

CompareOp compare_op(std::string_view text);
ArithOp arith_op(std::string_view text);

}  // namespace qualify
