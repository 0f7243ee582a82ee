// Evaluation of the logistic-regression model: one contribution per feature,
// log-odds = intercept + their sum, probability = sigmoid(log-odds) or its
// Platt calibration sigmoid(a × log-odds + b), all in
// Decimal so that every machine prints the same digits (docs/model.md).
#include "model/logistic_regression.hpp"

#include "interpreter/decimal_text.hpp"
#include "interpreter/wide_int.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace qualify {

LogisticRegression::LogisticRegression(LogisticRegressionSpec spec, std::string file_bytes)
    : spec_(std::move(spec)), bytes_(std::move(file_bytes)) {
    names_.reserve(spec_.features.size());
    for (const auto& f : spec_.features) names_.push_back(f.field);
}

namespace {

// A slot holding a value of the wrong kind means the lead reader and the
// loader disagree about the schema: an engine fault, not a user error.
[[noreturn]] void wrong_kind(const LogisticFeature& f) {
    throw std::logic_error("model feature " + f.field + ": slot holds a value of the wrong kind");
}

// One feature's contribution to the log-odds.
Decimal contribution_of(const LogisticFeature& f, const Value& v) {
    if (!v.known()) return f.missing;
    switch (f.encoding) {
        case FeatureEncoding::OneHot:
            if (f.over_enum) {
                if (v.kind != Value::Kind::Enum || v.i < 0 ||
                    static_cast<size_t>(v.i) >= f.enum_levels.size())
                    wrong_kind(f);
                const auto& level = f.enum_levels[static_cast<size_t>(v.i)];
                return level ? *level : f.other;
            }
            if (v.kind != Value::Kind::String) wrong_kind(f);
            if (auto it = f.string_levels.find(v.s); it != f.string_levels.end()) return it->second;
            return f.other;
        case FeatureEncoding::Standardized:
            if (v.kind != Value::Kind::Number) wrong_kind(f);
            // Standardize first, then weight: the z-score is the quantity the
            // coefficient was fitted against.
            return f.coefficient * ((v.n - f.mean) / f.scale);
        case FeatureEncoding::Bool:
            if (v.kind != Value::Kind::Bool) wrong_kind(f);
            return v.b ? f.if_true : f.if_false;
    }
    wrong_kind(f);
}

// The input as a factor shows it. `out` is reused from lead to lead, so
// the text is written into its existing capacity.
void value_text(const LogisticFeature& f, const Value& v, std::string& out) {
    if (!v.known()) {
        out.assign("unknown");
        return;
    }
    switch (f.encoding) {
        case FeatureEncoding::OneHot:
            if (f.over_enum) out.assign(f.enum_names[static_cast<size_t>(v.i)]);
            else out.assign(v.s);
            return;
        case FeatureEncoding::Standardized: {
            // Whole numbers (counts, sizes) are most inputs: their text is
            // their digits, without the general decimal writer.
            // (A multiple of 10^18 is one of 2^18: the low bits turn most
            // fractions away before the one hardware division.)
            const wide::u128 magnitude = wide::magnitude(v.n.raw());
            uint64_t rest = 1;
            const wide::u128 whole = (magnitude & 0x3FFFF) == 0
                                         ? wide::div_by_u64(magnitude, static_cast<uint64_t>(Decimal::kScale), rest)
                                         : 0;
            if (rest == 0 && whole <= static_cast<wide::u128>(INT64_MAX)) {
                char digits[24];
                char* at = digits;
                if (v.n.raw() < 0) *at++ = '-';
                at = std::to_chars(at, digits + sizeof digits, static_cast<uint64_t>(whole)).ptr;
                out.assign(digits, static_cast<size_t>(at - digits));
                return;
            }
            out.clear();
            append_shortest_text(out, v.n);
            return;
        }
        case FeatureEncoding::Bool:
            out.assign(v.b ? "true" : "false");
            return;
    }
}

// Largest |contribution| first; equal magnitudes keep the file's feature
// order. The contributions are sorted as indices before any factor is
// written, so no factor's text is moved. An insertion sort in place:
// models have a handful of features.
// Magnitudes compare as unsigned raw values (each contribution has been
// checked to have one: the most negative raw value throws in abs()).
void order_by_magnitude(const Decimal* contributions, uint32_t* order, size_t n) {
    auto magnitude = [&](uint32_t i) { return wide::magnitude(contributions[i].raw()); };
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    for (size_t i = 1; i < n; ++i)
        for (size_t j = i; j > 0 && magnitude(order[j - 1]) < magnitude(order[j]); --j)
            std::swap(order[j - 1], order[j]);
}

}  // namespace

Decimal LogisticRegression::evaluate_into(const Value* slots, std::vector<ModelFactor>& factors) const {
    const size_t n = spec_.features.size();
    // Models are small; a larger one takes its scratch from the heap. The
    // stack scratch is left uninitialised: every entry used is written first.
    constexpr size_t kOnStack = 32;
    union Scratch {
        Scratch() {}
        Decimal contributions[kOnStack];
    } scratch;
    uint32_t stack_order[kOnStack];
    std::vector<Decimal> heap_contributions;
    std::vector<uint32_t> heap_order;
    Decimal* contributions = scratch.contributions;
    uint32_t* order = stack_order;
    if (n > kOnStack) {
        heap_contributions.resize(n);
        heap_order.resize(n);
        contributions = heap_contributions.data();
        order = heap_order.data();
    }
    constexpr int128 kMostNegative = static_cast<int128>(static_cast<unsigned __int128>(1) << 127);
    Decimal log_odds = spec_.intercept;
    for (size_t i = 0; i < n; ++i) {
        const LogisticFeature& f = spec_.features[i];
        contributions[i] = contribution_of(f, slots[f.slot]);
        // The one value without a magnitude in the decimal range: abs() throws for it.
        if (contributions[i].raw() == kMostNegative) (void)contributions[i].abs();
        log_odds = log_odds + contributions[i];
    }
    order_by_magnitude(contributions, order, n);
    // Resized, not cleared: the factors' strings keep their capacity.
    factors.resize(n);
    for (size_t k = 0; k < n; ++k) {
        const LogisticFeature& f = spec_.features[order[k]];
        ModelFactor& out = factors[k];
        out.feature = f.field;
        out.contribution = contributions[order[k]];
        value_text(f, slots[f.slot], out.value);
    }
    return spec_.calibration ? spec_.calibration->apply(log_odds) : Decimal::sigmoid(log_odds);
}

}  // namespace qualify
