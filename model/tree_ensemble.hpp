// The gradient-boosted tree ensemble (kind "tree_ensemble", docs/model.md):
// encoded columns bound to schema fields, trees as flat arrays, and the
// evaluation of a lead — float32 splits exactly as XGBoost takes them, the
// margin summed in exact Decimal, TreeSHAP factors per schema field.
// Reading the JSON body lives in tree_ensemble_file.cpp, TreeSHAP in
// tree_shap.cpp.
#pragma once

#include "model/calibration.hpp"
#include "model/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qualify {

// How one encoded column (an XGBoost feature) reads its schema field. The
// column's name says which (docs/model.md): `FIELD` for a number or bool,
// `FIELD=LEVEL` for a level of a string or enum field, `FIELD:missing` for
// the missing indicator. An unknown value is NaN (the split's default
// direction decides), except in the missing indicator, which is 1.
enum class ColumnEncoding { Number, Bool, Level, MissingIndicator };

struct TreeColumn {
    std::string name;     // as in the file: "company.industry=software"
    int feature = -1;     // index into TreeEnsembleSpec::fields
    ColumnEncoding encoding = ColumnEncoding::Number;
    std::string level;    // Level: the string value, or
    int32_t enum_position = -1;  // Level over an enum field: its position
};

// A schema field the model reads (one or more columns).
struct TreeField {
    std::string name;
    int slot = -1;
    std::vector<std::string> enum_names;  // enum fields: position -> name, for factors
};

// One node of one tree. Children are indices into the ensemble's node array
// (already offset by the tree's first node); a leaf has left == -1.
struct TreeNode {
    int32_t column = -1;  // split column; -1 at a leaf
    float threshold = 0;  // go left when float32(x) < threshold
    int32_t left = -1;
    int32_t right = -1;
    bool default_left = false;  // where an unknown (NaN) value goes
    double cover = 0;           // training hessian sum, for TreeSHAP's weighting
    double leaf_double = 0;     // the leaf value, as TreeSHAP's binary64 input
    Decimal leaf;               // the leaf value, summed exactly into the margin
};

struct TreeEnsembleSpec {
    Decimal base_margin;  // log-odds before any tree
    std::vector<TreeField> fields;
    std::vector<TreeColumn> columns;
    std::vector<TreeNode> nodes;     // every tree's nodes, tree after tree
    std::vector<int32_t> roots;      // index of each tree's root in `nodes`
    int max_depth = 0;               // deepest leaf (root = depth 0)
    // Platt scaling of the margin (written by `qualify train --algo gbdt`);
    // without it the probability is sigmoid(margin).
    std::optional<PlattCalibration> calibration;
};

// Whether base_margin plus the largest leaf of every tree, in magnitude,
// stays inside the decimal range: then no lead's margin can overflow, and
// the walk sums leaves without checking (the loader refuses other files).
bool margin_fits(const TreeEnsembleSpec& spec);

class TreeEnsemble final : public PropensityModel {
public:
    TreeEnsemble(TreeEnsembleSpec spec, std::string file_bytes);

    const std::vector<std::string>& features() const override { return names_; }
    const std::string& file_bytes() const override { return bytes_; }
    std::string kind() const override { return "tree_ensemble"; }

    // The probability, and one factor per schema field: the sum of its
    // columns' TreeSHAP contributions.
    Decimal evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const override;

    // The lead's encoded columns (NaN = unknown), as XGBoost's DMatrix row.
    void encode(const Value* slots, std::vector<float>& row) const;
    // The margin (log-odds) of an encoded row: base_margin + leaf values.
    Decimal margin(const std::vector<float>& row) const;
    // TreeSHAP contributions per column, and the expected value (bias) last,
    // as XGBoost's pred_contribs=True (binary64).
    std::vector<double> contributions(const std::vector<float>& row) const;

    const TreeEnsembleSpec& spec() const { return spec_; }

private:
    // The walk's view of a node, 16 bytes so that a 200-tree model stays in
    // cache: the column in the low 31 bits, default_left in the top bit.
    struct WalkNode {
        float threshold;
        uint32_t column_and_default;
        int32_t left;
        int32_t right;
    };

    TreeEnsembleSpec spec_;
    std::vector<WalkNode> walk_;
    std::vector<int128> leaf_raw_;  // per node: the leaf's Decimal raw value (0 at splits)
    std::vector<std::string> names_;
    std::vector<double> expected_;  // per tree: the cover-weighted mean of its leaves
    double base_margin_double_ = 0;
    std::string bytes_;
};

}  // namespace qualify
