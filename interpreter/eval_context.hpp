// The per-lead state of one evaluation: the lead, the values computed so far
// (derived lets, rules, score, motion...), the fields read and found unknown,
// and, when tracing, the inputs each rule read. Both engines (the VM and the
// reference evaluator) read fields and lets through it, so the decision
// procedure is written once. A context is reused across leads to avoid
// allocating per lead.
#pragma once

#include "program.hpp"
#include "qualify/decision.hpp"
#include "stdlib/builtins.hpp"

#include <unordered_set>
#include <vector>

namespace qualify {

class EvalContext;

// Evaluates one root expression of a program for the lead in a context.
class Engine {
public:
    virtual ~Engine() = default;
    virtual Value eval(RootId root, EvalContext& ctx) const = 0;
    // Evaluates `roots[0..n)` in order into `out`, each as eval() would; with
    // `stop_at_true`, stops after the first whose value is true. Returns how
    // many were evaluated. The VM runs a whole phase of the decision in one
    // call this way; this default calls eval() for each.
    virtual size_t eval_each(const RootId* roots, size_t n, Value* out, bool stop_at_true,
                             EvalContext& ctx) const;
    // The rows of decision table `table` that match `inputs` (one value per
    // column), ascending, at most `limit`.
    virtual void match_table(int table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit,
                             EvalContext& ctx) const = 0;
};

class EvalContext {
public:
    EvalContext(const Program& program, const Engine& engine);

    // Starts a new lead. `lead` must outlive the evaluation.
    void reset(const Lead& lead, int32_t as_of, bool tracing);

    const Program& program() const { return program_; }
    const Engine& engine() const { return engine_; }
    const Lead& lead() const { return *lead_; }
    CallContext& call() { return call_; }
    int32_t as_of() const { return call_.as_of; }

    Value field(int slot) {
        const Value& v = lead_->slots[static_cast<size_t>(slot)];
        // Without a branch: whether a field is known varies from lead to
        // lead, and a mispredicted branch here cost more than the store.
        unknown_read_[static_cast<size_t>(slot)] |= static_cast<unsigned char>(!v.known());
        if (tracing_) reads_.push_back(slot);
        return v;
    }
    Value derived(int index);
    // For an engine that evaluates a let's root itself (the VM, without a
    // trace): whether the let still needs computing, and, around computing
    // it, the same bookkeeping as derived().
    bool derived_pending(int index) const { return derived_state_[static_cast<size_t>(index)] != 2; }
    void begin_derived(int index) { derived_state_[static_cast<size_t>(index)] = 1; }
    void end_derived(int index, const Value& v) {
        derived_[static_cast<size_t>(index)] = v;
        derived_state_[static_cast<size_t>(index)] = 2;
    }
    // A derived let's value once computed (Unknown before), without evaluating it.
    Value derived_value(int index) const { return derived_[static_cast<size_t>(index)]; }
    Value builtin(BuiltinName b) const { return builtins_[static_cast<int>(b)]; }
    void set_builtin(BuiltinName b, Value v) {
        builtins_[static_cast<int>(b)] = v;
        builtins_set_ = true;
    }
    Value model(int index) const { return models_[static_cast<size_t>(index)]; }
    // The current element of an `any`/`all` variable (Resolved::Local).
    Value local(int slot) const { return locals_[static_cast<size_t>(slot)]; }
    void set_local(int slot, Value v) {
        if (static_cast<size_t>(slot) >= locals_.size()) locals_.resize(static_cast<size_t>(slot) + 1);
        locals_[static_cast<size_t>(slot)] = v;
    }
    void set_model(int index, Value v) {
        models_[static_cast<size_t>(index)] = v;
        models_set_ = true;
    }

    // Decision tables: each is matched once per lead, on first use.
    struct TableHit {
        bool done = false;
        std::vector<Value> inputs;  // the columns' values
        std::vector<uint32_t> rows; // matching rows (first: at most 1, unique: at most 2, collect: all)
    };
    const TableHit& table(int index);
    // Output `output` of table `index`: the matching row's value, a list under
    // `collect`, unknown when no row matches. Two rows under `unique` throw.
    Value table_output(int index, int output);
    const std::vector<TableHit>& tables() const { return tables_; }

    // Evaluates a root, remembering it so a runtime error can say where.
    Value eval(RootId root) {
        RootId outer = current_root_;
        current_root_ = root;
        Value v = engine_.eval(root, *this);
        current_root_ = outer;
        return v;
    }
    RootId current_root() const { return current_root_; }
    // eval() for each of `roots` (Engine::eval_each): one call into the engine.
    size_t eval_each(const RootId* roots, size_t n, Value* out, bool stop_at_true) {
        RootId outer = current_root_;
        size_t done = engine_.eval_each(roots, n, out, stop_at_true, *this);
        current_root_ = outer;
        return done;
    }
    // For an engine's eval_each: the root it starts on, for error messages.
    void enter_root(RootId root) { current_root_ = root; }
    // Room for the values of one phase's roots (DecidePlan::widest).
    Value* phase_values() { return phase_values_.data(); }

    // Slots read and found unknown, for the decision's `unknown` list.
    const std::vector<unsigned char>& unknown_read() const { return unknown_read_; }
    // Tracing: the slots read since the last call, in order, without repeats.
    bool tracing() const { return tracing_; }
    std::vector<int> take_reads();

    Arena& arena() { return arena_; }

    // Model outcomes a rejected lead's decision set aside (it has none):
    // the next qualified lead takes them back, with their factor lists and
    // strings still allocated.
    std::vector<ModelOutcome>& spare_model_outcomes() { return spare_model_outcomes_; }

    // Test coverage: when set, the reference evaluator records each match
    // arm it takes here. Null (and never looked at by the VM) otherwise.
    std::unordered_set<const ast::MatchArm*>* arm_hits() const { return arm_hits_; }
    void record_arms(std::unordered_set<const ast::MatchArm*>* hits) { arm_hits_ = hits; }
    // Likewise the decision-table rows whose outputs a lead received.
    void record_table_rows(std::unordered_set<const ast::TableRow*>* hits) { row_hits_ = hits; }

    // The VM's value stack: each evaluation (lets nest) takes a frame of
    // `n` values on top and gives it back when it returns. Sized once, for
    // the deepest nesting possible, so frames never move.
    Value* vm_push(uint32_t n) {
        Value* frame = vm_top_;
        vm_top_ += n;
        return frame;
    }
    void vm_pop(Value* frame) { vm_top_ = frame; }
    // A frame of `n` values from `from`, a point inside the current frame
    // (a let the VM computes on top of its caller's values): anything that
    // nests meanwhile starts above it. Returns the top to give back.
    Value* vm_push_at(Value* from, uint32_t n) {
        Value* old = vm_top_;
        if (from + n > vm_top_) vm_top_ = from + n;
        return old;
    }

private:
    const Program& program_;
    const Engine& engine_;
    const Lead* lead_ = nullptr;
    Arena arena_;
    CallContext call_;
    std::vector<Value> derived_;
    std::vector<unsigned char> derived_state_;  // 0 not computed, 1 computing, 2 done
    Value builtins_[6];
    std::vector<Value> models_;
    // Whether a builtin or model value was set since the last reset: most
    // leads are rejected before any is, and need not clear them.
    bool builtins_set_ = false;
    bool models_set_ = false;
    std::vector<Value> locals_;
    std::vector<TableHit> tables_;
    std::vector<unsigned char> unknown_read_;
    bool tracing_ = false;
    std::vector<int> reads_;
    RootId current_root_ = kNoRoot;
    std::unordered_set<const ast::MatchArm*>* arm_hits_ = nullptr;
    std::unordered_set<const ast::TableRow*>* row_hits_ = nullptr;
    std::vector<ModelOutcome> spare_model_outcomes_;
    std::vector<Value> phase_values_;
    std::vector<Value> vm_stack_;
    Value* vm_top_ = nullptr;  // first free value of vm_stack_
};

}  // namespace qualify
