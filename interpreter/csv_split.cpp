// The RFC 4180 record splitter (csv_split.hpp). A byte-at-a-time state
// machine over a buffered stream, which takes runs of plain cell bytes in
// one step; a record's raw text is kept so that a
// runaway quote can be undone: the record becomes an error and reading
// resumes on the physical line after the one where the record began.
#include "interpreter/csv_split.hpp"

#include "interpreter/lead_convert.hpp"

#include <algorithm>
#include <cstring>

namespace qualify {

namespace {

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

bool CsvSplitter::fill() {
    char chunk[1 << 16];
    in_.read(chunk, sizeof chunk);
    const std::streamsize n = in_.gcount();
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<size_t>(n));
    return true;
}

int CsvSplitter::get() {
    if (pos_ == buf_.size()) {
        buf_.clear();
        pos_ = 0;
        if (!fill()) return -1;
    }
    return static_cast<unsigned char>(buf_[pos_++]);
}

int CsvSplitter::peek() {
    if (pos_ == buf_.size() && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
}

void CsvSplitter::push_back(std::string text) {
    text.append(buf_, pos_, std::string::npos);
    buf_ = std::move(text);
    pos_ = 0;
}

void CsvSplitter::start(char delimiter) {
    while (buf_.size() < 3 && fill()) {}
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    if (delimiter) {
        delim_ = delimiter;
        return;
    }
    // Count candidates on the header line, outside quotes. A doubled quote
    // toggles twice, so it needs no special case.
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = pos_;; ++i) {
        if (i == buf_.size() && (i - pos_ > kMaxRecord || !fill())) break;
        const char c = buf_[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\n') break;
        else if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    delim_ = ',';
    if (semicolons > commas) delim_ = ';';
    if (tabs > commas && tabs > semicolons) delim_ = '\t';
}

std::string CsvSplitter::column(size_t index) const {
    if (index < names_.size() && !names_[index].empty()) return "column \"" + names_[index] + "\"";
    return "column " + std::to_string(index + 1);
}

void CsvSplitter::fail(CsvRow& row, std::string message) {
    if (row.error.empty()) row.error = std::move(message);
}

void CsvSplitter::end_cell(CsvRow& row) {
    const size_t keep = names_.empty() ? SIZE_MAX : names_.size() + 1;
    if (!dropping_ && !lead_convert::valid_utf8(cell_))
        fail(row, "invalid UTF-8 in " + column(cell_count_));
    // Cells are copied into the row's strings left from the previous record,
    // so that neither they nor cell_ need a new allocation once warmed up.
    if (cells_used_ < keep) {
        if (cells_used_ < row.cells.size()) row.cells[cells_used_].assign(cell_);
        else row.cells.push_back(cell_);
        ++cells_used_;
    }
    ++cell_count_;
    cell_.clear();
    dropping_ = false;
}

// The record is an error. Re-read what followed its first physical line:
// the quote that ran away was most likely a stray one.
void CsvSplitter::resynchronise(CsvRow& row, uint64_t first_line, std::string message) {
    fail(row, std::move(message));
    const size_t newline = raw_.find('\n');
    if (newline == std::string::npos) {
        // Still on the first line: drop the rest of it.
        for (int c = get(); c >= 0 && c != '\n'; c = get()) {}
    } else {
        push_back(raw_.substr(newline + 1));
    }
    line_ = first_line + 1;
}

// Takes, in one step, the bytes from the buffer that the state machine
// would only append to the cell: a run without delimiter, quote or line
// break in an unquoted cell; without quote in a quoted one (line breaks
// counted). Stops short of the cell and record size limits, whose checks
// stay with the byte-at-a-time path.
void CsvSplitter::take_plain_run(bool quoted) {
    const size_t room = std::min(kMaxRecord - raw_.size(), kMaxCell - cell_.size());
    const size_t end = std::min(buf_.size(), pos_ + room);
    const char* const from = buf_.data() + pos_;
    const char* p = from;
    const char* const stop = buf_.data() + end;
    if (quoted) {
        const void* quote = std::memchr(p, '"', static_cast<size_t>(stop - p));
        p = quote ? static_cast<const char*>(quote) : stop;
        line_ += static_cast<uint64_t>(std::count(from, p, '\n'));
    } else {
        const char d = delim_;
        while (p != stop && *p != d && *p != '\n' && *p != '\r' && *p != '"') ++p;
    }
    const size_t n = static_cast<size_t>(p - from);
    if (n == 0) return;
    cell_.append(from, n);
    raw_.append(from, n);
    pos_ += n;
}

bool CsvSplitter::next(CsvRow& row) {
    for (;;) {
        cells_used_ = 0;
        row.error.clear();
        row.line = line_;
        cell_.clear();
        raw_.clear();
        cell_count_ = 0;
        any_quoted_ = dropping_ = false;
        State st = State::CellStart;
        bool discard = false;  // the record is already an error: skip to its line's end
        bool resynced = false;

        auto add = [&](char c) {
            if (dropping_) return;
            if (cell_.size() >= kMaxCell) {
                fail(row, "cell over 1 MiB in " + column(cell_count_));
                dropping_ = true;
                cell_.clear();
                return;
            }
            cell_.push_back(c);
        };
        auto line_end_crlf = [&](char c) { return c == '\r' && peek() == '\n'; };

        bool ended = false;
        while (!ended) {
            if (!discard && !dropping_ && (st == State::Unquoted || st == State::Quoted) && pos_ < buf_.size())
                take_plain_run(st == State::Quoted);
            const int got = get();
            if (got < 0) break;
            const char c = static_cast<char>(got);
            if (c == '\n') ++line_;
            if (discard) {
                if (c == '\n') ended = true;
                continue;
            }
            if (raw_.size() >= kMaxRecord) {
                if (st == State::Quoted) {
                    raw_.push_back(c);
                    resynchronise(row, row.line,
                                  "quoted cell in " + column(cell_count_) +
                                      " runs over 4 MiB (an unbalanced quote?)");
                    resynced = ended = true;
                    continue;
                }
                fail(row, "record over 4 MiB");
                discard = true;
                if (c == '\n') ended = true;
                continue;
            }
            raw_.push_back(c);
            switch (st) {
                case State::CellStart:
                    if (c == '"') {
                        st = State::Quoted;
                        any_quoted_ = true;
                    } else if (c == delim_) {
                        end_cell(row);
                    } else if (c == '\n') {
                        end_cell(row);
                        ended = true;
                    } else if (!line_end_crlf(c)) {
                        add(c);
                        st = State::Unquoted;
                    }
                    break;
                case State::Unquoted:
                    if (c == delim_) {
                        end_cell(row);
                        st = State::CellStart;
                    } else if (c == '\n') {
                        end_cell(row);
                        ended = true;
                    } else if (!line_end_crlf(c)) {
                        if (c == '"')
                            fail(row, "quote inside an unquoted cell in " + column(cell_count_) +
                                          " (quote the whole cell and double the quote)");
                        add(c);
                    }
                    break;
                case State::Quoted:
                    if (c == '"') st = State::QuoteInQuoted;
                    else add(c);
                    break;
                case State::QuoteInQuoted:
                    if (c == '"') {
                        add('"');
                        st = State::Quoted;
                    } else if (c == delim_) {
                        end_cell(row);
                        st = State::CellStart;
                    } else if (c == '\n') {
                        end_cell(row);
                        ended = true;
                    } else if (!line_end_crlf(c)) {
                        fail(row, "text after the closing quote in " + column(cell_count_));
                        add(c);
                        st = State::Unquoted;
                    }
                    break;
            }
        }
        if (!ended) {  // end of input
            if (raw_.empty() && !discard) {
                row.cells.clear();
                return false;
            }
            if (st == State::Quoted) {
                resynchronise(row, row.line,
                              "unterminated quoted cell in " + column(cell_count_) +
                                  ": no closing quote before the end of the input");
                resynced = true;
            } else if (!discard) {
                end_cell(row);
            }
        }
        row.cells.resize(cells_used_);
        if (!resynced && !discard) {
            if (!any_quoted_ && cell_count_ == 1 && row.error.empty() && is_blank(row.cells[0])) continue;
            if (row.error.empty() && !names_.empty() && cell_count_ != names_.size())
                fail(row, "expected " + std::to_string(names_.size()) + " cells, as the header has, got " +
                              std::to_string(cell_count_));
        }
        if (!row.error.empty()) row.cells.clear();
        return true;
    }
}

}  // namespace qualify
