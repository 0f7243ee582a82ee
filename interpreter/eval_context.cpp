// Per-lead evaluation state; derived lets are computed lazily, once.
#include "eval_context.hpp"

#include "bytecode.hpp"

#include <algorithm>
#include <cstring>

namespace qualify {

EvalContext::EvalContext(const Program& program, const Engine& engine)
    : program_(program), engine_(engine), call_{arena_, 0} {
    call_.patterns = program.regexes;
    locals_.resize(static_cast<size_t>(program.local_count));
    // Frames nest as lets do, and no root is on the stack twice, except
    // that a phase's frame (as deep as the deepest root) may sit under them.
    size_t total = 1;
    if (program.bytecode) {
        total += program.bytecode->deepest;
        for (uint32_t n : program.bytecode->max_stack) total += n;
    }
    vm_stack_.resize(total);
    derived_.resize(program.derived.size());
    derived_state_.resize(program.derived.size());
    models_.resize(program.models.size());
    tables_.resize(program.tables.size());
    unknown_read_.resize(program.schema.fields.size());
    phase_values_.resize(program.plan.widest);
}

size_t Engine::eval_each(const RootId* roots, size_t n, Value* out, bool stop_at_true, EvalContext& ctx) const {
    for (size_t i = 0; i < n; ++i) {
        ctx.enter_root(roots[i]);
        out[i] = eval(roots[i], ctx);
        if (stop_at_true && out[i].is_true()) return i + 1;
    }
    return n;
}

void EvalContext::reset(const Lead& lead, int32_t as_of, bool tracing) {
    lead_ = &lead;
    call_.as_of = as_of;
    tracing_ = tracing;
    arena_.clear();
    // Sized once by the constructor: clearing in place costs no allocation.
    std::fill(derived_.begin(), derived_.end(), Value::unknown());
    // The byte flags are cleared with memset: std::fill with an int 0
    // compiles to a loop of byte stores.
    if (!derived_state_.empty()) std::memset(derived_state_.data(), 0, derived_state_.size());
    if (builtins_set_) std::fill(std::begin(builtins_), std::end(builtins_), Value::unknown());
    if (models_set_) std::fill(models_.begin(), models_.end(), Value::unknown());
    builtins_set_ = models_set_ = false;
    for (auto& t : tables_) t.done = false;
    if (!unknown_read_.empty()) std::memset(unknown_read_.data(), 0, unknown_read_.size());
    reads_.clear();
    current_root_ = kNoRoot;
    vm_top_ = vm_stack_.data();
}

Value EvalContext::derived(int index) {
    auto i = static_cast<size_t>(index);
    // The checker rejects cycles, so state 1 is never seen here.
    if (derived_pending(index)) {
        size_t mark = reads_.size();
        begin_derived(index);
        end_derived(index, eval(program_.derived[i].root));
        reads_.resize(mark);
    }
    // A rule that uses a let shows the let's value as its input, whether or
    // not an earlier rule computed it first (-1 - index marks a let).
    if (tracing_) reads_.push_back(-1 - index);
    return derived_[i];
}

const EvalContext::TableHit& EvalContext::table(int index) {
    TableHit& hit = tables_[static_cast<size_t>(index)];
    if (hit.done) return hit;
    const TableRule& t = program_.tables[static_cast<size_t>(index)];
    // The columns' reads belong to the rule that reads the table, like a let's.
    hit.inputs.clear();
    for (RootId root : t.inputs) hit.inputs.push_back(eval(root));
    hit.rows.clear();
    const size_t limit = t.hit == ast::Table::Hit::First ? 1 : t.hit == ast::Table::Hit::Unique ? 2 : t.rows;
    engine_.match_table(index, hit.inputs.data(), hit.rows, limit, *this);
    hit.done = true;
    // Two rows of a `unique` table make an error, not a result: neither counts.
    if (row_hits_ && !(t.hit == ast::Table::Hit::Unique && hit.rows.size() > 1))
        for (uint32_t r : hit.rows) row_hits_->insert(&t.decl->rows[r]);
    return hit;
}

Value EvalContext::table_output(int index, int output) {
    const TableHit& hit = table(index);
    const TableRule& t = program_.tables[static_cast<size_t>(index)];
    const size_t width = t.outputs.size();
    if (hit.rows.empty()) return Value::unknown();
    if (t.hit == ast::Table::Hit::Unique && hit.rows.size() > 1)
        throw ArithmeticError("rows " + std::to_string(hit.rows[0] + 1) + " and " + std::to_string(hit.rows[1] + 1) +
                              " of unique table `" + t.name + "` both match");
    if (t.hit != ast::Table::Hit::Collect) return t.values[hit.rows[0] * width + static_cast<size_t>(output)];
    std::vector<Value> items;
    items.reserve(hit.rows.size());
    for (uint32_t r : hit.rows) items.push_back(t.values[r * width + static_cast<size_t>(output)]);
    auto n = static_cast<uint32_t>(items.size());
    return Value::list(arena_.keep(std::move(items)), n);
}

std::vector<int> EvalContext::take_reads() {
    std::vector<int> out;
    for (int r : reads_)
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    reads_.clear();
    return out;
}

}  // namespace qualify
