// The static reasoning behind the reachability lints (W001 routes, W003
// match arms, W004 motions, W002 constant-false fits): a condition is turned
// into a region — a union of boxes, each box constraining some variables
// (schema fields, derived lets, `score`, `confidence`, a match subject) to a
// set of values — and one region is checked to lie inside another.
//
// Only comparisons of a variable with a constant (`score >= 80`,
// `source == partner`, `company.country in excluded`, a bare bool field) are
// understood; anything else is approximated: as "any lead" where a region
// must not be under-estimated (the rule being tested for reachability) and
// as "no lead" where it must not be over-estimated (the earlier rules that
// would shadow it). So a warning is only given when it is certain.
#pragma once

#include "program.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace qualify::lint_detail {

struct Interval {
    std::optional<Decimal> lo, hi;  // nullopt: unbounded
    bool lo_closed = false, hi_closed = false;
};

// A set of values one variable may take, plus whether "unknown" is in it.
struct ValueSet {
    bool numeric = true;
    std::vector<Interval> intervals;  // numeric: sorted, disjoint
    bool negated = false;             // discrete: every value except `values`
    std::set<std::string> values;     // discrete
    bool unknown = false;
};

// What the analysis knows about one variable: its kind of values, the
// finite universe of an enum or bool, whether it can be unknown.
struct VariableInfo {
    bool numeric = true;
    std::vector<std::string> universe;  // enum / bool values; empty: unbounded
    bool may_be_unknown = true;
};

using Box = std::map<int, ValueSet>;  // missing variable: any value
using Region = std::vector<Box>;      // union

// Variables other than schema slots (which are numbered from 0).
constexpr int kScoreVar = -2;
constexpr int kConfidenceVar = -3;
constexpr int kSubjectVar = -4;           // the subject of the match being linted
constexpr int kDerivedVarBase = -1000;    // derived let i is kDerivedVarBase - i
constexpr int kBuiltinVarBase = -100;     // other numeric built-ins

class RegionBuilder {
public:
    explicit RegionBuilder(const Program& p) : p_(p) {}

    // The leads for which `e` evaluates to `truth`: over- and under-estimates.
    struct Approx {
        Region over, under;
    };
    Approx condition(const ast::Expr& e, bool truth);

    // The values of a match subject (kSubjectVar) one arm's tests accept;
    // nullopt when a test is not understood.
    std::optional<Region> arm(const ast::MatchArm& arm, const ast::Expr& subject);

    // True when `inner` lies inside the union of `outer`.
    bool covered(const Region& inner, const Region& outer);
    bool empty(const Region& r);

    // The constant value of an expression the checker resolved to one.
    std::optional<Value> constant(const ast::Expr& e) const;

private:
    std::optional<int> variable(const ast::Expr& e);
    std::optional<Region> compare(int var, std::string op, const Value& c, bool truth);
    std::optional<Region> member(int var, const ast::Expr& set, bool truth);
    std::optional<Region> atom(const ast::Expr& e, bool truth);
    std::optional<std::string> discrete_key(const Value& v, int var) const;

    ValueSet full(int var) const;
    ValueSet intersect(const ValueSet& a, const ValueSet& b) const;
    ValueSet subtract(const ValueSet& a, const ValueSet& b) const;
    bool empty(const ValueSet& v) const;
    std::optional<Box> intersect(const Box& a, const Box& b) const;
    Region intersect(const Region& a, const Region& b) const;
    std::vector<Box> subtract(const Box& a, const Box& b) const;
    void normalise(int var, ValueSet& v) const;

    const Program& p_;
    std::map<int, VariableInfo> vars_;
};

}  // namespace qualify::lint_detail
