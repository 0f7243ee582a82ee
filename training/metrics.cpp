// AUC, Brier score and the calibration table (metrics.hpp).
#include "training/metrics.hpp"

#include <algorithm>
#include <numeric>

namespace qualify::training {

double roc_auc(const std::vector<double>& score, const std::vector<double>& y, const std::vector<size_t>& rows) {
    std::vector<size_t> order(rows);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] < score[b]; });
    // Average ranks over ties, then the rank sum of the positives.
    double positive_ranks = 0, positives = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && score[order[j]] == score[order[i]]) ++j;
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (size_t k = i; k < j; ++k)
            if (y[order[k]] > 0.5) positive_ranks += rank, positives += 1;
        i = j;
    }
    const double negatives = static_cast<double>(order.size()) - positives;
    if (positives == 0 || negatives == 0) return -1;
    return (positive_ranks - positives * (positives + 1) / 2) / (positives * negatives);
}

double brier(const std::vector<double>& p, const std::vector<double>& y, const std::vector<size_t>& rows) {
    double sum = 0;
    for (size_t r : rows) sum += (p[r] - y[r]) * (p[r] - y[r]);
    return rows.empty() ? 0 : sum / static_cast<double>(rows.size());
}

std::vector<CalibrationBin> calibration_table(const std::vector<double>& p, const std::vector<double>& y, size_t bins) {
    std::vector<CalibrationBin> table(bins);
    for (size_t b = 0; b < bins; ++b) {
        table[b].from = static_cast<double>(b) / static_cast<double>(bins);
        table[b].to = static_cast<double>(b + 1) / static_cast<double>(bins);
    }
    for (size_t r = 0; r < p.size(); ++r) {
        size_t b = std::min(bins - 1, static_cast<size_t>(p[r] * static_cast<double>(bins)));
        table[b].rows += 1;
        table[b].mean_predicted += p[r];
        table[b].observed += y[r];
    }
    for (auto& bin : table)
        if (bin.rows) {
            bin.mean_predicted /= static_cast<double>(bin.rows);
            bin.observed /= static_cast<double>(bin.rows);
        }
    return table;
}

}  // namespace qualify::training
