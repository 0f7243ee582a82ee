// CSV leads for the public API: an RFC 4180 reader that splits a stream into
// records and binds its header to a rulebook's schema. Splitting is
// sequential and cheap; converting a record into a lead is left to an
// Evaluator (Evaluator::evaluate_csv), so that it can run on any thread.
// Dialect, header binding and errors: docs/input.md, "CSV records".
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qualify {

class Rulebook;
struct CsvBinding;

// One record as split from the input: its cells, or what is wrong with its
// framing (ragged, bad quoting, invalid UTF-8, an over-long cell).
struct CsvRow {
    uint64_t line = 0;               // first physical line of the record, 1-based
    std::vector<std::string> cells;  // at most one more than the header has
    std::string error;               // non-empty: the record cannot be read
};

// The header bound to a schema: which column feeds which field. Immutable
// once made, so threads may share it.
class CsvColumns {
public:
    explicit CsvColumns(std::shared_ptr<const CsvBinding> binding) : binding_(std::move(binding)) {}
    const CsvBinding& binding() const { return *binding_; }

private:
    std::shared_ptr<const CsvBinding> binding_;
};

class CsvReader {
public:
    // `delimiter` is ',', ';' or '\t'; 0 detects it from the header line.
    CsvReader(const Rulebook& rulebook, std::istream& in, char delimiter = 0);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Reads and binds the header. An error here concerns the whole input
    // (a duplicate column, a required field's column missing) and is
    // reported once; no record should then be read. An empty input has an
    // empty header and no records, and is not an error.
    std::optional<std::string> read_header();
    // The next record; false at the end of the input. Blank lines are skipped.
    bool next(CsvRow& row);

    char delimiter() const;
    const CsvColumns& columns() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace qualify
