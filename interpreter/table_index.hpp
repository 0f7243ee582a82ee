// The index of a decision table, built once per table at compile time, so
// that a lead is matched without testing every row. Each input column
// splits its domain into *atoms* — every enum value; every string a cell
// names plus "any other string"; for numbers, each boundary a cell names
// and the open intervals between them — on which every cell of the column
// is constant. Per atom the column keeps a bitset of the rows whose cell
// holds there (and one for an unknown input: the rows with `-`). A lead's
// matching rows are the AND of one bitset per column: a hash lookup, a
// binary search or an array index per column, then a word-wise AND.
// Columns of other types (dates) are tested row by row. The checker reads
// the same atoms to find overlapping, shadowed and missing rows.
#pragma once

#include "program.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace qualify {

using RowBits = std::vector<uint64_t>;

// Whether one cell holds for an input value (unknown only matches `-`).
bool cell_holds(const CellTest& cell, const Value& input);

class TableIndex {
public:
    TableIndex(const TableRule& table, const Program& program);

    // Appends the rows (ascending) that match the inputs, at most `limit`.
    void match(const Value* inputs, std::vector<uint32_t>& rows, size_t limit) const;

    // The same by testing every cell of every row: what the index must equal.
    static void scan(const TableRule& table, const Value* inputs, std::vector<uint32_t>& rows, size_t limit);

    struct Atom {
        Value example;     // a value inside the atom
        std::string text;  // how a diagnostic shows it: `"US"`, `1000`, `any other value`
        bool possible = true;  // false: an interval of an int column with no integer in it
    };
    // Whether every column has atoms (none is tested row by row).
    bool analysable() const;
    size_t columns() const { return columns_.size(); }
    const std::vector<Atom>& atoms(size_t column) const { return columns_[column].atoms; }
    const RowBits& bits(size_t column, size_t atom) const { return columns_[column].atom_bits[atom]; }
    size_t words() const { return words_; }
    const RowBits& all_rows() const { return all_; }

private:
    enum class Mode { Enum, Strings, Numbers, Bools, Scan };
    struct Column {
        Mode mode = Mode::Scan;
        std::vector<Atom> atoms;
        std::vector<RowBits> atom_bits;
        RowBits unknown_bits;
        std::unordered_map<std::string, uint32_t> strings;  // Strings: value -> atom
        uint32_t other = 0;                                  // Strings: the atom of unnamed strings
        std::vector<Decimal> bounds;                         // Numbers: sorted, distinct
    };
    size_t atom_of(const Column& c, const Value& v) const;

    const TableRule& table_;
    size_t words_ = 0;
    RowBits all_;
    std::vector<Column> columns_;
    std::deque<std::string> storage_;  // the text of "other string" examples
};

}  // namespace qualify
