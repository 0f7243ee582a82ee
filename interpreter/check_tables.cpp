// Checks decision tables: the header's inputs (typed like lets, each a
// root), every cell against its column's type (cells compare with
// constants only, so the table can be indexed at compile time), every
// output against its column; `table.output` references, on demand, so a
// let may read a table and a table's input may read a let (a cycle is
// Q121). Once the constant lets are known, the cells' operands and the
// outputs become values, the index is built (table_index.hpp) and the
// atoms it found drive the static analysis: overlapping rows under
// `unique` (W203: such a lead gets an error decision), rows that an earlier row always takes first (W201) and
// inputs no row covers (W202), each shown with an example input.
#include "checker_state.hpp"

#include "ops.hpp"
#include "reference_eval.hpp"
#include "table_index.hpp"

#include <algorithm>
#include <bit>
#include <set>

namespace qualify::check_detail {

namespace {
using K = Type::Kind;

}  // namespace

void Checker::warning(DiagnosticCode code, const ast::Span& at, std::string message, std::string help) {
    diags_.push_back({.severity = Diagnostic::Severity::Warning, .code = code,
                      .file = current_file_.empty() ? p_.ast->file : current_file_, .line = at.line,
                      .column = at.column, .message = std::move(message), .help = std::move(help)});
}

void Checker::declare_tables() {
    for (auto& t : p_.ast->tables) {
        if (tables_.count(t.name) || p_.schema.find(t.name) >= 0) {
            error(DiagnosticCode::Q105, t.span, "`" + t.name + "` is already defined", "give each table its own name");
            continue;
        }
        TableState s;
        s.table = &t;
        s.id = static_cast<int>(p_.tables.size());
        TableRule rule;
        rule.name = t.name;
        rule.label = t.label;
        rule.hit = t.hit;
        rule.decl = &t;
        rule.outputs = t.outputs;
        rule.rows = t.rows.size();
        p_.tables.push_back(std::move(rule));
        tables_.emplace(t.name, s);
    }
    for (const auto& l : p_.ast->lets)
        if (tables_.count(l.name))
            error(DiagnosticCode::Q105, l.span, "`" + l.name + "` is already the name of a table",
                  "give the let and the table different names");
}

void Checker::tables() {
    for (auto& [_, s] : tables_) check_table(s);
}

void Checker::check_cell(ast::UnaryTest& t, const Type& s, const std::string& where) {
    using TK = ast::UnaryTest::Kind;
    const int ctx = s.kind == K::Enum ? s.enum_id : -1;
    const bool outer = reads_lead_;
    reads_lead_ = false;
    auto operand = [&](ast::Expr& v) {
        if (t.kind == TK::In || t.kind == TK::NotIn)
            return v.kind == ast::Expr::Kind::Set ? set_literal(v, Phase::Let, s) : expr(v, Phase::Let);
        return expr(v, Phase::Let, ctx);
    };
    Type v = operand(*t.value);
    Type hi = t.kind == TK::Range ? expr(*t.high, Phase::Let, ctx) : Type{};
    if (reads_lead_) {
        error(DiagnosticCode::Q127, t.span, "a table cell compares with a constant; this one reads the lead (" + where + ")",
              "move the computation into the column's header expression or a `let`");
        reads_lead_ = outer;
        return;
    }
    reads_lead_ = outer;
    if (v.invalid() || s.invalid() || (t.kind == TK::Range && hi.invalid())) return;
    auto mismatch = [&](const std::string& what) {
        error(DiagnosticCode::Q103, t.span, "this cell " + what + " but the column is " + type_name(s, p_.enums) + " (" + where + ")",
              "cells are `-`, `in {…}`, `not in {…}`, comparisons such as `>= 1000`, ranges `a..b` or values of the column's type");
    };
    switch (t.kind) {
        case TK::In:
        case TK::NotIn:
            if ((v.kind != K::Set && v.kind != K::List) ||
                !comparable(s, v.element == K::Enum ? Type::enumeration(v.enum_id) : Type::of(v.element)))
                mismatch("tests membership in " + type_name(v, p_.enums));
            return;
        case TK::Range:
            if (!comparable(s, v) || !comparable(s, hi) || s.kind == K::String || s.kind == K::Bool || s.kind == K::Enum)
                mismatch("is a range of " + type_name(v, p_.enums));
            return;
        case TK::Compare:
            if (t.op != "==" && t.op != "!=" && (s.kind == K::String || s.kind == K::Bool || s.kind == K::Enum)) {
                mismatch("orders values with `" + t.op + "`");
                return;
            }
            [[fallthrough]];
        case TK::Equals:
            if ((v.kind == K::String && s.kind == K::Enum) || (v.kind == K::Enum && s.kind == K::String)) {
                error(DiagnosticCode::Q117, t.span, "a string is compared with an enum value (" + where + ")",
                      "enum values are bare names in cells: `enterprise`");
                return;
            }
            if (!comparable(s, v)) mismatch("compares with " + type_name(v, p_.enums));
            return;
    }
}

void Checker::check_table(TableState& s) {
    if (s.status != TableState::Status::Unchecked) return;
    s.status = TableState::Status::Checking;
    ast::Table& t = *s.table;
    TableRule& rule = p_.tables[static_cast<size_t>(s.id)];
    const bool outer = reads_lead_, outer_pii = reads_pii_;
    std::vector<Type> columns;
    for (size_t c = 0; c < t.inputs.size(); ++c) {
        reads_pii_ = false;
        Type ct = expr(*t.inputs[c], Phase::Let);
        s.pii = s.pii || reads_pii_;
        if (!ct.invalid() && !ct.scalar()) {
            error(DiagnosticCode::Q127, t.inputs[c]->span,
                  "a table column tests one value, got " + type_name(ct, p_.enums),
                  "test a list with a column such as `\"hubspot\" in company.tech_stack`");
            ct = Type{};
        }
        columns.push_back(ct);
        rule.inputs.push_back(add_root(t.inputs[c].get(), "table " + t.name + " column " + std::to_string(c + 1)));
    }
    std::set<std::string> names;
    for (size_t o = 0; o < t.outputs.size(); ++o)
        if (!names.insert(t.outputs[o]).second)
            error(DiagnosticCode::Q105, t.output_spans[o], "table `" + t.name + "` has two outputs named `" + t.outputs[o] + "`");
    s.output_types.assign(t.outputs.size(), Type{});
    std::vector<bool> output_bad(t.outputs.size(), false), output_optional(t.outputs.size(), false);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        auto& row = t.rows[r];
        const std::string where = "table `" + t.name + "` row " + std::to_string(r + 1);
        if (row.inputs.size() != t.inputs.size() || row.outputs.size() != t.outputs.size()) {
            error(DiagnosticCode::Q127, row.span,
                  where + " has " + std::to_string(row.inputs.size()) + " input and " + std::to_string(row.outputs.size()) +
                      " output cells; the header has " + std::to_string(t.inputs.size()) + " and " +
                      std::to_string(t.outputs.size()),
                  "give every row one cell per column (`-` for any value)");
            continue;
        }
        for (size_t c = 0; c < row.inputs.size(); ++c)
            if (!row.inputs[c].any) check_cell(row.inputs[c].test, columns[c], where + " column " + std::to_string(c + 1));
        for (size_t o = 0; o < row.outputs.size(); ++o) {
            ast::Expr& out = *row.outputs[o];
            const bool outer_lead = reads_lead_;
            reads_lead_ = false;
            Type& result = s.output_types[o];
            Type v = expr(out, Phase::Let, result.kind == K::Enum ? result.enum_id : -1);
            const bool reads = reads_lead_;
            reads_lead_ = outer_lead;
            if (v.invalid()) { output_bad[o] = true; continue; }
            if (reads) {
                error(DiagnosticCode::Q127, out.span, "a table output is a constant; this one reads the lead (" + where + ")",
                      "outputs are literals, enum values or constant lets");
                output_bad[o] = true;
                continue;
            }
            if (v.kind == K::Null) { output_optional[o] = true; continue; }
            if (!v.scalar()) {
                error(DiagnosticCode::Q127, out.span, "a table output is one value, got " + type_name(v, p_.enums) + " (" + where + ")");
                output_bad[o] = true;
                continue;
            }
            if (v.optional) output_optional[o] = true;
            if (result.invalid()) result = v;
            else if (!comparable(result, v) || (result.kind == K::Enum && v.kind == K::Enum && result.enum_id != v.enum_id)) {
                error(DiagnosticCode::Q127, out.span,
                      "output `" + t.outputs[o] + "` is " + type_name(result, p_.enums) + " in an earlier row but " +
                          type_name(v, p_.enums) + " here (" + where + ")",
                      "every row gives each output the same type");
                output_bad[o] = true;
            } else if (v.kind == K::Decimal) {
                result.kind = K::Decimal;
            }
        }
    }
    for (size_t o = 0; o < s.output_types.size(); ++o) {
        if (output_bad[o]) s.output_types[o] = Type{};
        else if (s.output_types[o].invalid()) s.output_types[o] = Type::of(K::Null);  // only nulls
        s.output_types[o].optional = false;
        (void)output_optional;
    }
    rule.output_types = s.output_types;
    reads_lead_ = outer;
    reads_pii_ = outer_pii || s.pii;
    s.status = TableState::Status::Done;
}

Type Checker::table_output(ast::Expr& e, TableState& s, size_t output) {
    if (s.status == TableState::Status::Checking) {
        error(DiagnosticCode::Q121, e.span, "table `" + s.table->name + "` is read by one of its own columns",
              "break the cycle: a column may read lets and other tables, but not this table through them");
        return record(e, Type{});
    }
    check_table(s);
    reads_lead_ = true;
    if (s.pii) reads_pii_ = true;
    e.resolved = {ast::Resolved::Kind::TableOutput, s.id, static_cast<int>(output)};
    Type t = s.output_types[output];
    if (t.invalid()) return record(e, t);
    // No matching row gives unknown, so every output may be unknown.
    if (s.table->hit == ast::Table::Hit::Collect) return record(e, Type::collection(K::List, t.kind, t.enum_id, true));
    return record(e, t.as_optional());
}

void Checker::finish_tables() {
    for (auto& rule : p_.tables) {
        const ast::Table& t = *rule.decl;
        const size_t width = rule.inputs.size();
        rule.cells.assign(rule.rows * width, CellTest{});
        rule.values.assign(rule.rows * rule.outputs.size(), Value::unknown());
        try {
            for (size_t r = 0; r < rule.rows; ++r) {
                const auto& row = t.rows[r];
                for (size_t c = 0; c < width; ++c) {
                    const ast::TableCell& cell = row.inputs[c];
                    CellTest& out = rule.cells[r * width + c];
                    if (cell.any) continue;
                    using TK = ast::UnaryTest::Kind;
                    using CK = CellTest::Kind;
                    const auto& test = cell.test;
                    switch (test.kind) {
                        case TK::Equals: out.kind = CK::Equals; break;
                        case TK::Compare:
                            out.kind = CK::Compare;
                            out.op = static_cast<unsigned char>(compare_op(test.op));
                            break;
                        case TK::In: out.kind = CK::In; break;
                        case TK::NotIn: out.kind = CK::NotIn; break;
                        case TK::Range: out.kind = CK::Range; break;
                    }
                    out.a = evaluate_constant(p_, *test.value);
                    if (test.kind == TK::Range) out.b = evaluate_constant(p_, *test.high);
                }
                for (size_t o = 0; o < rule.outputs.size(); ++o)
                    rule.values[r * rule.outputs.size() + o] = evaluate_constant(p_, *row.outputs[o]);
            }
        } catch (const ArithmeticError& e) {
            error(DiagnosticCode::Q127, t.span, "table `" + t.name + "` cannot be computed: " + e.what());
            continue;
        }
        rule.index = std::make_unique<TableIndex>(rule, p_);
        analyse_table(rule);
    }
}

// Walks every combination of the columns' atoms (bounded, so a wide table
// is skipped rather than slow) and reports what the rows do there.
void Checker::analyse_table(const TableRule& rule) {
    const TableIndex& index = *rule.index;
    const ast::Table& t = *rule.decl;
    if (!index.analysable() || rule.rows == 0 || rule.inputs.empty()) return;
    constexpr size_t kMaxCombinations = 100000;
    size_t combinations = 1;
    for (size_t c = 0; c < index.columns(); ++c) {
        combinations *= index.atoms(c).size();
        if (combinations > kMaxCombinations) return;
    }
    auto example = [&](const std::vector<size_t>& at) {
        std::string out;
        for (size_t c = 0; c < at.size(); ++c) {
            const ast::Expr& h = *t.inputs[c];
            const std::string name = h.kind == ast::Expr::Kind::Name ? join(h.path) : "column " + std::to_string(c + 1);
            out += (c ? ", " : "") + name + ": " + index.atoms(c)[at[c]].text;
        }
        return out;
    };
    std::vector<size_t> at(index.columns(), 0);
    std::vector<bool> first_somewhere(rule.rows, false);
    std::set<std::pair<size_t, size_t>> overlaps;
    size_t gaps = 0;
    std::string first_gap;
    RowBits acc;
    for (size_t n = 0; n < combinations; ++n) {
        acc = index.all_rows();
        for (size_t c = 0; c < at.size(); ++c) {
            const RowBits& b = index.bits(c, at[c]);
            for (size_t w = 0; w < acc.size(); ++w) acc[w] &= b[w];
        }
        std::vector<size_t> hits;
        for (size_t w = 0; w < acc.size() && hits.size() < 2; ++w)
            for (uint64_t bits = acc[w]; bits && hits.size() < 2; bits &= bits - 1)
                hits.push_back(w * 64 + static_cast<size_t>(std::countr_zero(bits)));
        bool possible = true;
        for (size_t c = 0; c < at.size(); ++c) possible = possible && index.atoms(c)[at[c]].possible;
        if (!possible) {
            // an interval with no integer in an int column: no lead has it
        } else if (hits.empty()) {
            if (gaps++ == 0) first_gap = example(at);
        } else {
            first_somewhere[hits[0]] = true;
            if (rule.hit == ast::Table::Hit::Unique && hits.size() > 1 && overlaps.insert({hits[0], hits[1]}).second)
                warning(DiagnosticCode::W203, t.rows[hits[1]].span,
                      "rows " + std::to_string(hits[0] + 1) + " and " + std::to_string(hits[1] + 1) + " of unique table `" +
                          t.name + "` both match, e.g. for " + example(at),
                      "narrow one of the rows, or use `hit first` if the earlier row should win");
        }
        for (size_t c = at.size(); c-- > 0;) {  // next combination, last column fastest
            if (++at[c] < index.atoms(c).size()) break;
            at[c] = 0;
        }
    }
    if (rule.hit == ast::Table::Hit::First)
        for (size_t r = 0; r < rule.rows; ++r)
            if (!first_somewhere[r])
                warning(DiagnosticCode::W201, t.rows[r].span,
                        "row " + std::to_string(r + 1) + " of table `" + t.name +
                            "` never applies: earlier rows match every input it matches",
                        "remove the row or move it above the rows that cover it");
    // Under `collect` a lead that no row matches is ordinary (an empty collection), so only
    // `first` and `unique` tables report gaps.
    if (gaps > 0 && rule.hit != ast::Table::Hit::Collect)
        warning(DiagnosticCode::W202, t.span,
                "table `" + t.name + "` has inputs no row matches, e.g. " + first_gap +
                    " (such leads get unknown outputs)",
                "add a last row of `-` cells as a default, or rows for the missing inputs");
}

}  // namespace qualify::check_detail
