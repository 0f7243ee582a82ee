// The lint pass: warnings (W0xx) about a rulebook that compiles but holds
// rules that cannot matter — routes, match arms and motions no lead can
// reach, criteria that never contribute, schema fields and lets nothing
// reads, sample shares above 50%. Run by `qualify check` and, under
// `--deny warnings`, by `qualify test`; never by `score`. Each warning is
// documented in docs/errors.md.
#pragma once

#include "program.hpp"
#include "qualify/diagnostics.hpp"

#include <vector>

namespace qualify {

// Appends the program's warnings, in source order, to `out`.
void lint(const Program& program, std::vector<Diagnostic>& out);

namespace lint_detail {

Diagnostic warning(const Program& p, DiagnosticCode code, const ast::Span& at, std::string message,
                   std::string help);
// W001–W004: what a condition or arm region shows (lint_reach.cpp).
void lint_reachability(const Program& p, std::vector<Diagnostic>& out);
// W005–W007: what nothing reads, and sample shares (lint_data.cpp).
void lint_data(const Program& p, std::vector<Diagnostic>& out);

// Calls `f` on every expression node under `e`, `e` included.
template <typename F>
void walk(const ast::Expr& e, F&& f) {
    f(e);
    for (const auto& a : e.args)
        if (a) walk(*a, f);
    for (const auto& arm : e.arms) {
        for (const auto& t : arm.tests) {
            if (t.value) walk(*t.value, f);
            if (t.high) walk(*t.high, f);
        }
        if (arm.result) walk(*arm.result, f);
    }
}

}  // namespace lint_detail

}  // namespace qualify
