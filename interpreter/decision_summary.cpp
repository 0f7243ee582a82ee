// The one-line summary of a decision (spec §4): the score, the top three
// positive reasons with their points, each model's probability, the route.
#include "interpreter/decision_text.hpp"
#include "interpreter/line_cursor.hpp"

namespace qualify {

namespace {

// Each group of pieces ensures its room once: its strings at kMaxEscaped a
// byte, kPunctuation for the literals around them (at most 64 bytes per
// group, with the 16 bytes repeat() may write past its text) and
// kMaxDecimalText per number.
constexpr size_t kPunctuation = 64;

// Numbers in the summary drop trailing zeros: "20", "14.14", "0.6".
[[gnu::always_inline]] inline void append_trimmed(LineCursor& c, const Decimal& d) {
    c.fixed(d, 2);  // always has a point: two places
    while (c.back() == '0') c.pop_back();
    if (c.back() == '.') c.pop_back();
}

using Text = WrittenText::Text;

// A number the JSON line already holds (`t`, when not null) as fixed(2),
// trimmed like append_trimmed.
[[gnu::always_inline]] inline void trimmed_again(LineCursor& c, const Text* t, const Decimal& d) {
    if (!t) return append_trimmed(c, d);
    c.repeat(t->at, t->size);
    while (c.back() == '0') c.pop_back();
    if (c.back() == '.') c.pop_back();
}

// A piece taken from the rulebook (or a model's input), escaped when the
// summary goes inside a JSON string: copied from where the line already
// holds it escaped (`t`, when not null).
template <bool Json>
[[gnu::always_inline]] inline void text(LineCursor& c, const Text* t, std::string_view piece) {
    if constexpr (Json) {
        if (t) c.repeat(t->at, t->size);
        else c.json_chars(piece);
    } else {
        c.bytes(piece);
    }
}

// The summary's text, plain or (`Json`) escaped for the inside of a JSON
// string: only the pieces taken from the rulebook can need an escape; the
// literals and numbers around them never do.
template <bool Json>
void write_summary_as(LineBuilder& b, const Decision& d, const WrittenText* w) {
    if (d.is_error) return;
    LineCursor c(b);
    if (!d.disqualified.empty()) {
        for (size_t i = 0; i < d.disqualified.size(); ++i) {
            const CodeAndReason& item = d.disqualified[i];
            const bool again = w && i < WrittenText::kRepeated;
            c.ensure(kMaxEscaped * (item.code.size() + item.reason.size()) + kPunctuation);
            if (i) c.lit(", ");
            else c.lit("Disqualified: ");
            text<Json>(c, again ? &w->codes[i] : nullptr, item.code);
            c.lit(" (");
            text<Json>(c, again ? &w->code_reasons[i] : nullptr, item.reason);
            c.put(')');
        }
        c.ensure(kPunctuation);
        c.lit(" -> reject");
        c.commit();
        return;
    }
    c.ensure(kPunctuation + kMaxDecimalText);
    c.lit("Score ");
    if (d.score) trimmed_again(c, w ? &w->score : nullptr, *d.score);
    else append_trimmed(c, Decimal::zero());
    // The parenthesis opens before the first reason or model, if any.
    size_t items = 0;
    auto next_item = [&](bool first_model) {
        if (items++ == 0) c.lit(" (");
        else if (first_model) c.lit("; ");
        else c.lit(", ");
    };
    for (size_t i = 0; i < d.reasons.size(); ++i) {
        const ReasonItem& r = d.reasons[i];
        if (items == 3 || r.points <= Decimal::zero()) break;  // reasons come first: i < 3
        const bool by_label = !r.label.empty();
        c.ensure(kMaxEscaped * (by_label ? r.label : r.code).size() + kPunctuation + 2 * kMaxDecimalText);
        next_item(false);
        if (by_label) text<Json>(c, w ? &w->reason_labels[i] : nullptr, r.label);
        else text<Json>(c, w ? &w->reason_codes[i] : nullptr, r.code);
        c.put(' ');
        trimmed_again(c, w ? &w->points[i] : nullptr, r.points);
        c.put('/');
        if (w) c.repeat(w->weights[i].at, w->weights[i].size);
        else c.shortest(r.weight);
    }
    for (size_t i = 0; i < d.models.size(); ++i) {
        c.ensure(kMaxEscaped * d.models[i].name.size() + kPunctuation + kMaxDecimalText);
        next_item(i == 0);
        text<Json>(c, w && i == 0 ? &w->model_name : nullptr, d.models[i].name);
        c.put(' ');
        append_trimmed(c, d.models[i].probability);
    }
    c.ensure(kMaxEscaped * d.route.size() + kPunctuation);
    if (items) c.put(')');
    c.lit(" -> ");
    text<Json>(c, w ? &w->route : nullptr, d.route);
    if (d.explored_from) {
        c.ensure(kMaxEscaped * d.explored_from->size() + kPunctuation);
        c.lit(" (explored from ");
        text<Json>(c, nullptr, *d.explored_from);
        c.put(')');
    }
    c.commit();
}

}  // namespace

void write_summary(LineBuilder& b, const Decision& d) { write_summary_as<false>(b, d, nullptr); }

void write_summary_json(LineBuilder& b, const Decision& d, const WrittenText* written) {
    write_summary_as<true>(b, d, written);
}

std::string summary(const Decision& d) {
    LineBuilder b;
    write_summary(b, d);
    return std::string(b.view());
}

}  // namespace qualify
