// Builds the per-level key tables of json_key_table.hpp from a schema.
#include "interpreter/json_key_table.hpp"

#include <map>

namespace qualify {

JsonKeyTable::JsonKeyTable(const SchemaInfo& schema) {
    // Levels are the proper dotted prefixes of field names (and the root).
    std::map<std::string, int> level_of{{"", 0}};
    levels_.emplace_back();
    for (const FieldInfo& f : schema.fields)
        for (size_t dot = f.name.find('.'); dot != std::string::npos; dot = f.name.find('.', dot + 1)) {
            const std::string prefix = f.name.substr(0, dot);
            if (level_of.emplace(prefix, static_cast<int>(levels_.size())).second) {
                levels_.emplace_back();
                levels_.back().name = prefix;
            }
        }
    // At each level, every field or level below it is reachable by its
    // dotted remainder; a name that is both keeps both (the field wins when
    // read, as with a schema lookup of the dotted name).
    for (Level& l : levels_) {
        const std::string below = l.name.empty() ? "" : l.name + ".";
        std::map<std::string, Entry> entries;
        auto add = [&](const std::string& full, int slot, int level) {
            if (full.size() <= below.size() || full.compare(0, below.size(), below) != 0) return;
            Entry& e = entries[full.substr(below.size())];
            if (slot >= 0) e.slot = slot;
            if (level >= 0) e.level = level;
        };
        for (size_t i = 0; i < schema.fields.size(); ++i) add(schema.fields[i].name, schema.find(schema.fields[i].name), -1);
        for (const auto& [name, index] : level_of) add(name, -1, index);
        for (auto& [key, e] : entries) {
            e.key = key;
            e.dotted = key.find('.') != std::string::npos;
            l.entries.push_back(e);
        }
        size_t size = 2;
        while (size < 2 * l.entries.size()) size *= 2;
        l.index.assign(size, -1);
        l.mask = static_cast<uint32_t>(size - 1);
        for (size_t i = 0; i < l.entries.size(); ++i) {
            Entry& e = l.entries[i];
            e.words = words_of(e.key);
            uint32_t at = hash(e.words, e.key.size()) & l.mask;
            while (l.index[at] >= 0) at = (at + 1) & l.mask;
            l.index[at] = static_cast<int32_t>(i);
        }
        for (Entry& e : l.entries) e.id = static_cast<uint32_t>(entry_count_++);
    }
}

}  // namespace qualify
