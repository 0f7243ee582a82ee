// The one-line summary of a decision (spec §4): the score, the top three
// positive reasons with their points, each model's probability, the route.
#include "qualify/decision.hpp"

namespace qualify {

namespace {

// Numbers in the summary drop trailing zeros: "20", "14.14", "0.6".
void append_trimmed(std::string& out, const Decimal& d, int places) {
    std::string s = d.to_fixed(places);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    out += s;
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
    s = "Score ";
    append_trimmed(s, d.score.value_or(Decimal::zero()), 2);
    std::string inner;
    size_t named = 0;
    for (const auto& r : d.reasons) {
        if (named == 3 || r.points <= Decimal::zero()) break;
        if (named++) inner += ", ";
        inner.append(r.label.empty() ? r.code : r.label).append(" ");
        append_trimmed(inner, r.points, 2);
        inner.append("/").append(r.weight.to_string());
    }
    for (size_t i = 0; i < d.models.size(); ++i) {
        inner += i == 0 ? (inner.empty() ? "" : "; ") : ", ";
        inner.append(d.models[i].name).append(" ");
        append_trimmed(inner, d.models[i].probability, 2);
    }
    if (!inner.empty()) s += " (" + inner + ")";
    s.append(" -> ").append(d.route);
    if (d.explored_from) s.append(" (explored from ").append(*d.explored_from).append(")");
    return s;
}

}  // namespace qualify
