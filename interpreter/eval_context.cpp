// Per-lead evaluation state; derived lets are computed lazily, once.
#include "eval_context.hpp"

#include "bytecode.hpp"

#include <algorithm>

namespace qualify {

EvalContext::EvalContext(const Program& program, const Engine& engine)
    : program_(program), engine_(engine), call_{arena_, 0} {
    call_.patterns = program.regexes;
    locals_.resize(static_cast<size_t>(program.local_count));
    size_t total = 1;
    if (program.bytecode)
        for (uint32_t n : program.bytecode->max_stack) total += n;
    vm_stack_.resize(total);
}

void EvalContext::reset(const Lead& lead, int32_t as_of, bool tracing) {
    lead_ = &lead;
    call_.as_of = as_of;
    tracing_ = tracing;
    arena_.clear();
    derived_.assign(program_.derived.size(), Value::unknown());
    derived_state_.assign(program_.derived.size(), 0);
    for (auto& b : builtins_) b = Value::unknown();
    models_.assign(program_.models.size(), Value::unknown());
    unknown_read_.assign(program_.schema.fields.size(), 0);
    reads_.clear();
    current_root_ = kNoRoot;
    vm_top_ = 0;
}

Value EvalContext::derived(int index) {
    auto i = static_cast<size_t>(index);
    // The checker rejects cycles, so state 1 is never seen here.
    if (derived_state_[i] != 2) {
        size_t mark = reads_.size();
        derived_state_[i] = 1;
        derived_[i] = eval(program_.derived[i].root);
        derived_state_[i] = 2;
        reads_.resize(mark);
    }
    // A rule that uses a let shows the let's value as its input, whether or
    // not an earlier rule computed it first (-1 - index marks a let).
    if (tracing_) reads_.push_back(-1 - index);
    return derived_[i];
}

std::vector<int> EvalContext::take_reads() {
    std::vector<int> out;
    for (int r : reads_)
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    reads_.clear();
    return out;
}

}  // namespace qualify
