// Implementations of the report's statistics (see statistics.hpp).
#include "report/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace qualify::report {

std::optional<double> auc(const std::vector<double>& score, const std::vector<bool>& positive) {
    const size_t n = score.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] < score[b]; });
    // Mann–Whitney U with average ranks for ties.
    double rank_sum = 0;
    size_t pos = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && score[order[j]] == score[order[i]]) ++j;
        const double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (size_t k = i; k < j; ++k)
            if (positive[order[k]]) {
                rank_sum += avg_rank;
                ++pos;
            }
        i = j;
    }
    const size_t neg = n - pos;
    if (pos == 0 || neg == 0) return std::nullopt;
    const double p = static_cast<double>(pos);
    return (rank_sum - p * (p + 1) / 2.0) / (p * static_cast<double>(neg));
}

double brier(const std::vector<double>& p, const std::vector<bool>& y) {
    if (p.empty()) return 0;
    double sum = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const double d = p[i] - (y[i] ? 1.0 : 0.0);
        sum += d * d;
    }
    return sum / static_cast<double>(p.size());
}

double expected_calibration_error(const std::vector<double>& p, const std::vector<bool>& y, int bins) {
    if (p.empty()) return 0;
    std::vector<double> pred(static_cast<size_t>(bins), 0.0), act(static_cast<size_t>(bins), 0.0);
    std::vector<size_t> count(static_cast<size_t>(bins), 0);
    for (size_t i = 0; i < p.size(); ++i) {
        int b = static_cast<int>(std::floor(p[i] * bins));
        b = std::clamp(b, 0, bins - 1);
        pred[static_cast<size_t>(b)] += p[i];
        act[static_cast<size_t>(b)] += y[i] ? 1.0 : 0.0;
        ++count[static_cast<size_t>(b)];
    }
    double ece = 0;
    for (size_t b = 0; b < count.size(); ++b)
        if (count[b]) ece += std::fabs(pred[b] - act[b]) / static_cast<double>(p.size());
    return ece;
}

Interval wilson(size_t k, size_t n) {
    if (n == 0) return {0, 1};
    const double z = 1.959963984540054;
    const double nn = static_cast<double>(n);
    const double phat = static_cast<double>(k) / nn;
    const double denom = 1 + z * z / nn;
    const double centre = (phat + z * z / (2 * nn)) / denom;
    const double half = z * std::sqrt(phat * (1 - phat) / nn + z * z / (4 * nn * nn)) / denom;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double psi(const std::vector<size_t>& expected, const std::vector<size_t>& actual) {
    const double te = static_cast<double>(std::accumulate(expected.begin(), expected.end(), size_t{0}));
    const double ta = static_cast<double>(std::accumulate(actual.begin(), actual.end(), size_t{0}));
    if (te == 0 || ta == 0) return 0;
    double sum = 0;
    for (size_t i = 0; i < expected.size() && i < actual.size(); ++i) {
        const double e = std::max(static_cast<double>(expected[i]) / te, 1e-4);
        const double a = std::max(static_cast<double>(actual[i]) / ta, 1e-4);
        if (expected[i] == 0 && actual[i] == 0) continue;
        sum += (a - e) * std::log(a / e);
    }
    return sum;
}

double numeric_psi(const std::vector<double>& baseline, const std::vector<double>& current) {
    std::vector<double> known;
    for (double v : baseline)
        if (!std::isnan(v)) known.push_back(v);
    std::sort(known.begin(), known.end());
    // Edges at the baseline's deciles, duplicates removed (a field with few
    // distinct values gets fewer bins).
    std::vector<double> edges;
    for (int q = 1; q < 10 && !known.empty(); ++q) {
        const double e = known[std::min(known.size() - 1, known.size() * static_cast<size_t>(q) / 10)];
        if (edges.empty() || e > edges.back()) edges.push_back(e);
    }
    auto counts = [&](const std::vector<double>& sample) {
        std::vector<size_t> c(edges.size() + 2, 0);  // bins, then missing
        for (double v : sample) {
            if (std::isnan(v)) {
                ++c.back();
                continue;
            }
            const size_t bin = static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin());
            ++c[bin];
        }
        return c;
    };
    return psi(counts(baseline), counts(current));
}

double categorical_psi(const std::vector<std::string>& baseline, const std::vector<std::string>& current) {
    // A field with many values (a domain, a name) would make every value its
    // own bin and PSI meaningless: the baseline's most frequent values keep
    // their bins, the rest share one.
    constexpr size_t kMaxCategories = 20;
    std::map<std::string, size_t> base_counts;
    for (const auto& v : baseline) ++base_counts[v];
    std::vector<std::pair<std::string, size_t>> ranked(base_counts.begin(), base_counts.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::map<std::string, size_t> bin_of;
    for (size_t i = 0; i < ranked.size() && i < kMaxCategories; ++i) bin_of[ranked[i].first] = i;
    const size_t other = bin_of.size();
    auto counts = [&](const std::vector<std::string>& sample) {
        std::vector<size_t> c(other + 1, 0);
        for (const auto& v : sample) {
            auto it = bin_of.find(v);
            ++c[it == bin_of.end() ? other : it->second];
        }
        return c;
    };
    return psi(counts(baseline), counts(current));
}

}  // namespace qualify::report
