// L2-regularised logistic regression fitted by Newton's method (IRLS):
// minimises Σ log-loss + ||w||² / (2C) over the weights w and an
// unpenalised intercept — scikit-learn's LogisticRegression(C) objective.
// Each step solves the (columns + 1)² Newton system by Cholesky and halves
// the step until the objective does not increase. Computation in double;
// sequential, so the same input gives the same bits.
#pragma once

#include "training/sparse_matrix.hpp"

#include <limits>
#include <vector>

namespace qualify::training {

struct LogisticParams {
    double C = 1.0;  // infinity: no penalty (Platt scaling)
    int max_iterations = 100;
    double tolerance = 1e-9;  // stop when no weight moves more than this
};

struct LogisticFit {
    double intercept = 0;
    std::vector<double> weights;  // one per column
    int iterations = 0;
    bool converged = false;

    double log_odds(const SparseMatrix& x, size_t row) const;
};

// Fits on the listed rows of `x` with labels `y` (0 or 1, one per row of x).
LogisticFit fit_logistic(const SparseMatrix& x, const std::vector<double>& y, const std::vector<size_t>& rows,
                         const LogisticParams& params);

}  // namespace qualify::training
