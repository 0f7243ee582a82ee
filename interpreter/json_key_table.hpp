// Matching the keys of a JSON lead to schema slots from their raw bytes. For
// every object level a record can open (the root, "company", "company.hq"...)
// the table lists each dotted remainder that names a field or a deeper level,
// so `{"company": {"employees": 5}}`, `{"company.employees": 5}` and mixes
// are all matched without building the dotted name. Built once per schema.
#pragma once

#include "interpreter/schema.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qualify {

class JsonKeyTable {
public:
    struct Entry {
        std::string key;  // dotted remainder below the level: "employees", "hq.city"
        int slot = -1;    // the field it names, or -1
        int level = -1;   // the object level it opens, or -1
        uint32_t id = 0;  // unique over the table, for per-object "seen" marks
        bool dotted = false;  // the key itself holds a dot
    };
    struct Level {
        std::string name;              // dotted name of the level, "" for the root
        std::vector<Entry> entries;    // sorted by key length
        std::vector<uint32_t> by_length;  // entries of length n: [by_length[n], by_length[n+1])
    };

    explicit JsonKeyTable(const SchemaInfo& schema);

    // The entry for `key` at `level`, or nullptr when the key leads nowhere
    // in the schema.
    const Entry* find(int level, std::string_view key) const {
        const Level& l = levels_[static_cast<size_t>(level)];
        if (key.size() + 1 >= l.by_length.size()) return nullptr;
        for (uint32_t i = l.by_length[key.size()], end = l.by_length[key.size() + 1]; i < end; ++i) {
            const Entry& e = l.entries[i];
            if (e.key[0] == key[0] && e.key.compare(0, std::string::npos, key.data(), key.size()) == 0) return &e;
        }
        return nullptr;
    }
    const Level& level(int i) const { return levels_[static_cast<size_t>(i)]; }
    size_t entry_count() const { return entry_count_; }

private:
    std::vector<Level> levels_;  // [0] is the root
    size_t entry_count_ = 0;
};

}  // namespace qualify
