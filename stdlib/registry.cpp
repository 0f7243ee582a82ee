// Assembles the built-in function table from the families.
#include "builtins.hpp"

namespace qualify {

const std::vector<Builtin>& builtins() {
    static const std::vector<Builtin> table = [] {
        std::vector<Builtin> out;
        add_number_builtins(out);
        add_string_builtins(out);
        add_date_builtins(out);
        add_collection_builtins(out);
        add_regex_builtins(out);
        add_email_builtins(out);
        add_company_builtins(out);
        add_title_builtins(out);
        return out;
    }();
    return table;
}

int find_builtin(std::string_view name) {
    const auto& table = builtins();
    for (size_t i = 0; i < table.size(); ++i)
        if (table[i].name == name) return static_cast<int>(i);
    return -1;
}

int flat_arity(const Builtin& b) {
    int n = 0;
    for (const auto& p : b.params) n += p.kind == ParamKind::NumberRange ? 2 : 1;
    return n;
}

}  // namespace qualify
