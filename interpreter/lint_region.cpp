// Regions of conditions for the lints (see lint_region.hpp): atoms from
// comparisons with constants, and/or/not in Kleene logic, box intersection
// and subtraction, and the containment test.
#include "lint_region.hpp"

#include "const_set.hpp"

#include <algorithm>

namespace qualify::lint_detail {

namespace {

// Beyond this many boxes the analysis gives up (and so warns about nothing).
constexpr size_t kMaxBoxes = 512;

bool interval_empty(const Interval& i) {
    if (!i.lo || !i.hi) return false;
    return *i.lo > *i.hi || (*i.lo == *i.hi && !(i.lo_closed && i.hi_closed));
}

Interval intersect(const Interval& a, const Interval& b) {
    Interval r = a;
    if (b.lo && (!r.lo || *b.lo > *r.lo || (*b.lo == *r.lo && !b.lo_closed))) {
        r.lo = b.lo;
        r.lo_closed = b.lo_closed;
    }
    if (b.hi && (!r.hi || *b.hi < *r.hi || (*b.hi == *r.hi && !b.hi_closed))) {
        r.hi = b.hi;
        r.hi_closed = b.hi_closed;
    }
    return r;
}

bool lower_first(const Interval& a, const Interval& b) {
    if (!a.lo) return b.lo.has_value();
    if (!b.lo) return false;
    if (*a.lo != *b.lo) return *a.lo < *b.lo;
    return a.lo_closed && !b.lo_closed;
}

std::vector<Interval> intersect(const std::vector<Interval>& a, const std::vector<Interval>& b) {
    std::vector<Interval> out;
    for (const auto& x : a)
        for (const auto& y : b)
            if (Interval i = intersect(x, y); !interval_empty(i)) out.push_back(i);
    std::sort(out.begin(), out.end(), lower_first);
    return out;
}

// The complement of sorted, disjoint intervals.
std::vector<Interval> complement(const std::vector<Interval>& a) {
    std::vector<Interval> out;
    Interval gap;  // (-inf, …
    for (const auto& i : a) {
        if (i.lo) {
            gap.hi = i.lo;
            gap.hi_closed = !i.lo_closed;
            if (!interval_empty(gap)) out.push_back(gap);
        }
        if (!i.hi) return out;
        gap = Interval{i.hi, std::nullopt, !i.hi_closed, false};
    }
    out.push_back(gap);
    return out;
}

Interval point(Decimal d) { return Interval{d, d, true, true}; }

std::string flip(const std::string& op) {
    if (op == "<") return ">";
    if (op == "<=") return ">=";
    if (op == ">") return "<";
    if (op == ">=") return "<=";
    return op;
}

std::string negate(const std::string& op) {
    if (op == "==") return "!=";
    if (op == "!=") return "==";
    if (op == "<") return ">=";
    if (op == "<=") return ">";
    if (op == ">") return "<=";
    return "<";
}

Region full_region() { return Region{Box{}}; }

Region unite(Region a, const Region& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

std::optional<Value> RegionBuilder::constant(const ast::Expr& e) const {
    using RK = ast::Resolved::Kind;
    switch (e.resolved.kind) {
        case RK::Folded:
        case RK::Constant: {
            const Value& v = p_.constants[static_cast<size_t>(e.resolved.index)];
            if (v.known()) return v;
            return std::nullopt;
        }
        case RK::EnumValue: return Value::enumv(e.resolved.index);
        case RK::ConstSet: return Value::constant_set(p_.sets[static_cast<size_t>(e.resolved.index)].get());
        default: break;
    }
    if (e.kind == ast::Expr::Kind::Unary && e.text == "-" && !e.args.empty())
        if (auto v = constant(*e.args[0]); v && v->kind == Value::Kind::Number)
            return Value::number(Decimal::zero() - v->n);
    return std::nullopt;
}

// The variable an expression reads, registering what is known about it.
std::optional<int> RegionBuilder::variable(const ast::Expr& e) {
    using RK = ast::Resolved::Kind;
    using TK = Type::Kind;
    if (e.type_id < 0) return std::nullopt;
    const Type& t = p_.types[static_cast<size_t>(e.type_id)];
    if (!t.scalar() || t.kind == TK::Date) return std::nullopt;
    VariableInfo info;
    info.numeric = t.numeric();
    if (t.kind == TK::Enum && t.enum_id >= 0) info.universe = p_.enums[static_cast<size_t>(t.enum_id)].values;
    if (t.kind == TK::Bool) info.universe = {"false", "true"};
    int var;
    if (e.resolved.kind == RK::Field) {
        var = e.resolved.index;
        info.may_be_unknown = p_.schema.fields[static_cast<size_t>(var)].optional;
    } else if (e.resolved.kind == RK::Derived) {
        var = kDerivedVarBase - e.resolved.index;
    } else if (e.resolved.kind == RK::Builtin) {
        const auto b = static_cast<BuiltinName>(e.resolved.index);
        // The checker makes sure score and confidence are never unknown (Q111).
        if (b == BuiltinName::Score) var = kScoreVar, info.may_be_unknown = false;
        else if (b == BuiltinName::Confidence) var = kConfidenceVar, info.may_be_unknown = false;
        else var = kBuiltinVarBase - e.resolved.index;
    } else {
        return std::nullopt;
    }
    vars_[var] = info;
    return var;
}

std::optional<std::string> RegionBuilder::discrete_key(const Value& v, int var) const {
    switch (v.kind) {
        case Value::Kind::String: return "\"" + std::string(v.s) + "\"";
        case Value::Kind::Bool: return v.b ? "true" : "false";
        case Value::Kind::Enum: {
            const auto& u = vars_.at(var).universe;
            if (v.i < 0 || static_cast<size_t>(v.i) >= u.size()) return std::nullopt;
            return u[static_cast<size_t>(v.i)];
        }
        default: return std::nullopt;
    }
}

std::optional<Region> RegionBuilder::compare(int var, std::string op, const Value& c, bool truth) {
    if (!truth) op = negate(op);
    const VariableInfo& info = vars_.at(var);
    ValueSet s;
    s.numeric = info.numeric;
    if (info.numeric) {
        if (c.kind != Value::Kind::Number) return std::nullopt;
        const Decimal n = c.n;
        if (op == "==") s.intervals = {point(n)};
        else if (op == "!=") s.intervals = complement({point(n)});
        else if (op == "<") s.intervals = {Interval{std::nullopt, n, false, false}};
        else if (op == "<=") s.intervals = {Interval{std::nullopt, n, false, true}};
        else if (op == ">") s.intervals = {Interval{n, std::nullopt, false, false}};
        else if (op == ">=") s.intervals = {Interval{n, std::nullopt, true, false}};
        else return std::nullopt;
    } else {
        auto key = discrete_key(c, var);
        if (!key || (op != "==" && op != "!=")) return std::nullopt;
        s.values = {*key};
        s.negated = op == "!=";
    }
    normalise(var, s);
    Box b;
    b[var] = s;
    return Region{b};
}

std::optional<Region> RegionBuilder::member(int var, const ast::Expr& set_expr, bool truth) {
    auto c = constant(set_expr);
    if (!c || c->kind != Value::Kind::Set || !c->set) return std::nullopt;
    const VariableInfo& info = vars_.at(var);
    ValueSet s;
    s.numeric = info.numeric;
    for (const Value& el : c->set->elements()) {
        if (info.numeric) {
            if (el.kind != Value::Kind::Number) return std::nullopt;
            s.intervals.push_back(point(el.n));
        } else {
            auto key = discrete_key(el, var);
            if (!key) return std::nullopt;
            s.values.insert(*key);
        }
    }
    if (info.numeric) {
        std::sort(s.intervals.begin(), s.intervals.end(), lower_first);
        s.intervals.erase(std::unique(s.intervals.begin(), s.intervals.end(),
                                      [](const Interval& a, const Interval& b) { return *a.lo == *b.lo; }),
                          s.intervals.end());
        if (!truth) s.intervals = complement(s.intervals);
    } else {
        s.negated = !truth;
    }
    normalise(var, s);
    Box b;
    b[var] = s;
    return Region{b};
}

std::optional<Region> RegionBuilder::atom(const ast::Expr& e, bool truth) {
    using EK = ast::Expr::Kind;
    if (e.kind == EK::Name) {  // a bare bool field or let
        auto var = variable(e);
        if (!var || vars_[*var].universe != std::vector<std::string>{"false", "true"}) return std::nullopt;
        return compare(*var, "==", Value::boolean(true), truth);
    }
    if (e.kind != EK::Binary || e.args.size() != 2) return std::nullopt;
    const std::string& op = e.text;
    if (op == "in" || op == "not in") {
        auto var = variable(*e.args[0]);
        if (!var) return std::nullopt;
        return member(*var, *e.args[1], op == "in" ? truth : !truth);
    }
    if (op != "==" && op != "!=" && op != "<" && op != "<=" && op != ">" && op != ">=") return std::nullopt;
    if (auto c = constant(*e.args[1])) {
        if (auto var = variable(*e.args[0])) return compare(*var, op, *c, truth);
    } else if (auto c2 = constant(*e.args[0])) {
        if (auto var = variable(*e.args[1])) return compare(*var, flip(op), *c2, truth);
    }
    return std::nullopt;
}

RegionBuilder::Approx RegionBuilder::condition(const ast::Expr& e, bool truth) {
    using EK = ast::Expr::Kind;
    if (auto c = constant(e); c && c->kind == Value::Kind::Bool) {
        Region r = c->b == truth ? full_region() : Region{};
        return {r, r};
    }
    if (e.kind == EK::Unary && e.text == "not") return condition(*e.args[0], !truth);
    if (e.kind == EK::Binary && (e.text == "and" || e.text == "or")) {
        Approx a = condition(*e.args[0], truth), b = condition(*e.args[1], truth);
        // `and` holds when both hold; it fails when either fails (Kleene).
        const bool meet = (e.text == "and") == truth;
        Approx r;
        if (meet) {
            r.over = intersect(a.over, b.over);
            r.under = intersect(a.under, b.under);
        } else {
            r.over = unite(a.over, b.over);
            r.under = unite(a.under, b.under);
        }
        if (r.over.size() > kMaxBoxes) r.over = full_region();
        if (r.under.size() > kMaxBoxes) r.under.clear();
        return r;
    }
    if (auto r = atom(e, truth)) return {*r, *r};
    return {full_region(), Region{}};
}

std::optional<Region> RegionBuilder::arm(const ast::MatchArm& arm, const ast::Expr& subject) {
    using TK = ast::UnaryTest::Kind;
    using T = Type::Kind;
    if (subject.type_id < 0) return std::nullopt;
    const Type& t = p_.types[static_cast<size_t>(subject.type_id)];
    if (!t.scalar() || t.kind == T::Date) return std::nullopt;
    VariableInfo info;
    info.numeric = t.numeric();
    if (t.kind == T::Enum && t.enum_id >= 0) info.universe = p_.enums[static_cast<size_t>(t.enum_id)].values;
    if (t.kind == T::Bool) info.universe = {"false", "true"};
    info.may_be_unknown = false;  // an unknown subject makes the match unknown before any arm
    vars_[kSubjectVar] = info;
    if (arm.is_else) return full_region();
    Region out;
    for (const auto& test : arm.tests) {
        std::optional<Region> r;
        switch (test.kind) {
            case TK::Equals:
                if (auto c = constant(*test.value)) r = compare(kSubjectVar, "==", *c, true);
                break;
            case TK::Compare:
                if (auto c = constant(*test.value)) r = compare(kSubjectVar, test.op, *c, true);
                break;
            case TK::In:
            case TK::NotIn: r = member(kSubjectVar, *test.value, test.kind == TK::In); break;
            case TK::Range: {
                auto lo = constant(*test.value), hi = constant(*test.high);
                if (lo && hi) {
                    auto a = compare(kSubjectVar, ">=", *lo, true), b = compare(kSubjectVar, "<=", *hi, true);
                    if (a && b) r = intersect(*a, *b);
                }
                break;
            }
        }
        if (!r) return std::nullopt;
        out = unite(out, *r);
    }
    return out;
}

// ---------------------------------------------------------------- set algebra

ValueSet RegionBuilder::full(int var) const {
    const VariableInfo& info = vars_.at(var);
    ValueSet s;
    s.numeric = info.numeric;
    s.unknown = info.may_be_unknown;
    if (info.numeric) s.intervals = {Interval{}};
    else s.negated = true;
    normalise(var, s);
    return s;
}

// An enum's or bool's complement is spelled out, so that emptiness is exact.
void RegionBuilder::normalise(int var, ValueSet& v) const {
    const auto& u = vars_.at(var).universe;
    if (v.numeric || u.empty() || !v.negated) return;
    std::set<std::string> values;
    for (const auto& x : u)
        if (!v.values.count(x)) values.insert(x);
    v.values = std::move(values);
    v.negated = false;
}

ValueSet RegionBuilder::intersect(const ValueSet& a, const ValueSet& b) const {
    ValueSet r;
    r.numeric = a.numeric;
    r.unknown = a.unknown && b.unknown;
    if (a.numeric) {
        r.intervals = lint_detail::intersect(a.intervals, b.intervals);
        return r;
    }
    if (!a.negated && !b.negated) {
        for (const auto& x : a.values)
            if (b.values.count(x)) r.values.insert(x);
    } else if (a.negated && b.negated) {
        r.negated = true;
        r.values = a.values;
        r.values.insert(b.values.begin(), b.values.end());
    } else {
        const ValueSet& pos = a.negated ? b : a;
        const ValueSet& neg = a.negated ? a : b;
        for (const auto& x : pos.values)
            if (!neg.values.count(x)) r.values.insert(x);
    }
    return r;
}

ValueSet RegionBuilder::subtract(const ValueSet& a, const ValueSet& b) const {
    ValueSet not_b = b;
    not_b.unknown = !b.unknown;
    if (b.numeric) not_b.intervals = complement(b.intervals);
    else not_b.negated = !b.negated;
    ValueSet r = intersect(a, not_b);
    r.unknown = a.unknown && !b.unknown;
    return r;
}

bool RegionBuilder::empty(const ValueSet& v) const {
    if (v.unknown) return false;
    return v.numeric ? v.intervals.empty() : (!v.negated && v.values.empty());
}

std::optional<Box> RegionBuilder::intersect(const Box& a, const Box& b) const {
    Box r = a;
    for (const auto& [var, s] : b) {
        auto it = r.find(var);
        ValueSet v = it == r.end() ? s : intersect(it->second, s);
        if (empty(v)) return std::nullopt;
        r[var] = v;
    }
    return r;
}

Region RegionBuilder::intersect(const Region& a, const Region& b) const {
    Region out;
    for (const auto& x : a)
        for (const auto& y : b)
            if (auto i = intersect(x, y)) out.push_back(std::move(*i));
    return out;
}

// a − b as disjoint boxes: for each variable b constrains, the part of what
// is left of a outside b's set on it.
std::vector<Box> RegionBuilder::subtract(const Box& a, const Box& b) const {
    std::vector<Box> out;
    Box rest = a;
    for (const auto& [var, s] : b) {
        auto it = rest.find(var);
        const ValueSet av = it == rest.end() ? full(var) : it->second;
        ValueSet outside = subtract(av, s);
        if (!empty(outside)) {
            Box piece = rest;
            piece[var] = outside;
            out.push_back(std::move(piece));
        }
        ValueSet inside = intersect(av, s);
        if (empty(inside)) return out;
        rest[var] = inside;
    }
    return out;  // what is left inside b is dropped
}

bool RegionBuilder::empty(const Region& r) {
    for (const auto& box : r) {
        bool e = false;
        for (const auto& [_, s] : box) e = e || empty(s);
        if (!e) return false;
    }
    return true;
}

bool RegionBuilder::covered(const Region& inner, const Region& outer) {
    Region left;
    for (const auto& box : inner) {
        bool e = false;
        for (const auto& [_, s] : box) e = e || empty(s);
        if (!e) left.push_back(box);
    }
    for (const auto& b : outer) {
        Region next;
        for (const auto& a : left) {
            auto parts = subtract(a, b);
            next.insert(next.end(), parts.begin(), parts.end());
            if (next.size() > kMaxBoxes) return false;  // too complex to tell: no warning
        }
        left = std::move(next);
        if (left.empty()) return true;
    }
    return left.empty();
}

}  // namespace qualify::lint_detail
