// The checked schema: what a lead record holds, one slot per declared field,
// and how raw text (a CSV cell or a JSON string) becomes a typed value.
// Shared by the checker (which builds it), the lead readers and the decision
// writer.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace qualify {

class JsonKeyTable;  // interpreter/json_key_table.hpp

enum class ScalarType { String, Int, Decimal, Bool, Date, Enum };

struct FieldInfo {
    std::string name;                   // dotted: "company.employees"
    std::vector<std::string> path;      // {"company", "employees"}
    bool is_list = false;               // list<T>: elements have `type`
    ScalarType type = ScalarType::String;
    std::vector<std::string> enum_values;  // ScalarType::Enum, declaration order
    int enum_id = -1;                   // ScalarType::Enum: id in the rulebook's enum table
    bool optional = false;
    bool pii = false;
    std::string column;                 // CSV column: `from "…"`, else the dotted name
};

struct SchemaInfo {
    std::string name;                       // `schema lead`
    std::vector<FieldInfo> fields;          // slot = index
    std::vector<std::string> unknown_values;
    std::unordered_map<std::string, int> slot_of;  // dotted name -> slot
    int id_slot = -1;
    // The JSON reader's key table, built once when the schema is checked and
    // shared by every lead read against it (a schema made by hand has none:
    // the reader then builds its own).
    std::shared_ptr<const JsonKeyTable> json_keys;

    int find(const std::string& dotted) const {
        auto it = slot_of.find(dotted);
        return it == slot_of.end() ? -1 : it->second;
    }
    // As find, but `lead.NAME` also reaches field NAME: the way to name a
    // field whose name is a keyword (`lead.score`).
    int resolve(const std::string& dotted) const {
        int slot = find(dotted);
        if (slot < 0 && dotted.size() > 5 && dotted.compare(0, 5, "lead.") == 0) slot = find(dotted.substr(5));
        return slot;
    }
};

}  // namespace qualify
