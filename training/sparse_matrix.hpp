// The design matrix of a training set, one sparse row per lead: one-hot
// columns are mostly zero, so rows keep only their non-zero entries (CSR).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace qualify::training {

struct SparseMatrix {
    size_t columns = 0;
    std::vector<size_t> row_start{0};  // row r: entries [row_start[r], row_start[r + 1])
    std::vector<uint32_t> column;
    std::vector<double> value;

    size_t rows() const { return row_start.size() - 1; }
    void add(uint32_t col, double v) {
        column.push_back(col);
        value.push_back(v);
    }
    void end_row() { row_start.push_back(column.size()); }
};

}  // namespace qualify::training
