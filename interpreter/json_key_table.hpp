// Matching the keys of a JSON lead to schema slots from their raw bytes. For
// every object level a record can open (the root, "company", "company.hq"...)
// the table lists each dotted remainder that names a field or a deeper level,
// so `{"company": {"employees": 5}}`, `{"company.employees": 5}` and mixes
// are all matched without building the dotted name: one hash probe on the
// key's bytes, usually one compare. Built once per schema.
#pragma once

#include "interpreter/schema.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace qualify {

class JsonKeyTable {
public:
    // A key's first and last eight bytes (the same word twice, zero-padded,
    // when shorter): with its length, they hash the key, and for keys of up
    // to 16 bytes they are the whole key.
    struct Words {
        uint64_t first = 0, last = 0;
    };
    static Words words_of(std::string_view k) {
        Words w;
        if (k.size() >= 8) {
            std::memcpy(&w.first, k.data(), 8);
            std::memcpy(&w.last, k.data() + k.size() - 8, 8);
        } else {
            for (size_t i = 0; i < k.size(); ++i) w.first |= uint64_t{static_cast<unsigned char>(k[i])} << (8 * i);
            w.last = w.first;
        }
        return w;
    }

    struct Entry {
        std::string key;  // dotted remainder below the level: "employees", "hq.city"
        int slot = -1;    // the field it names, or -1
        int level = -1;   // the object level it opens, or -1
        uint32_t id = 0;  // unique over the table, for per-object "seen" marks
        bool dotted = false;  // the key itself holds a dot
        Words words;
    };
    struct Level {
        std::string name;              // dotted name of the level, "" for the root
        std::vector<Entry> entries;
        std::vector<int32_t> index;    // open addressing by hash: entry or -1; at most half full
        uint32_t mask = 0;
    };

    explicit JsonKeyTable(const SchemaInfo& schema);

    // The entry for `key` at `level`, or nullptr when the key leads nowhere
    // in the schema.
    const Entry* find(int level, std::string_view key) const {
        const Level& l = levels_[static_cast<size_t>(level)];
        const Words w = words_of(key);
        for (uint32_t i = hash(w, key.size()) & l.mask;; i = (i + 1) & l.mask) {
            const int32_t at = l.index[i];
            if (at < 0) return nullptr;
            const Entry& e = l.entries[static_cast<size_t>(at)];
            if (e.words.first == w.first && e.words.last == w.last && e.key.size() == key.size() &&
                (key.size() <= 16 || std::memcmp(e.key.data() + 8, key.data() + 8, key.size() - 16) == 0))
                return &e;
        }
    }
    const Level& level(int i) const { return levels_[static_cast<size_t>(i)]; }
    size_t entry_count() const { return entry_count_; }

private:
    static uint32_t hash(Words w, size_t size) {
        const uint64_t h = (w.first * 0x9E3779B97F4A7C15ULL) ^ (w.last * 0xC2B2AE3D27D4EB4FULL) ^ size;
        return static_cast<uint32_t>(h ^ (h >> 32));
    }

    std::vector<Level> levels_;  // [0] is the root
    size_t entry_count_ = 0;
};

}  // namespace qualify
