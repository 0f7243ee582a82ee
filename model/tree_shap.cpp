// TreeSHAP, Algorithm 2 of "Consistent Individualized Feature Attribution
// for Tree Ensembles": one recursive walk per tree that keeps, along the
// current path, the proportion of feature subsets flowing down it, and at
// each leaf adds each path feature's Shapley weight times the leaf value.
// A feature split on twice along a path is "unwound" first so it counts
// once. Recursion depth is bounded by the loader (kMaxTreeDepth).
#include "model/tree_shap.hpp"

#include <cmath>

namespace qualify {

namespace {

using PathElement = ShapPathElement;

// Extends the path by one feature, updating the subset weights.
void extend_path(PathElement* path, int depth, double zero_fraction, double one_fraction, int column) {
    path[depth] = {column, zero_fraction, one_fraction, depth == 0 ? 1.0 : 0.0};
    for (int i = depth - 1; i >= 0; --i) {
        path[i + 1].weight += one_fraction * path[i].weight * (i + 1) / static_cast<double>(depth + 1);
        path[i].weight = zero_fraction * path[i].weight * (depth - i) / static_cast<double>(depth + 1);
    }
}

// Undoes extend_path for the element at `index`.
void unwind_path(PathElement* path, int depth, int index) {
    const double one = path[index].one_fraction, zero = path[index].zero_fraction;
    double next_one_portion = path[depth].weight;
    for (int i = depth - 1; i >= 0; --i) {
        if (one != 0) {
            const double tmp = path[i].weight;
            path[i].weight = next_one_portion * (depth + 1) / static_cast<double>((i + 1) * one);
            next_one_portion = tmp - path[i].weight * zero * (depth - i) / static_cast<double>(depth + 1);
        } else {
            path[i].weight = path[i].weight * (depth + 1) / static_cast<double>(zero * (depth - i));
        }
    }
    for (int i = index; i < depth; ++i) {
        path[i].column = path[i + 1].column;
        path[i].zero_fraction = path[i + 1].zero_fraction;
        path[i].one_fraction = path[i + 1].one_fraction;
    }
}

// The total weight the path would have with the element at `index` unwound.
double unwound_path_sum(const PathElement* path, int depth, int index) {
    const double one = path[index].one_fraction, zero = path[index].zero_fraction;
    double next_one_portion = path[depth].weight, total = 0;
    for (int i = depth - 1; i >= 0; --i) {
        if (one != 0) {
            const double tmp = next_one_portion * (depth + 1) / static_cast<double>((i + 1) * one);
            total += tmp;
            next_one_portion = path[i].weight - tmp * zero * ((depth - i) / static_cast<double>(depth + 1));
        } else if (zero != 0) {
            total += (path[i].weight / zero) / ((depth - i) / static_cast<double>(depth + 1));
        }
    }
    return total;
}

// Follows the lead's value at a split, as prediction does.
int hot_child(const TreeNode& n, float value) {
    if (std::isnan(value)) return n.default_left ? n.left : n.right;
    return value < n.threshold ? n.left : n.right;
}

struct Walk {
    const std::vector<TreeNode>& nodes;
    const std::vector<float>& row;
    double* phi;

    // `parent_path` holds `depth` elements; this call's path starts right
    // after them in the same buffer (the buffer holds a triangle of paths).
    void recurse(int node, int depth, PathElement* parent_path, double parent_zero, double parent_one,
                 int parent_column) {
        PathElement* path = parent_path + depth + 1;
        for (int i = 0; i < depth; ++i) path[i] = parent_path[i];
        extend_path(path, depth, parent_zero, parent_one, parent_column);
        const TreeNode& n = nodes[static_cast<size_t>(node)];
        if (n.left < 0) {
            for (int i = 1; i <= depth; ++i) {
                const double w = unwound_path_sum(path, depth, i);
                const PathElement& e = path[i];
                phi[e.column] += w * (e.one_fraction - e.zero_fraction) * n.leaf_double;
            }
            return;
        }
        const int hot = hot_child(n, row[static_cast<size_t>(n.column)]);
        const int cold = hot == n.left ? n.right : n.left;
        const double hot_zero = nodes[static_cast<size_t>(hot)].cover / n.cover;
        const double cold_zero = nodes[static_cast<size_t>(cold)].cover / n.cover;
        double incoming_zero = 1, incoming_one = 1;
        // A column already on the path is unwound, so it counts once.
        int index = 0;
        while (index <= depth && path[index].column != n.column) ++index;
        if (index != depth + 1) {
            incoming_zero = path[index].zero_fraction;
            incoming_one = path[index].one_fraction;
            unwind_path(path, depth, index);
            --depth;
        }
        recurse(hot, depth + 1, path, hot_zero * incoming_zero, incoming_one, n.column);
        recurse(cold, depth + 1, path, cold_zero * incoming_zero, 0, n.column);
    }
};

}  // namespace

size_t shap_buffer_size(int max_depth) {
    // Paths of length up to max_depth + 2, one per recursion level, each
    // starting right after its parent's.
    const size_t longest = static_cast<size_t>(max_depth) + 2;
    return longest * (longest + 1) / 2 + longest;
}

void tree_shap(const std::vector<TreeNode>& nodes, int root, const std::vector<float>& row, ShapPathElement* paths,
               double* phi) {
    Walk{nodes, row, phi}.recurse(root, 0, paths, 1, 1, -1);
}

double tree_expected_value(const std::vector<TreeNode>& nodes, int root) {
    const TreeNode& n = nodes[static_cast<size_t>(root)];
    if (n.left < 0) return n.leaf_double;
    const TreeNode& l = nodes[static_cast<size_t>(n.left)];
    const TreeNode& r = nodes[static_cast<size_t>(n.right)];
    return (tree_expected_value(nodes, n.left) * l.cover + tree_expected_value(nodes, n.right) * r.cover) /
           n.cover;
}

}  // namespace qualify
