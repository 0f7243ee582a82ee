// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2)
// over the flat trees of a TreeEnsemble: per-column contributions to one
// tree's output, in binary64, in the same order of operations as XGBoost's
// pred_contribs so the figures agree with it (docs/model.md).
#pragma once

#include "model/tree_ensemble.hpp"

#include <vector>

namespace qualify {

// Adds the contribution of each column of `row` to the tree rooted at
// `root` into phi[column]. `max_depth` is the ensemble's deepest leaf.
void tree_shap(const std::vector<TreeNode>& nodes, int root, int max_depth, const std::vector<float>& row,
               double* phi);

// The tree's expected output: its leaves weighted by training cover (the
// part of the prediction no column explains, XGBoost's bias term).
double tree_expected_value(const std::vector<TreeNode>& nodes, int root);

}  // namespace qualify
