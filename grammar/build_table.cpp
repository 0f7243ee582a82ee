// Builds a decision table (`table NAME hit POLICY "label" { … }`) from its
// parse tree. The grammar cannot see line breaks (whitespace is skipped
// after every token), so the one-row-per-line rule is enforced here: a row
// must start on a later line than the previous row (or the header) started.
#include "build.hpp"

#include <stdexcept>

namespace qualify::grammar {

namespace {

ast::TableCell cell_of(const Node& n) {
    ast::TableCell c;
    c.span = span_of(n);
    if (n.kind == NodeKind::CellAny) c.any = true;
    else c.test = build_unary_test(n);
    return c;
}

[[noreturn]] void same_line(const ast::Span& at) {
    throw SyntaxError(DiagnosticCode::Q001, "a table row starts on the same line as the previous row",
                      "write one row per line", at.line, at.column);
}

}  // namespace

ast::Table build_table(const Node& n) {
    ast::Table t;
    t.span = span_of(n);
    t.name = child(n, 0).string();
    const std::string policy = child(n, 1).string();
    using H = ast::Table::Hit;
    t.hit = policy.rfind("unique", 0) == 0 ? H::Unique : policy.rfind("collect", 0) == 0 ? H::Collect : H::First;
    std::size_t at = 2;
    if (child(n, at).kind == NodeKind::String) t.label = string_value(child(n, at++));
    const Node& header = child(n, at++);
    for (const auto& c : header.children) {
        if (c->kind == NodeKind::Name) {
            t.outputs.push_back(c->string());
            t.output_spans.push_back(span_of(*c));
        } else {
            t.inputs.push_back(build_expression(*c));
        }
    }
    uint32_t previous_line = span_of(header).line;
    for (; at < n.children.size(); ++at) {
        const Node& r = child(n, at);
        ast::TableRow row;
        row.span = span_of(r);
        if (row.span.line <= previous_line) same_line(row.span);
        previous_line = row.span.line;
        for (const auto& c : r.children) {
            if (c->kind == NodeKind::TableOutput) row.outputs.push_back(build_expression(child(*c, 0)));
            else row.inputs.push_back(cell_of(*c));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace qualify::grammar
