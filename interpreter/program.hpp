// The checked, compiled rulebook: the AST with every name resolved, the
// schema slots, folded constants, constant sets, compiled regexes, loaded
// models, the rules of each decision phase, and the bytecode. Built once by
// the checker and the compiler, then immutable: many threads may evaluate
// leads against one Program at the same time.
#pragma once

#include "const_set.hpp"
#include "decimal.hpp"
#include "grammar/ast.hpp"
#include "lead.hpp"
#include "model/model.hpp"
#include "qualify/decision.hpp"
#include "schema.hpp"
#include "types.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 { class RE2; }

namespace qualify {

struct Bytecode;  // interpreter/bytecode.hpp

// A root is one expression the decision evaluates on its own: a let, a
// disqualifier's condition, a criterion's fit, score, confidence, a motion's
// condition, an escalation's or a route's condition.
using RootId = int;
constexpr RootId kNoRoot = -1;

struct CodeRule {  // disqualify / escalate
    std::string code;
    std::string reason;
    RootId when = kNoRoot;  // kNoRoot: always (motion escalations without `when`)
    ast::Span span;
};

struct CriterionRule {
    std::string code;
    std::string label;
    Decimal weight;
    RootId fit = kNoRoot;
    int motion = -1;  // -1: the rulebook's own; else the motion that adds it
    ast::Span span;
};

struct MotionRule {
    std::string name;
    RootId when = kNoRoot;
    std::vector<int> added;                        // criteria indices
    std::vector<std::pair<int, Decimal>> weights;  // criterion index -> weight
    std::vector<int> disabled;                     // criterion indices
    std::vector<CodeRule> escalations;
    ast::Span span;
};

struct AssignRule {  // `assign NAME: EXPR` of a route
    std::string name;
    RootId value = kNoRoot;
    int enum_id = -1;  // the value's enum, to print enum values by name
};

struct RouteRule {
    std::string name;
    RootId when = kNoRoot;  // kNoRoot: otherwise
    std::optional<std::string> label;
    std::optional<std::string> action;
    ast::Span span;
    std::vector<AssignRule> assigns;
};

struct SampleRule {
    int basis_points = 0;  // P% as P * 100
    int of_route = -1;     // -1: `of disqualified`
    int as_route = -1;     // explore only
};

struct ModelRule {
    std::string name;
    std::string path;  // as written in the rulebook
    std::unique_ptr<PropensityModel> model;
    std::vector<int> feature_slots;  // the schema slots the model reads
};

struct DerivedLet {
    std::string name;
    RootId root = kNoRoot;
    bool pii = false;  // computed from a pii field: redacted in traces
};

// Built-in names readable in later phases.
enum class BuiltinName { Rules, Points, KnownShare, Score, Confidence, Motion };

class TableIndex;  // interpreter/table_index.hpp

// One cell of a decision table with its operands computed (cells compare
// with constants only, so this is done once, after the constant lets).
struct CellTest {
    enum class Kind : unsigned char { Any, Equals, Compare, In, NotIn, Range };
    Kind kind = Kind::Any;
    unsigned char op = 0;  // Compare: a CompareOp
    Value a, b;            // the operand; Range: low and high
};

struct TableRule {
    std::string name;
    std::string label;
    ast::Table::Hit hit = ast::Table::Hit::First;
    const ast::Table* decl = nullptr;
    std::vector<RootId> inputs;          // one root per input column
    std::vector<std::string> outputs;    // output names
    std::vector<Type> output_types;      // scalar type of each output (collect: of each element)
    size_t rows = 0;
    std::vector<CellTest> cells;         // rows x inputs, row-major
    std::vector<Value> values;           // rows x outputs, row-major
    std::unique_ptr<TableIndex> index;   // built once the cells are known
    TableRule();
    TableRule(TableRule&&) noexcept;
    ~TableRule();
};

// The order decide() evaluates rules in, worked out once per rulebook
// (plan_decision, decide.hpp): for each phase, the roots it evaluates, so
// that without a trace a phase is one call into the engine.
struct DecidePlan {
    struct CriterionStep {
        int criterion = 0;
        Decimal weight;         // the motion's weight where it sets one
        bool disabled = false;  // by the motion: not evaluated
    };
    // A rule's code and reason as decisions list them, viewing the rule's
    // strings: copied into a decision from here, as it was built long before.
    struct Escalation {
        RootId when = kNoRoot;
        CodeAndReason shown;
    };
    struct ForMotion {
        std::vector<CriterionStep> criteria;      // the rulebook's, then the motion's additions
        std::vector<RootId> fits;                 // of the steps not disabled, in order
        std::vector<Escalation> escalations;      // the rulebook's, then the motion's
        std::vector<RootId> escalation_whens;     // of those with a condition, in order
    };
    std::vector<RootId> disqualifiers;
    std::vector<CodeAndReason> disqualified;  // what each disqualifier adds to a decision
    std::vector<RootId> motions;
    std::vector<ForMotion> by_motion;  // [0]: no motion; [m + 1]: motion m
    std::vector<RootId> routes;        // the conditions before the first `otherwise`
    // The schema's field names, side by side (FieldInfo is large), for
    // the decision's `unknown` list.
    std::vector<std::string_view> field_names;
    size_t widest = 0;                 // the most roots of any one phase
};

struct Program {
    std::unique_ptr<ast::Rulebook> ast;
    std::string name;
    std::string version;
    std::string qualified_name;  // "name@version", as decisions print it
    std::string base_dir;  // the rulebook's directory; model paths are relative to it

    SchemaInfo schema;
    std::vector<EnumInfo> enums;
    int motion_enum = -1;  // values: motion names, then "none"
    std::vector<Type> types;  // indexed by Expr::type_id

    std::vector<Value> constants;  // indexed by Resolved::Folded / Constant
    Arena constant_storage;        // strings and lists the constants point into
    std::vector<std::unique_ptr<ConstSet>> sets;
    std::vector<std::unique_ptr<re2::RE2>> regexes;

    std::vector<const ast::Expr*> roots;
    int local_count = 0;  // variables of `any`/`all`, one slot each (Resolved::Local)
    std::vector<std::string> root_names;  // "criterion size_fit", for traces and errors
    std::vector<DerivedLet> derived;

    std::vector<CodeRule> disqualifiers;
    std::vector<CriterionRule> criteria;  // the rulebook's, then each motion's additions
    size_t own_criteria = 0;              // how many are the rulebook's own
    std::vector<ModelRule> models;
    RootId score = kNoRoot;
    RootId confidence = kNoRoot;
    std::vector<MotionRule> motions;
    std::vector<CodeRule> escalations;
    std::vector<RouteRule> routes;
    std::vector<std::string> assigned_names;  // every route's `assign` names, first use first
    std::vector<TableRule> tables;
    std::vector<int> qualified_routes;
    std::vector<SampleRule> reviews;
    std::vector<SampleRule> explores;
    uint64_t review_seed = 0;   // sample_seed(name, "review"), decide.hpp
    uint64_t explore_seed = 0;  // sample_seed(name, "explore")
    std::vector<std::string> rejection_reasons;
    // `dedupe by`: one root per key part, in order; empty without the statement.
    std::vector<RootId> dedupe_keys;
    ast::Span dedupe_span;

    std::string hash;  // "sha256:…" over the source and every loaded file

    std::unique_ptr<Bytecode> bytecode;
    DecidePlan plan;

    Program();
    ~Program();
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    int route_index(const std::string& name) const;
    const Type& type_of(const ast::Expr& e) const { return types[static_cast<size_t>(e.type_id)]; }
};

}  // namespace qualify
