// The one-line summary of a decision (spec §4): the score, the top three
// positive reasons with their points, each model's probability, the route.
#include "qualify/decision.hpp"

namespace qualify {

namespace {

// Numbers in the summary drop trailing zeros: "20", "14.14", "0.6".
void append_trimmed(std::string& out, const Decimal& d, int places) {
    const size_t start = out.size();
    d.append_fixed(out, places);
    if (out.find('.', start) != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
}

}  // namespace

std::string summary(const Decision& d) {
    std::string s;
    if (d.is_error) return s;
    if (!d.disqualified.empty()) {
        s = "Disqualified: ";
        for (size_t i = 0; i < d.disqualified.size(); ++i) {
            if (i) s += ", ";
            s.append(d.disqualified[i].code).append(" (").append(d.disqualified[i].reason).append(")");
        }
        return s + " -> reject";
    }
    s.reserve(160);  // a typical summary, built without regrowing
    s = "Score ";
    append_trimmed(s, d.score.value_or(Decimal::zero()), 2);
    // The parenthesis opens before the first reason or model, if any.
    size_t items = 0;
    auto next_item = [&](const char* separator) { s += items++ == 0 ? " (" : separator; };
    for (const auto& r : d.reasons) {
        if (items == 3 || r.points <= Decimal::zero()) break;
        next_item(", ");
        s.append(r.label.empty() ? r.code : r.label).append(" ");
        append_trimmed(s, r.points, 2);
        s.append("/").append(r.weight.to_string());
    }
    for (size_t i = 0; i < d.models.size(); ++i) {
        next_item(i == 0 ? "; " : ", ");
        s.append(d.models[i].name).append(" ");
        append_trimmed(s, d.models[i].probability, 2);
    }
    if (items) s += ')';
    s.append(" -> ").append(d.route);
    if (d.explored_from) s.append(" (explored from ").append(*d.explored_from).append(")");
    return s;
}

}  // namespace qualify
