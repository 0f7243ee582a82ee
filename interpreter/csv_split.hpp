// Splitting a CSV stream into records (RFC 4180): quoted cells with doubled
// quotes and embedded newlines, CRLF or LF, a leading UTF-8 BOM, a
// delimiter detected from the header line. It knows nothing of schemas:
// it yields cells, or the framing error of a record, and always resumes at
// the next record so that one bad row costs one error and nothing else.
#pragma once

#include "qualify/csv.hpp"

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace qualify {

class CsvSplitter {
public:
    static constexpr size_t kMaxCell = size_t{1} << 20;
    // A record's whole text, for resynchronising after a runaway quote.
    static constexpr size_t kMaxRecord = size_t{4} << 20;

    explicit CsvSplitter(std::istream& in) : in_(in) {}

    // Strips a BOM and, when `delimiter` is 0, picks `,`, `;` or tab: the
    // one that occurs most often outside quotes on the header line.
    void start(char delimiter);
    char delimiter() const { return delim_; }
    // After the header: column names for messages, and the expected width.
    void set_header(std::vector<std::string> names) { names_ = std::move(names); }

    // The next record (blank lines skipped); false at the end of input.
    // With a header set, a record of a different width is an error and at
    // most one cell beyond the header's width is kept.
    bool next(CsvRow& row);

private:
    enum class State { CellStart, Unquoted, Quoted, QuoteInQuoted };

    int get();
    int peek();
    bool fill();  // reads more of the stream into the buffer; false at EOF
    void push_back(std::string text);
    std::string column(size_t index) const;
    void fail(CsvRow& row, std::string message);
    void end_cell(CsvRow& row);
    void take_plain_run(bool quoted);
    void resynchronise(CsvRow& row, uint64_t first_line, std::string message);

    std::istream& in_;
    std::string buf_;
    size_t pos_ = 0;
    char delim_ = ',';
    uint64_t line_ = 1;  // physical line of the next byte
    std::vector<std::string> names_;

    // The record being read.
    std::string cell_;
    std::string raw_;      // its text so far, to re-read after a runaway quote
    size_t cell_count_ = 0;
    size_t cells_used_ = 0;  // row.cells holding this record's cells (the rest are spare)
    bool any_quoted_ = false;
    bool dropping_ = false;  // the cell is over kMaxCell: its bytes are not kept
};

}  // namespace qualify
