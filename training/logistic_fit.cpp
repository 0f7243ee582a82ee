// Newton/IRLS for L2-regularised logistic regression (logistic_fit.hpp).
#include "training/logistic_fit.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace qualify::training {

namespace {

// log(1 + e^z), without overflow.
double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }
double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

// theta = [intercept, w...]; the penalty applies to w only.
double objective(const SparseMatrix& x, const std::vector<double>& y, const std::vector<size_t>& rows,
                 const std::vector<double>& theta, double penalty) {
    double loss = 0;
    for (size_t r : rows) {
        double z = theta[0];
        for (size_t e = x.row_start[r]; e < x.row_start[r + 1]; ++e) z += theta[x.column[e] + 1] * x.value[e];
        loss += softplus(z) - y[r] * z;
    }
    double norm = 0;
    for (size_t j = 1; j < theta.size(); ++j) norm += theta[j] * theta[j];
    return loss + 0.5 * penalty * norm;
}

// Solves h·d = g in place (d returned in g) for a symmetric positive
// definite h given by its lower triangle (n×n, row-major).
void cholesky_solve(std::vector<double>& h, std::vector<double>& g, size_t n) {
    for (size_t j = 0; j < n; ++j) {
        double d = h[j * n + j];
        for (size_t k = 0; k < j; ++k) d -= h[j * n + k] * h[j * n + k];
        if (!(d > 0)) d = 1e-12;  // a column that no training row uses
        d = std::sqrt(d);
        h[j * n + j] = d;
        for (size_t i = j + 1; i < n; ++i) {
            double s = h[i * n + j];
            for (size_t k = 0; k < j; ++k) s -= h[i * n + k] * h[j * n + k];
            h[i * n + j] = s / d;
        }
    }
    for (size_t i = 0; i < n; ++i) {  // L·u = g
        double s = g[i];
        for (size_t k = 0; k < i; ++k) s -= h[i * n + k] * g[k];
        g[i] = s / h[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {  // Lᵀ·d = u
        double s = g[i];
        for (size_t k = i + 1; k < n; ++k) s -= h[k * n + i] * g[k];
        g[i] = s / h[i * n + i];
    }
}

}  // namespace

double LogisticFit::log_odds(const SparseMatrix& x, size_t row) const {
    double z = intercept;
    for (size_t e = x.row_start[row]; e < x.row_start[row + 1]; ++e) z += weights[x.column[e]] * x.value[e];
    return z;
}

LogisticFit fit_logistic(const SparseMatrix& x, const std::vector<double>& y, const std::vector<size_t>& rows,
                         const LogisticParams& params) {
    if (!(params.C > 0)) throw std::invalid_argument("C must be greater than 0");
    const double penalty = std::isinf(params.C) ? 0.0 : 1.0 / params.C;
    const size_t n = x.columns + 1;
    std::vector<double> theta(n, 0.0), grad(n), hess(n * n);
    double current = objective(x, y, rows, theta, penalty);
    LogisticFit fit;
    for (fit.iterations = 1; fit.iterations <= params.max_iterations; ++fit.iterations) {
        std::fill(grad.begin(), grad.end(), 0.0);
        std::fill(hess.begin(), hess.end(), 0.0);
        for (size_t r : rows) {
            const size_t begin = x.row_start[r], end = x.row_start[r + 1];
            double z = theta[0];
            for (size_t e = begin; e < end; ++e) z += theta[x.column[e] + 1] * x.value[e];
            const double p = sigmoid(z);
            const double residual = p - y[r];
            const double w = p * (1 - p);
            grad[0] += residual;
            hess[0] += w;
            for (size_t e = begin; e < end; ++e) {
                const size_t j = x.column[e] + 1;
                const double v = x.value[e];
                grad[j] += residual * v;
                hess[j * n] += w * v;  // row j, column 0 (the intercept)
                for (size_t f = begin; f <= e; ++f) {
                    const size_t k = x.column[f] + 1;
                    // Lower triangle: the larger index names the row.
                    if (k <= j)
                        hess[j * n + k] += w * v * x.value[f];
                    else
                        hess[k * n + j] += w * v * x.value[f];
                }
            }
        }
        for (size_t j = 1; j < n; ++j) {
            grad[j] += penalty * theta[j];
            hess[j * n + j] += penalty;
        }
        std::vector<double> step = grad;
        cholesky_solve(hess, step, n);
        // Halve the step until the objective does not increase.
        std::vector<double> next(n);
        double t = 1, moved = 0;
        for (;;) {
            for (size_t j = 0; j < n; ++j) next[j] = theta[j] - t * step[j];
            double candidate = objective(x, y, rows, next, penalty);
            if (candidate <= current || t < 1e-10) {
                current = std::min(candidate, current);
                break;
            }
            t /= 2;
        }
        for (size_t j = 0; j < n; ++j) moved = std::max(moved, std::fabs(next[j] - theta[j]));
        theta = next;
        if (moved < params.tolerance) {
            fit.converged = true;
            break;
        }
    }
    fit.iterations = std::min(fit.iterations, params.max_iterations);
    fit.intercept = theta[0];
    fit.weights.assign(theta.begin() + 1, theta.end());
    return fit;
}

}  // namespace qualify::training
