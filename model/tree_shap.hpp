// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2)
// over the flat trees of a TreeEnsemble: per-column contributions to one
// tree's output, in binary64, in the same order of operations as XGBoost's
// pred_contribs so the figures agree with it (docs/model.md).
#pragma once

#include "model/tree_ensemble.hpp"

#include <vector>

namespace qualify {

// One element of the path TreeSHAP keeps from the root to the current node.
struct ShapPathElement {
    int column;            // -1 for the root's placeholder
    double zero_fraction;  // share of training cover that follows this path without the feature
    double one_fraction;   // 1 when the lead's value follows this path, else 0
    double weight;         // the proportion of subsets of this size
};

// The scratch elements tree_shap needs for trees up to `max_depth` levels
// (a triangle of paths, one per recursion level).
size_t shap_buffer_size(int max_depth);

// Adds the contribution of each column of `row` to the tree rooted at
// `root` into phi[column]. `paths` holds shap_buffer_size(the ensemble's
// deepest leaf) elements, reused from tree to tree.
void tree_shap(const std::vector<TreeNode>& nodes, int root, const std::vector<float>& row,
               ShapPathElement* paths, double* phi);

// The tree's expected output: its leaves weighted by training cover (the
// part of the prediction no column explains, XGBoost's bias term).
double tree_expected_value(const std::vector<TreeNode>& nodes, int root);

}  // namespace qualify
