// Finds the schema fields a rulebook reads by walking every checked rule's
// expression (the checker resolved each field name to its slot) and adding
// every model's features. Computed from the Program, so it is exact for
// the compiled rulebook, whatever the spelling (`lead.NAME`, dotted paths).
#include "data_use.hpp"

#include "program.hpp"

namespace qualify {

namespace {

void mark(const ast::Expr* e, std::vector<bool>& read) {
    if (!e) return;
    if (e->kind == ast::Expr::Kind::Name && e->resolved.kind == ast::Resolved::Kind::Field && e->resolved.index >= 0 &&
        static_cast<size_t>(e->resolved.index) < read.size())
        read[static_cast<size_t>(e->resolved.index)] = true;
    for (const auto& a : e->args) mark(a.get(), read);
    for (const auto& arm : e->arms) {
        for (const auto& t : arm.tests) {
            mark(t.value.get(), read);
            mark(t.high.get(), read);
        }
        mark(arm.result.get(), read);
    }
}

}  // namespace

std::vector<bool> read_slots(const Program& program) {
    std::vector<bool> read(program.schema.fields.size(), false);
    for (const ast::Expr* root : program.roots) mark(root, read);
    for (const auto& m : program.models)
        for (int slot : m.feature_slots)
            if (slot >= 0 && static_cast<size_t>(slot) < read.size()) read[static_cast<size_t>(slot)] = true;
    return read;
}

}  // namespace qualify
