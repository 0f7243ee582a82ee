// Checks the schema and builds its slots: one per declared field, in
// declaration order, with its type, optionality, pii tag and CSV column.
#include "checker_state.hpp"
#include "json_key_table.hpp"

namespace qualify::check_detail {

namespace {

ScalarType scalar_of(ast::TypeExpr::Base b) {
    using B = ast::TypeExpr::Base;
    switch (b) {
        case B::Int: return ScalarType::Int;
        case B::Decimal: return ScalarType::Decimal;
        case B::Bool: return ScalarType::Bool;
        case B::Date: return ScalarType::Date;
        case B::Enum: return ScalarType::Enum;
        default: return ScalarType::String;
    }
}

}  // namespace

void Checker::schema() {
    auto& decl = p_.ast->schema;
    auto& info = p_.schema;
    info.name = decl.name;
    info.unknown_values = decl.unknown_values;
    for (auto& f : decl.fields) {
        if (info.slot_of.count(f.name)) {
            error(DiagnosticCode::Q105, f.span, "field `" + f.name + "` is declared twice",
                  "each field is declared once; remove or rename one of them");
            continue;
        }
        FieldInfo fi;
        fi.name = f.name;
        size_t start = 0;
        for (size_t dot; (dot = f.name.find('.', start)) != std::string::npos; start = dot + 1)
            fi.path.push_back(f.name.substr(start, dot - start));
        fi.path.push_back(f.name.substr(start));
        fi.optional = f.optional;
        fi.pii = f.pii;
        fi.column = f.from ? *f.from : f.name;
        const ast::TypeExpr* t = &f.type;
        if (t->base == ast::TypeExpr::Base::List) {
            fi.is_list = true;
            t = t->element.get();
            if (!t || t->base == ast::TypeExpr::Base::List) {
                error(DiagnosticCode::Q103, f.span, "field `" + f.name + "`: lists of lists are not supported",
                      "use list<string>, list<int>, list<decimal>, list<date> or list<enum {…}>");
                continue;
            }
        }
        fi.type = scalar_of(t->base);
        if (fi.type == ScalarType::Enum) {
            EnumInfo e;
            e.name = f.name;
            for (const auto& v : t->enum_values) {
                if (e.find(v) >= 0)
                    error(DiagnosticCode::Q105, t->span, "enum value `" + v + "` is listed twice in `" + f.name + "`",
                          "list each value once");
                else
                    e.values.push_back(v);
            }
            fi.enum_values = e.values;
            fi.enum_id = static_cast<int>(p_.enums.size());
            p_.enums.push_back(std::move(e));
        }
        info.slot_of.emplace(f.name, static_cast<int>(info.fields.size()));
        info.fields.push_back(std::move(fi));
    }
    int id = info.find("id");
    if (id < 0 || info.fields[id].type != ScalarType::String || info.fields[id].is_list ||
        info.fields[id].optional) {
        error(DiagnosticCode::Q116, decl.span, "the schema must declare `id: string` (required)",
              "add `id: string`: it names the lead in every output and drives sampling");
    } else {
        info.id_slot = id;
    }
    info.json_keys = std::make_shared<const JsonKeyTable>(info);
}

}  // namespace qualify::check_detail
