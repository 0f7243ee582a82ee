// Evaluation of the tree ensemble. Each split compares float32 values,
// exactly as XGBoost does (a number field is read from its decimal text to
// binary64, then rounded to float32, like a pandas column handed to a
// DMatrix); the leaf values are decimal strings summed exactly, and the
// sigmoid is Decimal::sigmoid, so every machine prints the same digits.
// Factors are TreeSHAP contributions (tree_shap.cpp), summed per field.
#include "model/tree_ensemble.hpp"

#include "model/tree_shap.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace qualify {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Decimal -> binary64, correctly rounded from the decimal's text (the
// integers that fit 2^53 need no text).
double to_binary64(Decimal d) {
    const int128 raw = d.raw();
    const int128 whole = raw / Decimal::kScale;
    if (raw % Decimal::kScale == 0 && whole > -(int128(1) << 53) && whole < (int128(1) << 53))
        return static_cast<double>(static_cast<int64_t>(whole));
    std::string text = d.to_string();
    double out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

// The shortest text that reads back as the same binary64, as a Decimal
// (rounded to 18 places): how a TreeSHAP contribution enters a decision.
Decimal from_binary64(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    auto d = Decimal::parse(std::string_view(buf, static_cast<size_t>(end - buf)));
    if (ec != std::errc() || !d) throw std::logic_error("TreeSHAP contribution out of the decimal range");
    return *d;
}

[[noreturn]] void wrong_kind(const TreeField& f) {
    throw std::logic_error("model feature " + f.name + ": slot holds a value of the wrong kind");
}

std::string value_text(const TreeField& f, const Value& v) {
    if (!v.known()) return "unknown";
    switch (v.kind) {
        case Value::Kind::Number: return v.n.to_string();
        case Value::Kind::Bool: return v.b ? "true" : "false";
        case Value::Kind::String: return std::string(v.s);
        case Value::Kind::Enum:
            if (v.i < 0 || static_cast<size_t>(v.i) >= f.enum_names.size()) wrong_kind(f);
            return f.enum_names[static_cast<size_t>(v.i)];
        default: wrong_kind(f);
    }
}

}  // namespace

bool margin_fits(const TreeEnsembleSpec& spec) {
    try {
        Decimal bound = spec.base_margin.abs();
        for (size_t t = 0; t < spec.roots.size(); ++t) {
            const size_t end = t + 1 < spec.roots.size() ? static_cast<size_t>(spec.roots[t + 1]) : spec.nodes.size();
            Decimal largest;
            for (size_t i = static_cast<size_t>(spec.roots[t]); i < end; ++i)
                largest = std::max(largest, spec.nodes[i].leaf.abs());
            bound = bound + largest;
        }
        return true;
    } catch (const ArithmeticError&) {
        return false;
    }
}

TreeEnsemble::TreeEnsemble(TreeEnsembleSpec spec, std::string file_bytes)
    : spec_(std::move(spec)), bytes_(std::move(file_bytes)) {
    if (!margin_fits(spec_)) throw std::invalid_argument("tree ensemble: the leaves can sum beyond the decimal range");
    for (const TreeNode& n : spec_.nodes) {
        const uint32_t column = n.left >= 0 ? static_cast<uint32_t>(n.column) : 0;
        walk_.push_back({n.threshold, column | (n.default_left ? 0x80000000u : 0u), n.left, n.right});
        leaf_raw_.push_back(n.left >= 0 ? int128{0} : n.leaf.raw());
    }
    for (const auto& f : spec_.fields) names_.push_back(f.name);
    for (int root : spec_.roots) expected_.push_back(tree_expected_value(spec_.nodes, root));
    base_margin_double_ = spec_.base_margin.to_double();
}

void TreeEnsemble::encode(const Value* slots, std::vector<float>& row) const {
    row.resize(spec_.columns.size());
    for (size_t c = 0; c < spec_.columns.size(); ++c) {
        const TreeColumn& col = spec_.columns[c];
        const TreeField& field = spec_.fields[static_cast<size_t>(col.feature)];
        const Value& v = slots[field.slot];
        if (col.encoding == ColumnEncoding::MissingIndicator) {
            row[c] = v.known() ? 0.0f : 1.0f;
            continue;
        }
        if (!v.known()) {
            row[c] = kNaN;
            continue;
        }
        switch (col.encoding) {
            case ColumnEncoding::Number:
                if (v.kind != Value::Kind::Number) wrong_kind(field);
                row[c] = static_cast<float>(to_binary64(v.n));
                break;
            case ColumnEncoding::Bool:
                if (v.kind != Value::Kind::Bool) wrong_kind(field);
                row[c] = v.b ? 1.0f : 0.0f;
                break;
            case ColumnEncoding::Level:
                if (v.kind == Value::Kind::Enum)
                    row[c] = v.i == col.enum_position ? 1.0f : 0.0f;
                else if (v.kind == Value::Kind::String)
                    row[c] = v.s == col.level ? 1.0f : 0.0f;
                else
                    wrong_kind(field);
                break;
            case ColumnEncoding::MissingIndicator: break;
        }
    }
}

Decimal TreeEnsemble::margin(const std::vector<float>& row) const {
    // Exact: the leaves are decimals, and margin_fits() guarantees the
    // int128 sum cannot overflow, whatever path a lead takes.
    int128 sum = spec_.base_margin.raw();
    const WalkNode* nodes = walk_.data();
    const float* x = row.data();
    for (int root : spec_.roots) {
        int32_t i = root;
        while (nodes[i].left >= 0) {
            const WalkNode& n = nodes[i];
            const float v = x[n.column_and_default & 0x7fffffffu];
            // NaN is unknown: the default direction learnt in training.
            const bool left = std::isnan(v) ? (n.column_and_default >> 31) != 0 : v < n.threshold;
            i = left ? n.left : n.right;
        }
        sum += leaf_raw_[static_cast<size_t>(i)];
    }
    return Decimal::from_raw(sum);
}

std::vector<double> TreeEnsemble::contributions(const std::vector<float>& row) const {
    std::vector<double> phi(spec_.columns.size() + 1, 0.0);
    std::vector<ShapPathElement> paths(shap_buffer_size(spec_.max_depth));
    for (size_t t = 0; t < spec_.roots.size(); ++t) {
        tree_shap(spec_.nodes, spec_.roots[t], row, paths.data(), phi.data());
        phi.back() += expected_[t];
    }
    phi.back() += base_margin_double_;
    return phi;
}

Decimal TreeEnsemble::evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const {
    // One buffer per thread: a loaded model is shared by every evaluator.
    thread_local std::vector<float> row;
    encode(slots, row);
    const std::vector<double> phi = contributions(row);
    std::vector<double> per_field(spec_.fields.size(), 0.0);
    for (size_t c = 0; c < spec_.columns.size(); ++c)
        per_field[static_cast<size_t>(spec_.columns[c].feature)] += phi[c];
    factors.clear();
    for (size_t f = 0; f < spec_.fields.size(); ++f) {
        const TreeField& field = spec_.fields[f];
        factors.push_back({field.name, value_text(field, slots[field.slot]), from_binary64(per_field[f])});
    }
    std::stable_sort(factors.begin(), factors.end(), [](const ModelFactor& a, const ModelFactor& b) {
        return a.contribution.abs() > b.contribution.abs();
    });
    // The factors stay contributions to the uncalibrated margin: Platt
    // scaling (a > 0) only stretches their sum.
    const Decimal m = margin(row);
    return spec_.calibration ? spec_.calibration->apply(m) : Decimal::sigmoid(m);
}

}  // namespace qualify
