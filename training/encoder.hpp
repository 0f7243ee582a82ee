// Turning feature values into design-matrix columns, and fitted column
// weights back into the model file's features (docs/model.md, "Training"):
//   string / enum  one column per level seen in at least `rare_min_rows`
//                  closed rows, one for every rarer level together
//                  ("other"), one for missing;
//   int / decimal  z = (x − mean) / sd over the known values (0 when
//                  missing), and a missing indicator;
//   bool           1 when true, and a missing indicator.
// The encoding is decided once, on the whole history, and written into the
// model, so scoring reproduces every column exactly.
#pragma once

#include "interpreter/schema.hpp"
#include "training/history.hpp"
#include "training/sparse_matrix.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace qualify::training {

enum class Encoding { OneHot, Standardized, Bool };

struct EncodedFeature {
    const FieldInfo* field = nullptr;
    Encoding encoding = Encoding::OneHot;
    std::vector<std::string> levels;  // OneHot: the levels with a column of their own, sorted
    double mean = 0;                  // Standardized
    double scale = 1;                 // Standardized: the population sd (1 when it is 0)
    size_t first_column = 0;          // OneHot: levels, other, missing; else value, missing
    size_t column_count() const { return encoding == Encoding::OneHot ? levels.size() + 2 : 2; }
};

class Encoder {
public:
    // Decides the columns from the rows; `fields` are the model's features.
    Encoder(const std::vector<const FieldInfo*>& fields, const std::vector<HistoryRow>& rows, size_t rare_min_rows);

    const std::vector<EncodedFeature>& features() const { return features_; }
    size_t columns() const { return columns_; }
    // Appends one row's non-zero entries to `matrix` and ends the row.
    void encode(const HistoryRow& row, SparseMatrix& matrix) const;
    // The feature a column belongs to.
    const std::vector<size_t>& feature_of_column() const { return feature_of_; }
    // The model file's "features" array for the fitted column weights.
    nlohmann::ordered_json model_features(const std::vector<double>& weights) const;

private:
    std::vector<EncodedFeature> features_;
    std::vector<size_t> feature_of_;
    size_t columns_ = 0;
};

// A double as the model file's decimal text: 12 places, trailing zeros cut.
std::string decimal_text(double v, int places = 12);

}  // namespace qualify::training
