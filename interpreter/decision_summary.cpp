// The one-line summary of a decision (spec §4): the score, the top three
// positive reasons with their points, each model's probability, the route.
#include "interpreter/decision_text.hpp"

namespace qualify {

namespace {

// Numbers in the summary drop trailing zeros: "20", "14.14", "0.6".
void append_trimmed(LineBuilder& b, const Decimal& d) {
    b.fixed(d, 2);  // always has a point: two places
    while (b.back() == '0') b.pop_back();
    if (b.back() == '.') b.pop_back();
}

// The summary's text, plain or (`Json`) escaped for the inside of a JSON
// string: only the pieces taken from the rulebook can need an escape; the
// literals and numbers around them never do.
template <bool Json>
void write_summary_as(LineBuilder& b, const Decision& d) {
    auto text = [&](std::string_view piece) {
        if constexpr (Json) b.json_chars(piece);
        else b.bytes(piece);
    };
    if (d.is_error) return;
    if (!d.disqualified.empty()) {
        b.lit("Disqualified: ");
        for (size_t i = 0; i < d.disqualified.size(); ++i) {
            if (i) b.lit(", ");
            text(d.disqualified[i].code);
            b.lit(" (");
            text(d.disqualified[i].reason);
            b.put(')');
        }
        b.lit(" -> reject");
        return;
    }
    b.lit("Score ");
    append_trimmed(b, d.score.value_or(Decimal::zero()));
    // The parenthesis opens before the first reason or model, if any.
    size_t items = 0;
    auto next_item = [&](bool first_model) {
        if (items++ == 0) b.lit(" (");
        else if (first_model) b.lit("; ");
        else b.lit(", ");
    };
    for (const auto& r : d.reasons) {
        if (items == 3 || r.points <= Decimal::zero()) break;
        next_item(false);
        text(r.label.empty() ? r.code : r.label);
        b.put(' ');
        append_trimmed(b, r.points);
        b.put('/');
        b.shortest(r.weight);
    }
    for (size_t i = 0; i < d.models.size(); ++i) {
        next_item(i == 0);
        text(d.models[i].name);
        b.put(' ');
        append_trimmed(b, d.models[i].probability);
    }
    if (items) b.put(')');
    b.lit(" -> ");
    text(d.route);
    if (d.explored_from) {
        b.lit(" (explored from ");
        text(*d.explored_from);
        b.put(')');
    }
}

}  // namespace

void write_summary(LineBuilder& b, const Decision& d) { write_summary_as<false>(b, d); }

void write_summary_json(LineBuilder& b, const Decision& d) { write_summary_as<true>(b, d); }

std::string summary(const Decision& d) {
    LineBuilder b;
    write_summary(b, d);
    return std::string(b.view());
}

}  // namespace qualify
