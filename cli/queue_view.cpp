// The ranked terminal view of `qualify score --queue` (see queue_view.hpp).
#include "cli/queue_view.hpp"

#include <algorithm>

namespace qualify::cli {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kMagenta = "\033[35m";
constexpr const char* kCyan = "\033[36m";

const char* score_colour(const std::optional<Decimal>& score) {
    if (!score) return kRed;
    if (*score >= Decimal::from_int(80)) return kGreen;
    if (*score >= Decimal::from_int(60)) return kCyan;
    if (*score >= Decimal::from_int(30)) return kYellow;
    return kDim;
}

std::string padded(std::string s, size_t width) {
    if (s.size() < width) s.resize(width, ' ');
    return s;
}

}  // namespace

void QueueView::add(const Decision& d) {
    Entry e;
    e.seq = entries_.size();
    e.line = d.line;
    e.id = d.id;
    e.is_error = d.is_error;
    e.error = d.error;
    if (!d.is_error) {
        e.route = std::string(d.route);
        e.score = d.score;
        e.disqualified = !d.disqualified.empty();
        e.summary = summary(d);
        for (const auto& esc : d.escalations) e.escalations.emplace_back(esc.code);
        e.review = d.review;
        e.explore = d.explore;
    }
    entries_.push_back(std::move(e));
}

// Groups: 0..R-1 the routes in declaration order, then routes the source
// scan did not find (should not happen), then disqualified, then errors.
size_t QueueView::group_of(const Entry& e) const {
    if (e.is_error) return routes_.size() + 2;
    if (e.disqualified) return routes_.size() + 1;
    auto it = std::find(routes_.begin(), routes_.end(), e.route);
    return it == routes_.end() ? routes_.size() : static_cast<size_t>(it - routes_.begin());
}

void QueueView::print(std::ostream& out, bool colour) const {
    std::vector<const Entry*> order;
    for (const auto& e : entries_) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [this](const Entry* a, const Entry* b) {
        size_t ga = group_of(*a), gb = group_of(*b);
        if (ga != gb) return ga < gb;
        if (a->route != b->route) return a->route < b->route;  // unlisted routes, by name
        if (a->score != b->score) return a->score > b->score;  // nullopt sorts last
        return a->seq < b->seq;
    });

    size_t route_w = 0, score_w = 0, id_w = 0;
    for (const Entry* e : order) {
        if (e->is_error) continue;
        route_w = std::max(route_w, e->route.size());
        score_w = std::max(score_w, e->score ? e->score->to_fixed(2).size() : size_t{1});
        id_w = std::max(id_w, e->id.size());
    }
    auto paint = [&](const char* code, const std::string& text) {
        return colour ? std::string(code) + text + kReset : text;
    };

    for (const Entry* e : order) {
        if (e->is_error) {
            out << paint(kRed, "error") << "  line " << e->line;
            if (!e->id.empty()) out << "  " << e->id;
            out << "  " << e->error << "\n";
            continue;
        }
        std::string score = e->score ? e->score->to_fixed(2) : "-";
        score.insert(0, score_w > score.size() ? score_w - score.size() : 0, ' ');
        out << paint(kBold, padded(e->route, route_w)) << "  "
            << paint(score_colour(e->score), score) << "  " << padded(e->id, id_w) << "  "
            << e->summary;
        if (!e->escalations.empty()) {
            std::string codes;
            for (const auto& c : e->escalations) codes += (codes.empty() ? "" : ",") + c;
            out << "  " << paint(kMagenta, "escalate: " + codes);
        }
        if (e->review) out << "  " << paint(kYellow, "review");
        if (e->explore) out << "  " << paint(kYellow, "explore");
        out << "\n";
    }
}

}  // namespace qualify::cli
