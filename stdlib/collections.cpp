// Collection and knowledge built-ins: count, known.
#include "builtins.hpp"

#include "interpreter/const_set.hpp"

namespace qualify {
namespace {

Type int_result(std::span<const Type>) { return Type::of(Type::Kind::Int); }
Type bool_result(std::span<const Type>) { return Type::of(Type::Kind::Bool); }

// count counts distinct elements (spec §3): a list may repeat a value.
Value count(const Value* a, CallContext&) {
    if (a[0].kind == Value::Kind::Set) return Value::number(Decimal::from_int(static_cast<int64_t>(a[0].set->size())));
    int64_t distinct = 0;
    for (uint32_t i = 0; i < a[0].count; ++i) {
        bool seen = false;
        for (uint32_t j = 0; j < i && !seen; ++j) seen = scalar_equal(a[0].items[i], a[0].items[j]);
        if (!seen) ++distinct;
    }
    return Value::number(Decimal::from_int(distinct));
}

Value known(const Value* a, CallContext&) { return Value::boolean(a[0].known()); }

}  // namespace

void add_collection_builtins(std::vector<Builtin>& out) {
    using K = ParamKind;
    out.push_back({"count", {{"collection", K::Collection}}, int_result, count, true,
                   "the number of distinct elements"});
    out.push_back({"known", {{"x", K::Any}}, bool_result, known, false, "false when x is unknown, else true"});
}

}  // namespace qualify
