// The qualify library: compile a rulebook (text or file) into diagnostics or
// an immutable compiled rulebook; evaluate leads (JSON or built field by
// field) into decisions; run a rulebook's tests. A compiled rulebook may be
// shared by any number of threads, each with its own Evaluator.
#pragma once

#include "qualify/csv.hpp"
#include "qualify/decision.hpp"
#include "qualify/diagnostics.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qualify {

struct Program;
struct Lead;

// A compiled rulebook: immutable, cheap to copy (shared).
class Rulebook {
public:
    explicit Rulebook(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
    const std::string& name() const;
    const std::string& version() const;
    const std::string& hash() const;  // "sha256:…"
    const std::string& file() const;
    // The routes in declaration order (the queue view ranks by it).
    std::vector<std::string> route_names() const;
    // Data use, for governance and decision logs: every declared field,
    // whether some rule or model reads it, and its pii tag; slot order.
    struct FieldUse {
        std::string name;  // dotted
        bool pii = false;
        bool read = false;
    };
    std::vector<FieldUse> field_uses() const;
    std::vector<std::string> qualified_routes() const;
    const std::vector<std::string>& rejection_reasons() const;
    // The names routes `assign`, in first-use order (CSV columns).
    const std::vector<std::string>& assigned_names() const;
    // Each model's name and the sha256 of its file ("sha256:…").
    std::vector<std::pair<std::string, std::string>> model_hashes() const;
    // The bytecode, one instruction a line (`qualify disasm`).
    std::string disassemble() const;
    const Program& program() const { return *program_; }
    std::shared_ptr<const Program> shared() const { return program_; }

private:
    std::shared_ptr<const Program> program_;
};

struct CompileOptions {
    // For `qualify train`: a model file the rulebook names may not exist yet.
    bool allow_missing_models = false;
    // For `qualify train` and `qualify model import`: model files are not
    // read at all, so a stale or broken one (features changed since) does not
    // stop the retraining or import that replaces it. Such a rulebook can
    // compile, not decide.
    bool skip_model_files = false;
    // Also parse `NAME.test.qual` beside the rulebook and check its tests.
    bool include_test_file = false;
    // Run the lint pass (W0xx warnings, interpreter/lint.hpp) on a rulebook
    // that compiles; `qualify check` does, `score` does not.
    bool lint = false;
};

struct Compilation {
    std::optional<Rulebook> rulebook;     // set when there were no errors
    std::vector<Diagnostic> diagnostics;  // errors (and warnings), in source order
    std::map<std::string, std::string> sources;  // file -> text, for rendering
    bool ok() const { return rulebook.has_value(); }
    // Every diagnostic in the house format, with source lines and carets.
    std::string render() const;
};

Compilation compile_file(const std::string& path, const CompileOptions& options = {});
Compilation compile_source(std::string source, std::string file, std::string base_dir,
                           const CompileOptions& options = {});

// Dates are days since 1970-01-01 (UTC).
std::optional<int32_t> parse_date(std::string_view iso);
int32_t today();

enum class EngineKind { Vm, Reference };

struct EvalOptions {
    int32_t as_of = 0;  // the run's as-of date (days since 1970-01-01)
    bool explain = false;
    bool show_pii = false;
    EngineKind engine = EngineKind::Vm;
};

// Builds a lead field by field, converting text by the same rules as CSV
// cells and JSON strings.
class LeadBuilder {
public:
    explicit LeadBuilder(const Rulebook& rulebook);
    ~LeadBuilder();
    LeadBuilder& text(std::string_view field, std::string_view raw);  // converted by the field's type
    LeadBuilder& number(std::string_view field, int64_t v);
    LeadBuilder& boolean(std::string_view field, bool v);
    LeadBuilder& list(std::string_view field, const std::vector<std::string>& items);
    LeadBuilder& unknown(std::string_view field);
    // The problems so far (unknown field, bad value); empty when the lead is good.
    const std::vector<std::string>& errors() const { return errors_; }
    const Lead& lead() const { return *lead_; }

private:
    int slot(std::string_view field);
    Rulebook rulebook_;
    std::unique_ptr<Lead> lead_;
    std::vector<std::string> errors_;
};

// Evaluates leads one at a time, reusing its working memory. One per thread.
class Evaluator {
public:
    Evaluator(const Rulebook& rulebook, const EvalOptions& options);
    ~Evaluator();
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    // One JSON object (a line of JSON Lines). `line` names it in error records.
    Decision evaluate_json(std::string_view json, uint64_t line = 0);
    // One CSV record, read through the header binding of a CsvReader over
    // the same rulebook. A record with a framing error is an error record.
    Decision evaluate_csv(const CsvColumns& columns, const CsvRow& row);
    // The same into a caller's Decision, which is overwritten: a loop that
    // passes the same one each time allocates nothing once warmed up.
    void evaluate_json(std::string_view json, uint64_t line, Decision& into);
    void evaluate_csv(const CsvColumns& columns, const CsvRow& row, Decision& into);
    Decision evaluate(const LeadBuilder& lead);
    Decision evaluate(const Lead& lead);

    // The fields the rulebook reads (Rulebook::field_uses), of the lead
    // evaluated last, as (name, JSON value) pairs in slot order; unknown is
    // `null`. pii fields are left out unless `include_pii`. For decision
    // logs: only what the decision used is kept.
    std::vector<std::pair<std::string, std::string>> read_fields(bool include_pii) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// One pass of leads through a rulebook (a `qualify score` run): the state
// that spans leads, which the immutable, shared Rulebook does not hold.
// Today that is `dedupe by`. Evaluate leads on any threads, then hand every
// decision to admit() in input order; the result is the same at any thread
// count. Memory grows with the number of distinct keys only (a 128-bit hash
// and the first lead's reason text each, about 120 bytes plus the id), never
// with the number of leads.
class Run {
public:
    explicit Run(const Rulebook& rulebook);
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // Registers the decision's dedupe key when no earlier lead had it; when
    // one had, disqualifies the lead as `duplicate` ("Duplicate of ID",
    // naming the first lead; the text lives as long as the Run) and returns
    // true. Error records and leads with an unknown key part register
    // nothing. A no-op for a rulebook without `dedupe by`.
    bool admit(Decision& decision);
    // How many distinct keys the run has seen.
    size_t distinct_keys() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The outcome of one `test` block (all its `cases` rows).
struct TestResult {
    std::string name;
    std::string file;
    unsigned line = 0;
    bool passed = false;
    // "expected route ae, got sdr"; a row's failures start "row N (file:line): ".
    std::vector<std::string> failures;
};

// What the tests exercised: one item per disqualifier, criterion, match arm
// (of the expressions evaluated per lead), motion, escalation and route;
// covered when some test lead fired, scored points with, took, applied,
// raised or was routed by it.
struct CoverageItem {
    std::string kind;  // "disqualifier", "criterion", "match arm", "motion", "escalation", "route"
    std::string name;  // the code or name; a match arm: its tests and where the match is
    std::string file;
    unsigned line = 0, column = 0;
    bool covered = false;
};
struct TestCoverage {
    std::vector<CoverageItem> items;
    size_t covered() const;
};

// Runs the rulebook's tests (including those of NAME.test.qual when it was
// compiled with include_test_file). `as_of` applies to tests that do not pin
// their own with `as_of date(…)`. With `coverage`, what the tests exercised
// is appended to it (recorded by the reference evaluator, which only tests
// use, so scoring never pays for it).
std::vector<TestResult> run_tests(const Rulebook& rulebook, int32_t as_of, TestCoverage* coverage = nullptr);

}  // namespace qualify
