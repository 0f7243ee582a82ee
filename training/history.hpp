// Reading a training history: the closed outcomes of a CSV or JSON Lines
// file, each lead read through the same readers and `from` column mapping
// as `qualify score`, so a model never sees a field differently at training
// and at scoring time. Only the model's feature fields are kept.
#pragma once

#include "qualify/qualify.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace qualify::training {

// One feature value of one lead, owned (the reader's arena is reused).
struct Cell {
    enum class Kind { Missing, Text, Number, Bool };
    Kind kind = Kind::Missing;
    std::string text;     // Text: the string, or the enum value's name
    double number = 0;    // Number
    // Number, as a tree split reads it (model/tree_ensemble.cpp): the exact
    // decimal to the nearest binary64, then to float32.
    float number32 = 0;
    bool flag = false;    // Bool
};

struct HistoryRow {
    std::string id;
    uint64_t line = 0;
    bool positive = false;
    std::vector<Cell> cells;  // one per feature, in the model statement's order
};

struct History {
    std::vector<HistoryRow> rows;  // the closed outcomes, in input order
    uint64_t records = 0;          // every record read
    uint64_t open = 0;             // no outcome yet (target empty, null or in unknown_values)
    uint64_t unreadable = 0;       // the lead or its target could not be read
    std::vector<std::string> problems;  // "line N: message", the first few unreadable records
    uint64_t positives() const;
};

struct HistorySource {
    std::string path;
    bool csv = false;
    std::string target;                  // CSV column, or JSON key (dotted or nested)
    std::optional<std::string> positive;  // the target text of a positive outcome
};

// A problem with the whole file (cannot open it, a header that does not fit
// the schema, no target column).
struct HistoryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `feature_slots`: the schema slots of the model's features.
History read_history(const Rulebook& rulebook, const std::vector<int>& feature_slots, const HistorySource& source);

// The outcome a target's text stands for: with `positive`, that exact text
// is positive and any other is negative; without, 1/true/yes are positive
// and 0/false/no negative (any case). nullopt: not an outcome.
std::optional<bool> outcome_of(std::string_view text, const std::optional<std::string>& positive);

}  // namespace qualify::training
