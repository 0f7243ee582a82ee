// The abstract syntax tree of a rulebook: what the parser builds and the
// checker, compiler and reference evaluator read. Nodes keep their source
// span so that every diagnostic and trace line points back to file:line:col.
// The checker fills in the `resolved` annotations of expressions; the parser
// leaves them empty.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qualify::ast {

struct Span {
    uint32_t line = 0;    // 1-based
    uint32_t column = 0;  // 1-based, in bytes
    uint32_t offset = 0;  // byte offset into the source
};

// ---------------------------------------------------------------- types

struct TypeExpr {
    enum class Base { String, Int, Decimal, Bool, Date, Enum, List };
    Base base = Base::String;
    std::vector<std::string> enum_values;  // Base::Enum, in declaration order
    std::unique_ptr<TypeExpr> element;     // Base::List
    Span span;
};

// ---------------------------------------------------------------- expressions

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// One unary test of a `match` arm: `cxo`, `"x"`, `in S`, `not in S`,
// `a..b`, `>= 5000`.
struct UnaryTest {
    enum class Kind { Equals, In, NotIn, Range, Compare };
    Kind kind = Kind::Equals;
    std::string op;  // Compare: one of == != < <= > >=
    ExprPtr value;   // Equals, In, NotIn, Compare: the operand; Range: low
    ExprPtr high;    // Range only
    Span span;
};

struct MatchArm {
    std::vector<UnaryTest> tests;  // empty for the `else` arm
    bool is_else = false;
    ExprPtr result;
    Span span;
};

// What the checker resolved a name to; the compiler and the reference
// evaluator dispatch on this, never on the spelling.
struct Resolved {
    enum class Kind {
        None,         // not resolved yet
        Field,        // index = schema slot
        Constant,     // index = constant (let without lead inputs) id
        Derived,      // index = per-lead let id
        EnumValue,    // index = value position in its enum; aux = enum id
        Builtin,      // rules, points, known_share, score, confidence, motion
        Model,        // index = model id
        Function,     // Call: index = builtin function id
        ConstSet,     // Set literal or `in` operand: index = constant set id
        Regex,        // `matches`: index = compiled pattern id
        Folded,       // any node whose value the checker computed: index = constant id
        TableOutput,  // `table.output`: index = table id, aux = output position
        Local,        // the variable of `any`/`all`: index = its slot (Program::local_count);
                      // the Quantifier node itself keeps Kind::None with index = its variable's slot
    };
    Kind kind = Kind::None;
    int index = -1;
    int aux = -1;
};

struct Expr {
    enum class Kind {
        Number,   // text: the literal as written ("0.5", "20")
        String,   // text: the decoded value (escapes processed)
        Bool,     // text: "true" / "false"
        Null,     // only in test `given` values
        Name,     // path: ["company", "employees"]; ["lead", "score"] for lead.NAME
        Set,      // args: the elements, `{a, b}`
        List,     // args: the elements, `[a, b]` (test `given` values)
        Unary,    // text: "-" or "not"; args[0]
        Binary,   // text: the operator (or and == != < <= > >= in "not in" matches ?? + - * / & |)
        Call,     // text: function name; args; arg_names parallel ("" when positional)
        Range,    // args[0]..args[1], only as a named call argument (`ideal: 200..2000`)
        If,       // args: cond, then, else
        Match,    // args[0]: subject; arms
        Quantifier,  // text: "any" or "all"; path[0]: the variable; args[0]: the list, args[1]: the condition
    };
    Kind kind = Kind::Null;
    Span span;
    std::string text;
    std::vector<std::string> path;
    std::vector<ExprPtr> args;
    std::vector<std::string> arg_names;
    std::vector<MatchArm> arms;
    Resolved resolved;  // filled by the checker
    int type_id = -1;   // filled by the checker: index into the checked type table
};

// ---------------------------------------------------------------- statements

struct FieldDecl {
    std::string name;  // dotted: "company.employees"
    TypeExpr type;
    bool optional = false;
    bool pii = false;
    std::optional<std::string> from;  // CSV column name
    Span span;
};

struct Schema {
    std::string name;  // `schema lead`
    std::vector<std::string> unknown_values;
    std::vector<FieldDecl> fields;
    Span span;
};

struct Let {
    std::string name;
    ExprPtr value;
    Span span;
};

struct Disqualify {
    std::string code;
    ExprPtr when;
    std::string reason;
    Span span;
};

struct Criterion {
    std::string code;
    std::string weight;  // literal text, may start with '-'
    std::string label;   // may be empty when not written
    ExprPtr fit;
    Span span;
};

struct Model {
    std::string name;
    std::string path;  // relative to the rulebook's directory
    std::vector<std::string> features;  // dotted field names; empty when not written
    std::vector<Span> feature_spans;
    Span span;
};

struct Escalate {
    std::string code;
    ExprPtr when;  // null only inside a motion (always escalates)
    std::string reason;
    Span span;
};

struct WeightOverride {
    std::string code;
    std::string weight;
    Span span;
};

struct Disable {
    std::string code;
    Span span;
};

struct Motion {
    std::string name;
    ExprPtr when;
    std::vector<Criterion> criteria;
    std::vector<WeightOverride> weights;
    std::vector<Disable> disables;
    std::vector<Escalate> escalations;
    Span span;
};

// `assign NAME: EXPR` after a route: a value the decision carries under `assigned`.
struct Assign {
    std::string name;
    ExprPtr value;
    Span span;
};

struct Route {
    std::string name;
    ExprPtr when;  // null for `otherwise`
    std::optional<std::string> label;
    std::optional<std::string> action;
    std::vector<Assign> assigns;
    Span span;
};

// One input cell of a decision table: `-` (any), or a unary test as in a
// match arm (`in {"US"}`, `>= 1000`, `10..50`, an enum value).
struct TableCell {
    bool any = false;  // `-`
    UnaryTest test;    // when !any
    Span span;
};

struct TableRow {
    std::vector<TableCell> inputs;
    std::vector<ExprPtr> outputs;  // literals, enum values or constant names
    Span span;
};

// `table NAME hit first|unique|collect "label" { header; rows }`.
struct Table {
    enum class Hit { First, Unique, Collect };
    std::string name;
    Hit hit = Hit::First;
    std::string label;               // empty when not written
    std::vector<ExprPtr> inputs;     // the header's input expressions, one per column
    std::vector<std::string> outputs;  // the header's output names
    std::vector<Span> output_spans;
    std::vector<TableRow> rows;
    Span span;
};

struct NameList {
    std::vector<std::string> names;
    std::vector<Span> spans;
    Span span;
};

struct Sample {  // `review P% of R` and `explore P% of R as S`
    std::string percent;  // literal text without '%': "5", "2.5"
    std::string of;       // route name or "disqualified"
    std::string as;       // explore only
    Span span;
    Span of_span;
    Span as_span;
};

// `dedupe by KEY, KEY…`: a lead whose key equals an earlier lead's is a duplicate.
struct Dedupe {
    std::vector<ExprPtr> keys;
    Span span;
};

struct Given {
    std::string field;  // dotted
    ExprPtr value;
    Span span;
};

struct Expect {
    enum class Kind {
        Route, Score, Confidence, Disqualified, NotDisqualified, Reason, TopReason,
        Escalation, NoEscalation, Motion, Unknown, Review, Explore, Error, Assigned,
    };
    Kind kind = Kind::Route;
    std::string name;    // route, code, motion or field; empty for any/none forms; Error: the message part
    std::string op;      // Score and Confidence: a comparison, or "in" for a range
    std::string number;  // Score and Confidence, literal text (a range's low end)
    std::string high;    // op "in": the range's high end, literal text
    ExprPtr value;       // Assigned: the expected value (a literal or enum value)
    Span span;
};

// What a lead is built from: fixtures first, in order, then the entries;
// a later key overrides an earlier one.
struct GivenSource {
    std::vector<std::string> fixtures;
    std::vector<Span> fixture_spans;
    std::vector<Given> given;
};

// One row of a table-driven test (`cases { … }`): its own lead, on top of
// the test's `given`, and its expectations, besides the test's.
struct TestRow {
    GivenSource source;
    std::vector<Expect> expects;
    Span span;
};

struct Test {
    std::string file;  // set when the test comes from a NAME.test.qual file; empty: the rulebook's
    std::string name;
    std::vector<std::string> fixtures;  // `given NAME, … with { … }`
    std::vector<Span> fixture_spans;
    std::vector<Given> given;
    ExprPtr as_of;  // `as_of date("…")`, null when not pinned
    std::vector<Expect> expects;
    std::vector<TestRow> rows;  // empty: the test is one lead
    Span span;
};

// `fixture NAME { … }`: given values tests share.
struct Fixture {
    std::string file;  // as Test::file
    std::string name;
    std::vector<Given> given;
    Span span;
};

struct Rulebook {
    std::string file;    // as given on the command line, for diagnostics
    std::string source;  // the full text, for diagnostics' source lines
    std::string name;
    std::string version;
    Span header_span;

    Schema schema;
    std::vector<Let> lets;
    std::vector<Disqualify> disqualifiers;
    std::vector<Criterion> criteria;
    std::vector<Model> models;
    ExprPtr score;  // null when not written
    Span score_span;
    ExprPtr confidence;  // null when not written
    Span confidence_span;
    std::vector<Motion> motions;
    std::vector<Escalate> escalations;
    std::vector<Route> routes;
    std::vector<Table> tables;
    std::optional<NameList> qualified_routes;
    std::vector<Sample> reviews;
    std::vector<Sample> explores;
    std::optional<NameList> rejection_reasons;
    std::optional<Dedupe> dedupe;
    std::vector<Test> tests;
    std::vector<Fixture> fixtures;
};

}  // namespace qualify::ast
